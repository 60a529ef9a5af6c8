/**
 * Money in the browser: the server's rules (`src/platform/money.ts`) for minor units, plus what forms and
 * messages need around them. Amounts typed by people are sent as they were typed; the server parses them.
 */
import {
  CURRENCIES,
  CURRENCY_CODES,
  type Currency,
  formatMinor,
  type Money,
  parseAmount,
} from '../../../../src/platform/money';

export { CURRENCY_CODES, type Currency, type Money };

export function isCurrency(value: string): value is Currency {
  return value in CURRENCIES;
}

/** The ISO 4217 minor-unit exponent (2 for EUR, 3 for IQD, 0 for XOF). */
export function minorDigits(currency: Currency): number {
  return CURRENCIES[currency];
}

/**
 * A decimal string as the server writes it in messages ("1500.00", "-200.50") back into minor units, or
 * null when it is not one.
 */
export function decimalToMinor(text: string, currency: Currency): number | null {
  const negative = text.trim().startsWith('-');
  const minor = parseAmount(negative ? text.trim().slice(1) : text, currency);
  return minor === null ? null : negative ? -minor : minor;
}

/** Minor units as a form field shows them: "1500,50" in French, "1500.50" in English. */
export function minorToInput(minor: number, currency: Currency, language: string): string {
  const text = formatMinor(minor, currency);
  return language.startsWith('fr') ? text.replace('.', ',') : text;
}

/** Whether a typed amount is one the server will accept for the currency (non-negative, few decimals). */
export function isValidAmount(input: string, currency: Currency): boolean {
  return parseAmount(input, currency) !== null;
}
