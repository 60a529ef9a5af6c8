import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateCampaignSchema, UpdateCampaignSchema } from '../../../../src/modules/activities/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { CodeListInput } from '../../shared/components/CodeListInput';
import { ModalForm } from '../../shared/components/ModalForm';
import { OfficeSelect, onlyOfficeId } from '../../shared/components/OfficeSelect';
import { COUNTRY_CODES } from '../../shared/countries';
import { useFormat } from '../../shared/format/useFormat';
import { listError } from '../../shared/forms/listError';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { useOfficeRecordResolver } from '../../shared/forms/useOfficeRecordResolver';
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
  const resolver = useOfficeRecordResolver(campaign, CreateCampaignSchema, UpdateCampaignSchema, toFields);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CampaignValues, unknown, CreateCampaignBody | UpdateCampaignBody>({
    resolver,
    defaultValues: {
      officeId: campaign?.officeId ?? onlyOfficeId(offices.offices),
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
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.includes(path.split('.')[0] ?? path),
    mutationFn: (body: CreateCampaignBody | UpdateCampaignBody) =>
      campaign
        ? activitiesApi.updateCampaign(campaign.id, body as UpdateCampaignBody)
        : activitiesApi.createCampaign(body as CreateCampaignBody),
    successMessage: (saved) => t('activities.campaigns.saved', { title: saved.title }),
    onSaved: onDone,
    refresh,
  });
  return (
    <ModalForm onSubmit={handleSubmit(submit)} formError={formError} onCancel={onDone} loading={isPending}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {campaign ? null : (
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
    </ModalForm>
  );
}
