import { Button, Group, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  AddPlanItemSchema,
  DELIVERY_MODES,
  DIMENSIONS,
  SERVICE_TYPES,
  UpdatePlanItemSchema,
} from '../../../../src/modules/reintegration/contract';
import { AppModal } from '../../shared/components/AppModal';
import { AutoDirTextarea, AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodValidator } from '../../shared/forms/zodResolver';
import { MoneyFields } from '../../shared/money/MoneyFields';
import { minorToInput } from '../../shared/money/money';
import { localizeMoneyErrors } from '../../shared/money/moneyErrors';
import {
  type AddItemBody,
  type PlanItem,
  type ReintegrationView,
  reintegrationApi,
  type UpdateItemBody,
  useReintegrationError,
  useStoreReintegration,
} from './api';
import { deliveryModeLabel, dimensionLabel, serviceTypeLabel } from './labels';

interface ItemValues {
  dimension: string;
  serviceType: string;
  description: string;
  providerKind: 'in_house' | 'partner';
  providerName: string;
  deliveryMode: string;
  planned: { amount: string; currency: string };
  plannedDate: string;
  budgetLineId: string;
}
const FIELDS = new Set([
  'dimension',
  'serviceType',
  'description',
  'providerKind',
  'providerName',
  'deliveryMode',
  'planned.amount',
  'planned.currency',
  'plannedDate',
  'budgetLineId',
]);

function toValues(item: PlanItem | null, language: string, currency: string): ItemValues {
  return {
    dimension: item?.dimension ?? '',
    serviceType: item?.serviceType ?? '',
    description: item?.description ?? '',
    providerKind: item?.providerKind ?? 'in_house',
    providerName: item?.providerName ?? '',
    deliveryMode: item?.deliveryMode ?? '',
    planned: {
      amount: item ? minorToInput(item.planned.minor, item.planned.currency, language) : '',
      currency: item?.planned.currency ?? currency,
    },
    plannedDate: item?.plannedDate ?? '',
    budgetLineId: item?.budgetLineId ?? '',
  };
}

/** The fields as the server takes them: blanks as null, the amount as typed. */
function toFields(v: ItemValues) {
  const blank = (s: string) => (s.trim() === '' ? null : s);
  return {
    dimension: v.dimension as AddItemBody['dimension'],
    serviceType: v.serviceType as AddItemBody['serviceType'],
    description: blank(v.description),
    providerKind: v.providerKind,
    providerName: v.providerKind === 'partner' ? blank(v.providerName) : null,
    deliveryMode: v.deliveryMode as AddItemBody['deliveryMode'],
    planned: { amount: v.planned.amount, currency: v.planned.currency as AddItemBody['planned']['currency'] },
    plannedDate: blank(v.plannedDate),
    budgetLineId: blank(v.budgetLineId),
  };
}

interface PlanItemModalProps {
  view: ReintegrationView;
  /** The item to change; null to add one. */
  item: PlanItem | null;
  opened: boolean;
  onClose: () => void;
}

export function PlanItemModal({ view, item, opened, onClose }: PlanItemModalProps) {
  const { t } = useTranslation();
  const title = item
    ? t('reintegration.plan.editTitle', { service: serviceTypeLabel(item.serviceType, t) })
    : t('reintegration.plan.addTitle');
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size="xl">
      {opened ? <PlanItemForm view={view} item={item} onDone={onClose} /> : null}
    </AppModal>
  );
}

