/**
 * Matching scenario: the online check "who matches this new registration" and name search across scripts,
 * against a registry of N persons (default 1M; BENCH_MATCHING_SIZE to change) from the seeded population
 * generator of the dedup bench. Persons and their name keys are bulk-loaded as the registry stores them
 * (the same key functions as registration), then the check runs for records drawn from the registry.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import { identityRepository } from '../src/modules/identity';
import { blockingKeys, frequencyKeys, type MatchPerson } from '../src/modules/registry/matching';
import {
  likelyMatches,
  MATCH_KEYS_VERSION,
  matchPersonOf,
  searchByName,
  searchKeysOf,
} from '../src/modules/registry/person-matching';
import { REVIEW_THRESHOLD } from '../src/modules/registry/register-person';
import { generatePopulation } from './dedup/population';
import type { BenchTarget } from './targets';

const SIZE = Number(process.env.BENCH_MATCHING_SIZE ?? 1_000_000);
const BATCH = 10_000;
const SAMPLES = 500;

type Row = Parameters<typeof matchPersonOf>[1] & { id: string };

const LATIN = /^[\p{Script=Latin}\s'’.-]*$/u;

/** A registry row from a generated record: Latin names in the main fields, another script in the original ones. */
function rowOf(p: MatchPerson): Row {
  const latin = p.names.find(
    (n) => [n.given, n.family].every((v) => !v || LATIN.test(v)) && (n.given || n.family),
  );
  const original = p.names.find((n) => n !== latin && (n.given || n.family));
  const full = p.names
    .filter((n) => n.full)
    .map((n) => ({ name: n.full as string, script: 'other' as const }));
  return {
    id: randomUUID(),
    givenName: latin?.given ?? original?.given ?? '?',
    familyName: latin?.family ?? original?.family ?? '?',
    fatherName: latin?.father ?? null,
    givenNameOriginal: original?.given ?? null,
    familyNameOriginal: original?.family ?? null,
    fatherNameOriginal: original?.father ?? null,
    aliases: full,
    sex: p.sex ?? 'unknown',
    birthDate: p.birthDate ?? null,
    birthDatePrecision: p.birthPrecision === 'year' ? 'year' : 'exact',
    nationalities: p.nationality ? [p.nationality.slice(0, 2)] : [],
    placeOfOrigin: p.placeOfOrigin ?? null,
  };
}

async function insertPersons(db: Db, officeId: string, rows: Row[], offset: number): Promise<void> {
  const col = <T>(f: (r: Row, i: number) => T) => rows.map(f);
  await db.execute(sql`
    insert into persons (id, reference, owning_office_id, given_name, family_name, father_name,
      given_name_original, family_name_original, father_name_original, aliases, sex, birth_date,
      birth_date_precision, nationalities, place_of_origin, search_text, match_keys_version)
    select id, ref, ${officeId}::uuid, g, f, fa, go, fo, fao, al::jsonb, sx, bd::date, bp,
      case when nat is null then '{}'::text[] else array[nat] end, pl, st, ${MATCH_KEYS_VERSION}
    from unnest(
      ${sql.param(col((r) => r.id))}::uuid[], ${sql.param(col((_, i) => `B-${offset + i}`))}::text[],
      ${sql.param(col((r) => r.givenName))}::text[], ${sql.param(col((r) => r.familyName))}::text[],
      ${sql.param(col((r) => r.fatherName))}::text[], ${sql.param(col((r) => r.givenNameOriginal))}::text[],
      ${sql.param(col((r) => r.familyNameOriginal))}::text[], ${sql.param(col((r) => r.fatherNameOriginal))}::text[],
      ${sql.param(col((r) => JSON.stringify(r.aliases)))}::text[], ${sql.param(col((r) => r.sex))}::text[],
      ${sql.param(col((r) => r.birthDate))}::text[], ${sql.param(col((r) => r.birthDatePrecision))}::text[],
      ${sql.param(col((r) => r.nationalities[0] ?? null))}::text[], ${sql.param(col((r) => r.placeOfOrigin))}::text[],
      ${sql.param(col((r) => `${r.givenName} ${r.familyName}`.toLowerCase()))}::text[]
    ) as t(id, ref, g, f, fa, go, fo, fao, al, sx, bd, bp, nat, pl, st)`);
}

