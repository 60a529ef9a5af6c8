import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import {
  fetchPersonMatches,
  fetchPersonMerges,
  type Match,
  type MergeRecord,
  mergePersons,
  type PersonDetail,
  personsKeys,
  undoMerge,
  useRefreshAfterMerge,
} from './api';
import { personName } from './labels';
import { MatchCard, MatchList } from './MatchCard';
import { MergeConfirmModal } from './MergeConfirmModal';
import { useCanMerge } from './useCanMerge';

type Merging = { match: Match; keepThis: boolean };

/**
 * Other records that may be this person (for every reader), with "same person" merges for reviewers who
 * may merge in both records' offices.
 */
export function PossibleDuplicatesSection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canMerge = useCanMerge();
  const refresh = useRefreshAfterMerge();
  const matches = useQuery({
    queryKey: personsKeys.matches(person.id),
    queryFn: ({ signal }) => fetchPersonMatches(person.id, signal),
  });
  const [merging, setMerging] = useState<Merging | null>(null);
  const merge = useActionMutation({
    showError: 'inline',
    mutationFn: ({ match, keepThis }: Merging) =>
      mergePersons(
        keepThis
          ? { keepId: person.id, mergeId: match.person.id }
          : { keepId: match.person.id, mergeId: person.id },
      ),
    successMessage: (_result, { match, keepThis }) => {
      const kept = keepThis ? person : match.person;
      const merged = keepThis ? match.person : person;
      return t('registry.merge.done', {
        merged: personName(merged),
        mergedReference: merged.reference,
        keptReference: kept.reference,
      });
    },
    onSaved: () => setMerging(null),
    refresh: async (_result, { match, keepThis }) => {
      // This record is gone when the other one was kept: go there.
      if (!keepThis) await navigate(`/registry/${match.person.id}`);
      await refresh();
    },
  });
  const self = { name: personName(person), reference: person.reference };

  return (
    <Section id="person-duplicates" title={t('person.duplicates.title')}>
      {matches.isPending ? (
        <LoadingState />
      ) : matches.isError ? (
        <QueryError error={matches.error} onRetry={() => void matches.refetch()} />
      ) : matches.data.length === 0 ? (
        <Text>{t('person.duplicates.none')}</Text>
      ) : (
        <MatchList label={t('person.duplicates.listLabel')}>
          {matches.data.map((match) => (
            <MatchCard
              key={match.person.id}
              match={match}
              actions={(nameId) => (
                <>
                  <Button
                    component={Link}
                    to={`/registry/${match.person.id}`}
                    variant="default"
                    size="xs"
                    aria-describedby={nameId}
                  >
                    {t('person.duplicates.open')}
                  </Button>
                  {canMerge(person.officeCode, match.person.officeCode) ? (
                    <>
                      <Button
                        variant="light"
                        size="xs"
                        aria-describedby={nameId}
                        onClick={() => setMerging({ match, keepThis: true })}
                      >
                        {t('person.duplicates.keepThis')}
                      </Button>
                      <Button
                        variant="light"
                        size="xs"
                        aria-describedby={nameId}
                        onClick={() => setMerging({ match, keepThis: false })}
                      >
                        {t('person.duplicates.keepOther')}
                      </Button>
                    </>
                  ) : null}
                </>
              )}
            />
          ))}
        </MatchList>
      )}
      <MergeConfirmModal
        pair={
          merging
            ? {
                kept: merging.keepThis
                  ? self
                  : { name: personName(merging.match.person), reference: merging.match.person.reference },
                merged: merging.keepThis
                  ? { name: personName(merging.match.person), reference: merging.match.person.reference }
                  : self,
              }
            : null
        }
        loading={merge.isPending}
        formError={merge.formError}
        onConfirm={() => {
          if (merging) merge.run(merging);
        }}
        onClose={() => {
          setMerging(null);
          merge.reset();
        }}
      />
    </Section>
  );
}

/**
 * The records merged into this one, with what each brought, and "Undo merge" for reviewers. Shown only
 * when there is something to show.
 */
export function MergedRecordsSection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canMerge = useCanMerge();
  const refresh = useRefreshAfterMerge();
  const merges = useQuery({
    queryKey: personsKeys.merges(person.id),
    queryFn: ({ signal }) => fetchPersonMerges(person.id, signal),
  });
  const [undoing, setUndoing] = useState<MergeRecord | null>(null);
  const undo = useActionMutation({
    showError: 'inline',
    mutationFn: (record: MergeRecord) => undoMerge(record.id),
    successMessage: (_result, record) => t('person.merges.undone', { reference: record.mergedReference }),
    onSaved: () => setUndoing(null),
    refresh: () => refresh(),
  });

  if (merges.isPending) return null;
  if (merges.isError) {
    return (
      <Section id="person-merges" title={t('person.merges.title')}>
        <QueryError error={merges.error} onRetry={() => void merges.refetch()} />
      </Section>
    );
  }
  if (merges.data.length === 0) return null;
  // Undoing needs persons.merge in the kept record's office (and the merged one's, which the server checks).
  const mayUndo = canMerge(person.officeCode);

  return (
    <Section id="person-merges" title={t('person.merges.title')}>
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label={t('person.merges.tableLabel')} striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('person.merges.record')}</Table.Th>
              <Table.Th scope="col">{t('person.merges.mergedBy')}</Table.Th>
              <Table.Th scope="col">{t('person.merges.mergedAt')}</Table.Th>
              <Table.Th scope="col">{t('person.merges.moved')}</Table.Th>
              <Table.Th scope="col">{t('person.merges.status')}</Table.Th>
              {mayUndo ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {merges.data.map((record) => (
              <Table.Tr key={record.id}>
                <Table.Th scope="row">
                  {record.undoneAt ? (
                    <Anchor component={Link} to={`/registry/${record.mergedPersonId}`} size="sm" fw={600}>
                      {record.mergedName}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600}>
                      {record.mergedName}
                    </Text>
                  )}
                  <Text size="sm" ff="monospace">
                    {record.mergedReference}
                  </Text>
                </Table.Th>
                <Table.Td>{record.mergedByName}</Table.Td>
                <Table.Td>{format.dateTime(record.mergedAt)}</Table.Td>
                <Table.Td>
                  {t('person.merges.movedValue', {
                    cases: format.number(record.moved.cases),
                    documents: format.number(record.moved.documents),
                    consents: format.number(record.moved.consents),
                    aliases: format.number(record.moved.aliases),
                  })}
                </Table.Td>
                <Table.Td>
                  {record.undoneAt ? (
                    t('person.merges.undoneOn', { date: format.dateTime(record.undoneAt) })
                  ) : (
                    <Badge color="blue" variant="light" tt="none">
                      {t('person.merges.active')}
                    </Badge>
                  )}
                </Table.Td>
                {mayUndo ? (
                  <Table.Td>
                    {record.undoneAt ? null : (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t('person.merges.undoLabel', { reference: record.mergedReference })}
                        onClick={() => setUndoing(record)}
                      >
                        {t('person.merges.undo')}
                      </Button>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={undoing !== null}
        title={t('person.merges.undoTitle')}
        message={
          undoing
            ? t('person.merges.undoMessage', { name: undoing.mergedName, reference: undoing.mergedReference })
            : ''
        }
        confirmLabel={t('person.merges.undo')}
        danger
        loading={undo.isPending}
        error={undo.formError ? <FormErrorAlert error={undo.formError} /> : null}
        onConfirm={() => {
          if (undoing) undo.run(undoing);
        }}
        onClose={() => {
          setUndoing(null);
          undo.reset();
        }}
      />
    </Section>
  );
}
