import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { ReceptionConfirmSchema } from '../../../../src/modules/resettlement/contract';
import { isApiError } from '../../shared/api/client';
import { AutoDirTextarea, AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { Section } from '../../shared/components/Section';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { today } from '../../shared/dates';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { PublicChrome, PublicLinkError } from '../../shared/layout/PublicPage';
import { confirmReception, fetchReceptionView, type ReceptionView, resettlementKeys } from './api';
import { assistanceLabel, relationshipLabel, sexLabel } from './labels';

/**
 * What the receiving country's reception partner sees through its link (ADR 0018): public (no account, no
 * app navigation), the household's arrival section only, and the confirmation of the reception once the
 * household has arrived.
 */
export function ReceptionPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const view = useQuery({
    queryKey: resettlementKeys.reception(token),
    queryFn: ({ signal }) => fetchReceptionView(token, signal),
    // Every visit is audited: no polling, no refetch on focus.
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <PublicChrome>
      {view.isPending ? (
        <LoadingState />
      ) : view.isError ? (
        <PublicLinkError
          error={view.error}
          onRetry={() => void view.refetch()}
          texts={{
            invalidTitle: t('reception.invalidTitle'),
            invalid: t('reception.invalid'),
            expiredTitle: t('reception.expiredTitle'),
            expired: t('reception.expired'),
          }}
        />
      ) : (
        <Arrival token={token} view={view.data} />
      )}
    </PublicChrome>
  );
}

/** A name in its own script: Arabic is set right to left and marked as Arabic; any other script finds its way. */
function OriginalName({ name }: { name: string }) {
  const arabic = /\p{Script=Arabic}/u.test(name);
  return (
    <Text size="sm" c="dimmed" dir={arabic ? 'rtl' : 'auto'} lang={arabic ? 'ar' : undefined}>
      {name}
    </Text>
  );
}

function Arrival({ token, view }: { token: string; view: ReceptionView }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const title = t('reception.title', { reference: view.caseReference });
  usePageTitle(title);
  const members = view.household.members;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{t('reception.intro', { office: view.fromOffice, partner: view.partnerName })}</Text>
      </Stack>
      <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
        <Text size="sm">{t('reception.confidential')}</Text>
      </Alert>

      <Section id="reception-household" title={t('reception.householdTitle')}>
        <Stack gap="md">
          <DescriptionList
            items={[{ term: t('reception.principal'), description: <bdi>{view.household.principal}</bdi> }]}
          />
          <Text size="sm">{t('reception.members', { count: members.length })}</Text>
          <ScrollTable minWidth={680} label={t('reception.membersLabel')}>
            <Table aria-label={t('reception.membersLabel')} withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reception.name')}</Table.Th>
                  <Table.Th scope="col">{t('reception.relationship')}</Table.Th>
                  <Table.Th scope="col">{t('reception.sex')}</Table.Th>
                  <Table.Th scope="col">{t('reception.birthYear')}</Table.Th>
                  <Table.Th scope="col">{t('reception.assistance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((m, index) => (
                  // Members carry no identifier for the partner: their place in the list is theirs.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is read once, never reordered.
                  <Table.Tr key={index}>
                    <Table.Th scope="row">
                      <Text size="sm" fw={600}>
                        <bdi>{m.name}</bdi>
                      </Text>
                      {m.nameOriginal ? <OriginalName name={m.nameOriginal} /> : null}
                    </Table.Th>
                    <Table.Td>{relationshipLabel(m.relationship, t)}</Table.Td>
                    <Table.Td>{sexLabel(m.sex, t)}</Table.Td>
                    <Table.Td>
                      {m.birthYear === null ? t('reception.unknown') : format.year(m.birthYear)}
                    </Table.Td>
                    <Table.Td>
                      {m.assistance.length > 0
                        ? format.list(m.assistance.map((code) => assistanceLabel(code, t, i18n.language)))
                        : t('common.none')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Stack>
      </Section>

      <Section id="reception-travel" title={t('reception.travelTitle')}>
        {view.arrival ? (
          <Stack gap="md">
            <DescriptionList
              items={[
                {
                  term: t('reception.arrival'),
                  description:
                    view.arrival.status === 'arrived'
                      ? t('reception.arrived', { date: format.calendarDate(view.arrival.date) })
                      : t('reception.expected', { date: format.calendarDate(view.arrival.date) }),
                },
                {
                  term: t('reception.destination'),
                  description: format.country(view.arrival.destinationCountry),
                },
              ]}
            />
            {view.arrival.flights.length > 0 ? (
              <Stack gap={4}>
                <ScrollTable minWidth={640} label={t('reception.flightsLabel')}>
                  <Table aria-label={t('reception.flightsLabel')} withTableBorder>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('reception.flight')}</Table.Th>
                        <Table.Th scope="col">{t('reception.fromAirport')}</Table.Th>
                        <Table.Th scope="col">{t('reception.toAirport')}</Table.Th>
                        <Table.Th scope="col">{t('reception.departsAt')}</Table.Th>
                        <Table.Th scope="col">{t('reception.arrivesAt')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {view.arrival.flights.map((f) => (
                        <Table.Tr key={`${f.flightNumber}-${f.departsAt}`}>
                          <Table.Th scope="row">
                            {f.carrier} {f.flightNumber}
                          </Table.Th>
                          <Table.Td>{f.fromAirport}</Table.Td>
                          <Table.Td>{f.toAirport}</Table.Td>
                          <Table.Td>{format.dateTime(f.departsAt)}</Table.Td>
                          <Table.Td>{format.dateTime(f.arrivesAt)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
                <Text size="xs" c="dimmed">
                  {t('reception.flightTimes')}
                </Text>
              </Stack>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm">{t('reception.notBooked')}</Text>
        )}
      </Section>

      <Section id="reception-place" title={t('reception.receptionTitle')}>
        <DescriptionList
          items={[
            { term: t('reception.fromOffice'), description: view.fromOffice },
            { term: t('reception.partner'), description: view.partnerName },
            { term: t('reception.place'), description: view.receptionPlace },
            { term: t('reception.contact'), description: view.receivingContact },
            { term: t('reception.expires'), description: format.dateTime(view.expiresAt) },
          ]}
        />
      </Section>

      <Section id="reception-confirm" title={t('reception.confirmTitle')}>
        {view.confirmation ? (
          <Alert
            color="green"
            variant="light"
            icon={<IconCircleCheck aria-hidden />}
            title={t('reception.confirmedTitle')}
          >
            <Stack gap={4}>
              <Text size="sm">
                {t('reception.confirmedBody', {
                  date: format.calendarDate(view.confirmation.receivedOn),
                  name: view.confirmation.confirmedByName,
                  at: format.dateTime(view.confirmation.confirmedAt),
                })}
              </Text>
              {view.confirmation.note ? (
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {view.confirmation.note}
                </Text>
              ) : null}
            </Stack>
          </Alert>
        ) : view.arrival?.status === 'arrived' ? (
          <ConfirmForm token={token} arrivedOn={view.arrival.date} />
        ) : (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            <Text size="sm">{t('reception.notArrived')}</Text>
          </Alert>
        )}
      </Section>
    </Stack>
  );
}

interface ConfirmValues {
  receivedOn: string;
  confirmedBy: string;
  note: string;
}
type ConfirmOutput = z.output<typeof ReceptionConfirmSchema>;
const CONFIRM_FIELDS = ['receivedOn', 'confirmedBy', 'note'];

function ConfirmForm({ token, arrivedOn }: { token: string; arrivedOn: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: resettlementKeys.reception(token) });
  const resolver = useMemo(
    () =>
      localizedZodResolver<ConfirmValues, ConfirmOutput>(ReceptionConfirmSchema, t, (values) => ({
        ...values,
        note: values.note.trim() === '' ? undefined : values.note,
      })),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ConfirmValues, unknown, ConfirmOutput>({
    resolver,
    // The day it arrived, unless that is still ahead on this device's calendar.
    defaultValues: { receivedOn: arrivedOn <= today() ? arrivedOn : today(), confirmedBy: '', note: '' },
  });
  const save = useFormMutation<ConfirmValues, ConfirmOutput, undefined>({
    setError,
    isField: (path) => CONFIRM_FIELDS.includes(path),
    mutationFn: (body) => confirmReception(token, body),
    successMessage: () => t('reception.done'),
    refresh,
    // Confirmed meanwhile, or the arrival undone: the page shows where things stand.
    onError: (error) =>
      isApiError(error, 'reception_already_confirmed') || isApiError(error, 'reception_not_arrived')
        ? refresh()
        : undefined,
  });
  return (
    <form noValidate onSubmit={handleSubmit(save.submit)}>
      <Stack gap="sm" maw={560}>
        <Text size="sm">{t('reception.confirmIntro')}</Text>
        <FormErrorAlert error={save.formError} />
        <AutoDirTextInput
          label={t('reception.confirmedBy')}
          required
          autoComplete="name"
          error={errors.confirmedBy?.message}
          {...register('confirmedBy')}
        />
        <TextInput
          type="date"
          label={t('reception.receivedOn')}
          required
          w={220}
          error={errors.receivedOn?.message}
          {...register('receivedOn')}
        />
        <AutoDirTextarea
          label={t('reception.note')}
          description={t('reception.noteHint')}
          autosize
          minRows={3}
          error={errors.note?.message}
          {...register('note')}
        />
        <Group>
          <Button
            type="submit"
            loading={save.isPending}
            leftSection={<IconCircleCheck size={16} aria-hidden />}
          >
            {t('reception.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
