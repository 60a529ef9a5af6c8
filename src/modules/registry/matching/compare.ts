/**
 * Pairwise comparison: name parts (in either order, across all spellings of each person), birth date, sex
 * and nationality, as log-likelihood weights summed and mapped to a 0..1 score, with the reasons.
 */
import { birthDateEvidence } from './dates';
import { AgreementWeights } from './frequencies';
import { type PartInfo, type PartRegistry, SCRIPT_BIT } from './parts';
import { editDistance, jaroWinkler } from './similarity';
import { PersonTable } from './table';
import type { MatchPerson, MatchReason, MatchResult, NameFrequencies, NamePart } from './types';
import { GIVEN_CONFLICT_CAP, NAME_CONFLICT, NAME_LEVEL_FACTOR, NATIONALITY, SEX, TYPO } from './weights';

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

const LEVEL_REASON = [
  null,
  'name.same',
  'name.variant',
  'name.transliteration',
  'name.typo',
  'name.partial',
  'name.similar',
  'name.conflict',
] as const;

const LEVEL_FACTOR = [
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

/** Loose keys agree (one side Cyrillic for the g/h leniency: both sides' loose keys are then compared). */
function looseAgree(pa: PartInfo, pb: PartInfo): boolean {
  if (pa.loose.length < 2) return false;
  if (pa.loose === pb.loose) return true;
  const cyrillic = ((pa.scripts | pb.scripts) & SCRIPT_BIT.cyrillic) !== 0;
  return cyrillic && pa.loose.replace(/g/g, 'h') === pb.loose.replace(/g/g, 'h');
}

/** The agreement level of two name parts (ids in the registry; -1 when absent). Symmetric. */
export function partLevel(parts: PartRegistry, a: number, b: number): number {
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
  const [sa, sb] = pa.skeleton < pb.skeleton ? [pa.skeleton, pb.skeleton] : [pb.skeleton, pa.skeleton];
  if (pa.key === pb.key ? pa.key.length >= 2 || crossScript : looseAgree(pa, pb)) {
    if (crossScript || vowelless) return LEVEL.transliteration;
    return jaroWinkler(sa, sb) >= 0.8 ? LEVEL.variant : LEVEL.similar;
  }
  if ((pa.tokenKeys.length > 1 || pb.tokenKeys.length > 1) && isSubset(pa.tokenKeys, pb.tokenKeys))
    return LEVEL.partial;
  if (vowelless) return isTypo(pa.key, pb.key, TYPO.oneKeyEditFrom) ? LEVEL.typo : LEVEL.conflict;
  if (isTypo(sa, sb)) return LEVEL.typo;
  if (sa.charCodeAt(0) !== sb.charCodeAt(0)) return LEVEL.conflict;
  const similarity = jaroWinkler(sa, sb);
  if (similarity >= TYPO.jaroWinkler) return LEVEL.typo;
  if (similarity >= TYPO.similar) return LEVEL.similar;
  return LEVEL.conflict;
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
  }

  /** Nationality code shared by the pair being scored (0 when unknown or different). */
  private group = 0;

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

  /** Score of persons i and j in 0..1; pushes the reasons when given an array. */
  score(i: number, j: number, reasons: MatchReason[] | null = null): number {
    const { table } = this;
    const { parts, variantParts: vp } = table;
    const natA = table.nationality[i] ?? 0;
    const natB = table.nationality[j] ?? 0;
    this.group = natA === natB ? natA : 0;
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
        const lp = partLevel(parts, pA, pB);
        const father = this.pairWeight(lp, 'father', pA, 'father', pB, NAME_CONFLICT.father);
        const lg = partLevel(parts, gA, gB);
        const lf = partLevel(parts, fA, fB);
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
        const l1 = partLevel(parts, gA, fB);
        const l2 = partLevel(parts, fA, gB);
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
    const givenConflict =
      bestA >= 0 && (best1 === LEVEL.conflict || (bestSwapped && best2 === LEVEL.conflict));

    const birth = birthDateEvidence(table, i, j);
    const sexA = table.sex[i] ?? 0;
    const sexB = table.sex[j] ?? 0;
    const sex = sexA === 0 || sexB === 0 ? 0 : sexA === sexB ? SEX.same : SEX.conflict;
    const nationality =
      natA === 0 || natB === 0 ? 0 : natA === natB ? NATIONALITY.same : NATIONALITY.conflict;

    const total = this.weights.prior(this.group) + names + birth.weight + sex + nationality;
    let score = 1 / (1 + Math.exp(-total));
    if (givenConflict) score = Math.min(score, GIVEN_CONFLICT_CAP);

    if (reasons) {
      if (bestA >= 0) {
        const a = [vp[bestA * 3] ?? -1, vp[bestA * 3 + 1] ?? -1, vp[bestA * 3 + 2] ?? -1];
        const b = [vp[bestB * 3] ?? -1, vp[bestB * 3 + 1] ?? -1, vp[bestB * 3 + 2] ?? -1];
        if (bestSwapped) [b[0], b[1]] = [b[1] ?? -1, b[0] ?? -1];
        const roles: NamePart[] = ['given', 'family', 'father'];
        const levels = [best1, best2, best3];
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
    }
    return score;
  }
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
