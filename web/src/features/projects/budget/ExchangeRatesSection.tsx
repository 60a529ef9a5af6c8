import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SetExchangeRateSchema } from '../../../../../src/modules/finance/contract';
import { FormErrorAlert } from '../../../shared/components/FormErrorAlert';
import { LoadingState, QueryError } from '../../../shared/components/QueryStates';
import { Section } from '../../../shared/components/Section';
import { today } from '../../../shared/dates';
import { useFormat } from '../../../shared/format/useFormat';
import { useFormMutation } from '../../../shared/forms/useFormMutation';
import { localizedZodValidator } from '../../../shared/forms/zodResolver';
import { CurrencySelect } from '../../../shared/money/MoneyFields';
import { budgetApi, budgetKeys, type RateBody, useExchangeRates } from './api';

/** The dated exchange-rate table (euros per unit) used to check allowances and convert for reports. */
export function ExchangeRatesSection({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rates = useExchangeRates();
  const rate = useMemo(
    () => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 8 }),
    [i18n.language],
  );
  return (
    <Section id="exchange-rates" title={t('budget.rates.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('budget.rates.intro')}
        </Text>
        {rates.isPending ? (
          <LoadingState />
        ) : rates.isError ? (
          <QueryError error={rates.error} onRetry={() => void rates.refetch()} />
        ) : rates.data.length === 0 ? (
          <Text>{t('budget.rates.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label={t('budget.rates.tableLabel')} withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('budget.rates.currency')}</Table.Th>
                  <Table.Th scope="col">{t('budget.rates.date')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('budget.rates.eurPerUnit')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rates.data.map((r) => (
                  <Table.Tr key={`${r.currency}-${r.rateDate}`}>
                    <Table.Th scope="row">{r.currency}</Table.Th>
                    <Table.Td>{format.calendarDate(r.rateDate)}</Table.Td>
                    <Table.Td ta="right">{rate.format(r.eurPerUnit)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canManage ? <RateForm /> : null}
      </Stack>
    </Section>
  );
}

interface RateValues {
  currency: string;
  rateDate: string;
  eurPerUnit: string;
}
const FIELDS = new Set(['currency', 'rateDate', 'eurPerUnit']);

/** "0,0123" or "0.0123" as a number; NaN (refused by the schema) when it is not one. */
function toNumber(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

function RateForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const resolver = useMemo(
    () =>
      localizedZodValidator<RateValues, RateBody>(SetExchangeRateSchema, t, (v) => ({
        currency: v.currency as RateBody['currency'],
        rateDate: v.rateDate,
        // Blank stays undefined so the field says it is required.
        eurPerUnit: (v.eurPerUnit.trim() === '' ? undefined : toNumber(v.eurPerUnit)) as number,
      })),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<RateValues, unknown, RateBody>({
    resolver,
    defaultValues: { currency: '', rateDate: today(), eurPerUnit: '' },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: (body: RateBody) => budgetApi.setRate(body),
    successMessage: () => t('budget.rates.saved'),
    onSaved: () => reset({ currency: '', rateDate: today(), eurPerUnit: '' }),
    refresh: async () => {
      await queryClient.invalidateQueries({ queryKey: budgetKeys.rates });
      void queryClient.invalidateQueries({ queryKey: ['reintegration'] });
    },
  });
  return (
    <form noValidate aria-labelledby="exchange-rate-form" onSubmit={handleSubmit(submit)}>
      <Stack gap="xs">
        <Title order={3} size="h4" id="exchange-rate-form">
          {t('budget.rates.addTitle')}
        </Title>
        <FormErrorAlert error={formError} />
        <Group align="flex-start" gap="sm">
          <CurrencySelect required error={errors.currency?.message} {...register('currency')} />
          <TextInput
            label={t('budget.rates.date')}
            type="date"
            required
            error={errors.rateDate?.message}
            {...register('rateDate')}
          />
          <TextInput
            label={t('budget.rates.eurPerUnit')}
            description={t('budget.rates.eurPerUnitHint')}
            inputMode="decimal"
            required
            autoComplete="off"
            error={errors.eurPerUnit?.message}
            {...register('eurPerUnit')}
          />
        </Group>
        <Group>
          <Button type="submit" size="xs" loading={isPending}>
            {t('budget.rates.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
