import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SetAllowanceSchema } from '../../../../../src/modules/finance/contract';
import { AppModal } from '../../../shared/components/AppModal';
import { FormErrorAlert } from '../../../shared/components/FormErrorAlert';
import { useFormMutation } from '../../../shared/forms/useFormMutation';
import { localizedZodValidator } from '../../../shared/forms/zodResolver';
import { MoneyFields } from '../../../shared/money/MoneyFields';
import { minorToInput } from '../../../shared/money/money';
import { type AllowanceBody, budgetApi, type ProjectBudget, useBudgetConflict, useStoreBudget } from './api';

interface AllowanceValues {
  allowance: { amount: string; currency: string };
}
const FIELDS = new Set(['allowance.amount', 'allowance.currency']);

export function AllowanceModal({
  budget,
  opened,
  onClose,
}: {
  budget: ProjectBudget;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('budget.allowance.title')} size="md">
      {opened ? <AllowanceForm budget={budget} onDone={onClose} /> : null}
    </AppModal>
  );
}

function AllowanceForm({ budget, onDone }: { budget: ProjectBudget; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const store = useStoreBudget();
  const onConflict = useBudgetConflict(budget.projectId);
  const [clearing, setClearing] = useState(false);
  const prepare = (values: AllowanceValues): AllowanceBody => ({
    allowance: {
      amount: values.allowance.amount,
      currency: values.allowance.currency as NonNullable<AllowanceBody['allowance']>['currency'],
    },
    version: budget.projectVersion,
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AllowanceValues, unknown, AllowanceBody>({
    resolver: localizedZodValidator(SetAllowanceSchema, t, prepare),
    defaultValues: {
      allowance: {
        amount: budget.allowance
          ? minorToInput(budget.allowance.minor, budget.allowance.currency, i18n.language)
          : '',
        currency: budget.allowance?.currency ?? 'EUR',
      },
    },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: (body: AllowanceBody) => budgetApi.setAllowance(budget.projectId, body),
    successMessage: () => t('budget.allowance.saved'),
    onSaved: (next) => {
      store(next);
      onDone();
    },
    recover: (error) => {
      const handled = onConflict(error);
      if (handled) onDone();
      return handled;
    },
  });
  return (
    <form
      noValidate
      onSubmit={handleSubmit((body) => {
        setClearing(false);
        submit(body);
      })}
    >
      <Stack>
        <Text size="sm">{t('budget.allowance.intro')}</Text>
        <FormErrorAlert error={formError} />
        <MoneyFields
          required
          amountLabel={t('budget.allowance.amount')}
          amount={{ ...register('allowance.amount'), error: errors.allowance?.amount?.message }}
          currency={{ ...register('allowance.currency'), error: errors.allowance?.currency?.message }}
        />
        <Group justify="space-between">
          {budget.allowance ? (
            <Button
              variant="subtle"
              color="red"
              loading={isPending && clearing}
              onClick={() => {
                setClearing(true);
                submit({ allowance: null, version: budget.projectVersion });
              }}
            >
              {t('budget.allowance.clear')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending && !clearing}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
