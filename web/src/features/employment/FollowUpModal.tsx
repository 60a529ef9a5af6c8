import { Group, NativeSelect, Radio, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RecordFollowUpSchema } from '../../../../src/modules/employment/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextarea } from '../../shared/components/AutoDirInputs';
import { ModalForm } from '../../shared/components/ModalForm';
import { today } from '../../shared/dates';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodValidator } from '../../shared/forms/zodResolver';
import { employmentApi, type FollowUpBody, type Placement, useRefreshEmployment } from './api';
import { followUpStatusLabel } from './labels';

/** The follow-ups that may still be recorded: not done, not ruled out. */
export function openFollowUps(placement: Placement) {
  return placement.followUps.filter((f) => f.status !== 'done' && f.status !== 'not_applicable');
}

interface FollowUpModalProps {
  placement: Placement | null;
  onClose: () => void;
}

export function FollowUpModal({ placement, onClose }: FollowUpModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={placement !== null}
      onClose={onClose}
      title={t('employment.followUp.title', { title: placement?.opening.title ?? '' })}
      size="md"
    >
      {placement ? <FollowUpForm placement={placement} onDone={onClose} /> : null}
    </AppModal>
  );
}

interface FollowUpValues {
  month: string;
  stillEmployed: '' | 'yes' | 'no';
  checkedOn: string;
  note: string;
}
const FIELDS = new Set(['month', 'stillEmployed', 'checkedOn', 'note']);

function FollowUpForm({ placement, onDone }: { placement: Placement; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshEmployment();
  const candidates = openFollowUps(placement);
  // The one to record first: due or overdue, else the next upcoming.
  const first =
    candidates.find((f) => f.status === 'due' || f.status === 'overdue') ??
    candidates[0] ??
    placement.followUps[0];
  const resolver = useMemo(
    () =>
      localizedZodValidator<FollowUpValues, FollowUpBody>(RecordFollowUpSchema, t, (v) => ({
        month: Number(v.month) as FollowUpBody['month'],
        stillEmployed: (v.stillEmployed === '' ? undefined : v.stillEmployed === 'yes') as boolean,
        checkedOn: v.checkedOn || undefined,
        note: v.note.trim() === '' ? null : v.note,
      })),
    [t],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<FollowUpValues, unknown, FollowUpBody>({
    resolver,
    defaultValues: { month: String(first?.month ?? 3), stillEmployed: '', checkedOn: today(), note: '' },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: (body: FollowUpBody) => employmentApi.recordFollowUp(placement.id, body),
    successMessage: () => t('employment.followUp.saved'),
    onSaved: onDone,
    refresh,
  });
  return (
    <ModalForm
      onSubmit={handleSubmit(submit)}
      formError={formError}
      onCancel={onDone}
      loading={isPending}
      submitLabel={t('employment.followUp.submit')}
    >
      <NativeSelect
        label={t('employment.followUp.month')}
        required
        error={errors.month?.message}
        data={placement.followUps.map((f) => ({
          value: String(f.month),
          label: t('employment.followUp.monthOption', {
            month: f.month,
            date: format.calendarDate(f.dueDate),
            status: followUpStatusLabel(f.status, t),
          }),
        }))}
        {...register('month')}
      />
      <Controller
        control={control}
        name="stillEmployed"
        render={({ field }) => (
          <Radio.Group
            label={t('employment.followUp.stillEmployed')}
            required
            name={field.name}
            value={field.value}
            onChange={(value) => field.onChange(value)}
            error={errors.stillEmployed?.message}
          >
            <Group gap="lg" mt={6}>
              <Radio value="yes" label={t('common.yes')} />
              <Radio value="no" label={t('common.no')} />
            </Group>
          </Radio.Group>
        )}
      />
      <TextInput
        label={t('employment.followUp.checkedOn')}
        type="date"
        error={errors.checkedOn?.message}
        {...register('checkedOn')}
      />
      <AutoDirTextarea
        label={t('employment.followUp.note')}
        autosize
        minRows={2}
        maxRows={6}
        error={errors.note?.message}
        {...register('note')}
      />
    </ModalForm>
  );
}
