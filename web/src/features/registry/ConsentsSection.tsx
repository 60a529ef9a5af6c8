import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AddConsentSchema } from '../../../../src/modules/registry/contract';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { Section } from '../../shared/components/Section';
import { today } from '../../shared/dates';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { addConsent, type Consent, type PersonDetail, useRefreshPerson, withdrawConsent } from './api';

type Purpose = z.infer<typeof AddConsentSchema.shape.purpose>;
type GivenBy = z.infer<typeof AddConsentSchema.shape.givenBy>;
const PURPOSES = AddConsentSchema.shape.purpose.options;
const GIVEN_BY: readonly GivenBy[] = ['self', 'guardian', 'representative'];

function isPurpose(value: string): value is Purpose {
  return (PURPOSES as readonly string[]).includes(value);
}
function isGivenBy(value: string): value is GivenBy {
  return (GIVEN_BY as readonly string[]).includes(value);
}

export function ConsentsSection({ person, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const purposeLabel = (purpose: string) =>
    isPurpose(purpose) ? t(`person.consentPurposes.${purpose}`) : purpose;
  const givenByLabel = (givenBy: string) => (isGivenBy(givenBy) ? t(`person.givenBy.${givenBy}`) : givenBy);

  return (
    <Section
      id="person-consents"
      title={t('person.consents.title')}
      actions={
        canWrite ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('person.consents.add')}
          </Button>
        ) : null
      }
    >
      {person.consents.length === 0 ? (
        <Text>{t('person.consents.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('person.consents.tableLabel')} withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person.consents.purpose')}</Table.Th>
                <Table.Th scope="col">{t('person.consents.recipient')}</Table.Th>
                <Table.Th scope="col">{t('person.consents.givenBy')}</Table.Th>
                <Table.Th scope="col">{t('person.consents.givenOn')}</Table.Th>
                <Table.Th scope="col">{t('person.consents.status')}</Table.Th>
                {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.consents.map((consent) => {
                const withdrawn = consent.withdrawnOn !== null;
                const struck = withdrawn ? 'line-through' : undefined;
                return (
                  <Table.Tr key={consent.id} c={withdrawn ? 'dimmed' : undefined}>
                    <Table.Th scope="row">
                      <Text size="sm" fw={600} td={struck}>
                        {purposeLabel(consent.purpose)}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Text size="sm" td={struck}>
                        {consent.recipient}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" td={struck}>
                        {givenByLabel(consent.givenBy)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" td={struck}>
                        {format.calendarDate(consent.givenOn)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {consent.withdrawnOn ? (
                        <Badge color="gray" variant="light" tt="none">
                          {t('person.consents.withdrawnOn', {
                            date: format.calendarDate(consent.withdrawnOn),
                          })}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light" tt="none">
                          {t('person.consents.inForce')}
                        </Badge>
                      )}
                    </Table.Td>
                    {canWrite ? (
                      <Table.Td>
                        {withdrawn ? null : (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('person.consents.withdrawLabel', {
                              purpose: purposeLabel(consent.purpose),
                            })}
                            onClick={() => setWithdrawing(consent)}
                          >
                            {t('person.consents.withdraw')}
                          </Button>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite ? (
        <>
          <AppModal opened={adding} onClose={() => setAdding(false)} title={t('person.consents.addTitle')}>
            {adding ? <AddConsentForm personId={person.id} onDone={() => setAdding(false)} /> : null}
          </AppModal>
          <AppModal
            opened={withdrawing !== null}
            onClose={() => setWithdrawing(null)}
            title={t('person.consents.withdrawTitle', {
              purpose: withdrawing ? purposeLabel(withdrawing.purpose) : '',
            })}
            size="md"
          >
            {withdrawing ? (
              <WithdrawConsentForm
                personId={person.id}
                consent={withdrawing}
                onDone={() => setWithdrawing(null)}
              />
            ) : null}
          </AppModal>
        </>
      ) : null}
    </Section>
  );
}

type AddConsentValues = { purpose: Purpose | ''; recipient: string; givenBy: GivenBy; givenOn: string };
type AddConsentBody = z.output<typeof AddConsentSchema>;
const CONSENT_FIELDS = new Set(['purpose', 'recipient', 'givenBy', 'givenOn']);

function AddConsentForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson();
  const resolver = useMemo(
    () =>
      localizedZodResolver<AddConsentValues, AddConsentBody>(AddConsentSchema, t, (values) => ({
        ...values,
        purpose: values.purpose || undefined,
      })),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AddConsentValues, unknown, AddConsentBody>({
    resolver,
    defaultValues: { purpose: '', recipient: '', givenBy: 'self', givenOn: today() },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => CONSENT_FIELDS.has(path),
    mutationFn: (body: AddConsentBody) => addConsent(personId, body),
    successMessage: () => t('person.consents.added'),
    refresh: async () => {
      await refresh(personId);
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <FormErrorAlert error={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('person.consents.purpose')}
            required
            error={errors.purpose?.message}
            data={[
              { value: '', label: t('person.consents.choosePurpose') },
              ...PURPOSES.map((p) => ({ value: p, label: t(`person.consentPurposes.${p}`) })),
            ]}
            {...register('purpose')}
          />
          <TextInput
            label={t('person.consents.recipient')}
            required
            autoComplete="off"
            error={errors.recipient?.message}
            {...register('recipient')}
          />
          <NativeSelect
            label={t('person.consents.givenBy')}
            error={errors.givenBy?.message}
            data={GIVEN_BY.map((g) => ({ value: g, label: t(`person.givenBy.${g}`) }))}
            {...register('givenBy')}
          />
          <TextInput
            label={t('person.consents.givenOn')}
            type="date"
            required
            error={errors.givenOn?.message}
            {...register('givenOn')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const WithdrawSchema = z.object({ withdrawnOn: z.iso.date() });
type WithdrawValues = z.infer<typeof WithdrawSchema>;

function WithdrawConsentForm({
  personId,
  consent,
  onDone,
}: {
  personId: string;
  consent: Consent;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson();
  const resolver = useMemo(
    () => localizedZodResolver<WithdrawValues, WithdrawValues>(WithdrawSchema, t),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<WithdrawValues, unknown, WithdrawValues>({ resolver, defaultValues: { withdrawnOn: today() } });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => path === 'withdrawnOn',
    mutationFn: (values: WithdrawValues) => withdrawConsent(personId, consent.id, values.withdrawnOn),
    successMessage: () => t('person.consents.withdrawn'),
    refresh: async () => {
      await refresh(personId);
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <FormErrorAlert error={formError} />
        <TextInput
          label={t('person.consents.withdrawDate')}
          type="date"
          required
          error={errors.withdrawnOn?.message}
          {...register('withdrawnOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={isPending}>
            {t('person.consents.withdrawSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
