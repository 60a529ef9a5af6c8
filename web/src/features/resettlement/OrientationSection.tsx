import { Badge, Checkbox, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isApiError } from '../../shared/api/client';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { today } from '../../shared/dates';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { LANGUAGE_CODES } from '../../shared/languages';
import {
  type HouseholdView,
  type OrientationSession,
  orientationApi,
  resettlementKeys,
  useOrientationSessions,
} from './api';
import { listOnly } from './useHouseholdSave';

/** Who of the household attended a pre-departure orientation session. */
export function OrientationAttendance({ household }: { household: HouseholdView }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={420} label={t('resettlement.orientation.tableLabel')}>
      <Table aria-label={t('resettlement.orientation.tableLabel')} withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('resettlement.members.name')}</Table.Th>
            <Table.Th scope="col">{t('resettlement.orientation.attended')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {household.members.map((m) => (
            <Table.Tr key={m.personId}>
              <Table.Th scope="row">
                <bdi>{m.name}</bdi>
              </Table.Th>
              <Table.Td>
                <Badge color={m.attendedOrientation ? 'green' : 'gray'} variant="light" tt="none">
                  {m.attendedOrientation
                    ? t('resettlement.orientation.yes')
                    : t('resettlement.orientation.notYet')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function AttendanceModal({
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
    <AppModal opened={opened} onClose={onClose} title={t('resettlement.orientation.recordTitle')}>
      {opened ? <AttendanceLoader household={household} onClose={onClose} /> : null}
    </AppModal>
  );
}

function AttendanceLoader({ household, onClose }: { household: HouseholdView; onClose: () => void }) {
  const sessions = useOrientationSessions(household.projectId ?? '');
  if (sessions.isPending) return <LoadingState />;
  if (sessions.isError) return <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  return <AttendanceForm household={household} sessions={sessions.data} onClose={onClose} />;
}

const NEW = 'new';
const SessionFormSchema = z.object({
  heldOn: z.iso.date(),
  place: z.string().trim().min(1).max(200),
  language: z.string().regex(/^[a-z]{2,3}$/),
  facilitator: z.string().trim().min(1).max(200),
});
type SessionValues = z.input<typeof SessionFormSchema>;
type SessionField = keyof SessionValues;

/** A session of the project (or a new one) and who of the household was there. */
function AttendanceForm({
  household,
  sessions,
  onClose,
}: {
  household: HouseholdView;
  sessions: OrientationSession[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? NEW);
  const [values, setValues] = useState<SessionValues>({
    heldOn: today(),
    place: '',
    language: '',
    facilitator: '',
  });
  const [errors, setErrors] = useState<Partial<Record<SessionField, string>>>({});
  const created = useRef<OrientationSession | null>(null);
  const [present, setPresent] = useState<string[]>(household.members.map((m) => m.personId));
  const languages = useMemo(
    () =>
      LANGUAGE_CODES.map((code) => ({ value: code, label: format.language(code) })).sort((a, b) =>
        a.label.localeCompare(b.label),
      ),
    [format],
  );
  const save = useFormMutation({
    setError: listOnly,
    mutationFn: async (body: { session: SessionValues | null }) => {
      let session = sessions.find((s) => s.id === sessionId) ?? created.current ?? undefined;
      if (body.session && household.projectId) {
        session = await orientationApi.create({
          projectId: household.projectId,
          officeId: household.officeId,
          ...body.session,
        });
        // Chosen from now on: a failed attendance is tried again on this session, not on a new one.
        created.current = session;
        setSessionId(session.id);
      }
      if (!session) throw new Error('no session');
      return orientationApi.attendance(session.id, {
        version: session.version,
        attendance: household.members.map((m) => ({
          personId: m.personId,
          present: present.includes(m.personId),
        })),
      });
    },
    successMessage: () => t('resettlement.orientation.saved'),
    onSaved: onClose,
    refresh: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: resettlementKeys.household(household.caseId) }),
        queryClient.invalidateQueries({ queryKey: resettlementKeys.sessions(household.projectId ?? '') }),
      ]),
    recover: (error) => {
      if (!isApiError(error, 'version_conflict')) return false;
      // Someone marked attendance at the session meanwhile: read the sessions again, keep the choices.
      void queryClient.invalidateQueries({ queryKey: resettlementKeys.sessions(household.projectId ?? '') });
      notifications.show({ color: 'orange', message: t('resettlement.orientation.reloaded') });
      return true;
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sessionId !== NEW) return save.submit({ session: null });
    const parsed = SessionFormSchema.safeParse(values);
    if (parsed.success) {
      setErrors({});
      return save.submit({ session: parsed.data });
    }
    const found: Partial<Record<SessionField, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as SessionField;
      found[key] ??= values[key].trim() ? t('validation.invalidValue') : t('validation.required');
    }
    setErrors(found);
  };
  const field = (key: SessionField) => ({
    value: values[key],
    error: errors[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [key]: value }));
    },
  });
  const sessionLabel = (s: OrientationSession) =>
    t('resettlement.orientation.sessionOption', {
      date: format.calendarDate(s.heldOn),
      place: s.place,
      language: format.language(s.language),
      facilitator: s.facilitator,
    });

  return (
    <ModalForm onSubmit={submit} formError={save.formError} onCancel={onClose} loading={save.isPending}>
      <NativeSelect
        label={t('resettlement.orientation.session')}
        value={sessionId}
        onChange={(event) => setSessionId(event.currentTarget.value)}
        data={[
          ...[
            ...sessions,
            ...(created.current && !sessions.some((s) => s.id === created.current?.id)
              ? [created.current]
              : []),
          ].map((s) => ({ value: s.id, label: sessionLabel(s) })),
          { value: NEW, label: t('resettlement.orientation.newSession') },
        ]}
      />
      {sessionId === NEW ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('resettlement.orientation.heldOn')} required {...field('heldOn')} />
          <TextInput label={t('resettlement.orientation.place')} required {...field('place')} />
          <NativeSelect
            label={t('resettlement.orientation.language')}
            required
            data={[{ value: '', label: t('common.choose') }, ...languages]}
            {...field('language')}
          />
          <TextInput label={t('resettlement.orientation.facilitator')} required {...field('facilitator')} />
        </SimpleGrid>
      ) : null}
      <Checkbox.Group label={t('resettlement.orientation.present')} value={present} onChange={setPresent}>
        <Stack gap={6} mt={4}>
          {household.members.map((m) => (
            <Checkbox key={m.personId} value={m.personId} label={m.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Text size="xs" c="dimmed">
        {t('resettlement.orientation.minAgeHint')}
      </Text>
    </ModalForm>
  );
}
