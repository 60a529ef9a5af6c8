import { Button, Group, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type UseQueryResult, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type Control, Controller, type UseFormRegisterReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { SendReferralSchema } from '../../../../src/modules/referrals/contract';
import {
  DEFAULT_SECTIONS,
  normaliseSections,
  type ReferralKind,
  type ReferralSection,
} from '../../../../src/modules/referrals/sections';
import { isApiError } from '../../shared/api/client';
import { AutoDirTextarea } from '../../shared/components/AutoDirInputs';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { blankToUndefined, localizedZodResolver } from '../../shared/forms/zodResolver';
import { casesKeys } from '../cases/api';
import { fetchPerson, personsKeys } from '../registry/api';
import {
  fetchReferralTargets,
  type ReferralTarget,
  referralsKeys,
  type SendReferralBody,
  type SendReferralResult,
  sendReferral,
} from './api';
import { ConsentSelect, OVERRIDE, OverrideJustification } from './ConsentField';
import { SectionsField } from './SectionsField';

const DAY_MS = 86_400_000;
const STALE_CASE = ['referral_case_closed', 'referral_transfer_pending', 'version_conflict'];

interface SendValues {
  kind: ReferralKind;
  recipientType: 'office' | 'partner';
  toOfficeId: string;
  partner: { name: string; contact: string };
  sections: ReferralSection[];
  summary: string;
  reintegrationNeeds: string;
  /** A consent id, OVERRIDE, or '' while nothing is chosen. */
  consentId: string;
  overrideJustification: string;
  responseDays: number | string;
  followUpMonths: number | string;
  linkValidDays: number | string;
}

const FIELDS = new Set([
  'kind',
  'toOfficeId',
  'partner.name',
  'partner.contact',
  'sections',
  'summary',
  'reintegrationNeeds',
  'consentId',
  'overrideJustification',
  'responseDays',
  'followUpMonths',
  'linkValidDays',
]);

/** The contract's rules, and one more: a consent, or the override, must be chosen. */
const FormSchema = SendReferralSchema.superRefine((v, ctx) => {
  if (v.consentId == null && v.overrideJustification == null)
    ctx.addIssue({ code: 'custom', path: ['consentId'], message: 'validation.required' });
});

/** An emptied number field stays '' so that it is reported as required, not silently defaulted. */
const numberOrBlank = (value: number | string) => (value === '' ? '' : Number(value));

function toSendBody(values: SendValues): unknown {
  const toPartner = values.kind === 'referral' && values.recipientType === 'partner';
  const override = values.consentId === OVERRIDE;
  return {
    kind: values.kind,
    toOfficeId: toPartner ? undefined : values.toOfficeId,
    partner: toPartner
      ? { name: values.partner.name, contact: blankToUndefined(values.partner.contact) ?? null }
      : undefined,
    sections: normaliseSections(values.sections, values.kind),
    summary: values.summary,
    reintegrationNeeds: blankToUndefined(values.reintegrationNeeds),
    consentId: values.consentId && !override ? values.consentId : undefined,
    overrideJustification: override ? values.overrideJustification : undefined,
    responseDays: numberOrBlank(values.responseDays),
    followUpMonths: values.kind === 'transfer' ? numberOrBlank(values.followUpMonths) : undefined,
    linkValidDays: toPartner ? numberOrBlank(values.linkValidDays) : undefined,
  };
}

interface SendReferralFormProps {
  detail: CaseDetail;
  mayOverride: boolean;
  onSent: (result: SendReferralResult, linkExpiresAt: string | null) => void;
  onCancel: () => void;
}

export function SendReferralForm({ detail, mayOverride, onSent, onCancel }: SendReferralFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const targets = useQuery({
    queryKey: referralsKeys.targets(detail.id),
    queryFn: ({ signal }) => fetchReferralTargets(detail.id, signal),
  });
  const person = useQuery({
    queryKey: personsKeys.detail(detail.personId),
    queryFn: ({ signal }) => fetchPerson(detail.personId, signal),
  });
  const resolver = useMemo(
    () => localizedZodResolver<SendValues, SendReferralBody>(FormSchema, t, toSendBody),
    [t],
  );
  const form = useForm<SendValues, unknown, SendReferralBody>({
    resolver,
    defaultValues: {
      kind: 'referral',
      recipientType: 'office',
      toOfficeId: '',
      partner: { name: '', contact: '' },
      sections: [...DEFAULT_SECTIONS],
      summary: '',
      reintegrationNeeds: '',
      consentId: '',
      overrideJustification: '',
      responseDays: 7,
      followUpMonths: 12,
      linkValidDays: 30,
    },
  });
  const { register, control, watch, handleSubmit, setError, formState } = form;
  const { errors } = formState;
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: (body: SendReferralBody) => sendReferral(detail.id, body),
    successMessage: (result) => t('referrals.send.sent', { reference: result.referral.reference }),
    onSaved: (result, body) => {
      void queryClient.invalidateQueries({ queryKey: referralsKeys.ofCase(detail.id) });
      void queryClient.invalidateQueries({ queryKey: referralsKeys.lists });
      void queryClient.invalidateQueries({ queryKey: casesKeys.detail(detail.id) });
      const expiresAt = result.partnerPath
        ? new Date(Date.now() + body.linkValidDays * DAY_MS).toISOString()
        : null;
      onSent(result, expiresAt);
    },
    onError: (error) => {
      // The case changed meanwhile (closed, or a transfer already asked): show it as it is now.
      if (STALE_CASE.some((code) => isApiError(error, code)))
        void queryClient.invalidateQueries({ queryKey: casesKeys.detail(detail.id) });
    },
  });

  const kind = watch('kind');
  const recipientType = kind === 'transfer' ? 'office' : watch('recipientType');
  const consentId = watch('consentId');

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <Radio.Group
              label={t('referrals.send.kind')}
              required
              value={field.value}
              onChange={(value) => field.onChange(value as ReferralKind)}
              error={errors.kind?.message}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="referral"
                  label={t('referrals.kinds.referral')}
                  description={t('referrals.kindHints.referral')}
                />
                <Radio
                  value="transfer"
                  label={t('referrals.kinds.transfer')}
                  description={t('referrals.kindHints.transfer')}
                />
              </Stack>
            </Radio.Group>
          )}
        />
        <Controller
          control={control}
          name="recipientType"
          render={({ field }) => (
            <Radio.Group
              label={t('referrals.send.recipientType')}
              required
              value={recipientType}
              onChange={(value) => field.onChange(value)}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="office" label={t('referrals.send.office')} />
                <Radio
                  value="partner"
                  label={t('referrals.send.partner')}
                  disabled={kind === 'transfer'}
                  description={kind === 'transfer' ? t('referrals.send.partnerOnlyReferral') : undefined}
                />
              </Stack>
            </Radio.Group>
          )}
        />
        {recipientType === 'office' ? (
          <OfficeSelect
            targets={targets}
            error={errors.toOfficeId?.message}
            registration={register('toOfficeId')}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('referrals.send.partnerName')}
              required
              autoComplete="off"
              maxLength={200}
              error={errors.partner?.name?.message}
              {...register('partner.name')}
            />
            <TextInput
              label={t('referrals.send.partnerContact')}
              description={t('referrals.send.partnerContactHint')}
              autoComplete="off"
              maxLength={200}
              error={errors.partner?.contact?.message}
              {...register('partner.contact')}
            />
          </SimpleGrid>
        )}
        <Controller
          control={control}
          name="sections"
          render={({ field }) => (
            <SectionsField
              value={field.value}
              onChange={field.onChange}
              identityRequired={kind === 'transfer'}
              mayShareSensitive={detail.canSeeConfidential}
              error={errors.sections?.message}
            />
          )}
        />
        <AutoDirTextarea
          label={t('referrals.send.summary')}
          description={t('referrals.send.summaryHint')}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          error={errors.summary?.message}
          {...register('summary')}
        />
        <AutoDirTextarea
          label={t('referrals.send.reintegrationNeeds')}
          description={t('referrals.send.reintegrationNeedsHint')}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={4000}
          error={errors.reintegrationNeeds?.message}
          {...register('reintegrationNeeds')}
        />
        {person.isPending ? (
          <LoadingState />
        ) : (
          <ConsentSelect
            personId={detail.personId}
            consents={person.data?.consents ?? null}
            mayOverride={mayOverride}
            error={errors.consentId?.message}
            registration={register('consentId')}
          />
        )}
        {consentId === OVERRIDE && mayOverride ? (
          <OverrideJustification
            error={errors.overrideJustification?.message}
            registration={register('overrideJustification')}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DaysInput
            control={control}
            name="responseDays"
            label={t('referrals.send.responseDays')}
            min={1}
            max={90}
          />
          {kind === 'transfer' ? (
            <DaysInput
              control={control}
              name="followUpMonths"
              label={t('referrals.send.followUpMonths')}
              description={t('referrals.send.followUpMonthsHint')}
              min={0}
              max={36}
            />
          ) : null}
          {recipientType === 'partner' ? (
            <DaysInput
              control={control}
              name="linkValidDays"
              label={t('referrals.send.linkValidDays')}
              min={1}
              max={90}
            />
          ) : null}
        </SimpleGrid>
        <FormErrorAlert error={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('referrals.send.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function OfficeSelect({
  targets,
  error,
  registration,
}: {
  targets: UseQueryResult<ReferralTarget[]>;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (targets.isPending) return <LoadingState />;
  if (targets.isError) return <QueryError error={targets.error} onRetry={() => void targets.refetch()} />;
  return (
    <NativeSelect
      label={t('referrals.send.toOffice')}
      required
      error={error}
      description={targets.data.length === 0 ? t('referrals.send.noTargets') : undefined}
      data={[
        { value: '', label: t('referrals.send.chooseOffice') },
        ...targets.data.map((o) => ({
          value: o.id,
          label: t('referrals.send.officeOption', {
            name: o.name,
            code: o.code,
            country: format.country(o.country),
          }),
        })),
      ]}
      {...registration}
    />
  );
}

function DaysInput({
  control,
  name,
  label,
  description,
  min,
  max,
}: {
  control: Control<SendValues, unknown, SendReferralBody>;
  name: 'responseDays' | 'followUpMonths' | 'linkValidDays';
  label: string;
  description?: string;
  min: number;
  max: number;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          description={description}
          required
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          name={field.name}
          ref={field.ref}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
