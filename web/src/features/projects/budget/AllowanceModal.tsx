import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SetAllowanceSchema } from '../../../../../src/modules/finance/contract';
import { AppModal } from '../../../shared/components/AppModal';
import { FormErrorAlert } from '../../../shared/components/FormErrorAlert';
import { useServerErrors } from '../../../shared/forms/useServerErrors';
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
  const { formError, handleError, clear } = useServerErrors(setError, (path) => FIELDS.has(path));
  const mutation = useMutation({
    mutationFn: (body: AllowanceBody) => budgetApi.setAllowance(budget.projectId, body),
    onSuccess: (next) => {
      store(next);
      notifications.show({ color: 'blue', message: t('budget.allowance.saved') });
      onDone();
    },
    onError: (error) => {
      if (onConflict(error)) onDone();
      else handleError(error);
    },
  });
  return (
    <form
      noValidate
      onSubmit={handleSubmit((body) => {
        clear();
        setClearing(false);
        mutation.mutate(body);
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
              loading={mutation.isPending && clearing}
              onClick={() => {
                clear();
                setClearing(true);
                mutation.mutate({ allowance: null, version: budget.projectVersion });
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
            <Button type="submit" loading={mutation.isPending && !clearing}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
