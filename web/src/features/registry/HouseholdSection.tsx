import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { type PersonSummary, RelationshipSchema } from '../../../../src/modules/registry/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation, useFormMutation } from '../../shared/forms/useFormMutation';
import {
  leaveHousehold,
  linkHousehold,
  type PersonDetail,
  personsKeys,
  searchPersons,
  useRefreshPerson,
} from './api';
import { personName, useBirthDate } from './labels';

type Relationship = z.infer<typeof RelationshipSchema>;
const RELATIONSHIPS = RelationshipSchema.options;

export function HouseholdSection({ person, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshPerson();
  const [linking, setLinking] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const leave = useActionMutation({
    showError: 'inline',
    mutationFn: () => leaveHousehold(person.id),
    successMessage: () => t('person.household.left'),
    onSaved: () => setLeaving(false),
    refresh: () => refresh(person.id),
  });
  const inHousehold = person.householdId !== null;

  return (
    <Section
      id="person-household"
      title={t('person.household.title')}
      actions={
        canWrite ? (
          <>
            <Button size="xs" variant="light" onClick={() => setLinking(true)}>
              {inHousehold ? t('person.household.change') : t('person.household.link')}
            </Button>
            {inHousehold ? (
              <Button size="xs" variant="subtle" color="red" onClick={() => setLeaving(true)}>
                {t('person.household.leave')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      {!inHousehold || person.household.length === 0 ? (
        <Text>{t('person.household.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label={t('person.household.tableLabel')} withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person.household.member')}</Table.Th>
                <Table.Th scope="col">{t('person.household.relationship')}</Table.Th>
                <Table.Th scope="col">{t('registry.table.sex')}</Table.Th>
                <Table.Th scope="col">{t('registry.table.birthDate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.household.map((member) => (
                <Table.Tr key={member.personId}>
                  <Table.Th scope="row">
                    {member.personId === person.id ? (
                      <Text size="sm" fw={600}>
                        {member.name} {t('person.household.thisPerson')}
                      </Text>
                    ) : (
                      <Anchor component={Link} to={`/registry/${member.personId}`} size="sm" fw={600}>
                        {member.name}
                      </Anchor>
                    )}
                  </Table.Th>
                  <Table.Td>{t(`person.relationships.${member.relationship}`)}</Table.Td>
                  <Table.Td>{t(`registry.sexes.${member.sex}`)}</Table.Td>
                  <Table.Td>
                    {member.birthDate ? format.calendarDate(member.birthDate) : t('common.none')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite ? (
        <>
          <AppModal
            opened={linking}
            onClose={() => setLinking(false)}
            title={t('person.household.linkTitle')}
          >
            {linking ? <LinkHouseholdForm person={person} onDone={() => setLinking(false)} /> : null}
          </AppModal>
          <ConfirmModal
            opened={leaving}
            title={t('person.household.leave')}
            message={t('person.household.leaveConfirm', { name: personName(person) })}
            confirmLabel={t('person.household.leave')}
            danger
            loading={leave.isPending}
            error={leave.error ? <QueryError error={leave.error} /> : null}
            onConfirm={() => leave.run()}
            onClose={() => {
              setLeaving(false);
              leave.reset();
            }}
          />
        </>
      ) : null}
    </Section>
  );
}

/** Find the principal person by name or document number, then say how this person relates to them. */
function LinkHouseholdForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const birthDate = useBirthDate();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [principal, setPrincipal] = useState<PersonSummary | null>(null);
  const [relationship, setRelationship] = useState<Relationship | ''>('');
  const [missing, setMissing] = useState<string | null>(null);
  const results = useQuery({
    queryKey: personsKeys.list({ q: debouncedQ, limit: 10 }),
    queryFn: ({ signal }) => searchPersons({ q: debouncedQ, limit: 10 }, signal),
    enabled: debouncedQ.length > 0,
  });
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: () =>
      linkHousehold(person.id, {
        principalPersonId: principal?.id ?? '',
        relationship: relationship || 'other',
      }),
    successMessage: () => t('person.household.linked'),
    onSaved: (detail) => {
      queryClient.setQueryData(personsKeys.detail(person.id), detail);
      onDone();
    },
  });
  const candidates = (results.data ?? []).filter((p) => p.id !== person.id);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!principal) return setMissing(t('person.household.choosePrincipal'));
        if (!relationship) return setMissing(t('validation.required'));
        setMissing(null);
        submit();
      }}
    >
      <Stack>
        <Text size="sm">{t('person.household.linkIntro')}</Text>
        <FormErrorAlert error={formError} />
        <AutoDirTextInput
          label={t('person.household.search')}
          type="search"
          autoComplete="off"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
        />
        {debouncedQ ? (
          results.isPending ? (
            <LoadingState />
          ) : results.isError ? (
            <QueryError error={results.error} onRetry={() => void results.refetch()} />
          ) : candidates.length === 0 ? (
            <Text size="sm">{t('person.household.noResults')}</Text>
          ) : (
            <Stack
              gap={4}
              component="ul"
              aria-label={t('person.household.results')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {candidates.map((candidate) => (
                <li key={candidate.id}>
                  <UnstyledButton
                    onClick={() => {
                      setPrincipal(candidate);
                      setMissing(null);
                    }}
                    aria-pressed={principal?.id === candidate.id}
                    p="xs"
                    w="100%"
                    style={{
                      borderRadius: 4,
                      border: '1px solid var(--mantine-color-gray-4)',
                      background: principal?.id === candidate.id ? 'var(--mantine-color-blue-0)' : undefined,
                    }}
                    aria-label={t('person.household.choose', {
                      name: personName(candidate),
                      reference: candidate.reference,
                    })}
                  >
                    <Group justify="space-between" gap="xs">
                      <Text size="sm" fw={600}>
                        {personName(candidate)}
                      </Text>
                      <Text size="sm">
                        {candidate.reference} · {birthDate(candidate.birthDate, candidate.birthDatePrecision)}
                      </Text>
                    </Group>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          )
        ) : null}
        {principal ? (
          <Alert color="blue" variant="light" role="status">
            {t('person.household.chosen', { name: personName(principal), reference: principal.reference })}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('person.household.relationshipLabel')}
          required
          value={relationship}
          onChange={(event) => setRelationship(event.currentTarget.value as Relationship | '')}
          data={[
            { value: '', label: t('common.choose') },
            ...RELATIONSHIPS.filter((r) => r !== 'principal').map((r) => ({
              value: r,
              label: t(`person.relationships.${r}`),
            })),
          ]}
        />
        {missing ? (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {missing}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('person.household.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
