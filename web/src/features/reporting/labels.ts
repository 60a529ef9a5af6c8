/** Human labels of the reporting vocabularies, and figures formatted by unit in the reader's language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BREAKDOWNS,
  type Breakdown,
  NODE_KINDS,
  PERIOD_KINDS,
  UNITS,
} from '../../../../src/modules/reporting/contract';
import { useFormat } from '../../shared/format/useFormat';
import { sexLabel } from '../referrals/labels';
import { NEEDS_BY_CATEGORY, needCategoryLabel } from '../registry/labels';
import { deliveryModeLabel, dimensionLabel } from '../reintegration/labels';

export type Unit = (typeof UNITS)[number];
export type NodeKind = (typeof NODE_KINDS)[number];
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type ManualStatus = 'missing' | 'submitted' | 'validated' | 'returned';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export const isBreakdown = (value: string): value is Breakdown => isOneOf(BREAKDOWNS, value);

const AGE_BANDS = ['minor', 'unaccompanied_minor', 'adult', 'unknown'] as const;
const TIMINGS = ['pre_return', 'post_return'] as const;

/** Colours of the manual values' states, the same on every screen. */
export const MANUAL_STATUS_COLOR: Record<ManualStatus, string> = {
  missing: 'gray',
  submitted: 'blue',
  validated: 'green',
  returned: 'orange',
};

export function useReportingLabels() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const unknown = t('reporting.categories.unknown');
    const dimension = (d: string) => (isBreakdown(d) ? t(`reporting.breakdowns.${d}`) : d);
    const value = (d: string, key: string): string => {
      if (key === 'unknown') return unknown;
      switch (d) {
        case 'sex':
          return sexLabel(key, t);
        case 'age_band':
          return isOneOf(AGE_BANDS, key) ? t(`reporting.categories.ageBands.${key}`) : key;
        case 'nationality':
        case 'host_country':
        case 'return_country':
          return format.country(key);
        case 'vulnerability': {
          const category = NEEDS_BY_CATEGORY.find((c) => c.category === key)?.category;
          return category ? needCategoryLabel(category, i18n.language) : key;
        }
        case 'assistance_type':
          return dimensionLabel(key, t);
        case 'assistance_mode':
          return deliveryModeLabel(key, t);
        case 'assistance_timing':
          return isOneOf(TIMINGS, key) ? t(`reporting.categories.timings.${key}`) : key;
        case 'budget_line':
          return key === 'none' ? t('reporting.categories.noBudgetLine') : key;
        default:
          return key;
      }
    };
    return {
      /** A breakdown's name, e.g. "Sexe". */
      dimension,
      /** A breakdown spec, e.g. "Sexe × Tranche d’âge". */
      spec: (spec: string) => spec.split('*').map(dimension).join(' × '),
      /** A category of a breakdown, e.g. ("sex", "female") → "Femme". */
      value,
      unit: (unit: string) => (isOneOf(UNITS, unit) ? t(`reporting.units.${unit}`) : unit),
      nodeKind: (kind: string) => (isOneOf(NODE_KINDS, kind) ? t(`reporting.nodeKinds.${kind}`) : kind),
      periodKind: (kind: string) => (isOneOf(PERIOD_KINDS, kind) ? t(`reporting.periodKinds.${kind}`) : kind),
      manualStatus: (status: ManualStatus) => t(`reporting.manualStatus.${status}`),
      /** "Q3 2015 (1 juil. – 30 sept. 2015)". */
      periodSpan: (p: { label: string; startDate: string; endDate: string }) =>
        t('reporting.periodSpan', {
          label: p.label,
          start: format.calendarDate(p.startDate),
          end: format.calendarDate(p.endDate),
        }),
    };
  }, [t, i18n.language, format]);
}

/** Figures by unit: counts as whole numbers, euros as amounts, percentages with their sign. */
export function useFigureFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const count = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    const euros = new Intl.NumberFormat(language, {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    });
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
    const share = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    return {
      /** A figure of an indicator in its unit (a percent indicator holds 0–100). */
      figure: (value: number, unit: string) =>
        unit === 'eur'
          ? euros.format(value)
          : unit === 'percent'
            ? percent.format(value / 100)
            : count.format(value),
      /** A share 0..n as a percentage, e.g. 0.87 → "87 %". */
      share: (value: number) => share.format(value),
    };
  }, [language]);
}
