/**
 * The registry's side of matching (ADR 0010): each person's keys in `person_match_keys` (blocking keys for
 * the online check, name-token keys for search, frequency keys counted in `name_frequencies`), kept in the
 * transaction of every change to a person; and the lookups built on them.
 */
import type { Db } from '../../db/client';
import type { OfficeScope } from '../../platform/actor';
import {
  blockingKeys,
  frequencyKeys,
  type MatchDocument,
  type MatchPerson,
  type MatchReason,
  type NameFrequencies,
  nameTokens,
  rankCandidates,
  rankSearch,
} from './matching';
import * as matchingRepo from './matching-repository';
import type { identityDocuments, persons } from './tables';

/** Bump when the matching rules change the keys: the server rebuilds older rows in the background. */
export const MATCH_KEYS_VERSION = 2;

type PersonRow = typeof persons.$inferSelect;

/** The fields of a person the matcher reads (a draft being registered has no id yet). */
export type MatchFields = Pick<
  PersonRow,
  | 'givenName'
  | 'familyName'
  | 'fatherName'
  | 'givenNameOriginal'
  | 'familyNameOriginal'
  | 'fatherNameOriginal'
  | 'aliases'
  | 'sex'
  | 'birthDate'
  | 'birthDatePrecision'
  | 'nationalities'
  | 'placeOfOrigin'
>;

export function matchPersonOf(id: string, p: MatchFields, documents?: readonly MatchDocument[]): MatchPerson {
  return {
    ...(documents?.length ? { documents } : {}),
    id,
    names: [
      { given: p.givenName, family: p.familyName, father: p.fatherName },
      { given: p.givenNameOriginal, family: p.familyNameOriginal, father: p.fatherNameOriginal },
      ...p.aliases.map((alias) => ({ full: alias.name })),
    ],
    sex: p.sex as MatchPerson['sex'],
    birthDate: p.birthDate,
    birthPrecision: p.birthDatePrecision as MatchPerson['birthPrecision'],
    nationality: p.nationalities[0] ?? null,
    placeOfOrigin: p.placeOfOrigin,
  };
}

type DocumentIdentity = Pick<
  typeof identityDocuments.$inferSelect,
  'type' | 'issuingCountry' | 'numberIndex'
>;

/** A document as the matcher compares it: equal keys, same document (type, issuing country, number). */
export function matchDocumentOf(d: DocumentIdentity): MatchDocument {
  return { type: d.type, key: `${d.type}:${d.issuingCountry ?? ''}:${d.numberIndex.slice(0, 32)}` };
}

/**
 * The documents of these persons as the matcher reads them, by person. Documents withheld by a transfer
 * are left out: the reviewer could not see what the evidence rests on.
 */
export async function matchDocumentsOf(
  db: Db,
  personIds: readonly string[],
): Promise<Map<string, MatchDocument[]>> {
  const byPerson = new Map<string, MatchDocument[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await matchingRepo.matchDocumentRows(db, personIds);
  for (const row of rows) {
    const list = byPerson.get(row.personId) ?? [];
    list.push(matchDocumentOf(row));
    byPerson.set(row.personId, list);
  }
  return byPerson;
}

/** One key per distinct name token, in any script: "k" + its phonetic key (search finds a name part). */
export function searchKeysOf(p: MatchFields): string[] {
  const names = [
    p.givenName,
    p.familyName,
    p.fatherName,
    p.givenNameOriginal,
    p.familyNameOriginal,
    p.fatherNameOriginal,
    ...p.aliases.map((a) => a.name),
  ];
  const keys = new Set<string>();
  for (const name of names)
    if (name) for (const token of nameTokens(name)) if (token.key) keys.add(`k${token.key}`);
  return [...keys].slice(0, 24);
}

const FREQ = 'f:';
const PERSONS_KEY = '#persons';

/** Adds `delta` to the counts of these frequency keys (and of persons). */
async function countFrequencies(
  tx: Db,
  keys: readonly string[],
  delta: 1 | -1,
  person: boolean,
): Promise<void> {
  const all = person ? [...keys, PERSONS_KEY] : [...keys];
  if (all.length === 0) return;
  await matchingRepo.addToFrequencies(tx, all, delta);
}

/**
 * Rewrites a person's keys (inside the caller's transaction): blocking, search and frequency keys, and the
 * frequency counts. A merged (hidden) person keeps no keys.
 */
export async function writeMatchKeys(
  tx: Db,
  id: string,
  p: MatchFields & { mergedInto?: string | null },
): Promise<void> {
  const previous = await matchingRepo.matchKeysOf(tx, id);
  const hadKeys = previous.length > 0;
  const oldFreq = previous.filter((k) => k.startsWith(FREQ));
  if (hadKeys) await matchingRepo.deleteMatchKeys(tx, id);
  await countFrequencies(tx, oldFreq, -1, hadKeys);
  if (!p.mergedInto) {
    const { keys, freq } = keysOf(id, p);
    await matchingRepo.insertMatchKeys(tx, id, keys);
    await countFrequencies(tx, freq, 1, true);
  }
  await matchingRepo.setMatchKeysVersion(tx, id, MATCH_KEYS_VERSION);
}

/** A person's keys (blocking, search and frequency keys), and among them the frequency keys. */
function keysOf(id: string, p: MatchFields): { keys: string[]; freq: string[] } {
  const person = matchPersonOf(id, p);
  const freq = frequencyKeys(person).map((k) => `${FREQ}${k}`);
  return { keys: [...new Set([...blockingKeys(person), ...searchKeysOf(p), ...freq])], freq };
}

/**
 * Rebuilds the keys of persons written under older rules (or never): a batch, for the periodic job (and
 * for records written in bulk, such as the demo's). The same as `writeMatchKeys` for each of them in
 * turn, in a handful of statements for the whole batch.
 */
export async function refreshStaleMatchKeys(db: Db, batch = 500): Promise<number> {
  const stale = await matchingRepo.personsWithKeysBefore(db, MATCH_KEYS_VERSION, batch);
  if (stale.length === 0) return 0;
  await db.transaction(async (tx) => {
    const ids = stale.map((row) => row.id);
    const previous = await matchingRepo.matchKeysOfPersons(tx, ids);
    const counts = new Map<string, number>();
    const count = (keys: readonly string[], delta: 1 | -1) => {
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + delta);
    };
    const rows: { key: string; personId: string }[] = [];
    for (const row of stale) {
      const had = previous.get(row.id) ?? [];
      if (had.length > 0) count([...had.filter((k) => k.startsWith(FREQ)), PERSONS_KEY], -1);
      if (row.mergedInto) continue;
      const { keys, freq } = keysOf(row.id, row);
      for (const key of keys) rows.push({ key, personId: row.id });
      count([...freq, PERSONS_KEY], 1);
    }
    await matchingRepo.deleteMatchKeysOfPersons(tx, [...previous.keys()]);
    await matchingRepo.insertMatchKeyRows(tx, rows);
    await matchingRepo.addCountsToFrequencies(tx, counts);
    await matchingRepo.setMatchKeysVersionOf(tx, ids, MATCH_KEYS_VERSION);
  });
  return stale.length;
}

