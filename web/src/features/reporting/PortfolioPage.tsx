import { BarChart } from '@mantine/charts';
import { Anchor, Group, NativeSelect, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { useFormat } from '../../shared/format/useFormat';
import { useOfficesWith } from '../offices/useOfficesWith';
import { type Portfolio, usePortfolio } from './api';
import { useAmount } from './BudgetBurn';
import { ChartFigure } from './ChartFigure';
import { HiddenMark } from './Figure';
import { useFigureFormat } from './labels';
import { reportingPath } from './ProjectReportingPage';
import { barValue } from './progress';

/** The threshold under which counts of persons are hidden (platform/suppression.ts). */
const THRESHOLD = 5;

/**
 * The portfolio: every project the reader reports on, across the mission or for one office, with its
 * headline figure against target, progress against time, indicators on track, and budget burn.
 */
export function PortfolioPage() {
  const { t } = useTranslation();
  const [officeId, setOfficeId] = useState('');
  const offices = useOfficesWith('reports.read');
  const portfolio = usePortfolio(officeId || null);
  return (
    <>
      <PageHeader title={t('reporting.portfolio.title')} intro={t('reporting.portfolio.intro')} />
      <Stack gap="lg">
        <NativeSelect
          label={t('reporting.portfolio.scope')}
          value={officeId}
          onChange={(e) => setOfficeId(e.currentTarget.value)}
          data={[
            { value: '', label: t('reporting.portfolio.mission') },
            ...offices.offices.map((o) => ({ value: o.id, label: o.name })),
          ]}
          maw={360}
        />
        {portfolio.isPending ? (
          <LoadingState />
        ) : portfolio.isError ? (
          <QueryError error={portfolio.error} onRetry={() => void portfolio.refetch()} />
        ) : (
          <PortfolioView portfolio={portfolio.data} />
        )}
      </Stack>
    </>
  );
}

function PortfolioView({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = useFigureFormat();
  const projects = portfolio.projects;
  const totals = {
    indicators: projects.reduce((s, p) => s + p.indicators, 0),
    onTrack: projects.reduce((s, p) => s + p.onTrack, 0),
    behind: projects.reduce((s, p) => s + p.behind, 0),
  };
  if (projects.length === 0) return <Text>{t('reporting.portfolio.empty')}</Text>;
  const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
  const data = projects.map((p) => ({
    project: p.code,
    elapsed: percent(p.timeElapsed),
    progress: percent(p.headline?.progress ?? null),
    burn: p.budgetMinor && p.spentMinor !== null ? percent(p.spentMinor / p.budgetMinor) : null,
  }));
  const scope =
    portfolio.scope === 'mission'
      ? t('reporting.portfolio.scopeMission')
      : t('reporting.portfolio.scopeOffice', { office: portfolio.officeCode ?? '' });
  return (
    <Stack gap="lg">
      <Group gap="lg">
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed">
            {t('reporting.portfolio.projects')}
          </Text>
          <Text size="xl" fw={700}>
            {format.number(projects.length)}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed">
            {t('reporting.portfolio.onTrack')}
          </Text>
          <Text size="xl" fw={700} c="green.9">
            {t('reporting.portfolio.ofIndicators', {
              value: format.number(totals.onTrack),
              total: format.number(totals.indicators),
            })}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed">
            {t('reporting.portfolio.behind')}
          </Text>
          <Text size="xl" fw={700} c={totals.behind > 0 ? 'orange.9' : undefined}>
            {format.number(totals.behind)}
          </Text>
        </Paper>
        <Text size="sm" c="dimmed">
          {t('reporting.portfolio.generated', { scope, date: format.dateTime(portfolio.generatedAt) })}
        </Text>
      </Group>
      <Paper withBorder p="lg" component="section" aria-labelledby="portfolio-projects">
        <Title order={2} size="h3" id="portfolio-projects" mb="md">
          {t('reporting.portfolio.projectsTitle')}
        </Title>
        <ChartFigure
          title={t('reporting.portfolio.chartTitle')}
          note={t('reporting.portfolio.chartNote')}
          chart={
            <BarChart
              h={Math.max(220, projects.length * 70)}
              data={data}
              dataKey="project"
              orientation="vertical"
              withLegend
              accessibilityLayer={false}
              series={[
                { name: 'elapsed', label: t('reporting.portfolio.elapsed'), color: 'gray.5' },
                { name: 'progress', label: t('reporting.portfolio.progress'), color: 'teal.6' },
                { name: 'burn', label: t('reporting.portfolio.burn'), color: 'indigo.5' },
              ]}
              valueFormatter={(v) => figures.share(v / 100)}
              yAxisProps={{ width: 90 }}
            />
          }
          table={<PortfolioTable portfolio={portfolio} />}
        />
      </Paper>
    </Stack>
  );
}

function PortfolioTable({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = useFigureFormat();
  return (
    <ScrollTable minWidth={960} label={t('reporting.portfolio.tableLabel')}>
      <Table withTableBorder striped captionSide="top">
        <Table.Caption>
          <Text size="sm" ta="start">
            {t('reporting.portfolio.tableCaption')}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reporting.portfolio.columns.project')}</Table.Th>
            <Table.Th scope="col">{t('reporting.portfolio.columns.headline')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reporting.portfolio.columns.value')}
            </Table.Th>
            <Table.Th scope="col">{t('reporting.portfolio.columns.progress')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reporting.portfolio.elapsed')}
            </Table.Th>
            <Table.Th scope="col">{t('reporting.portfolio.columns.tracking')}</Table.Th>
            <Table.Th scope="col">{t('reporting.portfolio.burn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {portfolio.projects.map((p) => {
            const h = p.headline;
            const behindTime =
              h?.progress != null && p.timeElapsed !== null && h.progress < p.timeElapsed - 0.1;
            return (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={reportingPath(p.id)} fw={600} size="sm">
                    {t('reporting.portfolio.openDashboard', { code: p.code })}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.endDate
                      ? t('reporting.portfolio.dates', {
                          start: format.calendarDate(p.startDate),
                          end: format.calendarDate(p.endDate),
                        })
                      : t('reporting.portfolio.since', { start: format.calendarDate(p.startDate) })}
                    {p.donor ? ` · ${p.donor}` : ''}
                  </Text>
                </Table.Th>
                <Table.Td>
                  {h ? (
                    <>
                      <Text span ff="monospace" size="sm" mr={4}>
                        {h.code}
                      </Text>
                      {h.title}
                    </>
                  ) : (
                    t('reporting.portfolio.noHeadline')
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {h ? (
                    <>
                      {h.value === null ? <HiddenMark threshold={THRESHOLD} /> : format.number(h.value)}
                      {h.target !== null ? (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          {t('reporting.indicator.ofTarget', { target: format.number(h.target) })}
                        </Text>
                      ) : null}
                    </>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
                <Table.Td miw={140}>
                  {h?.progress != null ? (
                    <Stack gap={2}>
                      <Progress
                        value={barValue(h.progress)}
                        color={behindTime ? 'orange' : 'teal'}
                        aria-label={t('reporting.indicator.progressLabel', {
                          code: `${p.code} ${h.code}`,
                          percent: figures.share(h.progress),
                        })}
                      />
                      <Text size="xs">{figures.share(h.progress)}</Text>
                    </Stack>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {p.timeElapsed === null ? t('reporting.portfolio.noEnd') : figures.share(p.timeElapsed)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="green.9" fw={600}>
                    {t('reporting.portfolio.onTrackCount', { count: p.onTrack })}
                  </Text>
                  <Text
                    size="sm"
                    c={p.behind > 0 ? 'orange.9' : undefined}
                    fw={p.behind > 0 ? 600 : undefined}
                  >
                    {t('reporting.portfolio.behindCount', { count: p.behind })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('reporting.portfolio.indicatorsCount', { count: p.indicators })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <BudgetBurnCell project={p} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Spent against budget (the project's first currency; lines in other currencies are left out). */
function BudgetBurnCell({ project }: { project: Portfolio['projects'][number] }) {
  const { t } = useTranslation();
  const amount = useAmount();
  const figures = useFigureFormat();
  if (!project.currency || !project.budgetMinor || project.spentMinor === null)
    return <>{t('reporting.portfolio.noBudget')}</>;
  const spentMinor = project.spentMinor;
  const share = spentMinor / project.budgetMinor;
  return (
    <Stack gap={2}>
      <Progress
        value={barValue(share)}
        color={share > 1 ? 'red' : 'indigo'}
        aria-label={t('reporting.portfolio.burnLabel', { code: project.code, percent: figures.share(share) })}
      />
      <Text size="xs">
        {t('reporting.portfolio.burnText', {
          spent: amount(spentMinor, project.currency),
          budget: amount(project.budgetMinor, project.currency),
          percent: figures.share(share),
        })}
      </Text>
    </Stack>
  );
}
