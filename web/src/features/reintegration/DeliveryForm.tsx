import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { DeliveryInputSchema } from '../../../../src/modules/reintegration/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { today } from '../../shared/dates';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodValidator } from '../../shared/forms/zodResolver';
import { MoneyFields } from '../../shared/money/MoneyFields';
import { localizeMoneyErrors } from '../../shared/money/moneyErrors';
import { useMoney } from '../../shared/money/useMoney';
import {
  type DeliveryBody,
  type PlanItem,
  type ReintegrationView,
  reintegrationApi,
  useReintegrationError,
  useStoreReintegration,
} from './api';
import { dimensionLabel, serviceTypeLabel } from './labels';
import { remainingOf } from './planItems';

interface DeliveryValues {
  planItemId: string;
  amount: { amount: string; currency: string };
  deliveredOn: string;
  vendor: string;
  receiptAttachmentId: string;
  receiptConfirmedBy: string;
}
// The currency follows the chosen item: a server error on it goes to the form's message.
const FIELDS = new Set([
  'planItemId',
  'amount.amount',
  'deliveredOn',
  'vendor',
  'receiptAttachmentId',
  'receiptConfirmedBy',
]);

function toBody(v: DeliveryValues): DeliveryBody {
  const blank = (s: string) => (s.trim() === '' ? null : s);
  return {
    planItemId: v.planItemId,
    amount: { amount: v.amount.amount, currency: v.amount.currency as DeliveryBody['amount']['currency'] },
    deliveredOn: v.deliveredOn,
    vendor: blank(v.vendor),
    receiptAttachmentId: blank(v.receiptAttachmentId),
    receiptConfirmedBy: blank(v.receiptConfirmedBy),
  };
}

interface DeliveryModalProps {
  view: ReintegrationView;
  items: PlanItem[];
  attachments: CaseDetail['attachments'];
  opened: boolean;
  onClose: () => void;
}

export function DeliveryModal(props: DeliveryModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={props.opened}
      onClose={props.onClose}
      title={t('reintegration.deliveries.recordTitle')}
      size="lg"
    >
      {props.opened ? <DeliveryForm {...props} /> : null}
    </AppModal>
  );
}

function DeliveryForm({ view, items, attachments, onClose }: DeliveryModalProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const store = useStoreReintegration();
  const onStale = useReintegrationError(view.caseId);
  const first = items.length === 1 ? items[0] : undefined;
  const resolver = useMemo(() => localizedZodValidator(DeliveryInputSchema, t, toBody), [t]);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors },
  } = useForm<DeliveryValues, unknown, DeliveryBody>({
    resolver,
    defaultValues: {
      planItemId: first?.id ?? '',
      amount: { amount: '', currency: first?.approved?.currency ?? '' },
      deliveredOn: today(),
      vendor: '',
      receiptAttachmentId: '',
      receiptConfirmedBy: '',
    },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: (body: DeliveryBody) => reintegrationApi.recordDelivery(view.caseId, body),
    successMessage: () => t('reintegration.deliveries.recorded'),
    onSaved: (next) => {
      store(next);
      onClose();
    },
    recover: (error) => {
      const handled = onStale(error);
      if (handled) onClose();
      return handled;
    },
    localizeError: (error) => localizeMoneyErrors(error, t),
  });
  const itemField = register('planItemId');
  const chosen = items.find((i) => i.id === watch('planItemId'));
  const currency = watch('amount.currency');
  const remaining = chosen?.approved
    ? { minor: remainingOf(chosen), currency: chosen.approved.currency }
    : null;

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <FormErrorAlert error={formError} />
        <NativeSelect
          label={t('reintegration.deliveries.item')}
          required
          error={errors.planItemId?.message}
          description={
            remaining
              ? t('reintegration.deliveries.leftToDeliver', { amount: money.money(remaining) })
              : undefined
          }
          data={[
            { value: '', label: t('reintegration.deliveries.chooseItem') },
            ...items.map((item) => ({
              value: item.id,
              label: t('reintegration.deliveries.itemOption', {
                service: serviceTypeLabel(item.serviceType, t),
                dimension: dimensionLabel(item.dimension, t),
                approved: item.approved ? money.money(item.approved) : '',
              }),
            })),
          ]}
          {...itemField}
          onChange={(event) => {
            void itemField.onChange(event);
            const item = items.find((i) => i.id === event.currentTarget.value);
            setValue('amount.currency', item?.approved?.currency ?? '');
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MoneyFields
            required
            amountLabel={t('reintegration.deliveries.amount')}
            amount={{ ...register('amount.amount'), error: errors.amount?.amount?.message }}
            fixedCurrency={currency || undefined}
          />
          <TextInput
            label={t('reintegration.deliveries.deliveredOn')}
            type="date"
            required
            error={errors.deliveredOn?.message}
            {...register('deliveredOn')}
          />
          <AutoDirTextInput
            label={t('reintegration.deliveries.vendor')}
            autoComplete="off"
            error={errors.vendor?.message}
            {...register('vendor')}
          />
          <AutoDirTextInput
            label={t('reintegration.deliveries.confirmedBy')}
            description={t('reintegration.deliveries.confirmedByHint')}
            autoComplete="off"
            error={errors.receiptConfirmedBy?.message}
            {...register('receiptConfirmedBy')}
          />
        </SimpleGrid>
        <NativeSelect
          label={t('reintegration.deliveries.receiptAttachment')}
          description={t('reintegration.deliveries.receiptHint')}
          error={errors.receiptAttachmentId?.message}
          data={[
            { value: '', label: t('reintegration.deliveries.noReceipt') },
            ...attachments.map((a) => ({ value: a.id, label: a.fileName })),
          ]}
          {...register('receiptAttachmentId')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('reintegration.deliveries.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
