/**
 * Money: amounts are integers of minor units with their currency (ISO 4217), never floats. Browser-safe:
 * the web app parses and formats with the same rules.
 */
import { z } from 'zod';
import { textLine } from './contract';

/** Currencies the agency's offices and donors use, with their ISO 4217 minor-unit exponent. */
export const CURRENCIES = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  ALL: 2, // Albanian lek
  MAD: 2, // Moroccan dirham
  UAH: 2, // Ukrainian hryvnia
  IQD: 3, // Iraqi dinar
  SYP: 2, // Syrian pound
  TRY: 2,
  JOD: 3,
  TND: 3,
  DZD: 2,
  XOF: 0,
  PLN: 2,
} as const satisfies Record<string, number>;
export type Currency = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as [Currency, ...Currency[]];
export const CurrencySchema = z.enum(CURRENCY_CODES, { error: () => ({ message: 'currency' }) });

/** Largest amount accepted: 10^12 minor units (ten billion euros), far inside Number's exact integers. */
export const MAX_MINOR = 1_000_000_000_000;

/**
 * Parses a decimal amount as written by a person ("1500", "1 500,50", "1500.5") into minor units.
 * Returns null when it is not a non-negative amount with at most the currency's decimals.
 */
export function parseAmount(input: string, currency: Currency): number | null {
  const digits = CURRENCIES[currency];
  const text = input.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const whole = match[1] as string;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) && minor <= MAX_MINOR ? minor : null;
}

/** Minor units back to a plain decimal string ("1500.50"), for forms and CSV. */
export function formatMinor(minor: number, currency: Currency): string {
  const digits = CURRENCIES[currency];
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

/** An amount in a request: a decimal string and a currency, validated together. */
export const MoneyInputSchema = z
  .strictObject({ amount: textLine(30), currency: CurrencySchema })
  .transform((v, ctx) => {
    const minor = parseAmount(v.amount, v.currency);
    if (minor === null) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'amount' });
      return z.NEVER;
    }
    return { minor, currency: v.currency };
  });
export type Money = { minor: number; currency: Currency };

export const MoneySchema = z.object({ minor: z.number().int(), currency: CurrencySchema });

/** Sums amounts per currency; the result lists currencies in first-seen order. */
export function sumByCurrency(amounts: readonly Money[]): Money[] {
  const totals = new Map<Currency, number>();
  for (const a of amounts) totals.set(a.currency, (totals.get(a.currency) ?? 0) + a.minor);
  return [...totals].map(([currency, minor]) => ({ currency, minor }));
}

/**
 * Converts with a rate expressed as units of `to` per unit of `from` (a decimal string kept exact enough by
 * working in minor units), rounding half away from zero to the target's minor unit.
 */
export function convert(amount: Money, to: Currency, rate: number): Money {
  if (amount.currency === to) return amount;
  const major = amount.minor / 10 ** CURRENCIES[amount.currency];
  const minor = major * rate * 10 ** CURRENCIES[to];
  return { minor: Math.sign(minor) * Math.round(Math.abs(minor)), currency: to };
}
