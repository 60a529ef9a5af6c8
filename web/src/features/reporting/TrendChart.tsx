import { CompositeChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../shared/components/ScrollTable';
import type { Report, ReportIndicator } from './api';
import { ChartFigure } from './ChartFigure';
import { type Absence, Figure } from './Figure';
import { useFigureFormat } from './labels';

/** Why a point of the series is null: persons hidden, or (manual) no value to report for that period. */
function pointAbsence(indicator: ReportIndicator, report: Report): Absence {
  const personal = indicator.unit === 'persons' && (indicator.definition?.personal ?? true);
  if (indicator.kind === 'manual') return 'none';
  return personal && report.suppression.applied ? 'hidden' : 'none';
}

/** An indicator's value against its target, period after period, with the table of the same figures. */
export function TrendChart({
  indicator,
  report,
  tableMode = 'toggle',
}: {
  indicator: ReportIndicator;
  report: Report;
  tableMode?: 'visible' | 'toggle';
}) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const threshold = report.suppression.threshold;
  const absence = pointAbsence(indicator, report);
  const title = t('reporting.trend.title', { code: indicator.code, title: indicator.title });
  const data = indicator.series.map((p) => ({ period: p.label, value: p.value, target: p.target }));
  const hasHidden = indicator.series.some((p) => p.value === null && absence === 'hidden');
  return (
    <ChartFigure
      title={title}
      note={hasHidden ? t('reporting.trend.hiddenNotDrawn') : undefined}
      tableMode={tableMode}
      chart={
        <CompositeChart
          h={200}
          data={data}
          dataKey="period"
          series={[
            { name: 'value', label: t('reporting.trend.value'), color: 'blue.6', type: 'bar' },
            { name: 'target', label: t('reporting.trend.target'), color: 'orange.7', type: 'line' },
          ]}
          withLegend
          connectNulls={false}
          curveType="linear"
          accessibilityLayer={false}
          valueFormatter={(v) => format.figure(v, indicator.unit)}
          maxBarWidth={40}
        />
      }
      table={
        <ScrollTable minWidth={360} label={title}>
          <Table withTableBorder striped captionSide="top">
            <Table.Caption>
              <Text size="sm" ta="start">
                {t('reporting.trend.tableCaption', { code: indicator.code })}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reporting.trend.period')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('reporting.trend.value')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('reporting.trend.target')}
                </Table.Th>
                <Table.Th scope="col">{t('reporting.trend.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicator.series.map((p) => (
                <Table.Tr key={p.periodId}>
                  <Table.Th scope="row" fw={400}>
                    {p.label}
                  </Table.Th>
                  <Table.Td ta="right">
                    <Figure value={p.value} unit={indicator.unit} absence={absence} threshold={threshold} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Figure value={p.target} unit={indicator.unit} threshold={threshold} />
                  </Table.Td>
                  <Table.Td>{t(`reporting.source.${p.source}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      }
    />
  );
}
