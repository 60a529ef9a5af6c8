import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useCan } from '../auth/session';
import type { PersonDetail } from '../registry/api';
import { type SkillsProfile, useJobMatches, useSkillsProfile } from './api';
import { educationLabel, sectorLabel } from './labels';
import { MatchReasons } from './MatchReasons';
import { ScoreBadge } from './ScoreBadge';
import { SkillsProfileForm } from './SkillsProfileForm';

/** On the person page: the skills profile (MAGNET II) and the open jobs that match it, best first. */
export function PersonEmploymentSection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const profile = useSkillsProfile(person.id);
  return (
    <Section id="person-employment" title={t('employment.profile.sectionTitle')}>
      <Stack gap="lg">
        <Title order={3} size="h4">
          {t('employment.profile.title')}
        </Title>
        {profile.isPending ? (
          <LoadingState />
        ) : profile.isError ? (
          <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
        ) : can('employment.write') ? (
          <SkillsProfileForm
            key={profile.data?.version ?? 0}
            personId={person.id}
            personLanguages={person.languages}
            profile={profile.data}
          />
        ) : profile.data ? (
          <ProfileView profile={profile.data} />
        ) : (
          <Text>{t('employment.profile.none')}</Text>
        )}
        <Title order={3} size="h4">
          {t('employment.matches.title')}
        </Title>
        <JobMatches personId={person.id} />
      </Stack>
    </Section>
  );
}

function ProfileView({ profile }: { profile: SkillsProfile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orNone = (items: string[]) => (items.length === 0 ? t('common.none') : format.list(items));
  return (
    <DescriptionList
      items={[
        { term: t('employment.profile.education'), description: educationLabel(profile.educationLevel, t) },
        {
          term: t('employment.profile.workExperience'),
          description: orNone(
            profile.workExperience.map((w) =>
              t('employment.profile.experienceLine', {
                title: w.title,
                sector: sectorLabel(w.sector, t),
                years: format.number(w.years),
              }),
            ),
          ),
        },
        { term: t('employment.fields.skills'), description: orNone(profile.skills) },
        {
          term: t('employment.fields.languages'),
          description: orNone(profile.languages.map(format.language)),
        },
        {
          term: t('employment.profile.preferredSectors'),
          description: orNone(profile.preferredSectors.map((s) => sectorLabel(s, t))),
        },
        { term: t('employment.profile.preferredLocations'), description: orNone(profile.preferredLocations) },
      ]}
    />
  );
}

function JobMatches({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const matches = useJobMatches(personId);
  if (matches.isPending) return <LoadingState />;
  if (matches.isError) return <QueryError error={matches.error} onRetry={() => void matches.refetch()} />;
  if (!matches.data.hasProfile) return <Text>{t('employment.matches.noProfile')}</Text>;
  if (matches.data.items.length === 0) return <Text>{t('employment.matches.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={t('employment.matches.tableLabel')} withTableBorder striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('employment.matches.opening')}</Table.Th>
            <Table.Th scope="col">{t('employment.candidates.score')}</Table.Th>
            <Table.Th scope="col">{t('employment.candidates.reasons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matches.data.items.map((match) => (
            <Table.Tr key={match.opening.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/employment/openings/${match.opening.id}`} size="sm" fw={600}>
                  <bdi>{match.opening.title}</bdi>
                </Anchor>
                <Text size="xs" c="dimmed">
                  <bdi>{match.opening.employer.name}</bdi> · <bdi>{match.opening.location}</bdi>,{' '}
                  {format.country(match.opening.country)}
                </Text>
              </Table.Th>
              <Table.Td>
                <Group gap={4}>
                  <ScoreBadge score={match.score} />
                </Group>
              </Table.Td>
              <Table.Td>
                <MatchReasons reasons={match.reasons} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
