import { Anchor, Button, Group, Stack } from '@mantine/core';
import { IconArrowLeft, IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Project } from '../../../../src/modules/projects/contract';
import { isApiError } from '../../shared/api/client';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { RecordNotFound } from '../../shared/components/RecordNotFound';
import { Section } from '../../shared/components/Section';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useCan } from '../auth/session';
import { useProject } from './api';
import { BudgetSection } from './budget/BudgetSection';
import { ExchangeRatesSection } from './budget/ExchangeRatesSection';
import { IndicatorsSection } from './indicators/IndicatorsSection';
import { ProjectFacts, ProjectKindBadge } from './ProjectCard';

export function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);
  usePageTitle(project.data?.code ?? t('projects.title'));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/projects" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('projects.backToList')}
        </Group>
      </Anchor>
      {project.isPending ? (
        <LoadingState />
      ) : project.isError ? (
        isApiError(project.error) && project.error.status === 404 ? (
          <RecordNotFound title={t('projects.notFoundTitle')} body={t('projects.notFound')} />
        ) : (
          <QueryError error={project.error} onRetry={() => void project.refetch()} />
        )
      ) : (
        <ProjectView project={project.data} />
      )}
    </Stack>
  );
}

function ProjectView({ project }: { project: Project }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageHeader
        title={`${project.code} · ${project.name}`}
        actions={
          <>
            <ProjectKindBadge project={project} />
            {can('reports.read') ? (
              <Button
                component={Link}
                to={`/projects/${encodeURIComponent(project.id)}/reporting`}
                leftSection={<IconChartBar size={16} aria-hidden />}
              >
                {t('reporting.project.open')}
              </Button>
            ) : null}
          </>
        }
      />
      <Section id="project-facts" title={t('projects.factsTitle')}>
        <Stack gap="sm">
          <ProjectFacts project={project} />
        </Stack>
      </Section>
      {can('budgets.read') ? <BudgetSection projectId={project.id} /> : null}
      {can('reports.read') ? <IndicatorsSection projectId={project.id} /> : null}
      {can('budgets.read') ? <ExchangeRatesSection canManage={can('projects.manage')} /> : null}
    </>
  );
}