async function insertKeys(db: Db, keys: string[], ids: string[]): Promise<void> {
  await db.execute(sql`
    insert into person_match_keys (key, person_id)
    select * from unnest(${sql.param(keys)}::text[], ${sql.param(ids)}::uuid[])`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    runs: samples.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}

export async function matchingScenario(target: BenchTarget): Promise<Record<string, unknown>> {
  const db = target.database.db;
  const office = await identityRepository.insertOffice(db, {
    code: 'BEN',
    name: 'Bench',
    country: 'FR',
    city: 'Paris',
    kind: 'host',
  });
  const started = performance.now();
  const frequencies = new Map<string, number>();
  const samples: Row[] = [];
  let loaded = 0;
  let keyRows = 0;
  let batch: Row[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await insertPersons(db, office.id, batch, loaded);
    const keys: string[] = [];
    const ids: string[] = [];
    for (const row of batch) {
      const person = matchPersonOf(row.id, row);
      const freq = frequencyKeys(person).map((k) => `f:${k}`);
      for (const key of new Set([...blockingKeys(person), ...searchKeysOf(row), ...freq])) {
        keys.push(key);
        ids.push(row.id);
      }
      for (const k of freq) frequencies.set(k, (frequencies.get(k) ?? 0) + 1);
    }
    await insertKeys(db, keys, ids);
    keyRows += keys.length;
    loaded += batch.length;
    batch = [];
    if (loaded % 100_000 === 0) console.log(`  ${target.kind}: ${loaded} persons loaded`);
  };
  const every = Math.max(1, Math.floor(SIZE / SAMPLES));
  let i = 0;
  for (const record of generatePopulation({ size: SIZE, seed: 20150501 }).records) {
    const row = rowOf(record);
    if (i++ % every === 0 && samples.length < SAMPLES) samples.push(row);
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  frequencies.set('#persons', loaded);
  const fk = [...frequencies.keys()];
  for (let k = 0; k < fk.length; k += 50_000) {
    const keys = fk.slice(k, k + 50_000);
    await db.execute(sql`insert into name_frequencies (key, count)
      select * from unnest(${sql.param(keys)}::text[], ${sql.param(keys.map((key) => frequencies.get(key) ?? 0))}::int[])`);
  }
  await db.execute(sql`analyze`);
  const loadSeconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(`  ${target.kind}: ${loaded} persons, ${keyRows} key rows in ${loadSeconds} s`);

  const check: number[] = [];
  const found: number[] = [];
  for (const [n, row] of samples.entries()) {
    const t0 = performance.now();
    const matches = await likelyMatches(db, 'all', matchPersonOf('~draft', row), {
      threshold: REVIEW_THRESHOLD,
      limit: 10,
    });
    if (n >= 5) check.push(performance.now() - t0); // the first ones warm the caches
    found.push(matches.length);
  }
  const search: number[] = [];
  for (const [n, row] of samples.slice(0, 200).entries()) {
    const q = n % 2 === 0 ? `${row.givenName} ${row.familyName}` : (row.familyNameOriginal ?? row.familyName);
    const t0 = performance.now();
    await searchByName(db, 'all', q, 25);
    if (n >= 5) search.push(performance.now() - t0);
  }
  return {
    persons: loaded,
    keyRows,
    keysPerPerson: Math.round((keyRows / loaded) * 10) / 10,
    loadSeconds,
    onlineCheck: {
      ...summary(check),
      meanCandidatesAboveReview: Math.round((found.reduce((a, b) => a + b, 0) / found.length) * 10) / 10,
    },
    nameSearch: summary(search),
  };
}
