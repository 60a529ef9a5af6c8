import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import { identityRepository } from '../src/modules/identity';
import { insertProject } from '../src/modules/projects';
import { identityDocuments } from '../src/modules/registry/tables';
import { resettlementFunnel } from '../src/modules/resettlement/funnel';
import { manifestOf } from '../src/modules/resettlement/manifest';
import { manifestToPdf } from '../src/modules/resettlement/manifest-pdf';
import { manifestToXlsx } from '../src/modules/resettlement/manifest-xlsx';
import { printManifest } from '../src/modules/resettlement/print-manifest';
import * as repo from '../src/modules/resettlement/repository';
import {
  clearances,
  healthAssessments,
  movementEscorts,
  movementLegs,
  movements,
} from '../src/modules/resettlement/tables';
import type { ActorCtx } from '../src/platform/actor';
import { fixedClock } from '../src/platform/clock';
import { createFieldCipher } from '../src/platform/field-crypto';
import { wireReactions } from '../src/server/reactions';
import type { BenchTarget } from './targets';
import { loadAverage, loadStep, measureServerCpu, round, serverSettings, time } from './timing';

const DEFAULT_SIZES = { pglite: [5_000], postgres: [100_000] } as const;
const TODAY = '2016-03-15';
/** The day the bench's clock reads. */
const NOW = `${TODAY}T12:00:00.000Z`;
/** The movement departs this many days after TODAY. */
const DEPARTURE = '2016-03-29';
const PASSENGERS = 300;

const OFFICES = [
  { code: 'BEY', country: 'LB', kind: 'origin' },
  { code: 'AMM', country: 'JO', kind: 'origin' },
  { code: 'IST', country: 'TR', kind: 'origin' },
] as const;

/** The workflow states up to arrival, in order (the funnel's stages), then the exits. */
const STATES = [
  'identification',
  'verification',
  'interview',
  'submission',
  'decision',
  'health_assessment',
  'pre_departure_orientation',
  'exit_permits',
  'booked',
  'movement',
  'arrived',
] as const;
/** The resettlement_households column of each stage's first day, in the order of STATES. */
const STAGE_COLUMNS = [
  'identification_on',
  'verification_on',
  'interview_on',
  'submission_on',
  'decision_on',
  'health_assessment_on',
  'pre_departure_orientation_on',
  'exit_permits_on',
  'booked_on',
  'departed_on',
  'arrived_on',
] as const;
/**
 * Outcome per household (per mille, cumulative): still at each of the 11 stages, then handed over and closed,
 * rejected at the decision, withdrawn early.
 */
const OUTCOME_BOUNDS = [80, 150, 220, 280, 340, 400, 450, 500, 540, 550, 580, 830, 930, 1000];
/** Household sizes drawn from (mean 4.6). */
const SIZES = [1, 2, 3, 4, 4, 4, 5, 5, 5, 5, 6, 6, 7, 8, 4];
const GIVEN: [string, string][] = [
  ['Samir', 'سمير'],
  ['Lina', 'لينا'],
  ['Omar', 'عمر'],
  ['Fatima', 'فاطمة'],
  ['Ahmad', 'أحمد'],
  ['Rania', 'رانيا'],
  ['Khaled', 'خالد'],
  ['Nour', 'نور'],
  ['Yousef', 'يوسف'],
  ['Huda', 'هدى'],
  ['Mahmoud', 'محمود'],
  ['Aya', 'آية'],
];
const FAMILY: [string, string][] = [
  ['Haddad', 'حداد'],
  ['Khalil', 'خليل'],
  ['Nasser', 'ناصر'],
  ['Saleh', 'صالح'],
  ['Darwish', 'درويش'],
  ['Hamdan', 'حمدان'],
  ['Othman', 'عثمان'],
  ['Masri', 'مصري'],
  ['Aziz', 'عزيز'],
  ['Halabi', 'حلبي'],
];

/** A deterministic number in [0, mod) from a salt and a row number (`v`, an SQL expression). */
const h = (salt: string, mod: number, v = 'i') =>
  `((hashtext('${salt}:' || (${v})::text) & 2147483647) % ${mod})`;
