import {
  Alert,
  Badge,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconEyeOff, IconLock, IconShieldCheck } from '@tabler/icons-react';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { type Period, type Report, type ReportParams, type ReportSource, useReport } from './api';
import { BreakdownPicker } from './BreakdownPicker';
import { BudgetBurn } from './BudgetBurn';
import { ChangesTable } from './ChangesTable';
import { ExportsPanel } from './ExportsPanel';
import { IndicatorCard } from './IndicatorCard';
import { IndicatorDrawer } from './IndicatorDrawer';
import { useReportingLabels } from './labels';

/** The most extra breakdowns the report accepts (ReportQuerySchema). */
const MAX_EXTRA_BREAKDOWNS = 6;

type OfficeOption = { id: string; code: string; label: string };
type PeriodOption = Pick<Period, 'id' | 'label' | 'startDate' | 'endDate' | 'status' | 'snapshotId'>;

interface ReportDashboardProps {
  source: ReportSource;
  /** The project's periods (staff read them from the framework); donors learn them from the report. */
  periods?: PeriodOption[];
  /** The offices of the project, for the office filter (staff only). */
  offices?: OfficeOption[];
  /** What to say when the project has no reporting period yet. */
  noPeriodHint?: ReactNode;
}

/** The dashboard's choices live in the address, so a view can be bookmarked or sent to a colleague. */
function useDashboardParams() {
  const [search, setSearch] = useSearchParams();
  const params: ReportParams = {
    periodId: search.get('period') || undefined,
    officeId: search.get('office') || undefined,
    shared: search.get('shared') === '1',
    breakdowns: (search.get('by') ?? '').split(',').filter(Boolean).slice(0, MAX_EXTRA_BREAKDOWNS),
  };
  const set = (changes: Record<string, string | null>) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { params, indicatorId: search.get('indicator'), set };
}

/**
 * A project's donor report as a dashboard: the period, office and sharing choices, every indicator of the
 * results framework with what it counts and its trend, the changes since submission, the budget burn and the
 * exports. The same component serves donor staff (read-only, always suppressed).
 */
export function ReportDashboard({ source, periods, offices, noPeriodHint }: ReportDashboardProps) {
  const { t } = useTranslation();
  const { params, indicatorId, set } = useDashboardParams();
  const donor = source.via === 'donor';
  const query = useReport(source, donor ? { ...params, shared: true, officeId: undefined } : params);
  const report = query.data;

  // Donors have no list of periods: the series of the reports they read name them.
  const learned = useRef(new Map<string, PeriodOption>());
  const covered = useRef<Set<string> | null>(null);
  if (report) {
    for (const point of report.indicators[0]?.series ?? [])
      if (!learned.current.has(point.periodId))
        learned.current.set(point.periodId, {
          id: point.periodId,
          label: point.label,
          startDate: point.startDate,
          endDate: point.endDate,
          status: point.source === 'snapshot' ? 'closed' : 'open',
          snapshotId: null,
        });
    learned.current.set(report.period.id, report.period);
    // The offices a report over the whole project covers are those the reader may filter on.
    if (!params.officeId) covered.current = new Set(report.offices);
  }
  const periodOptions = (periods ?? [...learned.current.values()])
    .slice()
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const periodLabels = new Map(periodOptions.map((p) => [p.id, p.label]));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error, 'no_reporting_period'))
      return (
        <Alert color="blue" variant="light" title={t('reporting.dashboard.noPeriodTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('reporting.dashboard.noPeriod')}</Text>
            {noPeriodHint}
          </Stack>
        </Alert>
      );
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const data = query.data;
  const openIndicator = data.indicators.find((i) => i.id === indicatorId) ?? null;
  return (
    <Stack gap="lg">
      <ReportControls
        report={data}
        params={params}
        donor={donor}
        periods={periodOptions}
        offices={(offices ?? []).filter((o) => !covered.current || covered.current.has(o.code))}
        loading={query.isFetching}
        onChange={set}
      />
      <SuppressionNote report={data} askedShared={donor || params.shared} donor={donor} />
      <Section id="report-indicators" title={t('reporting.dashboard.indicatorsTitle')}>
        <FrameworkIndicators report={data} onOpen={(id) => set({ indicator: id })} />
      </Section>
      <Section id="report-changes" title={t('reporting.changes.title')}>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('reporting.changes.intro')}
          </Text>
          <ChangesTable report={data} />
        </Stack>
      </Section>
      <Section id="report-budget" title={t('reporting.budget.title')}>
        {data.coverage === 'project' && !params.officeId ? (
          <BudgetBurn budget={data.budget} periodLabel={data.period.label} />
        ) : (
          <Text size="sm">{t('reporting.budget.wholeProjectOnly')}</Text>
        )}
      </Section>
      <Section id="report-exports" title={t('reporting.exports.title')}>
        <ExportsPanel
          source={source}
          period={data.period}
          breakdowns={params.breakdowns}
          periodLabels={periodLabels}
        />
      </Section>
      <IndicatorDrawer indicator={openIndicator} report={data} onClose={() => set({ indicator: null })} />
    </Stack>
  );
}

