import { describe, expect, it } from 'vitest';
import { blockersOf, clearanceCoverage, expiringWithin, fitCoverage, seatsNeeded } from './expiry';
import { isMinorOn, splitProblems } from './household-rules';

const window = { from: '2015-11-05', to: '2015-11-06' };

describe('fitness to travel', () => {
  it('covers the flight only when fit until its last day', () => {
    const fitUntil = (validUntil: string) => ({ outcome: 'fit' as const, validUntil, travelConditions: [] });
    expect(fitCoverage(fitUntil('2015-11-06'), '2015-10-01', window)).toEqual({ status: 'ok' });
    expect(fitCoverage(fitUntil('2015-11-05'), '2015-10-01', window)).toEqual({
      status: 'expires_before_flight',
      date: '2015-11-05',
    });
    expect(fitCoverage(fitUntil('2015-09-30'), '2015-10-01', window)).toEqual({
      status: 'expired',
      date: '2015-09-30',
    });
    expect(
      fitCoverage({ outcome: 'unfit', validUntil: null, travelConditions: [] }, '2015-10-01', window),
    ).toEqual({ status: 'missing' });
    expect(fitCoverage(null, '2015-10-01', window)).toEqual({ status: 'missing' });
  });
});

describe('exit permits and visas', () => {
  it('asks an exit permit to be valid on leaving, a visa on entering', () => {
    const permit = { kind: 'exit_permit' as const, validFrom: '2015-10-01', validUntil: '2015-11-05' };
    const visa = { kind: 'visa' as const, validFrom: '2015-10-01', validUntil: '2015-11-05' };
    expect(clearanceCoverage(permit, '2015-10-10', window)).toEqual({ status: 'ok' });
    expect(clearanceCoverage(visa, '2015-10-10', window)).toEqual({
      status: 'expires_before_flight',
      date: '2015-11-05',
    });
    expect(
      clearanceCoverage({ ...visa, validFrom: '2015-11-07', validUntil: '2016-01-01' }, '2015-10-10', window),
    ).toEqual({
      status: 'not_yet_valid',
      date: '2015-11-07',
    });
  });
});

describe('blockersOf', () => {
  it('names the households blocked and by what, per stage', () => {
    const member = (visaUntil: string) => ({
      personId: 'p1',
      name: 'Lina',
      health: { outcome: 'fit' as const, validUntil: '2016-01-01', travelConditions: [] },
      exitPermit: { kind: 'exit_permit' as const, validFrom: '2015-01-01', validUntil: '2016-01-01' },
      visa: { kind: 'visa' as const, validFrom: '2015-01-01', validUntil: visaUntil },
    });
    const blocked = blockersOf(
      [
        { caseId: 'a', stage: 'booked', members: [member('2015-11-01')], booked: window },
        { caseId: 'b', stage: 'exit_permits', members: [member('2016-01-01')], booked: null },
        // At health assessment only fitness counts: the visa comes later.
        { caseId: 'c', stage: 'health_assessment', members: [member('2015-01-02')], booked: null },
      ],
      '2015-10-01',
    );
    expect(blocked).toEqual([
      {
        caseId: 'a',
        blockers: [
          expect.objectContaining({
            what: 'visa',
            coverage: { status: 'expires_before_flight', date: '2015-11-01' },
          }),
        ],
      },
    ]);
  });

  it('counts seats without infants on a lap, and warns within the horizon', () => {
    expect(seatsNeeded([{ seatRequired: true }, { seatRequired: false }, { seatRequired: true }])).toBe(2);
    expect(expiringWithin('2015-10-15', '2015-10-01', 14)).toBe(true);
    expect(expiringWithin('2015-10-16', '2015-10-01', 14)).toBe(false);
    expect(expiringWithin('2015-09-30', '2015-10-01', 14)).toBe(false);
  });
});

describe('household rules', () => {
  it('calls a person an adult only when certainly one', () => {
    expect(isMinorOn({ birthDate: '1997-11-05', birthDatePrecision: 'exact' }, '2015-11-05')).toBe(false);
    expect(isMinorOn({ birthDate: '1997-11-06', birthDatePrecision: 'exact' }, '2015-11-05')).toBe(true);
    // Year only: the latest possible day, 31 December.
    expect(isMinorOn({ birthDate: '1997-01-01', birthDatePrecision: 'year' }, '2015-11-05')).toBe(true);
    expect(isMinorOn({ birthDate: '1997-01-01', birthDatePrecision: 'year' }, '2016-01-01')).toBe(false);
    expect(isMinorOn({ birthDate: null, birthDatePrecision: 'exact' }, '2015-11-05')).toBeNull();
  });

  const member = (personId: string, birthDate: string | null, principal = false) => ({
    personId,
    principal,
    birthDate,
    birthDatePrecision: 'exact' as const,
  });
  const family = [
    member('mother', '1980-01-01', true),
    member('son', '1995-01-01'),
    member('girl', '2010-01-01'),
  ];

  it('refuses a split leaving a minor without an adult, on either side', () => {
    expect(splitProblems(family, ['girl'], 'girl', '2015-06-01')).toEqual([
      { kind: 'minor_alone', personIds: ['girl'] },
    ]);
    expect(splitProblems(family, ['son'], 'son', '2015-06-01')).toEqual([]);
    expect(splitProblems(family, ['son', 'girl'], 'son', '2015-06-01')).toEqual([]);
    expect(
      splitProblems(
        [member('father', '1970-01-01', true), member('boy', '2005-01-01')],
        ['boy'],
        'boy',
        '2015-06-01',
      ),
    ).toEqual([{ kind: 'minor_alone', personIds: ['boy'] }]);
  });

  it('names what makes a split invalid, and asks for missing dates of birth', () => {
    expect(splitProblems(family, ['mother'], 'mother', '2015-06-01')).toEqual([
      { kind: 'invalid', reason: 'principal_moves' },
    ]);
    expect(splitProblems(family, ['son'], 'girl', '2015-06-01')).toEqual([
      { kind: 'invalid', reason: 'new_principal' },
    ]);
    expect(splitProblems(family, ['stranger'], 'stranger', '2015-06-01')).toEqual([
      { kind: 'invalid', reason: 'not_members' },
    ]);
    expect(splitProblems([...family, member('baby', null)], ['son'], 'son', '2015-06-01')[0]).toEqual({
      kind: 'birth_date_required',
      personIds: ['baby'],
    });
  });
});
