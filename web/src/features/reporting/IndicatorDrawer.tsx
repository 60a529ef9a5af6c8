import { BarChart } from '@mantine/charts';
import { Badge, Drawer, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DescriptionList } from '../../shared/components/DescriptionList';
import type { CrossTab, Report, ReportIndicator } from './api';
import { ChartFigure } from './ChartFigure';
import { CrossTabTable, marginOf, orderedKeys } from './CrossTabTable';
import { absenceOf, Figure } from './Figure';
import { CountsText, TargetProgress } from './IndicatorCard';
import { useFigureFormat, useReportingLabels } from './labels';
import { elapsedAt } from './progress';
import { TrendChart } from './TrendChart';

const PALETTE = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.7', 'pink.6', 'lime.7', 'indigo.6'];

/** The drill-down of one indicator: definition, every breakdown (matrices with margins), charts with tables. */
export function IndicatorDrawer({
  indicator,
  report,
  onClose,
}: {
  indicator: ReportIndicator | null;
  report: Report;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={indicator !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        indicator ? (
          <Text fw={700} component="span">
            {t('reporting.drill.title', { code: indicator.code, title: indicator.title })}
          </Text>
        ) : null
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {indicator ? <IndicatorDetail indicator={indicator} report={report} /> : null}
    </Drawer>
  );
}

function IndicatorDetail({ indicator, report }: { indicator: ReportIndicator; report: Report }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const format = useFigureFormat();
  const threshold = report.suppression.threshold;
  const tables = indicator.breakdowns;
  const [chartSpec, setChartSpec] = useState(tables[0]?.spec ?? '');
  const charted = tables.find((b) => b.spec === chartSpec) ?? tables[0];
  const elapsed = elapsedAt(report.project.startDate, report.project.endDate, report.period.endDate);
  const definition = indicator.definition;
  return (
    <Stack gap="lg">
      <Group gap={4}>
        <Badge variant="light" color="gray" tt="none">
          {indicator.kind === 'computed'
            ? t('reporting.indicator.computed')
            : t('reporting.indicator.manual')}
        </Badge>
        <Badge variant="outline" color="gray" tt="none">
          {labels.unit(indicator.unit)}
        </Badge>
        <Badge variant="light" color="gray" tt="none">
          {labels.periodSpan(report.period)}
        </Badge>
      </Group>
      <DescriptionList
        label={t('reporting.indicator.factsLabel', { code: indicator.code })}
        items={[
          {
            term: t('reporting.indicator.value', { period: report.period.label }),
            description: (
              <Figure
                value={indicator.value}
                unit={indicator.unit}
                absence={absenceOf(indicator, report)}
                threshold={threshold}
              />
            ),
          },
          {
            term: t('reporting.indicator.cumulative'),
            description: (
              <Figure
                value={indicator.cumulative}
                unit={indicator.unit}
                absence={indicator.kind === 'manual' ? 'none' : absenceOf(indicator, report)}
                threshold={threshold}
              />
            ),
          },
          {
            term: t('reporting.indicator.target'),
            description: <Figure value={indicator.target} unit={indicator.unit} threshold={threshold} />,
          },
          {
            term: t('reporting.indicator.periodTarget'),
            description: (
              <Figure value={indicator.periodTarget} unit={indicator.unit} threshold={threshold} />
            ),
          },
          {
            term: t('reporting.indicator.baseline'),
            description: <Figure value={indicator.baseline} unit={indicator.unit} threshold={threshold} />,
          },
        ]}
      />
      <TargetProgress indicator={indicator} elapsed={elapsed} />

      <section aria-labelledby={`definition-${indicator.id}`}>
        <Title order={3} size="h5" id={`definition-${indicator.id}`} mb={4}>
          {t('reporting.drill.definition')}
        </Title>
        <Stack gap={4}>
          {definition ? (
            <Text size="sm" c="dimmed">
              {t('reporting.drill.definitionId', {
                title: definition.title[report.language],
                id: definition.id,
                version: definition.version,
              })}
            </Text>
          ) : null}
          <Text size="sm">
            <CountsText indicator={indicator} />
          </Text>
          {definition?.personal ? (
            <Text size="sm" c="dimmed">
              {t('reporting.drill.personal', { threshold })}
            </Text>
          ) : null}
          {definition && definition.breakdowns.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('reporting.drill.supported', {
                list: definition.breakdowns.map(labels.dimension).join(', '),
              })}
            </Text>
          ) : null}
        </Stack>
      </section>
      <section aria-labelledby={`verification-${indicator.id}`}>
        <Title order={3} size="h5" id={`verification-${indicator.id}`} mb={4}>
          {t('reporting.indicator.meansOfVerification')}
        </Title>
        <Text size="sm">{indicator.meansOfVerification || t('reporting.drill.noVerification')}</Text>
      </section>

      {indicator.series.length > 0 ? (
        <TrendChart indicator={indicator} report={report} tableMode="visible" />
      ) : null}

      <section aria-labelledby={`breakdowns-${indicator.id}`}>
        <Title order={3} size="h5" id={`breakdowns-${indicator.id}`} mb="xs">
          {t('reporting.drill.breakdowns')}
        </Title>
        {tables.length === 0 ? (
          <Text size="sm">{t('reporting.drill.noBreakdowns')}</Text>
        ) : (
          <Stack gap="lg">
            {charted ? (
              <Stack gap="xs">
                <NativeSelect
                  label={t('reporting.drill.chartOf')}
                  value={charted.spec}
                  onChange={(e) => setChartSpec(e.currentTarget.value)}
                  data={tables.map((b) => ({ value: b.spec, label: labels.spec(b.spec) }))}
                  maw={360}
                />
                <BreakdownChart
                  table={charted}
                  indicator={indicator}
                  threshold={threshold}
                  format={(v) => format.figure(v, indicator.unit)}
                />
              </Stack>
            ) : null}
            {tables.map((b) => (
              <CrossTabTable
                key={b.spec}
                table={b}
                unit={indicator.unit}
                threshold={threshold}
                caption={t('reporting.drill.tableCaption', {
                  title: indicator.title,
                  spec: labels.spec(b.spec),
                })}
              />
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

/** Bars per category of a breakdown (a pair: one bar per category of the second, side by side). */
function BreakdownChart({
  table,
  indicator,
  threshold,
  format,
}: {
  table: CrossTab;
  indicator: ReportIndicator;
  threshold: number;
  format: (value: number) => string;
}) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const [first, second] = table.dimensions;
  if (!first) return null;
  const title = t('reporting.drill.chartTitle', { title: indicator.title, spec: labels.spec(table.spec) });
  const margin = marginOf(table);
  const rows = orderedKeys(margin, (k) => labels.value(first, k));
  const hidden = Object.values(margin).some((v) => v === null) || hasHiddenCell(table);
  let data: Record<string, string | number | null>[];
  let series: { name: string; label: string; color: string }[];
  if (!second) {
    data = rows.map((k) => ({ category: labels.value(first, k), value: margin[k] ?? null }));
    series = [{ name: 'value', label: labels.unit(indicator.unit), color: 'blue.6' }];
  } else {
    const cols = orderedKeys(table.cols ?? {}, (k) => labels.value(second, k));
    data = rows.map((r) => {
      const point: Record<string, string | number | null> = { category: labels.value(first, r) };
      cols.forEach((c, i) => {
        const row = table.cells?.[r];
        point[`c${i}`] = row && c in row ? (row[c] ?? null) : 0;
      });
      return point;
    });
    series = cols.map((c, i) => ({
      name: `c${i}`,
      label: labels.value(second, c),
      color: PALETTE[i % PALETTE.length] ?? 'blue.6',
    }));
  }
  return (
    <ChartFigure
      title={title}
      note={hidden ? t('reporting.trend.hiddenNotDrawn') : undefined}
      tableMode="toggle"
      chart={
        <BarChart
          h={Math.max(200, data.length * (second ? 44 : 30))}
          data={data}
          dataKey="category"
          series={series}
          orientation="vertical"
          withLegend={Boolean(second)}
          accessibilityLayer={false}
          valueFormatter={format}
          yAxisProps={{ width: 140 }}
        />
      }
      table={
        <CrossTabTable
          table={table}
          unit={indicator.unit}
          threshold={threshold}
          caption={t('reporting.drill.chartTableCaption', { spec: labels.spec(table.spec) })}
        />
      }
    />
  );
}

function hasHiddenCell(table: CrossTab): boolean {
  if (table.total === null) return true;
  if (Object.values(table.cols ?? {}).some((v) => v === null)) return true;
  return Object.values(table.cells ?? {}).some((row) => Object.values(row).some((v) => v === null));
}
