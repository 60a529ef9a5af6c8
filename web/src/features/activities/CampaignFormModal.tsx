import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateCampaignSchema, UpdateCampaignSchema } from '../../../../src/modules/activities/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { CodeListInput } from '../../shared/components/CodeListInput';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { COUNTRY_CODES } from '../../shared/countries';
import { useFormat } from '../../shared/format/useFormat';
import { listError } from '../../shared/forms/listError';
import { useServerErrors } from '../../shared/forms/useServerErrors';
import { localizedZodValidator } from '../../shared/forms/zodResolver';
import { LANGUAGE_CODES } from '../../shared/languages';
import { useOfficesWith } from '../offices/useOfficesWith';
import {
  activitiesApi,
  type Campaign,
  type CreateCampaignBody,
  type UpdateCampaignBody,
  useRefreshActivities,
} from './api';
import { CAMPAIGN_CHANNELS, channelLabel } from './labels';
import { ProjectSelect } from './ProjectSelect';

interface CampaignValues {
  officeId: string;
  title: string;
  channel: string;
  countries: string[];
  languages: string[];
  startDate: string;
  endDate: string;
  reach: string;
  projectId: string;
}
const FIELDS = [
  'officeId',
  'title',
  'channel',
  'countries',
  'languages',
  'startDate',
  'endDate',
  'reach',
  'projectId',
];

function toFields(v: CampaignValues) {
  return {
    title: v.title,
    channel: v.channel as CreateCampaignBody['channel'],
    countries: v.countries,
    languages: v.languages,
    startDate: v.startDate,
    endDate: v.endDate,
    reach: (v.reach.trim() === '' ? undefined : Number(v.reach)) as number,
    projectId: v.projectId || null,
  };
}

interface CampaignFormModalProps {
  campaign: Campaign | null;
  opened: boolean;
  onClose: () => void;
}

export function CampaignFormModal({ campaign, opened, onClose }: CampaignFormModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={
        campaign
          ? t('activities.campaigns.editTitle', { title: campaign.title })
          : t('activities.campaigns.createTitle')
      }
      size="xl"
    >
      {opened ? <CampaignForm campaign={campaign} onDone={onClose} /> : null}
    </AppModal>
  );
}

function CampaignForm({ campaign, onDone }: { campaign: Campaign | null; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshActivities();
  const offices = useOfficesWith('activities.write');
  const resolver = useMemo(
    () =>
      campaign
        ? localizedZodValidator<CampaignValues, UpdateCampaignBody>(UpdateCampaignSchema, t, (v) => ({
            ...toFields(v),
            version: campaign.version,
          }))
        : localizedZodValidator<CampaignValues, CreateCampaignBody>(CreateCampaignSchema, t, (v) => ({
            ...toFields(v),
            officeId: v.officeId,
          })),
    [t, campaign],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CampaignValues, unknown, CreateCampaignBody | UpdateCampaignBody>({
    resolver,
    defaultValues: {
      officeId: campaign?.officeId ?? (offices.offices.length === 1 ? (offices.offices[0]?.id ?? '') : ''),
      title: campaign?.title ?? '',
      channel: campaign?.channel ?? '',
      countries: campaign?.countries ?? [],
      languages: campaign?.languages ?? [],
      startDate: campaign?.startDate ?? '',
      endDate: campaign?.endDate ?? '',
      reach: campaign ? String(campaign.reach) : '',
      projectId: campaign?.projectId ?? '',
    },
  });
  const { formError, handleError, clear } = useServerErrors(setError, (path) =>
    FIELDS.includes(path.split('.')[0] ?? path),
  );
  const mutation = useMutation({
    mutationFn: (body: CreateCampaignBody | UpdateCampaignBody) =>
      campaign
        ? activitiesApi.updateCampaign(campaign.id, body as UpdateCampaignBody)
        : activitiesApi.createCampaign(body as CreateCampaignBody),
    onSuccess: async (saved) => {
      notifications.show({ color: 'blue', message: t('activities.campaigns.saved', { title: saved.title }) });
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
          {campaign ? null : (
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
            label={t('activities.fields.channel')}
            required
            error={errors.channel?.message}
            data={[
              { value: '', label: t('activities.fields.choose') },
              ...CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t) })),
            ]}
            {...register('channel')}
          />
        </SimpleGrid>
        <AutoDirTextInput
          label={t('activities.fields.title')}
          required
          autoComplete="off"
          error={errors.title?.message}
          {...register('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="countries"
            render={({ field }) => (
              <CodeListInput
                label={t('activities.fields.countries')}
                addLabel={t('activities.fields.addCountry')}
                placeholder={t('activities.fields.chooseCountry')}
                codes={COUNTRY_CODES}
                labelOf={format.country}
                value={field.value}
                onChange={field.onChange}
                max={60}
                error={listError(errors.countries)}
              />
            )}
          />
          <Controller
            control={control}
            name="languages"
            render={({ field }) => (
              <CodeListInput
                label={t('activities.fields.languages')}
                addLabel={t('activities.fields.addLanguage')}
                placeholder={t('activities.fields.chooseLanguage')}
                codes={LANGUAGE_CODES}
                labelOf={format.language}
                value={field.value}
                onChange={field.onChange}
                max={30}
                error={listError(errors.languages)}
              />
            )}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
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
          <TextInput
            label={t('activities.fields.reach')}
            description={t('activities.fields.reachHint')}
            type="number"
            min={0}
            required
            error={errors.reach?.message}
            {...register('reach')}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="projectId"
          render={({ field }) => <ProjectSelect error={errors.projectId?.message} {...field} />}
        />
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
