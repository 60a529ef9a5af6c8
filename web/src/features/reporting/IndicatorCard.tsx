import { Badge, Box, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconZoomIn } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { DescriptionList } from '../../shared/components/DescriptionList';
import type { Report, ReportIndicator } from './api';
import { absenceOf, Figure } from './Figure';
import { MANUAL_STATUS_COLOR, useFigureFormat, useReportingLabels } from './labels';
import { barValue, elapsedAt, onTrack } from './progress';
import { TrendChart } from './TrendChart';

/** What a figure counts: the definition's own words, or how a manual figure is obtained. */
export function CountsText({ indicator }: { indicator: ReportIndicator }) {
  const { t } = useTranslation();
  if (indicator.definition) return <>{indicator.definition.counts[currentLanguage()]}</>;
  return <>{t('reporting.indicator.manualCounts')}</>;
}

/** The progress bar of an indicator's cumulative figure against its overall target. */
export function TargetProgress({
  indicator,
  elapsed,
}: {
  indicator: Pick<ReportIndicator, 'code' | 'progress'>;
  elapsed: number | null;
}) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  if (indicator.progress === null) return null;
  const track = onTrack(indicator.progress, elapsed);
  const percent = format.share(indicator.progress);
  return (
    <Stack gap={4}>
      <Progress
        value={barValue(indicator.progress)}
        size="lg"
        color={track === false ? 'orange' : 'teal'}
        aria-label={t('reporting.indicator.progressLabel', { code: indicator.code, percent })}
      />
      <Group gap="xs">
        <Text size="xs">{t('reporting.indicator.progressText', { percent })}</Text>
        {track === null ? null : (
          <Badge size="sm" variant="light" color={track ? 'green' : 'orange'} tt="none">
            {track ? t('reporting.indicator.onTrack') : t('reporting.indicator.behind')}
          </Badge>
        )}
        {elapsed === null ? null : (
          <Text size="xs" c="dimmed">
            {t('reporting.indicator.elapsed', { percent: format.share(elapsed) })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** One indicator of the dashboard: its figures, what they count, and its trend over the periods. */
export function IndicatorCard({
  indicator,
  report,
  onOpen,
}: {
  indicator: ReportIndicator;
  report: Report;
  onOpen: (indicatorId: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const format = useFigureFormat();
  const threshold = report.suppression.threshold;
  const headingId = `indicator-${indicator.id}`;
  const point = indicator.series.find((p) => p.periodId === report.period.id);
  const source = point?.source ?? report.source;
  const elapsed = elapsedAt(report.project.startDate, report.project.endDate, report.period.endDate);
  const absence = absenceOf(indicator, report);
  const cumulativeAbsence = indicator.kind === 'manual' ? 'none' : absenceOf(indicator, report);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={4} size="h5" id={headingId}>
            <Text span ff="monospace" fw={700} inherit>
              {indicator.code}
            </Text>{' '}
            {indicator.title}
          </Title>
          <Group gap={4}>
            <Badge variant="light" color="gray" tt="none">
              {indicator.kind === 'computed'
                ? t('reporting.indicator.computed')
                : t('reporting.indicator.manual')}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {labels.unit(indicator.unit)}
            </Badge>
            {indicator.manualStatus ? (
              <Badge variant="light" color={MANUAL_STATUS_COLOR[indicator.manualStatus]} tt="none">
                {labels.manualStatus(indicator.manualStatus)}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="sm">
            <Group gap="xl" align="flex-end">
              <div>
                <Text size="xs" c="dimmed">
                  {t('reporting.indicator.value', { period: report.period.label })}
                </Text>
                <Text size="xl" fw={700} data-testid="indicator-value">
                  <Figure
                    value={indicator.value}
                    unit={indicator.unit}
                    absence={absence}
                    threshold={threshold}
                  />
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('reporting.indicator.cumulative')}
                </Text>
                <Text size="lg" fw={600}>
                  <Figure
                    value={indicator.cumulative}
                    unit={indicator.unit}
                    absence={cumulativeAbsence}
                    threshold={threshold}
                  />
                  {indicator.target !== null ? (
                    <Text span size="sm" c="dimmed" fw={400}>
                      {' '}
                      {t('reporting.indicator.ofTarget', {
                        target: format.figure(indicator.target, indicator.unit),
                      })}
                    </Text>
                  ) : null}
                </Text>
              </div>
            </Group>
            <TargetProgress indicator={indicator} elapsed={elapsed} />
            <DescriptionList
              label={t('reporting.indicator.factsLabel', { code: indicator.code })}
              items={[
                {
                  term: t('reporting.indicator.periodTarget'),
                  description: (
                    <Figure value={indicator.periodTarget} unit={indicator.unit} threshold={threshold} />
                  ),
                },
                {
                  term: t('reporting.indicator.target'),
                  description: (
                    <Figure value={indicator.target} unit={indicator.unit} threshold={threshold} />
                  ),
                },
                {
                  term: t('reporting.indicator.baseline'),
                  description: (
                    <Figure value={indicator.baseline} unit={indicator.unit} threshold={threshold} />
                  ),
                },
                { term: t('reporting.indicator.source'), description: t(`reporting.source.${source}`) },
                ...(indicator.comment
                  ? [{ term: t('reporting.indicator.comment'), description: indicator.comment }]
                  : []),
              ]}
            />
          </Stack>
          <Box
            p="sm"
            style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 'var(--mantine-radius-sm)' }}
          >
            <Text size="sm" fw={600}>
              {t('reporting.indicator.counts')}
            </Text>
            <Text size="sm">
              <CountsText indicator={indicator} />
            </Text>
            {indicator.meansOfVerification ? (
              <>
                <Text size="sm" fw={600} mt="xs">
                  {t('reporting.indicator.meansOfVerification')}
                </Text>
                <Text size="sm">{indicator.meansOfVerification}</Text>
              </>
            ) : null}
          </Box>
        </SimpleGrid>
        {indicator.series.length > 0 ? <TrendChart indicator={indicator} report={report} /> : null}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconZoomIn size={14} aria-hidden />}
            onClick={() => onOpen(indicator.id)}
            aria-label={t('reporting.indicator.openLabel', { code: indicator.code, title: indicator.title })}
          >
            {t('reporting.indicator.open')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
