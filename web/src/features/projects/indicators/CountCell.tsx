import { useTranslation } from 'react-i18next';
import { SMALL_CELL_THRESHOLD } from '../../../../../src/platform/suppression';
import { useFormat } from '../../../shared/format/useFormat';

/** A count of persons, or "< 5" when the report hides it as a small cell. */
export function CountCell({ value }: { value: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (value !== null) return <>{format.number(value)}</>;
  return (
    <abbr title={t('indicators.suppressedTitle')} style={{ textDecoration: 'none' }}>
      {t('indicators.suppressedCell', { threshold: SMALL_CELL_THRESHOLD })}
    </abbr>
  );
}
