/**
 * Pairwise comparison: name parts (in either order, across all spellings of each person), birth date, sex,
 * nationality and place of origin, as log-likelihood weights summed and mapped to a 0..1 score, with the
 * reasons.
 */
import { birthDateEvidence } from './dates';
import { AgreementWeights } from './frequencies';
import { type PartInfo, type PartRegistry, SCRIPT_BIT } from './parts';
import { CYRILLIC_NATIONALITIES } from './rules/cyrillic';
import { editDistance, jaroWinkler } from './similarity';
import { PersonTable } from './table';
import type { MatchPerson, MatchReason, MatchResult, NameFrequencies, NamePart } from './types';
import {
  DOCUMENT,
  GIVEN_CONFLICT_CAP,
  NAME_CONFLICT,
  NAME_LEVEL_FACTOR,
  NATIONALITY,
  PLACE,
  SEX,
  TYPO,
} from './weights';

/** How two name parts agree, best first. */
export const LEVEL = {
  missing: 0,
  same: 1,
  variant: 2,
  transliteration: 3,
  typo: 4,
  partial: 5,
  similar: 6,
  conflict: 7,
} as const;

export const LEVEL_REASON = [
  null,
  'name.same',
  'name.variant',
  'name.transliteration',
  'name.typo',
  'name.partial',
  'name.similar',
  'name.conflict',
] as const;

export const LEVEL_FACTOR = [
  0,
  NAME_LEVEL_FACTOR.same,
  NAME_LEVEL_FACTOR.variant,
  NAME_LEVEL_FACTOR.transliteration,
  NAME_LEVEL_FACTOR.typo,
  NAME_LEVEL_FACTOR.partial,
  NAME_LEVEL_FACTOR.similar,
  0,
];

/** One or two edits apart (by length); typos rarely touch the first letter, so it must agree. */
function isTypo(a: string, b: string, oneEditFrom: number = TYPO.oneEditFrom): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < oneEditFrom || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  return editDistance(a, b, shorter >= TYPO.twoEditsFrom ? 2 : 1) <= (shorter >= TYPO.twoEditsFrom ? 2 : 1);
}

/** Every token key of the part with fewer tokens is among the other's: "Fatima Zahra" ~ "Fatima". */
function isSubset(a: string[], b: string[]): boolean {
  if (a.length === b.length) return false;
  const [small, large] = a.length < b.length ? [a, b] : [b, a];
  return small.every((key) => large.includes(key));
}

/**
 * Loose keys agree (g read as h when one side is Cyrillic, or the persons' nationality writes names in
 * Cyrillic: Galina = Halyna = Галина).
 */
function looseAgree(pa: PartInfo, pb: PartInfo, cyrillicNames: boolean): boolean {
  if (pa.loose.length < 2) return false;
  if (pa.loose === pb.loose) return true;
  const cyrillic = cyrillicNames || ((pa.scripts | pb.scripts) & SCRIPT_BIT.cyrillic) !== 0;
  return cyrillic && pa.looseH === pb.looseH;
}

/**
 * The agreement level of two name parts (ids in the registry; -1 when absent). Symmetric. cyrillicNames:
 * the persons' names come from Cyrillic (g/h leniency between Latin spellings too); plainTypos: a typo
 * between the written forms counts even when their folded forms are further apart (Youssef / Youssey).
 */