function ReportControls({
  report,
  params,
  donor,
  periods,
  offices,
  loading,
  onChange,
}: {
  report: Report;
  params: ReportParams;
  donor: boolean;
  periods: PeriodOption[];
  offices: OfficeOption[];
  loading: boolean;
  onChange: (changes: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReportingLabels();
  const period = report.period;
  const periodOption = (p: PeriodOption) => ({
    value: p.id,
    label:
      p.status === 'closed'
        ? t('reporting.dashboard.periodClosed', { label: p.label })
        : t('reporting.dashboard.periodOpen', { label: p.label }),
  });
  const snapshot = report.snapshot;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="report-settings">
      <Group justify="space-between" align="flex-start" mb="md">
        <Title order={2} size="h3" id="report-settings">
          {t('reporting.dashboard.settingsTitle')}
        </Title>
        {loading ? (
          <Text size="sm" c="dimmed" role="status">
            {t('reporting.dashboard.updating')}
          </Text>
        ) : null}
      </Group>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: donor ? 2 : 3 }}>
          <NativeSelect
            label={t('reporting.dashboard.period')}
            value={params.periodId ?? period.id}
            onChange={(e) => onChange({ period: e.currentTarget.value, indicator: null })}
            data={(periods.some((p) => p.id === period.id) ? periods : [...periods, period]).map(
              periodOption,
            )}
          />
          {donor || !report.officeFilter ? null : (
            <NativeSelect
              label={t('reporting.dashboard.office')}
              description={t('reporting.dashboard.officeHint')}
              value={params.officeId ?? ''}
              onChange={(e) => onChange({ office: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('reporting.dashboard.allOffices') },
                ...offices.map((o) => ({ value: o.id, label: o.label })),
              ]}
            />
          )}
          {donor ? null : (
            <Switch
              mt="lg"
              checked={params.shared}
              onChange={(e) => onChange({ shared: e.currentTarget.checked ? '1' : null })}
              label={t('reporting.dashboard.shared')}
              description={t('reporting.dashboard.sharedHint')}
            />
          )}
        </SimpleGrid>
        <BreakdownPicker
          label={t('reporting.dashboard.extraBreakdowns')}
          description={t('reporting.dashboard.extraBreakdownsHint')}
          value={params.breakdowns}
          max={MAX_EXTRA_BREAKDOWNS}
          onChange={(specs) => onChange({ by: specs.join(',') || null })}
        />
        <DescriptionList
          label={t('reporting.dashboard.aboutLabel')}
          items={[
            {
              term: t('reporting.dashboard.period'),
              description: (
                <Group gap="xs" component="span">
                  <span>{labels.periodSpan(period)}</span>
                  <Badge
                    variant="light"
                    color={period.status === 'closed' ? 'gray' : 'blue'}
                    tt="none"
                    leftSection={period.status === 'closed' ? <IconLock size={12} aria-hidden /> : null}
                  >
                    {t(`reporting.periodStatus.${period.status}`)}
                  </Badge>
                </Group>
              ),
            },
            {
              term: t('reporting.dashboard.figures'),
              description: snapshot ? (
                <Group gap="xs" component="span">
                  <span>
                    {t('reporting.dashboard.fromSnapshot', {
                      date: format.dateTime(snapshot.closedAt),
                      name: snapshot.closedByName,
                    })}
                  </span>
                  <Badge
                    variant="light"
                    color={snapshot.valid ? 'green' : 'red'}
                    tt="none"
                    leftSection={
                      snapshot.valid ? (
                        <IconShieldCheck size={12} aria-hidden />
                      ) : (
                        <IconAlertTriangle size={12} aria-hidden />
                      )
                    }
                  >
                    {snapshot.valid
                      ? t('reporting.dashboard.signatureValid')
                      : t('reporting.dashboard.signatureInvalid')}
                  </Badge>
                </Group>
              ) : period.status === 'closed' ? (
                t('reporting.dashboard.liveClosed')
              ) : (
                t('reporting.dashboard.live')
              ),
            },
            {
              term: t('reporting.dashboard.coverage'),
              description:
                report.coverage === 'project'
                  ? t('reporting.dashboard.coverageProject', { offices: format.list(report.offices) })
                  : t('reporting.dashboard.coverageOwn', { offices: format.list(report.offices) }),
            },
            {
              term: t('reporting.dashboard.generated'),
              description: format.dateTime(report.generatedAt),
            },
          ]}
        />
        {snapshot && !snapshot.valid ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {t('reporting.dashboard.signatureInvalidNote')}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** How many cells are hidden and why, or that nothing is (an internal view not to be shared). */
function SuppressionNote({
  report,
  askedShared,
  donor,
}: {
  report: Report;
  askedShared: boolean;
  donor: boolean;
}) {
  const { t } = useTranslation();
  const s = report.suppression;
  if (!s.applied)
    return (
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        <Text size="sm">{t('reporting.suppression.internal', { threshold: s.threshold })}</Text>
      </Alert>
    );
  const why = donor
    ? t('reporting.suppression.whyDonor')
    : askedShared
      ? t('reporting.suppression.whyShared')
      : t('reporting.suppression.whyForced');
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconEyeOff aria-hidden />}
      title={t('reporting.suppression.title')}
      role="note"
    >
      <Stack gap={4}>
        <Text size="sm">{why}</Text>
        <Text size="sm">
          {t('reporting.suppression.counts', {
            primary: s.primary,
            secondary: s.secondary,
            threshold: s.threshold,
          })}
        </Text>
        <Text size="sm">{t('reporting.suppression.mark', { mark: t('reporting.hidden.mark') })}</Text>
      </Stack>
    </Alert>
  );
}

