import { Progress } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BudgetLine } from './api';

const percent = (part: number, whole: number) =>
  whole <= 0 ? (part > 0 ? 100 : 0) : Math.min(100, Math.max(0, Math.round((part / whole) * 100)));

/** How much of a line is delivered (green) and committed but not yet delivered (blue). */
export function BudgetBar({ line }: { line: BudgetLine }) {
  const { t } = useTranslation();
  const delivered = percent(line.delivered.minor, line.amount.minor);
  const committed = percent(line.committed.minor, line.amount.minor);
  const pending = Math.max(0, committed - delivered);
  return (
    <Progress.Root size="lg" miw={120}>
      <Progress.Section
        value={delivered}
        color="green"
        aria-label={t('budget.deliveredShare', { code: line.code, percent: delivered })}
      />
      <Progress.Section
        value={pending}
        color={line.remaining.minor < 0 ? 'red' : 'blue'}
        aria-label={t('budget.committedShare', { code: line.code, percent: pending })}
      />
    </Progress.Root>
  );
}
