import { Group, NativeSelect, TextInput } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCY_CODES } from './money';

type InputProps = Omit<ComponentPropsWithRef<'input'>, 'size'> & { error?: string };
type SelectProps = Omit<ComponentPropsWithRef<'select'>, 'size'> & { error?: string };

interface MoneyFieldsProps {
  amountLabel: string;
  amount: InputProps;
  /** The currency select's props; omit with `fixedCurrency` when the currency is given. */
  currency?: SelectProps;
  /** Shown after the amount when the currency cannot be chosen (e.g. the approved item's). */
  fixedCurrency?: string;
  required?: boolean;
}

/**
 * An amount as people write it ("1 500,50") next to its currency. The text goes to the server as typed;
 * `register()` props plug in directly.
 */
export function MoneyFields({ amountLabel, amount, currency, fixedCurrency, required }: MoneyFieldsProps) {
  const { t } = useTranslation();
  const { error: amountError, ...amountProps } = amount;
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <TextInput
        label={amountLabel}
        description={t('money.amountHint')}
        inputMode="decimal"
        autoComplete="off"
        required={required}
        error={amountError}
        rightSection={fixedCurrency}
        rightSectionWidth={fixedCurrency ? 48 : undefined}
        style={{ flex: 1 }}
        {...amountProps}
      />
      {currency ? <CurrencySelect {...currency} required={required} /> : null}
    </Group>
  );
}

export function CurrencySelect({ error, ...props }: SelectProps) {
  const { t } = useTranslation();
  return (
    <NativeSelect label={t('money.currency')} error={error} w={110} {...props}>
      <option value="">{t('money.chooseCurrency')}</option>
      {CURRENCY_CODES.map((code) => (
        <option key={code} value={code}>
          {code}
        </option>
      ))}
    </NativeSelect>
  );
}
