/**
 * The online check: a new or edited person against the candidates found by their blocking keys. One
 * table for all, so names shared by several candidates are analysed once.
 */
import { Comparer } from './compare';
import { PersonTable } from './table';
import type { MatchPerson, MatchReason, NameFrequencies } from './types';
import { MATCH_THRESHOLD } from './weights';

export type CandidateMatch = { id: string; score: number; reasons: MatchReason[] };

/** Candidates scoring at least `threshold` (default MATCH_THRESHOLD), best first, with reasons. */
export function rankCandidates(
  person: MatchPerson,
  candidates: Iterable<MatchPerson>,
  options: { frequencies?: NameFrequencies; threshold?: number } = {},
): CandidateMatch[] {
  const table = PersonTable.build([person, ...candidates]);
  const comparer = new Comparer(table, options.frequencies);
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const matches: CandidateMatch[] = [];
  for (let j = 1; j < table.size; j++) {
    if (table.ids[j] === person.id) continue;
    const reasons: MatchReason[] = [];
    const score = comparer.score(0, j, reasons);
    if (score >= threshold) matches.push({ id: table.ids[j] ?? '', score, reasons });
  }
  return matches.sort((a, b) => b.score - a.score);
}
