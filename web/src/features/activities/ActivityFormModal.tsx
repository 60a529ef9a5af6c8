import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CreateActivitySchema,
  type ParticipantGroup,
  UpdateActivitySchema,
} from '../../../../src/modules/activities/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useServerErrors } from '../../shared/forms/useServerErrors';
import { localizedZodValidator } from '../../shared/forms/zodResolver';
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
  const resolver = useMemo(
    () =>
      activity
        ? localizedZodValidator<ActivityValues, UpdateActivityBody>(UpdateActivitySchema, t, (v) => ({
            ...toFields(v),
            version: activity.version,
          }))
        : localizedZodValidator<ActivityValues, CreateActivityBody>(CreateActivitySchema, t, (v) => ({
            ...toFields(v),
            officeId: v.officeId,
          })),
    [t, activity],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ActivityValues, unknown, CreateActivityBody | UpdateActivityBody>({
    resolver,
    defaultValues: toValues(activity, offices.offices.length === 1 ? (offices.offices[0]?.id ?? '') : ''),
  });
  const { formError, handleError, clear } = useServerErrors(setError, (path) =>
    FIELDS.includes(path.split('.')[0] ?? path),
  );
  const mutation = useMutation({
    mutationFn: (body: CreateActivityBody | UpdateActivityBody) =>
      activity
        ? activitiesApi.updateActivity(activity.id, body as UpdateActivityBody)
        : activitiesApi.createActivity(body as CreateActivityBody),
    onSuccess: async (saved) => {
      notifications.show({
        color: 'blue',
        message: t('activities.activities.saved', { title: saved.title }),
      });
      onDone();
      await refresh();
    },
    onError: handleError,
  });
  return (
    <form
      noValidate
      onSubmit={handleSubmit((body) => {
        clear();
        mutation.mutate(body);
      })}
    >
      <Stack>
        <FormErrorAlert error={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {activity ? null : (
            <Controller
              control={control}
              name="officeId"
              render={({ field }) => (
                <NativeSelect
                  label={t('activities.fields.office')}
                  required
                  error={errors.officeId?.message}
                  data={[
                    { value: '', label: t('activities.fields.chooseOffice') },
                    ...offices.offices.map((o) => ({ value: o.id, label: o.name })),
                  ]}
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
