import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateBudgetLineSchema, UpdateBudgetLineSchema } from '../../../../../src/modules/finance/contract';
import { AppModal } from '../../../shared/components/AppModal';
import { FormErrorAlert } from '../../../shared/components/FormErrorAlert';
import { useFormMutation } from '../../../shared/forms/useFormMutation';
import { localizedZodValidator } from '../../../shared/forms/zodResolver';
import { MoneyFields } from '../../../shared/money/MoneyFields';
import { minorToInput } from '../../../shared/money/money';
import { localizeMoneyErrors } from '../../../shared/money/moneyErrors';
import {
  type BudgetLine,
  budgetApi,
  type CreateLineBody,
  type ProjectBudget,
  type UpdateLineBody,
  useBudgetConflict,
  useStoreBudget,
} from './api';

interface LineValues {
  code: string;
  label: string;
  amount: { amount: string; currency: string };
}
const FIELDS = new Set(['code', 'label', 'amount.amount', 'amount.currency']);

interface BudgetLineModalProps {
  budget: ProjectBudget;
  /** The line to change; null for a new one. */
  line: BudgetLine | null;
  opened: boolean;
  onClose: () => void;
}

export function BudgetLineModal({ budget, line, opened, onClose }: BudgetLineModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={line ? t('budget.editTitle', { code: line.code }) : t('budget.addTitle')}
      size="md"
    >
      {opened ? <BudgetLineForm budget={budget} line={line} onDone={onClose} /> : null}
    </AppModal>
  );
}

function BudgetLineForm({
  budget,
  line,
  onDone,
}: {
  budget: ProjectBudget;
  line: BudgetLine | null;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const store = useStoreBudget();
  const onConflict = useBudgetConflict(budget.projectId);
  const resolver = useMemo(
    () =>
      line
        ? localizedZodValidator<LineValues, UpdateLineBody>(UpdateBudgetLineSchema, t, (v) => ({
            label: v.label,
            amount: { amount: v.amount.amount, currency: line.amount.currency },
            version: line.version,
          }))
        : localizedZodValidator<LineValues, CreateLineBody>(CreateBudgetLineSchema, t, (v) => ({
            code: v.code,
            label: v.label,
            amount: {
              amount: v.amount.amount,
              currency: v.amount.currency as CreateLineBody['amount']['currency'],
            },
          })),
    [t, line],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<LineValues, unknown, CreateLineBody | UpdateLineBody>({
    resolver,
    defaultValues: {
      code: line?.code ?? '',
      label: line?.label ?? '',
      amount: {
        amount: line ? minorToInput(line.amount.minor, line.amount.currency, i18n.language) : '',
        currency: line?.amount.currency ?? budget.allowance?.currency ?? 'EUR',
      },
    },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: (body: CreateLineBody | UpdateLineBody) =>
      line
        ? budgetApi.updateLine(line.id, body as UpdateLineBody)
        : budgetApi.createLine(budget.projectId, body as CreateLineBody),
    successMessage: () => t('budget.lineSaved'),
    onSaved: (next) => {
      store(next);
      onDone();
    },
    recover: (error) => {
      const handled = onConflict(error);
      if (handled) onDone();
      return handled;
    },
    localizeError: (error) => localizeMoneyErrors(error, t),
  });
  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <FormErrorAlert error={formError} />
        <TextInput
          label={t('budget.fields.code')}
          description={t('budget.fields.codeHint')}
          required
          disabled={line !== null}
          autoComplete="off"
          error={errors.code?.message}
          {...register('code')}
        />
        <TextInput
          label={t('budget.fields.label')}
          required
          autoComplete="off"
          error={errors.label?.message}
          {...register('label')}
        />
        <MoneyFields
          required
          amountLabel={t('budget.fields.amount')}
          amount={{ ...register('amount.amount'), error: errors.amount?.amount?.message }}
          {...(line
            ? { fixedCurrency: line.amount.currency }
            : { currency: { ...register('amount.currency'), error: errors.amount?.currency?.message } })}
        />
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