const textArray = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]`;

/**
 * Household number i: its size, office index (1..3), outcome (0..13) and the last stage it reached (r), the
 * days between stages and the first day of each stage (d0..d10; gaps of 7 to 46 days, none between the
 * decision and the health assessment: an accepted household enters it on the decision day). `offset 0` keeps
 * each level a subquery of its own: flattened, the expressions nest into each other and planning the insert
 * of 100k households ran for minutes in gigabytes of memory.
 */
function householdsSql(n: number): string {
  const gap = (j: number) => (j === 5 ? '0' : `(7 + ${h(`g${j}`, 40)})`);
  const upTo = (k: number, r: string) =>
    k === 0
      ? '0'
      : Array.from({ length: k }, (_, j) => `case when ${r} >= ${j + 1} then ${gap(j + 1)} else 0 end`).join(
          ' + ',
        );
  const cum = (k: number) => (k === 0 ? '0' : Array.from({ length: k }, (_, j) => gap(j + 1)).join(' + '));
  const outcome = `(case ${OUTCOME_BOUNDS.map((b, c) => `when ${h('st', 1000)} < ${b} then ${c}`).join(' ')} end)`;
  return `(select g.*, ${STAGE_COLUMNS.slice(1)
    .map((_, j) => `d0 + (${cum(j + 1)}) as d${j + 1}`)
    .join(', ')}
    from (
      select o.*, date '${TODAY}' - (${upTo(10, 'r')}) - ${h('d0', 400)} - case when c = 11 then 20 else 0 end as d0
      from (
        select i, c, (${textArray(SIZES.map(String))})[1 + ${h('sz', SIZES.length)}]::int as size,
          case when ${h('o', 10)} < 5 then 1 when ${h('o', 10)} < 8 then 2 else 3 end as oi,
          case when c <= 10 then c when c = 11 then 10 when c = 12 then 4 else ${h('w', 5)} end as r
        from (select i, ${outcome} as c from generate_series(1, ${n}) i offset 0) x offset 0
      ) o offset 0
    ) g offset 0)`;
}

async function loadHouseholds(db: Db, n: number, tag: string, projectId: string, officeIds: string[]) {
  const offs = `array[${officeIds.map((o) => `'${o}'::uuid`).join(',')}]`;
  const exec = (text: string) => db.execute(sql.raw(text));
  const step = loadStep(exec);
  const hh = householdsSql(n);
  const given = (i: 0 | 1) => `(${textArray(GIVEN.map((g) => g[i]))})`;
  const family = (i: 0 | 1) => `(${textArray(FAMILY.map((f) => f[i]))})`;
  // Member k of household i: 1 the principal, 2 a spouse (most households of two or more), the last of a
  // household of six or more a parent, the others children.
  const rel = `case when k = 1 then 'principal'
      when k = 2 and ${h('sp', 10)} < 8 then 'spouse'
      when k = size and size >= 6 then 'parent' else 'child' end`;
  const member = `cross join generate_series(1, size) k
    cross join lateral (select ${rel} as rel, ${h('gn', GIVEN.length, "i || '.' || k")} as gi, ${h('fn', FAMILY.length)} as fi) m`;
  await step(
    'persons',
    `insert into persons (id, reference, owning_office_id, given_name, family_name, given_name_original,
       family_name_original, original_script, search_text, sex, birth_date, birth_date_precision, nationalities,
       languages, specific_needs, created_at, updated_at)
     select md5('${tag}p' || i || '.' || k)::uuid, '${tag}-P' || i || '.' || k, (${offs})[oi],
       ${given(0)}[1 + gi], ${family(0)}[1 + fi], ${given(1)}[1 + gi], ${family(1)}[1 + fi], 'arabic',
       lower(${given(0)}[1 + gi] || ' ' || ${family(0)}[1 + fi]),
       case when rel = 'principal' then (case when ${h('sx', 10)} < 7 then 'male' else 'female' end)
            when rel = 'spouse' then (case when ${h('sx', 10)} < 7 then 'female' else 'male' end)
            when ${h('sx', 2, "i || '.' || k")} = 0 then 'female' else 'male' end,
       date '${TODAY}' - case
         when rel in ('principal', 'spouse') then 7300 + ${h('ba', 16400, "i || '.' || k")}
         when rel = 'parent' then 20000 + ${h('ba', 9000, "i || '.' || k")}
         else ${h('ba', 6570, "i || '.' || k")} end,
       case when ${h('bp', 100, "i || '.' || k")} < 8 then 'year' else 'exact' end,
       array['SY'], array['ar'],
       array_remove(array[
         case when ${h('n1', 1000, "i || '.' || k")} < 30 then 'DS-PM' end,
         case when ${h('n2', 1000, "i || '.' || k")} < 50 then 'SM-MI' end,
         case when ${h('n3', 1000, "i || '.' || k")} < 40 then 'LP-ND' end], null),
       d0::timestamptz, d0::timestamptz
     from ${hh} hh ${member}`,
  );
  await step(
    'cases',
    `insert into cases (id, reference, person_id, case_type, sensitive, project_id, owning_office_id, status,
       status_before_closure, closure_reason, host_country, created_at, updated_at)
     select md5('${tag}c' || i)::uuid, '${tag}-RS' || i, md5('${tag}p' || i || '.1')::uuid, 'resettlement', false,
       '${projectId}', (${offs})[oi],
       case when c <= 10 then (${textArray([...STATES])})[1 + c] when c = 13 then 'withdrawn' else 'closed' end,
       case when c = 11 then 'arrived' when c = 12 then 'decision' when c = 13 then (${textArray([...STATES])})[1 + r] end,
       case when c = 11 then 'completed' when c = 12 then 'not_eligible' when c = 13 then 'withdrawn' end,
       (array['LB','JO','TR'])[oi], d0::timestamptz, d${10}::timestamptz
     from ${hh} hh`,
  );
  // A household row once the referral is recorded (past identification).
  await step(
    'resettlement households',
    `insert into resettlement_households (case_id, referring_agency, referring_reference, active_members,
       ${STAGE_COLUMNS.join(', ')}, accepted_on, handed_over_on, handed_over_to, created_at, updated_at)
     select md5('${tag}c' || i)::uuid, 'UNHCR', '${tag}-' || (array['LEB','JOR','TUR'])[oi] || '-15C' || lpad(i::text, 6, '0'), size,
       ${STAGE_COLUMNS.map((_, k) => (k === 0 ? 'd0' : `case when r >= ${k} then d${k} end`)).join(', ')},
       case when r >= 5 then d4 end,
       case when c = 11 then d10 + 3 end, case when c = 11 then 'Reception service ' || oi end,
       d1::timestamptz, d1::timestamptz
     from ${hh} hh where r >= 1`,
  );
  await step(
    'resettlement members',
    `insert into resettlement_members (id, case_id, person_id, relationship, joined_on)
     select md5('${tag}m' || i || '.' || k)::uuid, md5('${tag}c' || i)::uuid, md5('${tag}p' || i || '.' || k)::uuid, rel, d1
     from ${hh} hh ${member} where r >= 1`,
  );
  await step('vacuum analyze', 'vacuum analyze');
}

/**
 * The movement of 300 passengers: booked households of the first office (then of the others, for a small
 * size), taken in reference order, the last one chosen to make exactly 300.
 */
async function loadMovement(
  db: Db,
  tag: string,
  projectId: string,
  officeIds: string[],
  cipher: ReturnType<typeof createFieldCipher>,
) {
  const found = (await db.execute(sql`select c.id, c.owning_office_id as "officeId", rh.active_members as size
      from cases c join resettlement_households rh on rh.case_id = c.id
      where c.project_id = ${projectId} and c.status = 'booked'
      order by c.owning_office_id = ${officeIds[0]} desc, c.reference
      limit 2000`)) as unknown as { rows: { id: string; officeId: string; size: number }[] };
  const chosen: string[] = [];
  let seats = 0;
  for (const row of found.rows) {
    if (seats === PASSENGERS) break;
    if (seats + row.size > PASSENGERS) continue;
    chosen.push(row.id);
    seats += row.size;
  }
  const [movement] = await db
    .insert(movements)
    .values({
      reference: `${tag}-MV1`,
      projectId,
      owningOfficeId: officeIds[0] as string,
      status: 'planned',
      seatCount: PASSENGERS + 20,
      destinationCountry: 'FR',
      departureDate: DEPARTURE,
      arrivalDate: DEPARTURE,
      createdAt: new Date(NOW),
    })
    .returning();
  if (!movement) throw new Error('no movement');
  await db.insert(movementLegs).values([
    {
      movementId: movement.id,
      seq: 1,
      carrier: 'ME',
      flightNumber: 'ME211',
      fromAirport: 'BEY',
      toAirport: 'CDG',
      departsAt: new Date(`${DEPARTURE}T07:15:00Z`),
      arrivesAt: new Date(`${DEPARTURE}T11:05:00Z`),
    },
    {
      movementId: movement.id,
      seq: 2,
      carrier: 'AF',
      flightNumber: 'AF7644',
      fromAirport: 'ORY',
      toAirport: 'TLS',
      departsAt: new Date(`${DEPARTURE}T15:30:00Z`),
      arrivesAt: new Date(`${DEPARTURE}T16:45:00Z`),
    },
  ]);
  await db.insert(movementEscorts).values([
    { movementId: movement.id, name: 'Claire Martin', kind: 'operational', organisation: 'Passerelle' },
    {
      movementId: movement.id,
      name: 'Dr Karim Saad',
      kind: 'medical',
      organisation: 'Passerelle',
      forCaseId: chosen[0] ?? null,
    },
  ]);
  await db.execute(sql`insert into movement_bookings (movement_id, case_id, status, booked_at)
    select ${movement.id}::uuid, id, 'booked', ${NOW}::timestamptz
    from unnest(${`{${chosen.join(',')}}`}::uuid[]) id`);
  await db.execute(sql`insert into movement_passengers (booking_id, movement_id, person_id, seat_required, boarding)
    select b.id, b.movement_id, m.person_id, p.birth_date is null or p.birth_date <= ${DEPARTURE}::date - interval '2 years', 'pending'
    from movement_bookings b
    join resettlement_members m on m.case_id = b.case_id and m.left_on is null
    join persons p on p.id = m.person_id
    where b.movement_id = ${movement.id}`);
  const passengers = (await db.execute(sql`select mp.person_id as "personId", b.case_id as "caseId"
      from movement_passengers mp join movement_bookings b on b.id = mp.booking_id
      where mp.movement_id = ${movement.id} order by mp.person_id`)) as unknown as {
    rows: { personId: string; caseId: string }[];
  };
  // Sealed papers: a passport each, an exit permit and a visa each, a health assessment each (some with
  // travel conditions).
  const docs = passengers.rows.map((p, n) => {
    const number = `N${String(1_000_000 + n * 7919).slice(-7)}`;
    return { ...p, n, passport: number, visa: `FRA${String(500_000 + n * 104_729).slice(-8)}` };
  });
  const created = new Date(NOW);
  await db.insert(identityDocuments).values(
    docs.map((d) => ({
      personId: d.personId,
      type: 'passport',
      numberSealed: cipher.encrypt(d.passport),
      numberTail: d.passport.slice(-3),
      numberIndex: cipher.blindIndex(d.passport),
      issuingCountry: 'SY',
      expiryDate: '2020-12-31',
      createdAt: created,
    })),
  );
  await db.insert(clearances).values(
    docs.flatMap((d) => [
      {
        caseId: d.caseId,
        personId: d.personId,
        kind: 'exit_permit' as const,
        numberSealed: cipher.encrypt(`EX${d.n}`),
        numberTail: String(d.n).slice(-3),
        issuingCountry: 'LB',
        validFrom: '2016-02-01',
        validUntil: '2016-05-31',
        createdAt: created,
      },
      {
        caseId: d.caseId,
        personId: d.personId,
        kind: 'visa' as const,
        numberSealed: cipher.encrypt(d.visa),
        numberTail: d.visa.slice(-3),
        issuingCountry: 'FR',
        validFrom: '2016-03-01',
        validUntil: '2016-06-30',
        createdAt: created,
      },
    ]),
  );
  const conditions = [[], [], [], [], [], [], [], [], ['WCHR'], ['MEDICAL_ESCORT', 'OXYG']];
  await db.insert(healthAssessments).values(
    docs.map((d) => ({
      caseId: d.caseId,
      personId: d.personId,
      assessedOn: '2016-02-10',
      outcome: (d.n % 10 >= 8 ? 'fit_with_conditions' : 'fit') as 'fit' | 'fit_with_conditions',
      validUntil: '2016-05-10',
      travelConditions: conditions[d.n % 10] ?? [],
      findingsSealed: cipher.encrypt('findings'),
      assessedByName: 'Dr Bench',
      createdAt: created,
    })),
  );
  await db.execute(
    sql`analyze movement_bookings, movement_passengers, identity_documents, resettlement_clearances, resettlement_health_assessments`,
  );
  return { movementId: movement.id, households: chosen.length, passengers: passengers.rows.length };
}

async function oneSize(target: BenchTarget, n: number, runs: number): Promise<Record<string, unknown>> {
  const db = target.database.db;
  const tag = `S${n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`}`;
  const clock = fixedClock(NOW);
  const cipher = createFieldCipher(Buffer.alloc(32, 3));
  console.log(` households ${n} (${tag})`);
  const officeIds: string[] = [];
  for (const o of OFFICES) {
    const row = await identityRepository.insertOffice(db, {
      code: `${tag}-${o.code}`,
      name: `Bench ${o.code}`,
      country: o.country,
      city: o.code,
      kind: o.kind,
    });
    officeIds.push(row.id);
  }
  const [owner, ...partners] = officeIds as [string, ...string[]];
  const project = await insertProject(
    db,
    {
      code: `${tag}-SYR`,
      name: `Bench Syrian resettlement ${tag}`,
      summary: { fr: 'Réinstallation de réfugiés syriens', en: 'Resettlement of Syrian refugees' },
      kind: 'resettlement',
      donor: 'Bench donor',
      startDate: '2014-01-01',
      endDate: '2016-12-31',
      hostCountries: ['FR'],
      originCountries: ['LB', 'JO', 'TR'],
      owningOfficeId: owner,
    },
    partners,
  );
  const actorOf = async (who: string, memberships: { officeId: string; role: 'supervisor' }[]) => {
    const user = await identityRepository.insertUser(db, {
      email: `${who}-${tag.toLowerCase()}@bench.test`,
      displayName: `${who} ${tag}`,
      passwordHash: 'not-a-password',
    });
    await identityRepository.replaceMemberships(db, user.id, memberships);
    const ctx: ActorCtx = {
      db,
      clock,
      actor: { userId: user.id, email: user.email, displayName: user.displayName, memberships },
      requestId: null,
      ip: null,
      lang: 'en',
      reactions: wireReactions(),
    };
    return ctx;
  };
  const oneOffice = await actorOf('sup', [{ officeId: owner, role: 'supervisor' }]);
  const allOffices = await actorOf(
    'sup-all',
    officeIds.map((officeId) => ({ officeId, role: 'supervisor' as const })),
  );

  const loadStarted = performance.now();
  await loadHouseholds(db, n, tag, project.id, officeIds);
  const movement = await loadMovement(db, tag, project.id, officeIds, cipher);
  const loadSeconds = round((performance.now() - loadStarted) / 1000);
  const counts = (
    (await db.execute(sql`select
      (select count(*) from cases where project_id = ${project.id} and case_type = 'resettlement')::int as households,
      (select count(*) from resettlement_households rh join cases c on c.id = rh.case_id where c.project_id = ${project.id})::int as "referredHouseholds",
      (select count(*) from resettlement_members m join cases c on c.id = m.case_id where c.project_id = ${project.id})::int as members,
      (select count(*) from persons p where p.reference like ${`${tag}-P%`})::int as persons`)) as unknown as {
      rows: Record<string, number>[];
    }
  ).rows[0];
  console.log(
    `  loaded in ${loadSeconds} s: ${JSON.stringify(counts)}, movement ${JSON.stringify(movement)}`,
  );

  // (a) The funnel.
  const funnel = await resettlementFunnel(oneOffice, { projectId: project.id });
  const funnelAll = await resettlementFunnel(allOffices, { projectId: project.id });
  console.log(
    `  funnel (all offices): ${funnelAll.stages.map((s) => `${s.stage} ${s.reached}`).join(', ')}; exits ${JSON.stringify(funnelAll.exits)}`,
  );
  const funnelOneOffice = await time('(a) funnel, supervisor of one office', runs, () =>
    resettlementFunnel(oneOffice, { projectId: project.id }),
  );
  const funnelAllOffices = await time('(a) funnel, supervisor of the three offices', runs, () =>
    resettlementFunnel(allOffices, { projectId: project.id }),
  );

  // (b, c) The manifest.
  const row = await repo.findMovement(db, movement.movementId, [owner]);
  if (!row) throw new Error('movement not found');
  const read = (reveal: boolean) => manifestOf(db, cipher, row, { reveal, lang: 'en', now: clock.now() });
  const masked = await read(false);
  const revealed = await read(true);
  if (masked.passengers.length !== movement.passengers)
    throw new Error(`manifest has ${masked.passengers.length} passengers`);
  if (!revealed.passengers.every((p) => p.travelDocument.startsWith('passport N')))
    throw new Error('numbers not revealed');
  const manifestRead = await time('(b) manifest data read (manifestOf), masked numbers', runs, () =>
    read(false),
  );
  const pdfMasked = await time('(b) manifest read + PDF, masked numbers', runs, async () =>
    manifestToPdf(await read(false)),
  );
  const pdfRevealed = await time('(b) manifest read + PDF, revealed numbers', runs, async () =>
    manifestToPdf(await read(true)),
  );
  const printPdf = await time(
    '(b) printManifest PDF, revealed numbers (access, manifest, PDF, audit)',
    runs,
    () => printManifest(oneOffice, cipher, movement.movementId, 'pdf', 'full'),
  );
  const xlsxMasked = await time('(c) manifest read + XLSX, masked numbers', runs, async () =>
    manifestToXlsx(await read(false)),
  );
  const xlsxRevealed = await time('(c) manifest read + XLSX, revealed numbers', runs, async () =>
    manifestToXlsx(await read(true)),
  );
  const pdf = await manifestToPdf(revealed);
  const xlsx = await manifestToXlsx(revealed);
  return {
    households: n,
    ...counts,
    loadSeconds,
    funnelOneOffice: funnel.stages.map((s) => [s.stage, s.reached, s.persons]),
    funnelAllOffices: funnelAll.stages.map((s) => [s.stage, s.reached, s.persons]),
    exits: funnelAll.exits,
    movement: { households: movement.households, passengers: movement.passengers },
    pdfBytes: pdf.length,
    pdfPages: (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length,
    xlsxBytes: xlsx.length,
    a_funnelOneOffice: funnelOneOffice,
    a_funnelAllOffices: funnelAllOffices,
    b_manifestRead: manifestRead,
    b_readAndPdfMasked: pdfMasked,
    b_readAndPdfRevealed: pdfRevealed,
    b_printManifestPdfRevealed: printPdf,
    c_readAndXlsxMasked: xlsxMasked,
    c_readAndXlsxRevealed: xlsxRevealed,
  };
}

export async function resettlementScenario(target: BenchTarget): Promise<Record<string, unknown>> {
  const sizes = process.env.BENCH_RESETTLEMENT_HOUSEHOLDS
    ? process.env.BENCH_RESETTLEMENT_HOUSEHOLDS.split(',').map(Number)
    : DEFAULT_SIZES[target.kind];
  const runs = Number(process.env.BENCH_RESETTLEMENT_RUNS ?? 5);
  await measureServerCpu(target);
  const out: Record<string, unknown> = {
    how: 'the module called directly (no HTTP) with the ActorCtx of supervisors of one office and of the three offices',
    targets: { funnelMs: 500, manifestMs: 3000, passengers: PASSENGERS },
    today: TODAY,
    server: await serverSettings(target),
    loadAverageAtStart: loadAverage(),
  };
  for (const n of sizes) out[`households_${n}`] = await oneSize(target, n, runs);
  out.loadAverageAtEnd = loadAverage();
  return out;
}