type ReportNode = Report['nodes'][number];

/** Indicators under the impact, outcomes and outputs of the results framework they belong to. */
function FrameworkIndicators({ report, onOpen }: { report: Report; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const nodeIds = new Set(report.nodes.map((n) => n.id));
  const roots = report.nodes.filter((n) => !n.parentId || !nodeIds.has(n.parentId));
  const orphans = report.indicators.filter((i) => !nodeIds.has(i.nodeId));
  if (report.indicators.length === 0 && report.nodes.length === 0)
    return <Text size="sm">{t('reporting.dashboard.noIndicators')}</Text>;
  const renderNode = (node: ReportNode, depth: number): ReactNode => {
    const indicators = report.indicators.filter((i) => i.nodeId === node.id);
    const children = report.nodes.filter((n) => n.parentId === node.id);
    const headingId = `node-${node.id}`;
    return (
      <Stack
        key={node.id}
        gap="sm"
        component="section"
        aria-labelledby={headingId}
        pl={depth > 0 ? 'md' : 0}
        style={depth > 0 ? { borderInlineStart: '3px solid var(--mantine-color-gray-3)' } : undefined}
      >
        <Group gap="xs">
          <Badge
            variant="filled"
            color={node.kind === 'impact' ? 'grape' : node.kind === 'outcome' ? 'indigo' : 'cyan'}
            tt="none"
          >
            {labels.nodeKind(node.kind)}
          </Badge>
          <Title order={3} size="h4" id={headingId}>
            <Text span ff="monospace" fw={700} inherit>
              {node.code}
            </Text>{' '}
            {node.title}
          </Title>
        </Group>
        {indicators.map((i) => (
          <IndicatorCard key={i.id} indicator={i} report={report} onOpen={onOpen} />
        ))}
        {children.map((c) => renderNode(c, depth + 1))}
      </Stack>
    );
  };
  return (
    <Stack gap="xl">
      {roots.map((n) => renderNode(n, 0))}
      {orphans.length > 0 ? (
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('reporting.dashboard.otherIndicators')}
          </Title>
          {orphans.map((i) => (
            <IndicatorCard key={i.id} indicator={i} report={report} onOpen={onOpen} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
