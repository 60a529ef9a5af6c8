import { Alert, Anchor, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import {
  type BoardingBody,
  type Booking,
  fetchHousehold,
  type MovementView,
  movementApi,
  resettlementKeys,
  usePipeline,
  useRecordConflict,
  useRefreshResettlement,
} from './api';
import { BlockerItems } from './BlockerList';
import { instantOf } from './MovementFormModal';
import { listOnly } from './useHouseholdSave';

/**
 * A change to a movement: the movement answered goes in the cache and what it touched (households, their
 * cases, the lists) is read again; a version conflict reloads it and keeps the dialog open to try again.
 */
function useMovementSave<TBody>(
  movement: MovementView,
  options: {
    mutationFn: (body: TBody) => Promise<MovementView>;
    successMessage: (saved: MovementView) => string;
    onClose: () => void;
    onError?: (error: unknown) => unknown;
  },
) {
  const queryClient = useQueryClient();
  const refresh = useRefreshResettlement();
  const onConflict = useRecordConflict('movement');
  return useFormMutation({
    setError: listOnly,
    mutationFn: options.mutationFn,
    successMessage: options.successMessage,
    onSaved: (saved) => {
      queryClient.setQueryData(resettlementKeys.movement(saved.id), saved);
      options.onClose();
    },
    refresh,
    recover: (error) => {
      if (!onConflict(error)) return false;
      void queryClient.invalidateQueries({ queryKey: resettlementKeys.movement(movement.id) });
      return true;
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}

// ---- booking ---------------------------------------------------------------------------------------

export function BookHouseholdModal({
  movement,
  opened,
  onClose,
}: {
  movement: MovementView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={t('resettlement.booking.title', { reference: movement.reference })}
      size="lg"
    >
      {opened ? <BookHouseholdForm movement={movement} onClose={onClose} /> : null}
    </AppModal>
  );
}

/** What to do about a refused booking, in the user's words, beside the server's reason. */
const FIX = [
  'movement_validity',
  'movement_over_capacity',
  'movement_escort_required',
  'household_locked',
] as const;
type Fix = (typeof FIX)[number];

function BookHouseholdForm({ movement, onClose }: { movement: MovementView; onClose: () => void }) {
  const { t } = useTranslation();
  const pipeline = usePipeline(movement.projectId);
  const [caseId, setCaseId] = useState('');
  const [missing, setMissing] = useState(false);
  const [fix, setFix] = useState<{ code: Fix; caseId: string } | null>(null);
  const save = useMovementSave(movement, {
    mutationFn: async (chosen: string) => {
      // The household's version is read when booking: the booking takes the household's step.
      const household = await fetchHousehold(chosen);
      return movementApi.book(movement.id, {
        version: movement.version,
        caseId: chosen,
        caseVersion: household.version,
      });
    },
    successMessage: () => t('resettlement.booking.done'),
    onClose,
    onError: (error) => {
      const code = isApiError(error) ? error.code : '';
      setFix((FIX as readonly string[]).includes(code) ? { code: code as Fix, caseId } : null);
    },
  });
  if (pipeline.isPending) return <LoadingState />;
  if (pipeline.isError) return <QueryError error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  const bookedHere = new Set(movement.bookings.filter((b) => b.status === 'booked').map((b) => b.caseId));
  const ready = pipeline.data.items.filter(
    (item) => item.status === 'exit_permits' && !bookedHere.has(item.caseId),
  );
  const chosen = ready.find((item) => item.caseId === caseId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!caseId) return setMissing(true);
    setMissing(false);
    setFix(null);
    save.submit(caseId);
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.booking.submit')}
    >
      {fix ? (
        <Alert
          color="blue"
          variant="light"
          icon={<IconBulb aria-hidden />}
          title={t('resettlement.booking.fixTitle')}
        >
          <Stack gap={4}>
            <Text size="sm">{t(`resettlement.booking.fix.${fix.code}`)}</Text>
            {fix.code === 'movement_validity' || fix.code === 'household_locked' ? (
              <Anchor component={Link} to={`/cases/${fix.caseId}?tab=resettlement#rst-clearances`} size="sm">
                {t('resettlement.booking.openHousehold')}
              </Anchor>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <Text size="sm">
        {t('resettlement.booking.intro', {
          free: Math.max(0, movement.seatCount - movement.seatsUsed),
        })}
      </Text>
      {ready.length === 0 ? <Text size="sm">{t('resettlement.booking.noneReady')}</Text> : null}
      <NativeSelect
        label={t('resettlement.booking.household')}
        required
        value={caseId}
        error={missing ? t('validation.required') : undefined}
        onChange={(event) => {
          setCaseId(event.currentTarget.value);
          setFix(null);
        }}
        data={[
          { value: '', label: t('common.choose') },
          ...ready.map((item) => ({
            value: item.caseId,
            label: t('resettlement.booking.option', {
              reference: item.caseReference,
              name: item.principalName,
              count: item.members,
            }),
          })),
        ]}
      />
      {chosen && chosen.blockers.length > 0 ? (
        <Alert color="orange" variant="light" title={t('resettlement.booking.blockersToday')}>
          <BlockerItems blockers={chosen.blockers} />
        </Alert>
      ) : null}
    </ModalForm>
  );
}

export function CancelBookingModal({
  movement,
  booking,
  onClose,
}: {
  movement: MovementView;
  booking: Booking | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={booking !== null}
      onClose={onClose}
      title={booking ? t('resettlement.booking.cancelTitle', { reference: booking.caseReference }) : ''}
      size="md"
    >
      {booking ? <CancelBookingForm movement={movement} booking={booking} onClose={onClose} /> : null}
    </AppModal>
  );
}

function CancelBookingForm({
  movement,
  booking,
  onClose,
}: {
  movement: MovementView;
  booking: Booking;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const save = useMovementSave(movement, {
    mutationFn: async (text: string) => {
      const household = await fetchHousehold(booking.caseId);
      return movementApi.cancelBooking(movement.id, booking.id, {
        version: movement.version,
        caseVersion: household.version,
        reason: text,
      });
    },
    successMessage: () => t('resettlement.booking.cancelled', { reference: booking.caseReference }),
    onClose,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    save.submit(reason.trim());
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.booking.cancelSubmit')}
    >
      <Text size="sm">{t('resettlement.booking.cancelIntro')}</Text>
      <Textarea
        label={t('resettlement.booking.reason')}
        required
        autosize
        minRows={2}
        value={reason}
        error={missing ? t('validation.required') : undefined}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
    </ModalForm>
  );
}

// ---- the movement itself ---------------------------------------------------------------------------

export function SeatsModal({
  movement,
  opened,
  onClose,
}: {
  movement: MovementView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('resettlement.movements.changeSeats')} size="md">
      {opened ? <SeatsForm movement={movement} onClose={onClose} /> : null}
    </AppModal>
  );
}

function SeatsForm({ movement, onClose }: { movement: MovementView; onClose: () => void }) {
  const { t } = useTranslation();
  const [seats, setSeats] = useState(String(movement.seatCount));
  const [error, setError] = useState<string | null>(null);
  const save = useMovementSave(movement, {
    mutationFn: (seatCount: number) =>
      movementApi.update(movement.id, { version: movement.version, seatCount }),
    successMessage: () => t('resettlement.movements.seatsSaved'),
    onClose,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = Number(seats);
    if (!Number.isInteger(n) || n < 1 || n > 1000) return setError(t('resettlement.movements.seatsInvalid'));
    setError(null);
    save.submit(n);
  };
  return (
    <ModalForm onSubmit={submit} formError={save.formError} onCancel={onClose} loading={save.isPending}>
      <TextInput
        label={t('resettlement.movements.seatCount')}
        description={t('resettlement.movements.seatsTaken', { used: movement.seatsUsed })}
        inputMode="numeric"
        required
        value={seats}
        error={error}
        onChange={(event) => setSeats(event.currentTarget.value)}
      />
    </ModalForm>
  );
}

export function CancelMovementModal({
  movement,
  opened,
  onClose,
}: {
  movement: MovementView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('resettlement.movements.cancel')} size="md">
      {opened ? <CancelMovementForm movement={movement} onClose={onClose} /> : null}
    </AppModal>
  );
}

function CancelMovementForm({ movement, onClose }: { movement: MovementView; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useMovementSave(movement, {
    mutationFn: () => movementApi.update(movement.id, { version: movement.version, status: 'cancelled' }),
    successMessage: () => t('resettlement.movements.cancelled'),
    onClose,
  });
  return (
    <ModalForm
      onSubmit={(event) => {
        event.preventDefault();
        save.submit(undefined);
      }}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.movements.cancelSubmit')}
    >
      <Text size="sm">{t('resettlement.movements.cancelIntro', { reference: movement.reference })}</Text>
    </ModalForm>
  );
}

// ---- departure day and arrival ---------------------------------------------------------------------

type Outcome = '' | 'boarded' | 'no_show';

export function BoardingModal({
  movement,
  opened,
  onClose,
}: {
  movement: MovementView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={t('resettlement.boarding.title', { reference: movement.reference })}
      size="lg"
    >
      {opened ? <BoardingForm movement={movement} onClose={onClose} /> : null}
    </AppModal>
  );
}

/**
 * Who boarded, household by household (a household boards together: split it first otherwise); a no-show
 * goes back to exit permits with the reason. Households left unanswered stay booked.
 */
function BoardingForm({ movement, onClose }: { movement: MovementView; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const booked = movement.bookings.filter((b) => b.status === 'booked');
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMovementSave(movement, {
    mutationFn: (body: BoardingBody) => movementApi.boarding(movement.id, body),
    successMessage: () => t('resettlement.boarding.saved'),
    onClose,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const passengers: BoardingBody['passengers'] = [];
    for (const b of booked) {
      const outcome = outcomes[b.id] ?? '';
      if (!outcome) continue;
      const reason = (reasons[b.id] ?? '').trim();
      if (outcome === 'no_show' && !reason) found[b.id] = t('validation.required');
      for (const p of b.passengers)
        passengers.push({
          personId: p.personId,
          status: outcome,
          ...(outcome === 'no_show' ? { reason } : {}),
        });
    }
    if (passengers.length === 0) found.none = t('resettlement.boarding.nothing');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.submit({ version: movement.version, passengers });
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.boarding.submit')}
    >
      <Text size="sm">{t('resettlement.boarding.intro')}</Text>
      {problems.none ? (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {problems.none}
        </Text>
      ) : null}
      {booked.map((b) => (
        <Stack key={b.id} gap="xs">
          <Radio.Group
            label={t('resettlement.boarding.household', {
              reference: b.caseReference,
              names: format.list(b.passengers.map((p) => p.name)),
            })}
            value={outcomes[b.id] ?? ''}
            onChange={(value) => setOutcomes((current) => ({ ...current, [b.id]: value as Outcome }))}
          >
            <Stack gap={4} mt={4}>
              <Radio value="" label={t('resettlement.boarding.notYet')} />
              <Radio value="boarded" label={t('resettlement.boarding.boarded')} />
              <Radio value="no_show" label={t('resettlement.boarding.noShow')} />
            </Stack>
          </Radio.Group>
          {outcomes[b.id] === 'no_show' ? (
            <Textarea
              label={t('resettlement.boarding.reason', { reference: b.caseReference })}
              required
              autosize
              minRows={2}
              value={reasons[b.id] ?? ''}
              error={problems[b.id]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setReasons((current) => ({ ...current, [b.id]: value }));
              }}
            />
          ) : null}
        </Stack>
      ))}
    </ModalForm>
  );
}

export function ArrivalModal({
  movement,
  opened,
  onClose,
}: {
  movement: MovementView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={t('resettlement.arrival.title', { reference: movement.reference })}
      size="md"
    >
      {opened ? <ArrivalForm movement={movement} onClose={onClose} /> : null}
    </AppModal>
  );
}

/** Now, as a local date and time for a datetime-local input. */
function nowLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

function ArrivalForm({ movement, onClose }: { movement: MovementView; onClose: () => void }) {
  const { t } = useTranslation();
  const [arrivedAt, setArrivedAt] = useState(nowLocal());
  const [error, setError] = useState<string | null>(null);
  const save = useMovementSave(movement, {
    mutationFn: (at: string) =>
      movementApi.arrival(movement.id, { version: movement.version, arrivedAt: at }),
    successMessage: () => t('resettlement.arrival.saved'),
    onClose,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const at = instantOf(arrivedAt);
    if (!at || Number.isNaN(Date.parse(at))) return setError(t('validation.invalidDate'));
    setError(null);
    save.submit(at);
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.arrival.submit')}
    >
      <Text size="sm">{t('resettlement.arrival.intro')}</Text>
      <TextInput
        type="datetime-local"
        label={t('resettlement.arrival.arrivedAt')}
        required
        value={arrivedAt}
        error={error}
        onChange={(event) => setArrivedAt(event.currentTarget.value)}
      />
    </ModalForm>
  );
}
