import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CreateActivitySchema,
  type ParticipantGroup,
  UpdateActivitySchema,
} from '../../../../src/modules/activities/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { ModalForm } from '../../shared/components/ModalForm';
import { OfficeSelect, onlyOfficeId } from '../../shared/components/OfficeSelect';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { useOfficeRecordResolver } from '../../shared/forms/useOfficeRecordResolver';
import { CountrySelect } from '../offices/CountrySelect';
import { useOfficesWith } from '../offices/useOfficesWith';
import {
  type Activity,
  type ActivitySummary,
  activitiesApi,
  type CreateActivityBody,
  type UpdateActivityBody,
  useActivity,
  useRefreshActivities,
} from './api';
import { ACTIVITY_KINDS, activityKindLabel } from './labels';
import { ParticipantRows, type ParticipantValues } from './ParticipantRows';
import { ProjectSelect } from './ProjectSelect';

export interface ActivityValues {
  officeId: string;
  kind: string;
  title: string;
  topic: string;
  startDate: string;
  endDate: string;
  place: string;
  country: string;
  projectId: string;
  participants: ParticipantValues[];
}
const FIELDS = [
  'officeId',
  'kind',
  'title',
  'topic',
  'startDate',
  'endDate',
  'place',
  'country',
  'projectId',
  'participants',
];

function toFields(v: ActivityValues) {
  return {
    kind: v.kind as CreateActivityBody['kind'],
    title: v.title,
    topic: v.topic,
    startDate: v.startDate,
    endDate: v.endDate,
    place: v.place,
    country: v.country,
    projectId: v.projectId || null,
    participants: v.participants.map((p) => ({
      institution: p.institution,
      country: p.country,
      sex: p.sex as ParticipantGroup['sex'],
      role: p.role as ParticipantGroup['role'],
      count: (p.count.trim() === '' ? undefined : Number(p.count)) as number,
    })),
  };
}

function toValues(activity: Activity | null, officeId: string): ActivityValues {
  return {
    officeId: activity?.officeId ?? officeId,
    kind: activity?.kind ?? '',
    title: activity?.title ?? '',
    topic: activity?.topic ?? '',
    startDate: activity?.startDate ?? '',
    endDate: activity?.endDate ?? '',
    place: activity?.place ?? '',
    country: activity?.country ?? '',
    projectId: activity?.projectId ?? '',
    participants: (activity?.participants ?? []).map((p) => ({ ...p, count: String(p.count) })),
  };
}

interface ActivityFormModalProps {
  /** The activity to change (from the list; its participants are fetched); null to record one. */
  activity: ActivitySummary | null;
  opened: boolean;
  onClose: () => void;
}

export function ActivityFormModal({ activity, opened, onClose }: ActivityFormModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={
        activity
          ? t('activities.activities.editTitle', { title: activity.title })
          : t('activities.activities.createTitle')
      }
      size="xl"
    >
      {opened ? (
        activity ? (
          <EditActivity id={activity.id} onDone={onClose} />
        ) : (
          <ActivityForm activity={null} onDone={onClose} />
        )
      ) : null}
    </AppModal>
  );
}

function EditActivity({ id, onDone }: { id: string; onDone: () => void }) {
  const activity = useActivity(id);
  if (activity.isPending) return <LoadingState />;
  if (activity.isError) return <QueryError error={activity.error} onRetry={() => void activity.refetch()} />;
  return <ActivityForm activity={activity.data} onDone={onDone} />;
}

function ActivityForm({ activity, onDone }: { activity: Activity | null; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshActivities();
  const offices = useOfficesWith('activities.write');
  const resolver = useOfficeRecordResolver(activity, CreateActivitySchema, UpdateActivitySchema, toFields);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ActivityValues, unknown, CreateActivityBody | UpdateActivityBody>({
    resolver,
    defaultValues: toValues(activity, onlyOfficeId(offices.offices)),
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.includes(path.split('.')[0] ?? path),
    mutationFn: (body: CreateActivityBody | UpdateActivityBody) =>
      activity
        ? activitiesApi.updateActivity(activity.id, body as UpdateActivityBody)
        : activitiesApi.createActivity(body as CreateActivityBody),
    successMessage: (saved) => t('activities.activities.saved', { title: saved.title }),
    onSaved: onDone,
    refresh,
  });
  return (
    <ModalForm onSubmit={handleSubmit(submit)} formError={formError} onCancel={onDone} loading={isPending}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {activity ? null : (
          <Controller
            control={control}
            name="officeId"
            render={({ field }) => (
              <OfficeSelect
                label={t('activities.fields.office')}
                emptyLabel={t('activities.fields.chooseOffice')}
                required
                error={errors.officeId?.message}
                offices={offices.offices}
                {...field}
              />
            )}
          />
        )}
        <NativeSelect
          label={t('activities.fields.kind')}
          required
          error={errors.kind?.message}
          data={[
            { value: '', label: t('activities.fields.choose') },
            ...ACTIVITY_KINDS.map((kind) => ({ value: kind, label: activityKindLabel(kind, t) })),
          ]}
          {...register('kind')}
        />
      </SimpleGrid>
      <AutoDirTextInput
        label={t('activities.fields.title')}
        required
        autoComplete="off"
        error={errors.title?.message}
        {...register('title')}
      />
      <AutoDirTextInput
        label={t('activities.fields.topic')}
        required
        autoComplete="off"
        error={errors.topic?.message}
        {...register('topic')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <TextInput
          label={t('activities.fields.startDate')}
          type="date"
          required
          error={errors.startDate?.message}
          {...register('startDate')}
        />
        <TextInput
          label={t('activities.fields.endDate')}
          type="date"
          required
          error={errors.endDate?.message}
          {...register('endDate')}
        />
        <AutoDirTextInput
          label={t('activities.fields.place')}
          required
          autoComplete="off"
          error={errors.place?.message}
          {...register('place')}
        />
        <CountrySelect
          label={t('activities.fields.country')}
          required
          error={errors.country?.message}
          {...register('country')}
        />
      </SimpleGrid>
      <Controller
        control={control}
        name="projectId"
        render={({ field }) => <ProjectSelect error={errors.projectId?.message} {...field} />}
      />
      <ParticipantRows control={control} register={register} errors={errors} />
    </ModalForm>
  );
}
