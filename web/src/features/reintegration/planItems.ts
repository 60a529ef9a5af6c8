import type { Plan, PlanItem } from './api';

/** Items deliveries can be recorded against: those of the approved version. */
export function deliverableItems(plan: Plan | null): PlanItem[] {
  return (plan?.items ?? []).filter((item) => item.approved !== null);
}

/** What is left to deliver on an item: approved minus delivered (minor units of the approved currency). */
export function remainingOf(item: PlanItem): number {
  return (item.approved?.minor ?? 0) - item.delivered.minor;
}
