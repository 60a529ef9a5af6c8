import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { Project } from '../../../../src/modules/projects/contract';
import { CreateMovementSchema } from '../../../../src/modules/resettlement/contract';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { OfficeSelect, onlyOfficeId } from '../../shared/components/OfficeSelect';
import { RepeatingRows } from '../../shared/components/RepeatingRows';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { CountrySelect } from '../offices/CountrySelect';
import { useOfficesWith } from '../offices/useOfficesWith';
import { movementApi, resettlementKeys, usePipeline } from './api';
import { ESCORT_KINDS, escortKindLabel } from './labels';

interface LegValues {
  carrier: string;
  flightNumber: string;
  fromAirport: string;
  toAirport: string;
  departsAt: string;
  arrivesAt: string;
}
interface EscortValues {
  name: string;
  kind: string;
  organisation: string;
  forCaseId: string;
}
export interface MovementValues {
  officeId: string;
  destinationCountry: string;
  seatCount: string;
  legs: LegValues[];
  escorts: EscortValues[];
}
type MovementBody = z.output<typeof CreateMovementSchema>;
const FIELDS = ['officeId', 'destinationCountry', 'seatCount', 'legs', 'escorts'];
const EMPTY_LEG: LegValues = {
  carrier: '',
  flightNumber: '',
  fromAirport: '',
  toAirport: '',
  departsAt: '',
  arrivesAt: '',
};

/** A local date and time typed in the browser ("2026-04-20T07:00") as an instant with its offset. */
export function instantOf(local: string): string {
  if (!local) return '';
  const parsed = new Date(local);
  return Number.isNaN(parsed.getTime()) ? local : parsed.toISOString();
}

const upper = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');

export function MovementFormModal({
  project,
  opened,
  onClose,
}: {
  project: Project | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('resettlement.movements.createTitle')} size="80rem">
      {opened && project ? <MovementForm project={project} onClose={onClose} /> : null}
    </AppModal>
  );
}

