import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat';

/** "12 mars 2025" for one day, "du 12 mars 2025 au 14 mars 2025" for several. */
export function DateRange({ start, end }: { start: string; end: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (start === end) return <>{format.calendarDate(start)}</>;
  return (
    <>{t('activities.dateRange', { start: format.calendarDate(start), end: format.calendarDate(end) })}</>
  );
}
