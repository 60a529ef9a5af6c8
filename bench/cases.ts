/**
 * Cases scenario: registry and case-list queries at office scale. Loads N people with one case each
 * (SQL generate_series, names from the demo's pools, statuses spread over the AVRR workflow) and times
 * the queries a caseworker's screens make: the default list, filtered lists, deep keyset pages, name
 * search (trigram), document-number search (blind index) and the case page.
 */
import { sql } from 'drizzle-orm';
import { caseDetail } from '../src/modules/cases/case-view';
import { findCase, listCases } from '../src/modules/cases/repository';
import { AVRR_WORKFLOW } from '../src/modules/cases/workflow';
import { identityRepository } from '../src/modules/identity';
import { countableCases } from '../src/modules/registry/policy';
import { searchPersons } from '../src/modules/registry/repository';
import type { Actor } from '../src/platform/actor';
import { createFieldCipher } from '../src/platform/field-crypto';
import type { BenchTarget } from './targets';

const SIZES = { pglite: 50_000, postgres: 200_000 } as const;
export const GIVEN = [
  'arta',
  'elira',
  'besnik',
  'mohammed',
  'youssef',
  'fatima',
  'olena',
  'oksana',
  'karwan',
  'shilan',
  'ahmed',
  'lina',
  'dritan',
  'nadia',
  'ivan',
  'maria',
];
export const FAMILY = [
  'hoxha',
  'cela',
  'krasniqi',
  'el amrani',
  'benali',
  'kovalenko',
  'shevchenko',
  'ahmed',
  'mahmoud',
  'gashi',
  'berisha',
  'tkachenko',
  'hassan',
  'aziz',
  'rashid',
  'idrissi',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time(runs: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    runs,
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    maxMs: round(samples.at(-1) ?? 0),
  };
}

export async function casesScenario(target: BenchTarget): Promise<Record<string, unknown>> {
  const db = target.database.db;
  const n = SIZES[target.kind];
  const office = await identityRepository.insertOffice(db, {
    code: 'BEN',
    name: 'Bench',
    country: 'FR',
    city: 'Paris',
    kind: 'host',
  });
  const cipher = createFieldCipher(Buffer.alloc(32, 3));
  const statuses = AVRR_WORKFLOW.states;
  const arr = (xs: readonly string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(',')}]`);

  const started = performance.now();
  await db.execute(sql`
    insert into persons (id, reference, owning_office_id, given_name, family_name, search_text, sex, birth_date, birth_date_precision, nationalities, specific_needs)
    select md5('p' || i)::uuid, 'BEN-P' || lpad(i::text, 7, '0'), ${office.id},
      initcap((${arr(GIVEN)})[1 + i % ${GIVEN.length}]), initcap((${arr(FAMILY)})[1 + (i / 7) % ${FAMILY.length}]) || ' ' || i,
      (${arr(GIVEN)})[1 + i % ${GIVEN.length}] || ' ' || (${arr(FAMILY)})[1 + (i / 7) % ${FAMILY.length}] || ' ' || i,
      case when i % 3 = 0 then 'male' else 'female' end,
      date '1970-01-01' + (i % 15000), 'exact',
      array[(array['AL','MA','UA','IQ','SY'])[1 + i % 5]],
      case when i % 11 = 0 then array['SM-MI'] else array[]::text[] end
    from generate_series(1, ${n}) i`);
  await db.execute(sql`
    insert into cases (id, reference, person_id, case_type, sensitive, owning_office_id, status, departure_date, created_at, updated_at)
    select md5('c' || i)::uuid, 'BEN-2026-' || lpad(i::text, 7, '0'), md5('p' || i)::uuid, 'avrr', false, ${office.id},
      (${arr(statuses)})[1 + i % ${statuses.length}],
      case when i % 2 = 0 then date '2015-01-01' + (i % 700) end,
      timestamptz '2015-01-01' + (i || ' minutes')::interval, timestamptz '2015-01-01' + ((i * 7) % 500000 || ' minutes')::interval
    from generate_series(1, ${n}) i`);
  const docs = Math.min(n, 5_000);
  for (let i = 1; i <= docs; i += 1_000) {
    const values = [];
    for (let j = i; j < Math.min(i + 1_000, docs + 1); j++) {
      const number = `AB${String(j).padStart(7, '0')}`;
      values.push(
        sql`(md5(${`p${j}`})::uuid, 'passport', ${cipher.encrypt(number)}, ${number.slice(-4)}, ${cipher.blindIndex(number)})`,
      );
    }
    await db.execute(
      sql`insert into identity_documents (person_id, type, number_sealed, number_tail, number_index) values ${sql.join(values, sql`, `)}`,
    );
  }
  // As autovacuum would have done on a live database: statistics and the visibility map (index-only scans).
  await db.execute(sql`vacuum analyze`);
  const loadSeconds = Math.round((performance.now() - started) / 100) / 10;

  const actor: Actor = {
    userId: '00000000-0000-4000-8000-000000000001',
    email: 'b@x',
    displayName: 'Bench',
    memberships: [{ officeId: office.id, role: 'supervisor' }],
  };
  const scope = [office.id];
  const visibility = countableCases(actor);
  const base = { sort: 'updated_desc', limit: 50 } as const;

  const firstPage = await time(30, () => listCases(db, actor, base));
  const filtered = await time(30, (i) =>
    listCases(db, actor, { ...base, status: [statuses[i % 8] ?? 'intake'], nationality: 'AL' }),
  );
  let cursor: string | undefined;
  const deepPages = await time(20, async () => {
    const page = await listCases(db, actor, { ...base, cursor });
    cursor = page.nextCursor ?? undefined;
  });
  const byDeparture = await time(20, () =>
    listCases(db, actor, {
      ...base,
      sort: 'departure_asc',
      departureFrom: '2015-03-01',
      departureTo: '2015-06-30',
    }),
  );
  const nameSearch = await time(30, (i) =>
    searchPersons(db, scope, { text: `${FAMILY[i % FAMILY.length]} ${1000 + i}`, limit: 25 }, visibility),
  );
  const nameFragment = await time(30, (i) =>
    searchPersons(
      db,
      scope,
      { text: `${GIVEN[i % GIVEN.length]} ${FAMILY[(i + 3) % FAMILY.length]}`, limit: 25 },
      visibility,
    ),
  );
  const documentSearch = await time(30, (i) =>
    searchPersons(
      db,
      scope,
      {
        text: `ab${String(1 + i).padStart(7, '0')}`,
        documentIndex: cipher.blindIndex(`AB${String(1 + i).padStart(7, '0')}`),
        limit: 25,
      },
      visibility,
    ),
  );
  const casePage = await time(30, async (i) => {
    const found = await findCase(db, actor, `${md5ish(i)}`);
    if (found) await caseDetail(db, actor, found, '2016-06-30');
  });
  return {
    people: n,
    cases: n,
    documents: docs,
    loadSeconds,
    firstPage,
    filteredByStatusAndNationality: filtered,
    deepKeysetPages: deepPages,
    departureRange: byDeparture,
    nameSearch,
    nameFragmentSearch: nameFragment,
    documentNumberSearch: documentSearch,
    casePage,
  };
}

// Case ids are md5('c' || i) as uuid: computed here the same way PostgreSQL does.
import { createHash } from 'node:crypto';

function md5ish(i: number): string {
  const h = createHash('md5')
    .update(`c${1 + i * 97}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
