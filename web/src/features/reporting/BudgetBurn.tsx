import { BarChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { isCurrency } from '../../shared/money/money';
import { useMoney } from '../../shared/money/useMoney';
import type { Report } from './api';
import { ChartFigure } from './ChartFigure';
import { useFigureFormat } from './labels';

type Line = Report['budget'][number];

/** An amount in minor units of its currency, in the reader's language. */
export function useAmount(): (minor: number, currency: string) => string {
  const money = useMoney();
  return (minor, currency) =>
    isCurrency(currency) ? money.money({ minor, currency }) : `${minor / 100} ${currency}`;
}

const burnOf = (line: Pick<Line, 'budgetMinor' | 'spentMinor'>) =>
  line.budgetMinor > 0 ? line.spentMinor / line.budgetMinor : null;

/**
 * Budget lines, spent (reintegration deliveries to the period's end) against budget. Lines may be in several
 * currencies, so the chart draws the share spent, and the table gives the amounts.
 */
export function BudgetBurn({ budget, periodLabel }: { budget: Report['budget']; periodLabel: string }) {
  const { t } = useTranslation();
  const amount = useAmount();
  const format = useFigureFormat();
  if (budget.length === 0) return <Text size="sm">{t('reporting.budget.empty')}</Text>;
  const title = t('reporting.budget.chartTitle', { period: periodLabel });
  const data = budget.map((line) => {
    const burn = burnOf(line);
    return { line: line.code, spent: burn === null ? null : Math.round(burn * 1000) / 10 };
  });
  return (
    <ChartFigure
      title={title}
      chart={
        <BarChart
          h={Math.max(200, budget.length * 30)}
          data={data}
          dataKey="line"
          orientation="vertical"
          series={[{ name: 'spent', label: t('reporting.budget.spentShare'), color: 'teal.6' }]}
          referenceLines={[{ x: 100, color: 'red.6', label: t('reporting.budget.fullBudget') }]}
          accessibilityLayer={false}
          valueFormatter={(v) => format.share(v / 100)}
          yAxisProps={{ width: 90 }}
          xAxisProps={{ domain: [0, (max: number) => Math.max(100, Math.ceil(max))] }}
        />
      }
      table={
        <ScrollTable minWidth={640} label={t('reporting.budget.tableLabel')}>
          <Table withTableBorder striped captionSide="top">
            <Table.Caption>
              <Text size="sm" ta="start">
                {t('reporting.budget.tableCaption', { period: periodLabel })}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reporting.budget.line')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('reporting.budget.budget')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('reporting.budget.spent')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('reporting.budget.remaining')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('reporting.budget.spentShare')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {budget.map((line) => {
                const burn = burnOf(line);
                const over = line.spentMinor > line.budgetMinor;
                return (
                  <Table.Tr key={line.code}>
                    <Table.Th scope="row" fw={400}>
                      <Text span ff="monospace" size="sm">
                        {line.code}
                      </Text>{' '}
                      {line.label}
                    </Table.Th>
                    <Table.Td ta="right">{amount(line.budgetMinor, line.currency)}</Table.Td>
                    <Table.Td ta="right">{amount(line.spentMinor, line.currency)}</Table.Td>
                    <Table.Td ta="right" c={over ? 'red.9' : undefined}>
                      {amount(line.budgetMinor - line.spentMinor, line.currency)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {burn === null ? t('common.none') : format.share(burn)}
                      {over ? ` (${t('reporting.budget.over')})` : ''}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      }
    />
  );
}
