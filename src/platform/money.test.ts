import { describe, expect, it } from 'vitest';
import { convert, formatMinor, MoneyInputSchema, parseAmount, sumByCurrency } from './money';

describe('money', () => {
  it('parses amounts as people write them, into minor units of the currency', () => {
    expect(parseAmount('1500', 'EUR')).toBe(150_000);
    expect(parseAmount('1 500,5', 'EUR')).toBe(150_050);
    expect(parseAmount('0.07', 'EUR')).toBe(7);
    expect(parseAmount('250000', 'IQD')).toBe(250_000_000);
    expect(parseAmount('12.345', 'IQD')).toBe(12_345);
    expect(parseAmount('100', 'XOF')).toBe(100);
  });

  it('refuses negative, non-numeric, over-precise and absurd amounts', () => {
    for (const bad of ['-5', 'abc', '1.234', '1e5', '', '1.2.3', '99999999999999'])
      expect(parseAmount(bad, 'EUR'), bad).toBeNull();
    expect(parseAmount('1.5', 'XOF')).toBeNull();
  });

  it('formats minor units back without losing a cent', () => {
    expect(formatMinor(150_050, 'EUR')).toBe('1500.50');
    expect(formatMinor(7, 'EUR')).toBe('0.07');
    expect(formatMinor(12_345, 'IQD')).toBe('12.345');
    expect(formatMinor(-250, 'EUR')).toBe('-2.50');
    expect(formatMinor(100, 'XOF')).toBe('100');
    for (const minor of [0, 1, 99, 100, 123_456_789])
      expect(parseAmount(formatMinor(minor, 'EUR'), 'EUR')).toBe(minor);
  });

  it('validates a money input with a field error on the amount, or an unknown currency', () => {
    expect(MoneyInputSchema.parse({ amount: '10.5', currency: 'EUR' })).toEqual({
      minor: 1050,
      currency: 'EUR',
    });
    const bad = MoneyInputSchema.safeParse({ amount: '-3', currency: 'EUR' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['amount'], message: 'amount' });
    const currency = MoneyInputSchema.safeParse({ amount: '3', currency: 'XXX' });
    expect(currency.error?.issues[0]).toMatchObject({ path: ['currency'], message: 'currency' });
  });

  it('sums per currency and converts with rounding to the minor unit', () => {
    expect(
      sumByCurrency([
        { minor: 100, currency: 'EUR' },
        { minor: 5_000, currency: 'IQD' },
        { minor: 250, currency: 'EUR' },
      ]),
    ).toEqual([
      { currency: 'EUR', minor: 350 },
      { currency: 'IQD', minor: 5_000 },
    ]);
    // 1,000 IQD at 0.00068 EUR per IQD = 0.68 EUR
    expect(convert({ minor: 1_000_000, currency: 'IQD' }, 'EUR', 0.00068)).toEqual({
      minor: 68,
      currency: 'EUR',
    });
    expect(convert({ minor: 100, currency: 'EUR' }, 'EUR', 2)).toEqual({ minor: 100, currency: 'EUR' });
  });
});