function PlanItemForm({
  view,
  item,
  onDone,
}: {
  view: ReintegrationView;
  item: PlanItem | null;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const store = useStoreReintegration();
  const onStale = useReintegrationError(view.caseId);
  const planVersion = view.plan?.version;
  const defaultCurrency = view.plan?.allowance?.currency ?? view.budgetLines[0]?.currency ?? 'EUR';
  const resolver = useMemo(
    () =>
      item
        ? localizedZodValidator<ItemValues, UpdateItemBody>(UpdatePlanItemSchema, t, (v) => ({
            ...toFields(v),
            planVersion: planVersion ?? 1,
          }))
        : localizedZodValidator<ItemValues, AddItemBody>(AddPlanItemSchema, t, (v) => ({
            ...toFields(v),
            ...(planVersion === undefined ? {} : { planVersion }),
          })),
    [t, item, planVersion],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors },
  } = useForm<ItemValues, unknown, AddItemBody | UpdateItemBody>({
    resolver,
    defaultValues: toValues(item, i18n.language, defaultCurrency),
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: (body: AddItemBody | UpdateItemBody) =>
      item
        ? reintegrationApi.updateItem(item.id, body as UpdateItemBody)
        : reintegrationApi.addItem(view.caseId, body as AddItemBody),
    successMessage: () => t('reintegration.plan.itemSaved'),
    onSaved: (next) => {
      store(next);
      onDone();
    },
    recover: (error) => {
      const handled = onStale(error);
      if (handled) onDone();
      return handled;
    },
    localizeError: (error) => localizeMoneyErrors(error, t),
  });
  const partner = watch('providerKind') === 'partner';
  const budgetLines = view.budgetLines;
  const budgetLineField = register('budgetLineId');

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <FormErrorAlert error={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('reintegration.item.dimension')}
            required
            error={errors.dimension?.message}
            data={[
              { value: '', label: t('reintegration.item.choose') },
              ...DIMENSIONS.map((d) => ({ value: d, label: dimensionLabel(d, t) })),
            ]}
            {...register('dimension')}
          />
          <NativeSelect
            label={t('reintegration.item.serviceType')}
            required
            error={errors.serviceType?.message}
            data={[
              { value: '', label: t('reintegration.item.choose') },
              ...SERVICE_TYPES.map((s) => ({ value: s, label: serviceTypeLabel(s, t) })),
            ]}
            {...register('serviceType')}
          />
        </SimpleGrid>
        <AutoDirTextarea
          label={t('reintegration.item.description')}
          autosize
          minRows={2}
          maxRows={6}
          error={errors.description?.message}
          {...register('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="providerKind"
            render={({ field }) => (
              <Radio.Group
                label={t('reintegration.item.providerKind')}
                required
                value={field.value}
                onChange={(value) => field.onChange(value)}
                name={field.name}
                error={errors.providerKind?.message}
              >
                <Group gap="lg" mt={6}>
                  {(['in_house', 'partner'] as const).map((kind) => (
                    <Radio key={kind} value={kind} label={t(`reintegration.providerKinds.${kind}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          {partner ? (
            <AutoDirTextInput
              label={t('reintegration.item.providerName')}
              required
              autoComplete="off"
              error={errors.providerName?.message}
              {...register('providerName')}
            />
          ) : null}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('reintegration.item.deliveryMode')}
            required
            error={errors.deliveryMode?.message}
            data={[
              { value: '', label: t('reintegration.item.choose') },
              ...DELIVERY_MODES.map((m) => ({ value: m, label: deliveryModeLabel(m, t) })),
            ]}
            {...register('deliveryMode')}
          />
          <TextInput
            label={t('reintegration.item.plannedDate')}
            type="date"
            error={errors.plannedDate?.message}
            {...register('plannedDate')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MoneyFields
            required
            amountLabel={t('reintegration.item.plannedAmount')}
            amount={{ ...register('planned.amount'), error: errors.planned?.amount?.message }}
            currency={{ ...register('planned.currency'), error: errors.planned?.currency?.message }}
          />
          <NativeSelect
            label={t('reintegration.item.budgetLine')}
            error={errors.budgetLineId?.message}
            description={budgetLines.length === 0 ? t('reintegration.item.noBudgetLines') : undefined}
            disabled={budgetLines.length === 0 && !item?.budgetLineId}
            data={[
              { value: '', label: t('reintegration.item.noBudgetLine') },
              ...budgetLines.map((line) => ({
                value: line.id,
                label: t('reintegration.item.budgetLineOption', {
                  code: line.code,
                  label: line.label,
                  currency: line.currency,
                }),
              })),
            ]}
            {...budgetLineField}
            onChange={(event) => {
              void budgetLineField.onChange(event);
              // A line is in one currency: the item follows it.
              const line = budgetLines.find((l) => l.id === event.currentTarget.value);
              if (line) setValue('planned.currency', line.currency, { shouldDirty: true });
            }}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
