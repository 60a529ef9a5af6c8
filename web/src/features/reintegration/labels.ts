/** Human labels of reintegration vocabularies, and the budget warnings as sentences. */
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_MODES,
  DIMENSIONS,
  NEED_LEVELS,
  SERVICE_TYPES,
} from '../../../../src/modules/reintegration/contract';
import { useFormat } from '../../shared/format/useFormat';
import { useMoney } from '../../shared/money/useMoney';
import type { PlanItem, PlanWarning } from './api';

export type Dimension = (typeof DIMENSIONS)[number];
export type NeedLevel = (typeof NEED_LEVELS)[number];
export type ServiceType = (typeof SERVICE_TYPES)[number];
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function dimensionLabel(value: string, t: TFunction): string {
  return isOneOf(DIMENSIONS, value) ? t(`reintegration.dimensions.${value}`) : value;
}

export function levelLabel(value: string, t: TFunction): string {
  return isOneOf(NEED_LEVELS, value) ? t(`reintegration.levels.${value}`) : value;
}

export function serviceTypeLabel(value: string, t: TFunction): string {
  return isOneOf(SERVICE_TYPES, value) ? t(`reintegration.serviceTypes.${value}`) : value;
}

export function deliveryModeLabel(value: string, t: TFunction): string {
  return isOneOf(DELIVERY_MODES, value) ? t(`reintegration.deliveryModes.${value}`) : value;
}

/** "Partenaire : Caritas" or "En interne". */
export function providerLabel(item: Pick<PlanItem, 'providerKind' | 'providerName'>, t: TFunction): string {
  return item.providerKind === 'partner'
    ? t('reintegration.plan.providerPartner', { name: item.providerName ?? '' })
    : t('reintegration.providerKinds.in_house');
}

/** A need level's colour: none grey, low blue, medium orange, high red. */
export function levelColor(level: string): string {
  switch (level) {
    case 'high':
      return 'red';
    case 'medium':
      return 'orange';
    case 'low':
      return 'blue';
    default:
      return 'gray';
  }
}

/** A budget warning in the UI language, its amounts formatted in their currency. */
export function useWarningMessage(): (warning: PlanWarning) => string {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  return useCallback(
    (warning: PlanWarning) => {
      const p = warning.params;
      switch (warning.code) {
        case 'budget_line_exceeded':
          return t('reintegration.warnings.budget_line_exceeded', {
            line: String(p.line ?? ''),
            remaining: money.decimal(p.remaining, p.currency),
            needed: money.decimal(p.needed, p.currency),
          });
        case 'allowance_exceeded':
          return t('reintegration.warnings.allowance_exceeded', {
            total: money.decimal(p.total, p.currency),
            limit: money.decimal(p.limit, p.currency),
          });
        case 'exchange_rate_missing':
          return t('reintegration.warnings.exchange_rate_missing', {
            currency: String(p.currency ?? ''),
            date: typeof p.date === 'string' ? format.calendarDate(p.date) : String(p.date ?? ''),
          });
        default:
          return warning.code;
      }
    },
    [t, money, format],
  );
}
