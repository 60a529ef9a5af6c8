/** Birth-date evidence: how two possibly approximate birth dates agree, as a weight and a reason. */
import { type PersonTable, PRECISION } from './table';
import type { MatchReason } from './types';
import { BIRTH_DATE } from './weights';

export type DateEvidence = { weight: number; reason: MatchReason };

const evidence = (weight: number, reason: MatchReason): DateEvidence => ({ weight, reason });

/** Every possible outcome, built once: comparing allocates nothing. */
const MISSING = evidence(0, { code: 'birthDate.missing' });
const SAME = evidence(BIRTH_DATE.same, { code: 'birthDate.same' });
const SWAPPED = evidence(BIRTH_DATE.dayMonthSwapped, { code: 'birthDate.dayMonthSwapped' });
const DAY_DIFFERS = evidence(BIRTH_DATE.dayDiffers, { code: 'birthDate.dayDiffers' });
const SAME_MONTH = evidence(BIRTH_DATE.sameMonth, { code: 'birthDate.sameMonth' });
const SAME_YEAR_ONLY = evidence(BIRTH_DATE.sameYearOnly, { code: 'birthDate.sameYear' });
const PLACEHOLDER = evidence(BIRTH_DATE.sameYearOnly, { code: 'birthDate.placeholder' });
const SAME_YEAR_OTHER_DAY = evidence(BIRTH_DATE.sameYearOtherDay, { code: 'birthDate.sameYear' });
const YEAR_OFF_SAME_DAY = evidence(BIRTH_DATE.yearOffSameDay, { code: 'birthDate.yearOff', years: 1 });
const YEAR_OFF_YEAR_ONLY = evidence(BIRTH_DATE.yearOffYearOnly, { code: 'birthDate.yearOff', years: 1 });
const YEAR_OFF_OTHER_DAY = evidence(BIRTH_DATE.yearOffOtherDay, { code: 'birthDate.conflict', years: 1 });
const CONFLICTS = Array.from({ length: 13 }, (_, years) =>
  evidence(BIRTH_DATE.conflict + Math.min(Math.max(years - 2, 0), 10) * BIRTH_DATE.conflictPerYear, {
    code: 'birthDate.conflict',
    years,
  }),
);

function conflict(years: number): DateEvidence {
  const capped = CONFLICTS[Math.min(years, 12)] ?? MISSING;
  return years <= 12 ? capped : evidence(capped.weight, { code: 'birthDate.conflict', years });
}

/** Compares the birth dates of persons i and j of a table. Returns shared objects: do not modify. */
export function birthDateEvidence(table: PersonTable, i: number, j: number): DateEvidence {
  const pa = table.birthPrecision[i] ?? 0;
  const pb = table.birthPrecision[j] ?? 0;
  if (pa === PRECISION.none || pb === PRECISION.none) return MISSING;
  const years = Math.abs((table.birthYear[i] ?? 0) - (table.birthYear[j] ?? 0));
  const placeholder = table.birthPlaceholder[i] === 1 || table.birthPlaceholder[j] === 1;
  const precision = Math.min(placeholder ? PRECISION.year : 3, pa, pb);
  const mdA = table.birthMonthDay[i] ?? 0;
  const mdB = table.birthMonthDay[j] ?? 0;
  const monthA = mdA >> 5;
  const monthB = mdB >> 5;

  if (precision === PRECISION.year) {
    if (years === 0) return placeholder ? PLACEHOLDER : SAME_YEAR_ONLY;
    if (years === 1) return YEAR_OFF_YEAR_ONLY;
    return conflict(years);
  }
  if (precision === PRECISION.month) {
    if (monthA === monthB && years === 0) return SAME_MONTH;
    if (monthA === monthB && years === 1) return YEAR_OFF_YEAR_ONLY;
    if (years === 0) return SAME_YEAR_OTHER_DAY;
    return conflict(Math.max(years, 1));
  }
  const dayA = mdA & 31;
  const dayB = mdB & 31;
  if (years === 0) {
    if (mdA === mdB) return SAME;
    if (monthA === dayB && dayA === monthB) return SWAPPED;
    if (monthA === monthB) return DAY_DIFFERS;
    return SAME_YEAR_OTHER_DAY;
  }
  if (years === 1) return mdA === mdB ? YEAR_OFF_SAME_DAY : YEAR_OFF_OTHER_DAY;
  return conflict(years);
}
