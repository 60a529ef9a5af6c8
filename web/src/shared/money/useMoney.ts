import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Currency, decimalToMinor, isCurrency, type Money, minorDigits } from './money';

/** Amounts in the UI language, currency style ("1 500,50 €", "€1,500.50", "200 000,000 IQD"). */
export function useMoney() {
  const { i18n, t } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const formatters = new Map<Currency, Intl.NumberFormat>();
    const formatterOf = (currency: Currency) => {
      let formatter = formatters.get(currency);
      if (!formatter) {
        const digits = minorDigits(currency);
        formatter = new Intl.NumberFormat(language, {
          style: 'currency',
          currency,
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
        formatters.set(currency, formatter);
      }
      return formatter;
    };
    const money = (amount: Money) =>
      formatterOf(amount.currency).format(amount.minor / 10 ** minorDigits(amount.currency));
    return {
      /** One amount. */
      money,
      /** Amounts in several currencies ("1 500,00 € + 300,00 $"); none when the list is empty. */
      moneyList: (amounts: readonly Money[]) =>
        amounts.length === 0 ? t('common.none') : amounts.map(money).join(' + '),
      /** A decimal string from a server message ("1500.00") with its currency code, formatted. */
      decimal: (text: string | number | undefined, currency: string | number | undefined) => {
        const code = String(currency ?? '');
        const value = String(text ?? '');
        if (!isCurrency(code)) return `${value} ${code}`.trim();
        const minor = decimalToMinor(value, code);
        return minor === null ? `${value} ${code}` : money({ minor, currency: code });
      },
    };
  }, [language, t]);
}
