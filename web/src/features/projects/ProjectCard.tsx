import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Project } from '../../../../src/modules/projects/contract';
import { currentLanguage } from '../../i18n';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { useFormat } from '../../shared/format/useFormat';

export function ProjectKindBadge({ project, maw }: { project: Project; maw?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="gray" tt="none" style={{ flexShrink: 0 }} maw={maw}>
      {t(`projects.kinds.${project.kind}`)}
    </Badge>
  );
}

/** What the project is: summary, period, donor, countries, target, owning office. */
export function ProjectFacts({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countries = (codes: string[]) =>
    codes.length === 0 ? t('projects.notSet') : format.list(codes.map(format.country));
  const start = format.calendarDate(project.startDate);
  const period = project.endDate
    ? t('projects.periodRange', { start, end: format.calendarDate(project.endDate) })
    : t('projects.periodOpen', { start });
  return (
    <>
      <Text>{project.summary[currentLanguage()]}</Text>
      <DescriptionList
        items={[
          { term: t('projects.period'), description: period },
          { term: t('projects.donor'), description: project.donor ?? t('projects.notSet') },
          ...(project.cofunding ? [{ term: t('projects.cofunding'), description: project.cofunding }] : []),
          { term: t('projects.hostCountries'), description: countries(project.hostCountries) },
          { term: t('projects.originCountries'), description: countries(project.originCountries) },
          {
            term: t('projects.targetPersons'),
            description:
              project.targetPersons === null ? t('projects.notSet') : format.number(project.targetPersons),
          },
          { term: t('projects.owningOffice'), description: project.owningOfficeCode },
        ]}
      />
    </>
  );
}

export function ProjectCard({ project }: { project: Project }) {
  const headingId = `project-${project.id}`;
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h3" id={headingId}>
            <Anchor component={Link} to={`/projects/${project.id}`} inherit>
              <Text span ff="monospace" fw={700} mr="xs" inherit>
                {project.code}
              </Text>
              {project.name}
            </Anchor>
          </Title>
          <ProjectKindBadge project={project} maw="50%" />
        </Group>
        <ProjectFacts project={project} />
      </Stack>
    </Paper>
  );
}
