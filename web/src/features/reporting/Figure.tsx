import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Report, ReportIndicator } from './api';
import { useFigureFormat } from './labels';

/**
 * Why a figure is absent. `hidden`: a small cell suppressed in a report that leaves the office (never shown
 * as 0); `notEntered` / `notValidated`: a manual value missing, or not validated yet in a shared report;
 * `none`: nothing to show (no target, a definition not computed yet).
 */
export type Absence = 'hidden' | 'notEntered' | 'notValidated' | 'none';

/** The localised "hidden" mark of a suppressed cell, with its explanation (hover, and read aloud). */
export function HiddenMark({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  return (
    <span data-hidden-cell="">
      <abbr title={t('reporting.hidden.explanation', { threshold })} style={{ cursor: 'help' }}>
        {t('reporting.hidden.mark')}
      </abbr>
      <VisuallyHidden> ({t('reporting.hidden.short', { threshold })})</VisuallyHidden>
    </span>
  );
}

/** A figure in its unit, or what stands in for it. */
export function Figure({
  value,
  unit,
  absence = 'none',
  threshold,
}: {
  value: number | null;
  unit: string;
  absence?: Absence;
  threshold: number;
}) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  if (value !== null) return <>{format.figure(value, unit)}</>;
  switch (absence) {
    case 'hidden':
      return <HiddenMark threshold={threshold} />;
    case 'notEntered':
      return <>{t('reporting.absent.notEntered')}</>;
    case 'notValidated':
      return <>{t('reporting.absent.notValidated')}</>;
    default:
      return (
        <>
          <span aria-hidden>{t('common.none')}</span>
          <VisuallyHidden>{t('reporting.absent.none')}</VisuallyHidden>
        </>
      );
  }
}

/**
 * Why an indicator's figure is null in this report: counts of persons are suppressed (as are manual figures
 * of persons); a manual value may be missing, or left out of a shared report until it is validated.
 */
export function absenceOf(
  indicator: Pick<ReportIndicator, 'kind' | 'unit' | 'manualStatus' | 'definition'>,
  report: Pick<Report, 'suppression'>,
  options: { manualStatus?: ReportIndicator['manualStatus'] } = {},
): Absence {
  const personal = indicator.unit === 'persons' && (indicator.definition?.personal ?? true);
  if (indicator.kind === 'manual') {
    const status = options.manualStatus === undefined ? indicator.manualStatus : options.manualStatus;
    if (status === 'missing' || status === null) return 'notEntered';
    if (status !== 'validated' && report.suppression.applied) return 'notValidated';
  }
  if (personal && report.suppression.applied) return 'hidden';
  return 'none';
}
