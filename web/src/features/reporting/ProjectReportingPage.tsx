import { Anchor, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import type { Project } from '../../../../src/modules/projects/contract';
import { isApiError } from '../../shared/api/client';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { RecordNotFound } from '../../shared/components/RecordNotFound';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { SubNavigation } from '../../shared/layout/SubNavigation';
import { useCan } from '../auth/session';
import { useOffices } from '../offices/api';
import { fetchProject, projectKey } from '../projects/api';
import { type Framework, useFramework } from './api';
import { ReportDashboard } from './ReportDashboard';

/** What every page of a project's reporting shares. */
export interface ReportingContext {
  projectId: string;
  framework: Framework;
  /** The project's offices (owner first), named when the reader may read the office directory. */
  offices: { id: string; code: string; label: string }[];
}

export function useReportingContext(): ReportingContext {
  return useOutletContext<ReportingContext>();
}

export const reportingPath = (projectId: string, tab = '') =>
  `/projects/${encodeURIComponent(projectId)}/reporting${tab ? `/${tab}` : ''}`;

/** A project's reporting: the dashboard, the results framework and periods, manual values, donor access. */
export function ProjectReportingLayout() {
  const { t } = useTranslation();
  const can = useCan();
  const { id = '' } = useParams();
  const framework = useFramework(id);
  const project = useQuery({
    queryKey: projectKey(id),
    queryFn: ({ signal }): Promise<Project> => fetchProject(id, signal),
    enabled: can('projects.read'),
  });
  const directory = useOffices({ enabled: can('offices.read') });
  const code = framework.data?.projectCode ?? project.data?.code;
  usePageTitle(code ? t('reporting.project.title', { code }) : t('reporting.project.titlePlain'));

  const back = (
    <Anchor component={Link} to={`/projects/${encodeURIComponent(id)}`} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('reporting.project.back')}
      </Group>
    </Anchor>
  );
  if (framework.isPending) return <LoadingState />;
  if (framework.isError)
    return (
      <Stack gap="lg">
        {back}
        {isApiError(framework.error) && framework.error.status === 404 ? (
          <RecordNotFound
            title={t('reporting.project.notFoundTitle')}
            body={t('reporting.project.notFound')}
          />
        ) : (
          <QueryError error={framework.error} onRetry={() => void framework.refetch()} />
        )}
      </Stack>
    );
  const officeIds = project.data ? [project.data.owningOfficeId, ...project.data.participatingOfficeIds] : [];
  const offices = officeIds.map((officeId) => {
    const office = directory.data?.find((o) => o.id === officeId);
    return {
      id: officeId,
      code: office?.code ?? officeId,
      label: office ? `${office.name} (${office.code})` : officeId,
    };
  });
  const context: ReportingContext = { projectId: id, framework: framework.data, offices };
  const f = framework.data;
  return (
    <Stack gap="lg">
      {back}
      <div>
        <PageHeader
          title={t('reporting.project.title', { code: f.projectCode })}
          intro={project.data ? project.data.name : undefined}
        />
        <SubNavigation
          label={t('reporting.project.navLabel')}
          items={[
            { to: reportingPath(id), label: t('reporting.project.tabs.dashboard') },
            { to: reportingPath(id, 'framework'), label: t('reporting.project.tabs.framework') },
            { to: reportingPath(id, 'values'), label: t('reporting.project.tabs.values') },
            ...(f.can.manage
              ? [{ to: reportingPath(id, 'access'), label: t('reporting.project.tabs.access') }]
              : []),
          ]}
        />
      </div>
      <Suspense fallback={<LoadingState />}>
        <Outlet context={context} />
      </Suspense>
    </Stack>
  );
}

/** The dashboard tab. */
export function ProjectDashboardTab() {
  const { t } = useTranslation();
  const { projectId, framework, offices } = useReportingContext();
  return (
    <ReportDashboard
      source={{ via: 'staff', projectId }}
      periods={framework.periods}
      // Without the office directory the offices cannot be named, nor told apart from the report's codes.
      offices={offices.filter((o) => o.code !== o.id)}
      noPeriodHint={
        framework.can.manage ? (
          <Anchor component={Link} to={reportingPath(projectId, 'framework')} size="sm">
            {t('reporting.dashboard.createPeriod')}
          </Anchor>
        ) : null
      }
    />
  );
}
