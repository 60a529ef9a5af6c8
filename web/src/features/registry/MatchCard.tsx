import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonMatch } from '../../../../src/modules/registry/contract';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { useFormat } from '../../shared/format/useFormat';
import { originalName, personName, useBirthDate, useCountryList } from './labels';
import { MatchReasonList } from './MatchReasonList';
import { MatchScore } from './MatchScore';

/** A list of matches (`<ul>`) of `MatchCard`s. */
export function MatchList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack component="ul" aria-label={label} gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}

/**
 * An existing record that may be the person at hand: who it is, how well it matches and why, and what
 * the user can do about it (`actions`, given the id of the card's name so that repeated buttons can be
 * described by it).
 */
export function MatchCard({
  match,
  actions,
}: {
  match: PersonMatch;
  actions?: (nameId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const birthDate = useBirthDate();
  const countries = useCountryList();
  const headingId = useId();
  const { person } = match;
  const original = originalName(person);
  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div>
            <Title order={3} size="h5" id={headingId}>
              {personName(person)}
            </Title>
            {original ? (
              <Text size="sm" dir="auto">
                {original}
              </Text>
            ) : null}
          </div>
          <MatchScore score={match.score} likely={match.likely} />
        </Group>
        <DescriptionList
          items={[
            { term: t('registry.table.reference'), description: person.reference },
            { term: t('registry.table.office'), description: person.officeCode },
            { term: t('registry.table.sex'), description: t(`registry.sexes.${person.sex}`) },
            {
              term: t('registry.table.birthDate'),
              description: birthDate(person.birthDate, person.birthDatePrecision),
            },
            { term: t('registry.table.nationalities'), description: countries(person.nationalities) },
            { term: t('registry.table.cases'), description: format.number(person.caseCount) },
          ]}
        />
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('registry.matches.reasons')}
          </Text>
          <MatchReasonList reasons={match.reasons} />
        </div>
        {actions ? <Group gap="sm">{actions(headingId)}</Group> : null}
      </Stack>
    </Paper>
  );
}
