import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { RecordNotFound } from '../../shared/components/RecordNotFound';
import { useFormat } from '../../shared/format/useFormat';
import { useDonorProjects } from './api';
import { ReportDashboard } from './ReportDashboard';

const donorProjectPath = (id: string) => `/donor/projects/${encodeURIComponent(id)}`;

/** The projects a donor account has been granted: each opens its (suppressed) report. */
export function DonorProjectsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const projects = useDonorProjects();
  return (
    <>
      <PageHeader title={t('reporting.donor.title')} intro={t('reporting.donor.intro')} />
      {projects.isPending ? (
        <LoadingState />
      ) : projects.isError ? (
        <QueryError error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.data.length === 0 ? (
        <Text>{t('reporting.donor.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {projects.data.map((p) => (
            <Paper key={p.id} withBorder p="lg" component="article" aria-labelledby={`donor-project-${p.id}`}>
              <Stack gap="xs">
                <Title order={2} size="h3" id={`donor-project-${p.id}`}>
                  <Anchor component={Link} to={donorProjectPath(p.id)} inherit>
                    <Text span ff="monospace" fw={700} inherit>
                      {p.code}
                    </Text>{' '}
                    {p.name}
                  </Anchor>
                </Title>
                <Text size="sm">
                  {p.endDate
                    ? t('reporting.portfolio.dates', {
                        start: format.calendarDate(p.startDate),
                        end: format.calendarDate(p.endDate),
                      })
                    : t('reporting.portfolio.since', { start: format.calendarDate(p.startDate) })}
                  {p.donor ? ` · ${p.donor}` : ''}
                </Text>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

/** A granted project's report, read-only and always with small cells hidden, and its exports. */
export function DonorReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const projects = useDonorProjects();
  const project = projects.data?.find((p) => p.id === id);
  const back = (
    <Anchor component={Link} to="/donor" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('reporting.donor.back')}
      </Group>
    </Anchor>
  );
  if (projects.isPending) return <LoadingState />;
  if (projects.isError) return <QueryError error={projects.error} onRetry={() => void projects.refetch()} />;
  if (!project)
    return (
      <Stack gap="lg">
        {back}
        <RecordNotFound title={t('reporting.project.notFoundTitle')} body={t('reporting.project.notFound')} />
      </Stack>
    );
  return (
    <Stack gap="lg">
      {back}
      <PageHeader title={t('reporting.project.title', { code: project.code })} intro={project.name} />
      <ReportDashboard source={{ via: 'donor', projectId: project.id }} />
    </Stack>
  );
}
