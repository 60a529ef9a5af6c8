import { Alert, Anchor, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { useCan } from '../auth/session';
import { personName } from '../registry/labels';
import { type Opening, useCandidates } from './api';
import { MatchReasons } from './MatchReasons';
import { PlaceModal, type PlaceTarget } from './PlaceModal';
import { ScoreBadge } from './ScoreBadge';

/** Returnees with a skills profile, best match first, each score explained; placing one. */
export function CandidatesSection({ opening }: { opening: Opening }) {
  const { t } = useTranslation();
  const can = useCan();
  const candidates = useCandidates(opening.id);
  const [placing, setPlacing] = useState<PlaceTarget | null>(null);
  const canPlace = can('employment.write') && (candidates.data?.openingAvailable ?? false);
  return (
    <Section id="opening-candidates" title={t('employment.candidates.title')}>
      {candidates.isPending ? (
        <LoadingState />
      ) : candidates.isError ? (
        <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />
      ) : (
        <>
          {candidates.data.openingAvailable ? null : (
            <Alert color="gray" variant="light" mb="md">
              <Text size="sm">{t('employment.candidates.unavailable')}</Text>
            </Alert>
          )}
          {candidates.data.items.length === 0 ? (
            <Text>{t('employment.candidates.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table
                aria-label={t('employment.candidates.tableLabel')}
                withTableBorder
                striped
                verticalSpacing="sm"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('employment.candidates.rank')}</Table.Th>
                    <Table.Th scope="col">{t('employment.candidates.person')}</Table.Th>
                    <Table.Th scope="col">{t('employment.candidates.score')}</Table.Th>
                    <Table.Th scope="col">{t('employment.candidates.reasons')}</Table.Th>
                    {canPlace ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {candidates.data.items.map((candidate, index) => {
                    const name = personName(candidate.person);
                    return (
                      <Table.Tr key={candidate.person.id}>
                        <Table.Td>{index + 1}</Table.Td>
                        <Table.Th scope="row">
                          <Anchor component={Link} to={`/registry/${candidate.person.id}`} size="sm" fw={600}>
                            <bdi>{name}</bdi>
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {candidate.person.reference} · {candidate.person.officeCode}
                            {candidate.person.placeOfOrigin ? (
                              <>
                                {' · '}
                                <bdi>{candidate.person.placeOfOrigin}</bdi>
                              </>
                            ) : null}
                          </Text>
                        </Table.Th>
                        <Table.Td>
                          <ScoreBadge score={candidate.score} />
                        </Table.Td>
                        <Table.Td>
                          <MatchReasons reasons={candidate.reasons} />
                        </Table.Td>
                        {canPlace ? (
                          <Table.Td>
                            <Button
                              size="compact-xs"
                              aria-label={t('employment.candidates.placeLabel', { name })}
                              onClick={() => setPlacing({ personId: candidate.person.id, personName: name })}
                            >
                              {t('employment.candidates.place')}
                            </Button>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
      <PlaceModal opening={opening} target={placing} onClose={() => setPlacing(null)} />
    </Section>
  );
}