/** Frequencies of the keys of these persons, as the matcher wants them. */
export async function frequenciesFor(db: Db, people: readonly MatchPerson[]): Promise<NameFrequencies> {
  const keys = [...new Set(people.flatMap((p) => frequencyKeys(p)))].map((k) => `${FREQ}${k}`);
  const rows = await matchingRepo.frequencyRows(db, [...keys, PERSONS_KEY]);
  const counts = new Map(rows.map((r) => [r.key, r.count]));
  return {
    total: Math.max(1, counts.get(PERSONS_KEY) ?? 1),
    count: (key) => counts.get(`${FREQ}${key}`) ?? 0,
  };
}

export type ScoredMatch = { row: PersonRow; score: number; reasons: MatchReason[] };

/** Candidates sharing a key with `person`, within a scope, not merged, at most `cap` of them. */
async function candidatesByKeys(
  db: Db,
  scope: OfficeScope,
  keys: string[],
  cap: number,
  all = false,
): Promise<PersonRow[]> {
  if (keys.length === 0) return [];
  return matchingRepo.personsSharingKeys(db, scope, keys, cap, all);
}

/**
 * Who this person (a draft being registered or edited) may be, among the persons of `scope`: candidates by
 * blocking keys, scored with reasons, best first.
 */
export async function likelyMatches(
  db: Db,
  scope: OfficeScope,
  person: MatchPerson,
  options: { threshold: number; limit: number; excludeIds?: readonly string[] },
): Promise<ScoredMatch[]> {
  const rows = (await candidatesByKeys(db, scope, blockingKeys(person), 2000)).filter(
    (r) => !options.excludeIds?.includes(r.id),
  );
  if (rows.length === 0) return [];
  const candidates = rows.map((r) => matchPersonOf(r.id, r));
  const frequencies = await frequenciesFor(db, [person, ...candidates]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rankCandidates(person, candidates, { frequencies, threshold: options.threshold })
    .slice(0, options.limit)
    .map((m) => ({ row: byId.get(m.id) as PersonRow, score: m.score, reasons: m.reasons }));
}

/**
 * Name search across scripts and spellings: persons having every word of the query (by phonetic key, so
 * "محمد الحسن" finds "Mohammed Al-Hassan"), ranked by how well their names match, with reasons.
 */
export async function searchByName(
  db: Db,
  scope: OfficeScope,
  query: string,
  limit: number,
): Promise<ScoredMatch[]> {
  const keys = [
    ...new Set(
      nameTokens(query)
        .map((t) => t.key)
        .filter(Boolean),
    ),
  ].map((k) => `k${k}`);
  if (keys.length === 0) return [];
  const rows = await candidatesByKeys(db, scope, keys, 500, true);
  if (rows.length === 0) return [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rankSearch(
    query,
    rows.map((r) => matchPersonOf(r.id, r)),
  )
    .slice(0, limit)
    .map((m) => ({ row: byId.get(m.id) as PersonRow, score: m.score, reasons: m.reasons }));
}
