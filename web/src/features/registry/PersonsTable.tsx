import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonSummary } from '../../../../src/modules/registry/contract';
import { useFormat } from '../../shared/format/useFormat';
import { originalName, personName, useBirthDate, useCountryList } from './labels';
import { MatchReasonList } from './MatchReasonList';
import { MatchScore } from './MatchScore';
import { topReasons } from './matchReasons';

export function PersonsTable({ persons }: { persons: PersonSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const birthDate = useBirthDate();
  const countries = useCountryList();
  // Found by name across scripts and spellings: say why, in a column of its own.
  const withReasons = persons.some((person) => person.match);
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={withReasons ? 1080 : 860}>
        <Table aria-label={t('registry.table.label')} striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('registry.table.reference')}</Table.Th>
              <Table.Th scope="col">{t('registry.table.name')}</Table.Th>
              <Table.Th scope="col">{t('registry.table.sex')}</Table.Th>
              <Table.Th scope="col">{t('registry.table.birthDate')}</Table.Th>
              <Table.Th scope="col">{t('registry.table.nationalities')}</Table.Th>
              <Table.Th scope="col">{t('registry.table.office')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'end' }}>
                {t('registry.table.cases')}
              </Table.Th>
              {withReasons ? <Table.Th scope="col">{t('registry.table.why')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {persons.map((person) => {
              const original = originalName(person);
              return (
                <Table.Tr key={person.id}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {person.reference}
                    </Text>
                  </Table.Td>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/registry/${person.id}`} fw={600} size="sm">
                      {personName(person)}
                    </Anchor>
                    {original ? (
                      <Text size="sm" dir="auto">
                        {original}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{t(`registry.sexes.${person.sex}`)}</Table.Td>
                  <Table.Td>{birthDate(person.birthDate, person.birthDatePrecision)}</Table.Td>
                  <Table.Td>{countries(person.nationalities)}</Table.Td>
                  <Table.Td>{person.officeCode}</Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{format.number(person.caseCount)}</Table.Td>
                  {withReasons ? (
                    <Table.Td>
                      {person.match ? (
                        <>
                          <MatchScore score={person.match.score} search />
                          <MatchReasonList reasons={topReasons(person.match.reasons)} />
                        </>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
