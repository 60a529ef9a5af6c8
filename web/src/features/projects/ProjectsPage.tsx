import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useProjects } from './api';
import { ProjectCard } from './ProjectCard';

export function ProjectsPage() {
  const { t } = useTranslation();
  const projects = useProjects();
  return (
    <>
      <PageHeader title={t('projects.title')} intro={t('projects.intro')} />
      {projects.isPending ? (
        <LoadingState />
      ) : projects.isError ? (
        <QueryError error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.data.length === 0 ? (
        <Text>{t('projects.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {projects.data.map((project) => (
            <ProjectCard key={project.id} project={project} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