export function partLevel(
  parts: PartRegistry,
  a: number,
  b: number,
  cyrillicNames = false,
  plainTypos = true,
): number {
  if (a < 0 || b < 0) return LEVEL.missing;
  if (a === b) return LEVEL.same;
  const pa = parts.get(a);
  const pb = parts.get(b);
  const crossScript = pa.scripts !== pb.scripts;
  if (pa.skeleton === pb.skeleton) {
    if (crossScript) return LEVEL.transliteration;
    return pa.plain === pb.plain ? LEVEL.same : LEVEL.variant;
  }
  const vowelless = pa.vowelless || pb.vowelless;
  const ordered = pa.skeleton < pb.skeleton;
  const sa = ordered ? pa.skeleton : pb.skeleton;
  const sb = ordered ? pb.skeleton : pa.skeleton;
  if (pa.key === pb.key ? pa.key.length >= 2 || crossScript : looseAgree(pa, pb, cyrillicNames)) {
    if (crossScript || vowelless) return LEVEL.transliteration;
    return jaroWinkler(sa, sb) >= 0.8 ? LEVEL.variant : LEVEL.similar;
  }
  if ((pa.tokenKeys.length > 1 || pb.tokenKeys.length > 1) && isSubset(pa.tokenKeys, pb.tokenKeys))
    return LEVEL.partial;
  if (vowelless)
    return isTypo(pa.key, pb.key, TYPO.oneKeyEditFrom) || (plainTypos && plainTypo(pa, pb))
      ? LEVEL.typo
      : LEVEL.conflict;
  if (isTypo(sa, sb)) return LEVEL.typo;
  if (sa.charCodeAt(0) !== sb.charCodeAt(0)) return LEVEL.conflict;
  const similarity = jaroWinkler(sa, sb);
  if (similarity >= TYPO.jaroWinkler) return LEVEL.typo;
  if (similarity >= TYPO.similar) return LEVEL.similar;
  return plainTypos && plainTypo(pa, pb) ? LEVEL.typo : LEVEL.conflict;
}

/** A typo between the written forms (same script, lower case, no marks) when folding hid it. */
function plainTypo(pa: PartInfo, pb: PartInfo): boolean {
  return pa.scripts === pb.scripts && isTypo(pa.plain, pb.plain);
}

const SWAPPED_CONFLICT = (NAME_CONFLICT.given + NAME_CONFLICT.family) / 2;

/** Compares persons of one table. Holds per-part weight caches: reuse one instance for many pairs. */
export class Comparer {
  private readonly weights: AgreementWeights;

  constructor(
    readonly table: PersonTable,
    frequencies?: NameFrequencies,
  ) {
    this.weights = new AgreementWeights(table, frequencies);
    this.cyrillicCodes = table.nationalityCodes.map((code) => CYRILLIC_NATIONALITIES.has(code));
  }

  /** Nationality code shared by the pair being scored (0 when unknown or different). */
  private group = 0;
  /** Whether the pair's nationality writes names in Cyrillic (rules/cyrillic.ts), by nationality code. */
  private readonly cyrillicCodes: boolean[];
  private cyrillicNames = false;

  private pairWeight(
    level: number,
    roleA: NamePart,
    a: number,
    roleB: NamePart,
    b: number,
    conflict: number,
  ) {
    if (level === LEVEL.missing) return 0;
    if (level === LEVEL.conflict) return conflict;
    const { weights, group } = this;
    return (
      Math.min(weights.weight(roleA, a, group), weights.weight(roleB, b, group)) * (LEVEL_FACTOR[level] ?? 0)
    );
  }

  /**
   * The level of two given names. A typo seen only in the written forms (their folded forms are further
   * apart) between two names that are both common in the registry is two names, not a typo: siblings are
   * called Said and Saad.
   */
  private givenLevel(a: number, b: number): number {
    const { table, weights, group, cyrillicNames } = this;
    const level = partLevel(table.parts, a, b, cyrillicNames, false);
    if (level !== LEVEL.conflict || !plainTypo(table.parts.get(a), table.parts.get(b))) return level;
    return weights.isCommon('given', a, group) && weights.isCommon('given', b, group) ? level : LEVEL.typo;
  }

