import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Currency, Money } from '../../shared/money/money';
import { useMoney } from '../../shared/money/useMoney';
import type { Plan } from './api';

/** The currencies of a plan's totals, in first-seen order (planned, then approved, then delivered). */
function currenciesOf(totals: Plan['totals']): Currency[] {
  const seen: Currency[] = [];
  for (const m of [...totals.planned, ...totals.approved, ...totals.delivered])
    if (!seen.includes(m.currency)) seen.push(m.currency);
  return seen;
}

const amountIn = (list: readonly Money[], currency: Currency): Money =>
  list.find((m) => m.currency === currency) ?? { minor: 0, currency };

/** Running totals per currency: planned (current items), approved (the approved version) and delivered. */
export function PlanTotals({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const money = useMoney();
  const currencies = currenciesOf(plan.totals);
  return (
    <div>
      <Table.ScrollContainer minWidth={420}>
        <Table aria-label={t('reintegration.totals.tableLabel')} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reintegration.totals.currency')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reintegration.totals.planned')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reintegration.totals.approved')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reintegration.totals.delivered')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {currencies.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>{t('reintegration.totals.empty')}</Table.Td>
              </Table.Tr>
            ) : (
              currencies.map((currency) => (
                <Table.Tr key={currency}>
                  <Table.Th scope="row">{currency}</Table.Th>
                  <Table.Td ta="right">{money.money(amountIn(plan.totals.planned, currency))}</Table.Td>
                  <Table.Td ta="right">{money.money(amountIn(plan.totals.approved, currency))}</Table.Td>
                  <Table.Td ta="right">{money.money(amountIn(plan.totals.delivered, currency))}</Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" mt="xs">
        {plan.allowance
          ? t('reintegration.totals.allowance', { amount: money.money(plan.allowance) })
          : t('reintegration.totals.noAllowance')}
      </Text>
    </div>
  );
}
