import { describe, expect, it } from 'vitest';
import { consentCoverage, namesRecipient, officeNames } from './consent-coverage';

const tirana = { names: officeNames({ code: 'TIR', name: 'Tirana', city: 'Tirana' }) };
const athens = { names: officeNames({ code: 'ATH', name: 'Athènes / Athens', city: 'Athens' }) };

describe('consent coverage', () => {
  it('covers an office named by city, code or either part of a bilingual name', () => {
    expect(namesRecipient('Bureau de Tirana', tirana)).toBe(true);
    expect(namesRecipient('TIR office', tirana)).toBe(true);
    expect(namesRecipient('Bureau d’Athènes', athens)).toBe(true);
    expect(namesRecipient('Athens office and partner NGO', athens)).toBe(true);
  });

  it('does not cover another office, nor a word that merely contains the name', () => {
    expect(namesRecipient('Bureau de Rabat', tirana)).toBe(false);
    expect(namesRecipient('Tiranaville', tirana)).toBe(false);
  });

  it('covers a partner named in full, not by one of its words', () => {
    const shelter = { names: ['Shelter Different and Equal'] };
    expect(namesRecipient('Tirana office and Shelter "Different & Equal"', shelter)).toBe(false);
    expect(namesRecipient('Shelter Different and Equal (Tirana)', shelter)).toBe(true);
    expect(namesRecipient('Shelter', shelter)).toBe(false);
  });

  it('needs a sharing purpose and no withdrawal', () => {
    const base = { purpose: 'referral', recipient: 'Bureau de Tirana', withdrawnOn: null };
    expect(consentCoverage(base, tirana)).toBe('covers');
    expect(consentCoverage({ ...base, purpose: 'data_sharing' }, tirana)).toBe('covers');
    expect(consentCoverage({ ...base, purpose: 'media' }, tirana)).toBe('wrong_purpose');
    expect(consentCoverage({ ...base, withdrawnOn: '2026-01-01' }, tirana)).toBe('withdrawn');
    expect(consentCoverage({ ...base, recipient: 'Bureau de Rabat' }, tirana)).toBe('wrong_recipient');
  });
});
