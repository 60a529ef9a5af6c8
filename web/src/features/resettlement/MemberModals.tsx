import { Checkbox, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import type { PersonSummary } from '../registry/api';
import {
  fetchHousehold,
  type HouseholdView,
  householdApi,
  useHouseholdConflict,
  usePipeline,
  useStoreHousehold,
} from './api';
import { MEMBER_RELATIONSHIPS, relationshipLabel } from './labels';
import { PersonPicker } from './PersonPicker';
import { listOnly, useHouseholdSave } from './useHouseholdSave';

type Relationship = (typeof MEMBER_RELATIONSHIPS)[number];

/** A reason is asked for every change of who travels; it stays on the household's history. */
function ReasonField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('resettlement.members.reason')}
      required
      autosize
      minRows={2}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

// ---- add -------------------------------------------------------------------------------------------

export function AddMemberModal({
  household,
  opened,
  onClose,
}: {
  household: HouseholdView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('resettlement.members.addTitle')}>
      {opened ? <AddMemberForm household={household} onClose={onClose} /> : null}
    </AppModal>
  );
}

function AddMemberForm({ household, onClose }: { household: HouseholdView; onClose: () => void }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [relationship, setRelationship] = useState<Relationship | ''>('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useHouseholdSave({
    caseId: household.caseId,
    mutationFn: (body: { personId: string; relationship: Relationship; reason: string }) =>
      householdApi.addMember(household.caseId, { version: household.version, ...body }),
    successMessage: () => t('resettlement.members.added'),
    onDone: onClose,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!person) found.person = t('resettlement.persons.choose');
    if (!relationship) found.relationship = t('validation.required');
    if (!reason.trim()) found.reason = t('validation.required');
    setProblems(found);
    if (!person || !relationship || !reason.trim()) return;
    save.submit({ personId: person.id, relationship, reason: reason.trim() });
  };
  return (
    <ModalForm onSubmit={submit} formError={save.formError} onCancel={onClose} loading={save.isPending}>
      <PersonPicker
        label={t('resettlement.persons.search')}
        value={person}
        onChange={setPerson}
        exclude={household.members.map((m) => m.personId)}
      />
      {problems.person ? (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {problems.person}
        </Text>
      ) : null}
      <NativeSelect
        label={t('resettlement.members.relationship')}
        required
        value={relationship}
        error={problems.relationship}
        onChange={(event) => setRelationship(event.currentTarget.value as Relationship | '')}
        data={[
          { value: '', label: t('common.choose') },
          ...MEMBER_RELATIONSHIPS.map((r) => ({ value: r, label: relationshipLabel(r, t) })),
        ]}
      />
      <ReasonField value={reason} onChange={setReason} error={problems.reason ?? null} />
    </ModalForm>
  );
}

// ---- split -----------------------------------------------------------------------------------------

export function SplitModal({
  household,
  opened,
  onClose,
}: {
  household: HouseholdView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('resettlement.members.splitTitle')}>
      {opened ? <SplitForm household={household} onClose={onClose} /> : null}
    </AppModal>
  );
}

function SplitForm({ household, onClose }: { household: HouseholdView; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const store = useStoreHousehold();
  const onConflict = useHouseholdConflict(household.caseId);
  const [leaving, setLeaving] = useState<string[]>([]);
  const [principal, setPrincipal] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  // The principal applicant stays: only the others may leave.
  const others = household.members.filter((m) => m.relationship !== 'principal');
  const newPrincipal = leaving.includes(principal) ? principal : (leaving[0] ?? '');
  const save = useFormMutation({
    setError: listOnly,
    mutationFn: (body: { memberIds: string[]; newPrincipalId: string; reason: string }) =>
      householdApi.split(household.caseId, { version: household.version, ...body }),
    successMessage: (saved) =>
      t('resettlement.members.splitDone', { reference: saved.newHousehold.caseReference }),
    onSaved: (saved) => {
      store(saved.household);
      store(saved.newHousehold);
      onClose();
    },
    refresh: (saved) => navigate(`/cases/${saved.newHousehold.caseId}?tab=resettlement`),
    recover: onConflict,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (leaving.length === 0) found.members = t('resettlement.members.chooseLeaving');
    if (!reason.trim()) found.reason = t('validation.required');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.submit({ memberIds: leaving, newPrincipalId: newPrincipal, reason: reason.trim() });
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.members.splitSubmit')}
    >
      <Text size="sm">{t('resettlement.members.splitIntro')}</Text>
      <Checkbox.Group
        label={t('resettlement.members.leaving')}
        required
        value={leaving}
        onChange={setLeaving}
        error={problems.members}
      >
        <Stack gap={6} mt={4}>
          {others.map((m) => (
            <Checkbox key={m.personId} value={m.personId} label={m.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <NativeSelect
        label={t('resettlement.members.newPrincipal')}
        required
        disabled={leaving.length === 0}
        value={newPrincipal}
        onChange={(event) => setPrincipal(event.currentTarget.value)}
        data={household.members
          .filter((m) => leaving.includes(m.personId))
          .map((m) => ({ value: m.personId, label: m.name }))}
      />
      <ReasonField value={reason} onChange={setReason} error={problems.reason ?? null} />
    </ModalForm>
  );
}

// ---- merge -----------------------------------------------------------------------------------------

export function MergeModal({
  household,
  opened,
  onClose,
}: {
  household: HouseholdView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('resettlement.members.mergeTitle')}>
      {opened ? <MergeForm household={household} onClose={onClose} /> : null}
    </AppModal>
  );
}

function MergeForm({ household, onClose }: { household: HouseholdView; onClose: () => void }) {
  const { t } = useTranslation();
  // Households that may join: of the same project and at the same stage (the server checks the office).
  const pipeline = usePipeline(household.projectId ?? '');
  const [otherId, setOtherId] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useHouseholdSave({
    caseId: household.caseId,
    mutationFn: async (body: { otherCaseId: string; reason: string }) => {
      // The other household's version is read when merging: both households' versions are checked.
      const other = await fetchHousehold(body.otherCaseId);
      return householdApi.merge(household.caseId, {
        version: household.version,
        otherCaseId: other.caseId,
        otherVersion: other.version,
        reason: body.reason,
      });
    },
    successMessage: () => t('resettlement.members.merged'),
    onDone: onClose,
  });
  if (pipeline.isPending) return <LoadingState />;
  if (pipeline.isError) return <QueryError error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  const choices = pipeline.data.items.filter(
    (item) => item.caseId !== household.caseId && item.status === household.status,
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!otherId) found.other = t('validation.required');
    if (!reason.trim()) found.reason = t('validation.required');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.submit({ otherCaseId: otherId, reason: reason.trim() });
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.members.mergeSubmit')}
    >
      <Text size="sm">{t('resettlement.members.mergeIntro')}</Text>
      {choices.length === 0 ? <Text size="sm">{t('resettlement.members.mergeNone')}</Text> : null}
      <NativeSelect
        label={t('resettlement.members.mergeOther')}
        required
        value={otherId}
        error={problems.other}
        onChange={(event) => setOtherId(event.currentTarget.value)}
        data={[
          { value: '', label: t('common.choose') },
          ...choices.map((item) => ({
            value: item.caseId,
            label: t('resettlement.members.mergeOption', {
              reference: item.caseReference,
              name: item.principalName,
              count: item.members,
            }),
          })),
        ]}
      />
      <ReasonField value={reason} onChange={setReason} error={problems.reason ?? null} />
    </ModalForm>
  );
}
