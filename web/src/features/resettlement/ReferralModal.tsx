import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { fetchPerson, type PersonSummary, personsKeys } from '../registry/api';
import { personName } from '../registry/labels';
import { type HouseholdView, householdApi } from './api';
import { useDocumentChoice } from './DocumentInput';
import { MEMBER_RELATIONSHIPS, relationshipLabel } from './labels';
import { PersonPicker } from './PersonPicker';
import { useHouseholdSave } from './useHouseholdSave';

type Relationship = (typeof MEMBER_RELATIONSHIPS)[number];
const ReferralFormSchema = z.object({
  agency: z.string().trim().min(1).max(80),
  reference: z.string().trim().min(1).max(40),
});
type ReferralValues = z.infer<typeof ReferralFormSchema>;
const FIELDS = ['agency', 'reference'];

/** A registry relationship as the travelling household's (the registry knows more kinds). */
function travelRelationship(registry: string): Relationship {
  return (MEMBER_RELATIONSHIPS as readonly string[]).includes(registry)
    ? (registry as Relationship)
    : 'other';
}

interface Candidate {
  personId: string;
  name: string;
  relationship: Relationship;
  chosen: boolean;
}

interface ReferralModalProps {
  detail: CaseDetail;
  household: HouseholdView;
  opened: boolean;
  onClose: () => void;
}

/** Records the referral: the agency's reference and document, and who travels with the principal. */
export function ReferralModal({ detail, household, opened, onClose }: ReferralModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('resettlement.referral.title')} size="xl">
      {opened ? <ReferralForm detail={detail} household={household} onClose={onClose} /> : null}
    </AppModal>
  );
}

function ReferralForm({ detail, household, onClose }: Omit<ReferralModalProps, 'opened'>) {
  const { t } = useTranslation();
  const document = useDocumentChoice(detail.id, 'referral_document', true);
  // The principal's registry household is offered first: those are usually the ones who travel.
  const principal = useQuery({
    queryKey: personsKeys.detail(detail.personId),
    queryFn: ({ signal }) => fetchPerson(detail.personId, signal),
  });
  const [extra, setExtra] = useState<Candidate[]>([]);
  const [changes, setChanges] = useState<Record<string, Partial<Candidate>>>({});
  const [picked, setPicked] = useState<PersonSummary | null>(null);
  const registry: Candidate[] = (principal.data?.household ?? [])
    .filter((m) => m.personId !== detail.personId)
    .map((m) => ({
      personId: m.personId,
      name: m.name,
      relationship: travelRelationship(m.relationship),
      chosen: true,
    }));
  const candidates = [...registry, ...extra].map((c) => ({ ...c, ...changes[c.personId] }));
  const change = (personId: string, patch: Partial<Candidate>) =>
    setChanges((current) => ({ ...current, [personId]: { ...current[personId], ...patch } }));

  const resolver = useMemo(
    () => localizedZodResolver<ReferralValues, ReferralValues>(ReferralFormSchema, t),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ReferralValues, unknown, ReferralValues>({
    resolver,
    defaultValues: { agency: 'UNHCR', reference: '' },
  });
  const save = useHouseholdSave<ReferralValues, ReferralValues>({
    caseId: detail.id,
    setError,
    isField: (path) => FIELDS.includes(path),
    mutationFn: async (fields) =>
      householdApi.referral(detail.id, {
        version: household.version,
        agency: fields.agency,
        reference: fields.reference,
        referralDocumentId: (await document.resolve()) ?? '',
        members: candidates
          .filter((c) => c.chosen)
          .map((c) => ({ personId: c.personId, relationship: c.relationship })),
      }),
    successMessage: () => t('resettlement.referral.saved'),
    onDone: onClose,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const documentOk = document.check();
    void handleSubmit((fields) => (documentOk ? save.submit(fields) : undefined))(event);
  };
  const taken = [detail.personId, ...candidates.map((c) => c.personId)];

  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.referral.submit')}
    >
      <Text size="sm">{t('resettlement.referral.intro', { name: detail.personName })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('resettlement.referral.agency')}
          required
          error={errors.agency?.message}
          {...register('agency')}
        />
        <TextInput
          label={t('resettlement.referral.reference')}
          description={t('resettlement.referral.referenceHint')}
          required
          autoComplete="off"
          error={errors.reference?.message}
          {...register('reference')}
        />
      </SimpleGrid>
      {document.field}
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('resettlement.referral.members')}
        </Text>
        {candidates.length === 0 ? (
          <Text size="sm">{t('resettlement.referral.principalOnly')}</Text>
        ) : (
          <ScrollTable minWidth={480} label={t('resettlement.referral.membersTable')}>
            <Table aria-label={t('resettlement.referral.membersTable')} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('resettlement.referral.travels')}</Table.Th>
                  <Table.Th scope="col">{t('resettlement.members.name')}</Table.Th>
                  <Table.Th scope="col">{t('resettlement.members.relationship')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {candidates.map((c) => (
                  <Table.Tr key={c.personId}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('resettlement.referral.travelsWith', { name: c.name })}
                        checked={c.chosen}
                        onChange={(event) => change(c.personId, { chosen: event.currentTarget.checked })}
                      />
                    </Table.Td>
                    <Table.Th scope="row">
                      <bdi>{c.name}</bdi>
                    </Table.Th>
                    <Table.Td>
                      <NativeSelect
                        aria-label={t('resettlement.referral.relationshipOf', { name: c.name })}
                        value={c.relationship}
                        onChange={(event) =>
                          change(c.personId, { relationship: event.currentTarget.value as Relationship })
                        }
                        data={MEMBER_RELATIONSHIPS.map((r) => ({ value: r, label: relationshipLabel(r, t) }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        <PersonPicker
          label={t('resettlement.referral.findOther')}
          value={picked}
          onChange={setPicked}
          exclude={taken}
        />
        <Group>
          <Button
            size="xs"
            variant="light"
            disabled={!picked}
            onClick={() => {
              if (!picked) return;
              setExtra((current) => [
                ...current,
                { personId: picked.id, name: personName(picked), relationship: 'other', chosen: true },
              ]);
              setPicked(null);
            }}
          >
            {t('resettlement.referral.addOther')}
          </Button>
        </Group>
      </Stack>
    </ModalForm>
  );
}
