import { NativeSelect, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Project } from '../../../../src/modules/projects/contract';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useProjects } from '../projects/api';
import { ResettlementNav } from './ResettlementNav';

/**
 * The project the resettlement pages show, from the address (`?project=`): resettlement projects first
 * choice, the first of them when none is asked for.
 */
export function useResettlementProject() {
  const [params, setParams] = useSearchParams();
  const projects = useProjects();
  const all = projects.data ?? [];
  const resettlement = all.filter((p) => p.kind === 'resettlement');
  const choices = resettlement.length > 0 ? resettlement : all;
  const requested = params.get('project');
  const project: Project | null = choices.find((p) => p.id === requested) ?? choices[0] ?? null;
  const select = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('project', id);
        return next;
      },
      { replace: true },
    );
  return { projects, choices, project, projectId: project?.id ?? '', select };
}

interface ResettlementFrameProps {
  title: string;
  intro: string;
  /** Buttons beside the title (e.g. create), given the project shown. */
  actions?: (project: Project) => ReactNode;
  children: (project: Project) => ReactNode;
}

/** A resettlement page of a project: its title, the section's links, the project choice, then the page. */
export function ResettlementFrame({ title, intro, actions, children }: ResettlementFrameProps) {
  const { t } = useTranslation();
  const { projects, choices, project, projectId, select } = useResettlementProject();
  return (
    <>
      <PageHeader title={title} intro={intro} actions={project && actions ? actions(project) : null} />
      <ResettlementNav projectId={projectId} />
      {projects.isPending ? (
        <LoadingState />
      ) : projects.isError ? (
        <QueryError error={projects.error} onRetry={() => void projects.refetch()} />
      ) : !project ? (
        <Text>{t('resettlement.project.none')}</Text>
      ) : (
        <Stack gap="lg">
          <NativeSelect
            label={t('resettlement.project.label')}
            value={projectId}
            onChange={(event) => select(event.currentTarget.value)}
            data={choices.map((p) => ({ value: p.id, label: `${p.code} – ${p.name}` }))}
            maw={360}
          />
          {children(project)}
        </Stack>
      )}
    </>
  );
}