function MovementForm({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const offices = useOfficesWith('resettlement.write');
  const pipeline = usePipeline(project.id);
  const resolver = useMemo(
    () =>
      localizedZodResolver<MovementValues, MovementBody>(CreateMovementSchema, t, (v) => ({
        projectId: project.id,
        officeId: v.officeId || undefined,
        destinationCountry: v.destinationCountry || undefined,
        seatCount: v.seatCount.trim() === '' ? undefined : Number(v.seatCount),
        legs: v.legs.map((l) => ({
          carrier: l.carrier.trim(),
          flightNumber: upper(l.flightNumber),
          fromAirport: upper(l.fromAirport),
          toAirport: upper(l.toAirport),
          departsAt: instantOf(l.departsAt),
          arrivesAt: instantOf(l.arrivesAt),
        })),
        escorts: v.escorts.map((e) => ({
          name: e.name.trim(),
          kind: e.kind || undefined,
          organisation: e.organisation.trim() || null,
          forCaseId: e.forCaseId || null,
        })),
      })),
    [project.id, t],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<MovementValues, unknown, MovementBody>({
    resolver,
    defaultValues: {
      officeId: onlyOfficeId(offices.offices),
      destinationCountry: project.hostCountries[0] ?? '',
      seatCount: '',
      legs: [EMPTY_LEG],
      escorts: [],
    },
  });
  const legs = useFieldArray({ control, name: 'legs' });
  const escorts = useFieldArray({ control, name: 'escorts' });
  const save = useFormMutation({
    setError,
    isField: (path) => FIELDS.includes(path.split('.')[0] ?? path),
    mutationFn: movementApi.create,
    successMessage: (m) => t('resettlement.movements.created', { reference: m.reference }),
    onSaved: (m) => {
      queryClient.setQueryData(resettlementKeys.movement(m.id), m);
      void queryClient.invalidateQueries({ queryKey: resettlementKeys.movements(project.id) });
      onClose();
    },
    refresh: (m) => navigate(`/resettlement/movements/${m.id}`),
  });
  const households = (pipeline.data?.items ?? []).filter(
    (i) => i.status === 'exit_permits' || i.status === 'booked',
  );

  return (
    <ModalForm
      onSubmit={handleSubmit(save.submit)}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <OfficeSelect
          label={t('resettlement.movements.office')}
          emptyLabel={t('resettlement.batches.chooseOffice')}
          required
          offices={offices.offices}
          error={errors.officeId?.message}
          {...register('officeId')}
        />
        <Controller
          control={control}
          name="destinationCountry"
          render={({ field }) => (
            <CountrySelect
              label={t('resettlement.movements.destination')}
              required
              error={errors.destinationCountry?.message}
              {...field}
            />
          )}
        />
        <TextInput
          label={t('resettlement.movements.seatCount')}
          description={t('resettlement.movements.seatCountHint')}
          inputMode="numeric"
          required
          error={errors.seatCount?.message}
          {...register('seatCount')}
        />
      </SimpleGrid>
      <RepeatingRows
        legend={t('resettlement.movements.legs')}
        emptyText={t('resettlement.movements.noLeg')}
        rows={legs.fields}
        rowLabel={(index) => t('resettlement.movements.leg', { index: index + 1 })}
        removeLabel={(index) => t('resettlement.movements.removeLeg', { index: index + 1 })}
        onRemove={legs.remove}
        addLabel={t('resettlement.movements.addLeg')}
        onAdd={() => legs.append(EMPTY_LEG)}
        gap="xs"
        renderRow={(index) => {
          const e = errors.legs?.[index];
          return (
            <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="xs" style={{ flex: 1 }}>
              <TextInput
                label={t('resettlement.movements.carrier')}
                required
                error={e?.carrier?.message}
                {...register(`legs.${index}.carrier`)}
              />
              <TextInput
                label={t('resettlement.movements.flightNumber')}
                required
                autoComplete="off"
                error={e?.flightNumber?.message}
                {...register(`legs.${index}.flightNumber`)}
              />
              <TextInput
                label={t('resettlement.movements.from')}
                description={t('resettlement.movements.airportHint')}
                required
                maxLength={3}
                error={e?.fromAirport?.message}
                {...register(`legs.${index}.fromAirport`)}
              />
              <TextInput
                label={t('resettlement.movements.to')}
                description={t('resettlement.movements.airportHint')}
                required
                maxLength={3}
                error={e?.toAirport?.message}
                {...register(`legs.${index}.toAirport`)}
              />
              <TextInput
                type="datetime-local"
                label={t('resettlement.movements.departsAt')}
                required
                error={e?.departsAt?.message}
                {...register(`legs.${index}.departsAt`)}
              />
              <TextInput
                type="datetime-local"
                label={t('resettlement.movements.arrivesAt')}
                required
                error={e?.arrivesAt?.message}
                {...register(`legs.${index}.arrivesAt`)}
              />
            </SimpleGrid>
          );
        }}
      />
      <RepeatingRows
        legend={t('resettlement.movements.escorts')}
        emptyText={t('resettlement.movements.noEscort')}
        rows={escorts.fields}
        rowLabel={(index) => t('resettlement.movements.escort', { index: index + 1 })}
        removeLabel={(index) => t('resettlement.movements.removeEscort', { index: index + 1 })}
        onRemove={escorts.remove}
        addLabel={t('resettlement.movements.addEscort')}
        onAdd={() => escorts.append({ name: '', kind: 'operational', organisation: '', forCaseId: '' })}
        gap="xs"
        renderRow={(index) => {
          const e = errors.escorts?.[index];
          return (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs" style={{ flex: 1 }}>
              <TextInput
                label={t('resettlement.movements.escortName')}
                required
                error={e?.name?.message}
                {...register(`escorts.${index}.name`)}
              />
              <NativeSelect
                label={t('resettlement.movements.escortKind')}
                required
                error={e?.kind?.message}
                data={ESCORT_KINDS.map((k) => ({ value: k, label: escortKindLabel(k, t) }))}
                {...register(`escorts.${index}.kind`)}
              />
              <TextInput
                label={t('resettlement.movements.organisation')}
                error={e?.organisation?.message}
                {...register(`escorts.${index}.organisation`)}
              />
              <NativeSelect
                label={t('resettlement.movements.forHousehold')}
                error={e?.forCaseId?.message}
                data={[
                  { value: '', label: t('resettlement.movements.noHousehold') },
                  ...households.map((h) => ({
                    value: h.caseId,
                    label: `${h.caseReference} – ${h.principalName}`,
                  })),
                ]}
                {...register(`escorts.${index}.forCaseId`)}
              />
            </SimpleGrid>
          );
        }}
      />
    </ModalForm>
  );
}
