/**
 * Name search: why each candidate (found by sharing the phonetic key of every word typed) answers the
 * query. A query is not a person: "Бондаренко" alone is a family name, not a given name that differs. So
 * each word typed is compared with every name part of the candidate (every spelling, script and alias),
 * and explained by the best one: "Family name transliterated: Бондаренко ↔ Bondarenko". The score is the
 * mean agreement of the words (1 identical, 0.93 spelled otherwise or transliterated, 0.65 a typo...).
 */
import type { CandidateMatch } from './candidates';
import { LEVEL, LEVEL_FACTOR, LEVEL_REASON, partLevel } from './compare';
import { nameTokens } from './normalise';
import { CYRILLIC_NATIONALITIES } from './rules/cyrillic';
import { PersonTable } from './table';
import type { MatchPerson, MatchReason, NamePart } from './types';

const ROLES: NamePart[] = ['given', 'family', 'father'];

/** Every candidate with its score and one reason per word typed, best first (ties keep their order). */
export function rankSearch(query: string, candidates: readonly MatchPerson[]): CandidateMatch[] {
  const table = PersonTable.build(candidates);
  const { parts, variantParts: vp } = table;
  const words = nameTokens(query).map((token) => ({ text: token.text, part: parts.field(token.text) }));
  if (words.length === 0) return [];
  const ranked = candidates.map((candidate, i) => {
    const cyrillicNames = CYRILLIC_NATIONALITIES.has(table.nationalityCodes[table.nationality[i] ?? 0] ?? '');
    const reasons: MatchReason[] = [];
    let total = 0;
    for (const word of words) {
      let level: number = LEVEL.conflict;
      let role = 0;
      let part = -1;
      for (let v = table.variantOffset[i] ?? 0; v < (table.variantOffset[i + 1] ?? 0); v++)
        for (let r = 0; r < 3; r++) {
          const candidatePart = vp[v * 3 + r] ?? -1;
          if (candidatePart < 0) continue;
          const found = partLevel(parts, word.part, candidatePart, cyrillicNames);
          if (found !== LEVEL.missing && found < level) {
            level = found;
            role = r;
            part = candidatePart;
          }
        }
      total += LEVEL_FACTOR[level] ?? 0;
      const code = LEVEL_REASON[level];
      if (code && code !== 'name.conflict' && part >= 0)
        reasons.push({ code, part: ROLES[role] ?? 'given', a: word.text, b: parts.get(part).text });
    }
    return { id: candidate.id, score: total / words.length, reasons };
  });
  return ranked.sort((a, b) => b.score - a.score);
}
