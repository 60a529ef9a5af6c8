import { Button, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { today } from '../../shared/dates';
import { useFormat } from '../../shared/format/useFormat';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { CountrySelect } from '../offices/CountrySelect';
import { type HouseholdView, householdApi, type Member } from './api';
import { useDocumentChoice } from './DocumentInput';
import { maskedNumber } from './labels';
import { useHouseholdSave } from './useHouseholdSave';
import { ValidityBadge } from './ValidityBadge';

type Kind = 'exit_permit' | 'visa';
type Clearance = NonNullable<Member['visa']>;

function ClearanceCell({ clearance }: { clearance: Clearance | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!clearance) return <Text size="sm">{t('resettlement.clearances.none')}</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('resettlement.clearances.numberFrom', {
          number: maskedNumber(clearance.numberTail),
          country: format.country(clearance.issuingCountry),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('resettlement.clearances.validFrom', { date: format.calendarDate(clearance.validFrom) })}
      </Text>
      <ValidityBadge validUntil={clearance.validUntil} />
    </Stack>
  );
}

/** Exit permits and visas per member: the number by its last characters, the issuer and the validity. */
export function ClearancesSection({ household, canWrite }: { household: HouseholdView; canWrite: boolean }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<{ member: Member; kind: Kind } | null>(null);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('resettlement.clearances.intro')}
      </Text>
      <ScrollTable minWidth={760} label={t('resettlement.clearances.tableLabel')}>
        <Table aria-label={t('resettlement.clearances.tableLabel')} withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('resettlement.members.name')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.clearances.exit_permit')}</Table.Th>
              <Table.Th scope="col">{t('resettlement.clearances.visa')}</Table.Th>
              {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {household.members.map((member) => (
              <Table.Tr key={member.personId}>
                <Table.Th scope="row">
                  <bdi>{member.name}</bdi>
                </Table.Th>
                <Table.Td>
                  <ClearanceCell clearance={member.exitPermit} />
                </Table.Td>
                <Table.Td>
                  <ClearanceCell clearance={member.visa} />
                </Table.Td>
                {canWrite ? (
                  <Table.Td>
                    <Group gap={4}>
                      {(['exit_permit', 'visa'] as const).map((kind) => (
                        <Button
                          key={kind}
                          size="compact-xs"
                          variant="light"
                          aria-label={t(`resettlement.clearances.recordFor.${kind}`, { name: member.name })}
                          onClick={() => setRecording({ member, kind })}
                        >
                          {t(`resettlement.clearances.record.${kind}`)}
                        </Button>
                      ))}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {canWrite ? (
        <AppModal
          opened={recording !== null}
          onClose={() => setRecording(null)}
          title={
            recording
              ? t(`resettlement.clearances.recordTitle.${recording.kind}`, { name: recording.member.name })
              : ''
          }
        >
          {recording ? (
            <ClearanceForm
              household={household}
              member={recording.member}
              kind={recording.kind}
              onClose={() => setRecording(null)}
            />
          ) : null}
        </AppModal>
      ) : null}
    </Stack>
  );
}

const ClearanceFormSchema = z
  .object({
    // Letters, digits, spaces, slashes and hyphens: what the contract accepts of a document number.
    number: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[\p{L}\p{N} /-]+$/u),
    issuingCountry: z.string().regex(/^[A-Z]{2}$/),
    validFrom: z.iso.date(),
    validUntil: z.iso.date(),
  })
  .refine((v) => v.validUntil >= v.validFrom, { path: ['validUntil'], message: 'validation.dateRange' });
type ClearanceValues = z.input<typeof ClearanceFormSchema>;
const FIELDS = ['number', 'issuingCountry', 'validFrom', 'validUntil'];

function ClearanceForm({
  household,
  member,
  kind,
  onClose,
}: {
  household: HouseholdView;
  member: Member;
  kind: Kind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const document = useDocumentChoice(household.caseId, kind, false);
  const resolver = useMemo(
    () => localizedZodResolver<ClearanceValues, ClearanceValues>(ClearanceFormSchema, t),
    [t],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ClearanceValues, unknown, ClearanceValues>({
    resolver,
    defaultValues: { number: '', issuingCountry: '', validFrom: today(), validUntil: '' },
  });
  const save = useHouseholdSave<ClearanceValues, ClearanceValues>({
    caseId: household.caseId,
    setError,
    isField: (path) => FIELDS.includes(path),
    mutationFn: async (fields) =>
      householdApi.clearance(household.caseId, {
        version: household.version,
        personId: member.personId,
        kind,
        number: fields.number.trim(),
        issuingCountry: fields.issuingCountry,
        validFrom: fields.validFrom,
        validUntil: fields.validUntil,
        documentId: await document.resolve(),
      }),
    successMessage: () => t(`resettlement.clearances.saved.${kind}`, { name: member.name }),
    onDone: onClose,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const documentOk = document.check();
    void handleSubmit((fields) => (documentOk ? save.submit(fields) : undefined))(event);
  };
  return (
    <ModalForm onSubmit={submit} formError={save.formError} onCancel={onClose} loading={save.isPending}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('resettlement.clearances.number')}
          description={t('resettlement.clearances.numberHint')}
          required
          autoComplete="off"
          error={errors.number?.message}
          {...register('number')}
        />
        <Controller
          control={control}
          name="issuingCountry"
          render={({ field }) => (
            <CountrySelect
              label={t('resettlement.clearances.issuingCountry')}
              required
              error={errors.issuingCountry?.message}
              {...field}
            />
          )}
        />
        <TextInput
          type="date"
          label={t('resettlement.clearances.validFromLabel')}
          required
          error={errors.validFrom?.message}
          {...register('validFrom')}
        />
        <TextInput
          type="date"
          label={t('resettlement.clearances.validUntilLabel')}
          required
          error={errors.validUntil?.message}
          {...register('validUntil')}
        />
      </SimpleGrid>
      {document.field}
    </ModalForm>
  );
}