  /** Score of persons i and j in 0..1; pushes the reasons when given an array. */
  score(i: number, j: number, reasons: MatchReason[] | null = null): number {
    const { table } = this;
    const { parts, variantParts: vp } = table;
    const natA = table.nationality[i] ?? 0;
    const natB = table.nationality[j] ?? 0;
    this.group = natA === natB ? natA : 0;
    const cyrillicNames = (this.cyrillicCodes[natA] ?? false) || (this.cyrillicCodes[natB] ?? false);
    this.cyrillicNames = cyrillicNames;
    let best = Number.NEGATIVE_INFINITY;
    let bestA = -1;
    let bestB = -1;
    let bestSwapped = false;
    let best1 = 0;
    let best2 = 0;
    let best3 = 0;
    const endA = table.variantOffset[i + 1] ?? 0;
    const endB = table.variantOffset[j + 1] ?? 0;
    for (let va = table.variantOffset[i] ?? 0; va < endA; va++) {
      const gA = vp[va * 3] ?? -1;
      const fA = vp[va * 3 + 1] ?? -1;
      const pA = vp[va * 3 + 2] ?? -1;
      for (let vb = table.variantOffset[j] ?? 0; vb < endB; vb++) {
        const gB = vp[vb * 3] ?? -1;
        const fB = vp[vb * 3 + 1] ?? -1;
        const pB = vp[vb * 3 + 2] ?? -1;
        const lp = partLevel(parts, pA, pB, cyrillicNames);
        const father = this.pairWeight(lp, 'father', pA, 'father', pB, NAME_CONFLICT.father);
        const lg = this.givenLevel(gA, gB);
        const lf = partLevel(parts, fA, fB, cyrillicNames);
        const direct =
          this.pairWeight(lg, 'given', gA, 'given', gB, NAME_CONFLICT.given) +
          this.pairWeight(lf, 'family', fA, 'family', fB, NAME_CONFLICT.family) +
          father;
        if (direct > best) {
          best = direct;
          bestA = va;
          bestB = vb;
          bestSwapped = false;
          best1 = lg;
          best2 = lf;
          best3 = lp;
        }
        if (lg <= LEVEL.transliteration && lf <= LEVEL.transliteration) continue;
        const l1 = partLevel(parts, gA, fB, cyrillicNames);
        const l2 = partLevel(parts, fA, gB, cyrillicNames);
        if (l1 === LEVEL.missing || l2 === LEVEL.missing) continue;
        const swapped =
          this.pairWeight(l1, 'given', gA, 'family', fB, SWAPPED_CONFLICT) +
          this.pairWeight(l2, 'family', fA, 'given', gB, SWAPPED_CONFLICT) +
          father;
        if (swapped > best) {
          best = swapped;
          bestA = va;
          bestB = vb;
          bestSwapped = true;
          best1 = l1;
          best2 = l2;
          best3 = lp;
        }
      }
    }
    const names = bestA < 0 ? 0 : best;
    const birth = birthDateEvidence(table, i, j);
    const sexA = table.sex[i] ?? 0;
    const sexB = table.sex[j] ?? 0;
    const sex = sexA === 0 || sexB === 0 ? 0 : sexA === sexB ? SEX.same : SEX.conflict;
    // Given names that differ at all (Drita / Dritan, Gentian / Gentiana) on records of opposite sexes are
    // a brother's and a sister's, not a typo: a conflict, as two different names are.
    const givenA = vp[bestA * 3] ?? -1;
    const givenB = vp[bestB * 3 + (bestSwapped ? 1 : 0)] ?? -1;
    const sexedGivenConflict =
      sex < 0 && givenA >= 0 && givenB >= 0 && parts.get(givenA).skeleton !== parts.get(givenB).skeleton;
    const givenConflict =
      bestA >= 0 &&
      (best1 === LEVEL.conflict || (bestSwapped && best2 === LEVEL.conflict) || sexedGivenConflict);
    const nationality =
      natA === 0 || natB === 0 ? 0 : natA === natB ? NATIONALITY.same : NATIONALITY.conflict;

    const placeA = table.place[i] ?? -1;
    const placeB = table.place[j] ?? -1;
    const placeLevel = partLevel(parts, placeA, placeB, cyrillicNames);
    // Agreeing family and father's names already say "same household" (same person or siblings), and a
    // household shares its place: the place's agreement adds nothing then (its disagreement still counts).
    const household =
      bestA >= 0 &&
      !bestSwapped &&
      best2 <= LEVEL.transliteration &&
      best2 !== LEVEL.missing &&
      best3 >= LEVEL.same &&
      best3 <= LEVEL.typo;
    const place =
      placeLevel === LEVEL.missing
        ? 0
        : placeLevel === LEVEL.conflict
          ? PLACE.conflict
          : household
            ? PLACE.agreementInHousehold
            : Math.min(
                this.weights.weight('place', placeA, this.group),
                this.weights.weight('place', placeB, this.group),
              ) * (LEVEL_FACTOR[placeLevel] ?? 0);

    const sharedDocument = sharedDocumentOf(table, i, j);
    const document = sharedDocument < 0 ? 0 : DOCUMENT.same;

    const total =
      this.weights.prior(this.group) + names + birth.weight + sex + nationality + place + document;
    let score = 1 / (1 + Math.exp(-total));
    if (sharedDocument >= 0) score = Math.max(score, DOCUMENT.atLeast);
    else if (givenConflict) score = Math.min(score, GIVEN_CONFLICT_CAP);

    if (reasons) {
      if (bestA >= 0) {
        const a = [vp[bestA * 3] ?? -1, vp[bestA * 3 + 1] ?? -1, vp[bestA * 3 + 2] ?? -1];
        const b = [vp[bestB * 3] ?? -1, vp[bestB * 3 + 1] ?? -1, vp[bestB * 3 + 2] ?? -1];
        if (bestSwapped) [b[0], b[1]] = [b[1] ?? -1, b[0] ?? -1];
        const roles: NamePart[] = ['given', 'family', 'father'];
        const levels = [sexedGivenConflict ? LEVEL.conflict : best1, best2, best3];
        roles.forEach((part, r) => {
          const code = LEVEL_REASON[levels[r] ?? 0];
          const pa = a[r] ?? -1;
          const pb = b[r] ?? -1;
          if (code && pa >= 0 && pb >= 0)
            reasons.push({ code, part, a: parts.get(pa).text, b: parts.get(pb).text });
        });
        if (bestSwapped) reasons.push({ code: 'name.orderSwapped' });
      }
      reasons.push(birth.reason);
      if (sex !== 0) reasons.push({ code: sex > 0 ? 'sex.same' : 'sex.conflict' });
      if (nationality !== 0)
        reasons.push({ code: nationality > 0 ? 'nationality.same' : 'nationality.conflict' });
      if (placeLevel !== LEVEL.missing) {
        const code =
          placeLevel === LEVEL.same
            ? 'place.same'
            : placeLevel === LEVEL.conflict
              ? 'place.conflict'
              : 'place.variant';
        reasons.push({ code, a: parts.get(placeA).text, b: parts.get(placeB).text });
      }
      if (sharedDocument >= 0)
        reasons.push({ code: 'document.same', type: table.documentTypes[sharedDocument] ?? '' });
    }
    return score;
  }
}

/** A document (its id in the table) recorded for both persons, or -1. */
function sharedDocumentOf(table: PersonTable, i: number, j: number): number {
  const endA = table.documentOffset[i + 1] ?? 0;
  const endB = table.documentOffset[j + 1] ?? 0;
  for (let x = table.documentOffset[i] ?? 0; x < endA; x++)
    for (let y = table.documentOffset[j] ?? 0; y < endB; y++)
      if (table.documentIds[x] === table.documentIds[y]) return table.documentIds[x] ?? -1;
  return -1;
}

/** Scores two persons (0..1) with the reasons. Pass frequencies to weigh names by how common they are. */
export function comparePersons(
  a: MatchPerson,
  b: MatchPerson,
  options: { frequencies?: NameFrequencies } = {},
): MatchResult {
  const comparer = new Comparer(PersonTable.build([a, b]), options.frequencies);
  const reasons: MatchReason[] = [];
  const score = comparer.score(0, 1, reasons);
  return { score, reasons };
}
