/**
 * Reporting scenario: donor reports over a large population. For each size (100k and 1M persons on
 * PostgreSQL; a small one on the embedded database), bulk SQL (generate_series, deterministic hashes: the
 * same data on every run) loads persons with realistic distributions (sex, birth dates with minors and
 * unaccompanied minors, nationalities, specific needs), one project's cases over 8 quarters (statuses up to
 * closed, departures, host and return countries, second cases of reopened or transferred persons),
 * reintegration plans, items, deliveries (budget lines, currencies, exchange rates), placements and their
 * follow-ups, referrals, capacity-building activities and campaigns. A results framework of 10 computed
 * indicators with 2 breakdowns each and 8 quarterly periods is made through the use cases; the first six
 * periods are closed (snapshots) through `closePeriod`.
 *
 * Measured by calling the use cases directly (no HTTP), as a project manager of the owning office:
 * (a) `buildReportFor` for the open period (the report of its 10 indicators x 2 breakdowns, and with 2
 * extra breakdowns asked), (b) the PDF, (c) the XLSX (render alone, and figures + render), (d) the dashboard
 * request (`buildReport`, what GET /api/projects/:id/report runs: access, report, audit), (e) closing a
 * period (`closePeriod`: every figure computed and signed in the closing transaction).
 *
 * The unsuppressed figures of every indicator (values per period, cumulative, every breakdown, snapshots)
 * are written to bench/results/reporting-figures-<engine>-<size>.json, so that a change of the queries can
 * be checked to give exactly the same figures (BENCH_REPORTING_COMPARE=<folder of an earlier run>).
 *
 * Settings: BENCH_REPORTING_SIZES=100000,1000000 (persons per size), BENCH_REPORTING_RUNS (timed runs per
 * measure, default 5).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import { identityRepository } from '../src/modules/identity';
import { insertProject } from '../src/modules/projects';
import { reportToPdf } from '../src/modules/reporting/export/pdf';
import { reportToXlsx } from '../src/modules/reporting/export/xlsx';
import { refreshFacts } from '../src/modules/reporting/facts-repository';
import { addIndicator, addNode } from '../src/modules/reporting/framework';
import { closePeriod, createPeriod } from '../src/modules/reporting/periods';
import { reportAccess } from '../src/modules/reporting/policy';
import {
  buildReport,
  buildReportFor,
  computeIndicators,
  seriesPeriods,
} from '../src/modules/reporting/report';
import * as reportingRepo from '../src/modules/reporting/repository';
import type { ActorCtx } from '../src/platform/actor';
import { fixedClock } from '../src/platform/clock';
import { createFieldCipher } from '../src/platform/field-crypto';
import { wireReactions } from '../src/server/reactions';
import type { BenchTarget } from './targets';
import {
  cpuMs,
  loadAverage,
  loadStep,
  measureServerCpu,
  round,
  serverSettings,
  summary,
  time,
} from './timing';

const DEFAULT_SIZES = { pglite: [20_000], postgres: [100_000, 1_000_000] } as const;
const TODAY = '2025-11-14';
/** The day the bench's clock reads: the open period is Q4 2025. */
const NOW = `${TODAY}T12:00:00.000Z`;
/** Cases are opened from 2024-01-01 over this many days (up to the day before TODAY). */
const CASE_DAYS = 683;

const QUARTERS = [
  ['Q1 2024', '2024-01-01', '2024-03-31'],
  ['Q2 2024', '2024-04-01', '2024-06-30'],
  ['Q3 2024', '2024-07-01', '2024-09-30'],
  ['Q4 2024', '2024-10-01', '2024-12-31'],
  ['Q1 2025', '2025-01-01', '2025-03-31'],
  ['Q2 2025', '2025-04-01', '2025-06-30'],
  ['Q3 2025', '2025-07-01', '2025-09-30'],
  ['Q4 2025', '2025-10-01', '2025-12-31'],
] as const;
const CLOSED_QUARTERS = 6;
/** Cases changed before each run of the measure of a report after changes. */
const CHANGED_CASES = 1_000;

/** The framework: 10 computed indicators, 2 breakdowns each. */
const INDICATORS: { code: string; definition: string; unit: string; breakdowns: string[]; target: number }[] =
  [
    {
      code: 'OC1.1',
      definition: 'persons_assisted',
      unit: 'persons',
      breakdowns: ['sex*age_band', 'nationality'],
      target: 900_000,
    },
    {
      code: 'OC1.2',
      definition: 'persons_returned',
      unit: 'persons',
      breakdowns: ['sex*age_band', 'return_country'],
      target: 500_000,
    },
    {
      code: 'OC1.3',
      definition: 'persons_plan_approved',
      unit: 'persons',
      breakdowns: ['sex', 'vulnerability'],
      target: 250_000,
    },
    {
      code: 'OC1.4',
      definition: 'persons_assistance_delivered',
      unit: 'persons',
      breakdowns: ['assistance_type', 'sex*age_band'],
      target: 200_000,
    },
    {
      code: 'OC2.1',
      definition: 'persons_placed',
      unit: 'persons',
      breakdowns: ['sex*age_band', 'office'],
      target: 50_000,
    },
    {
      code: 'OC2.2',
      definition: 'persons_retained_3m',
      unit: 'persons',
      breakdowns: ['sex', 'nationality'],
      target: 30_000,
    },
    {
      code: 'OC2.3',
      definition: 'persons_retained_6m',
      unit: 'persons',
      breakdowns: ['sex', 'age_band'],
      target: 20_000,
    },
    {
      code: 'OP1.1',
      definition: 'persons_referral_accepted',
      unit: 'persons',
      breakdowns: ['sex*age_band', 'vulnerability'],
      target: 40_000,
    },
    {
      code: 'OP1.2',
      definition: 'budget_spent',
      unit: 'eur',
      breakdowns: ['budget_line', 'assistance_type'],
      target: 50_000_000,
    },
    {
      code: 'OP2.1',
      definition: 'people_trained',
      unit: 'count',
      breakdowns: ['sex', 'office'],
      target: 2_000,
    },
  ];
/** What a reader adds on screen in (a2): the common disaggregations, where an indicator supports them. */
const EXTRA_BREAKDOWNS = ['sex*age_band', 'nationality'];

const OFFICES = [
  { code: 'PAR', country: 'FR', kind: 'host' },
  { code: 'LYO', country: 'FR', kind: 'host' },
  { code: 'BRU', country: 'BE', kind: 'host' },
  { code: 'TIR', country: 'AL', kind: 'origin' },
  { code: 'RAB', country: 'MA', kind: 'origin' },
  { code: 'KYI', country: 'UA', kind: 'origin' },
] as const;

/** A deterministic number in [0, mod) from a salt and a row number (`v`, an SQL expression). */
const h = (salt: string, mod: number, v = 'i') =>
  `((hashtext('${salt}:' || (${v})::text) & 2147483647) % ${mod})`;

/** The nationalities of person number `v` (weights of an AVRR caseload; 1% unknown, 3% dual). */
const nationalitiesOf = (v: string) => `(case
    when ${h('n', 1000, v)} < 10 then array[]::text[]
    else array_remove(array[
      (array['AL','AL','AL','AL','AL','MA','MA','MA','UA','UA','UA','IQ','IQ','GE','GE','AF','AF','NG','TN','DZ','SY','SN'])[1 + ${h('n1', 22, v)}],
      case when ${h('n2', 100, v)} < 3 then 'XK' end], null) end)`;

async function loadPopulation(db: Db, n: number, tag: string, projectId: string, officeIds: string[]) {
  const offs = `array[${officeIds.map((o) => `'${o}'::uuid`).join(',')}]`;
  const exec = (text: string) => db.execute(sql.raw(text));
  const step = loadStep(exec);
  // Person number i has its first case numbered i, opened `cday` seconds after 2024-01-01; every 20th person
  // has a second case (numbered i + 1: reopened or transferred) and every 20th+1 none in this project.
  const cday = (v: string) =>
    `(timestamptz '2024-01-01 00:00:00+00' + ${h('c', CASE_DAYS * 86400, v)} * interval '1 second')`;
  // Office: 45% Paris, 25% Lyon, 15% Brussels, 5% each origin office.
  const officeIndex = (v: string) =>
    `(case when ${h('o', 1000, v)} < 450 then 1 when ${h('o', 1000, v)} < 700 then 2 when ${h('o', 1000, v)} < 850 then 3 else 4 + ${h('o', 1000, v)} % 3 end)`;
  await step(
    'persons',
    `insert into persons (id, reference, owning_office_id, given_name, family_name, search_text, sex, birth_date,
       birth_date_precision, nationalities, specific_needs, created_at, updated_at)
     select md5('${tag}p' || i)::uuid, '${tag}-P' || i, (${offs})[${officeIndex('i')}],
       'G' || (i % 997), 'F' || i, 'g' || (i % 997) || ' f' || i,
       case when s < 470 then 'female' when s < 985 then 'male' when s < 993 then 'other' else 'unknown' end,
       case when a < 15 then null
            -- minors at their first case (5 to 17 years), some a few days either side of 18
            when a < 190 then (${cday('i')})::date - (1826 + ${h('am', 4748)})
            when a < 200 then (${cday('i')})::date - (6574 + ${h('ab', 21)} - 10)
            else (${cday('i')})::date - (6600 + ${h('ad', 18000)}) end,
       'exact',
       ${nationalitiesOf('i')},
       array_remove(array[
         case when a >= 15 and a < 190 and ${h('uc', 100)} < 35 then 'SC-UC' end,
         case when a >= 200 and ${h('uc', 1000)} < 3 then 'SC-UC' end,
         case when ${h('v1', 1000)} < 60 then 'SM-MI' end,
         case when ${h('v2', 1000)} < 50 then 'SM-CI' end,
         case when ${h('v3', 1000)} < 20 then 'DS-PM' end,
         case when s < 470 and ${h('v4', 1000)} < 80 then 'WR-WR' end,
         case when ${h('v5', 1000)} < 10 then 'TR-PI' end,
         case when ${h('v6', 1000)} < 30 then 'SV-VA' end,
         case when ${h('v7', 1000)} < 50 then 'LP-ND' end], null),
       ${cday('i')}, ${cday('i')}
     from (select i, ${h('s', 1000)} as s, ${h('a', 1000)} as a from generate_series(1, ${n}) i) g`,
  );
  await step(
    'cases',
    `insert into cases (id, reference, person_id, case_type, sensitive, project_id, owning_office_id, status,
       status_before_closure, closure_reason, host_country, return_country, departure_date, created_at, updated_at)
     select md5('${tag}c' || i)::uuid, '${tag}-C' || i, md5('${tag}p' || pi)::uuid,
       case when tr then 'avrr_vot' else 'avrr' end, tr, '${projectId}', (${offs})[oi],
       status, sbc, case when status = 'closed' then 'completed' end,
       case when ${h('hc', 100)} < 2 then null when oi = 3 then 'BE' else 'FR' end,
       case when stage >= 3 then (case when ${h('rc', 100)} < 5 then 'XK' else coalesce(nat[1], 'AL') end) end,
       case when departed and ${h('nd', 1000)} >= 10 then dep end,
       created_at, created_at
     from (
       select *,
         case when stage_raw between 5 and 10 and dep > date '${TODAY}' then 4 else stage_raw end as stage
       from (
         select i, pi, nat, tr, created_at,
           case when second and ${h('tf', 2)} = 0 then 1 + (oi0 % 6) else oi0 end as oi,
           created_at::date + 20 + ${h('dep', 130)} as dep,
           case when st < 80 then 0 when st < 150 then 1 when st < 200 then 2 when st < 240 then 3
                when st < 270 then 4 when st < 330 then 5 when st < 390 then 6 when st < 450 then 7
                when st < 560 then 8 when st < 650 then 9 when st < 800 then 10 else 11 end as stage_raw
         from (
           select i, pi, second, ${h('st', 1000)} as st, ${officeIndex('pi')} as oi0, ${nationalitiesOf('pi')} as nat,
             ${h('v5', 1000, 'pi')} < 10 as tr,
             least(${cday('pi')} + case when second then (30 + ${h('c2', 170)}) * interval '1 day' else interval '0' end,
                   timestamptz '${TODAY} 06:00:00+00') as created_at
           from (select i, case when i % 20 = 0 then i - 1 else i end as pi, i % 20 = 0 as second
                 from generate_series(1, ${n}) i) g
         ) g2
       ) g3
     ) g4
     cross join lateral (
       select
         (array['intake','counselling','eligibility','travel_preparation','ready_to_travel','departed','arrived',
                'reintegration_planning','reintegration_assistance','monitoring','closed','withdrawn'])[1 + stage] as status,
         case when stage = 10 then (case when ${h('cb', 10)} < 8 then 'monitoring' when ${h('cb', 10)} < 9 then 'reintegration_assistance' else 'counselling' end)
              when stage = 11 then (array['intake','counselling','eligibility','travel_preparation'])[1 + ${h('wb', 4)}] end as sbc
     ) s
     cross join lateral (
       select (stage between 5 and 9 or (stage = 10 and sbc <> 'counselling')) as departed
     ) d`,
  );
  // Reintegration plans: a share approved (the latest decision some days after the departure).
  await step(
    'plans',
    `insert into reintegration_plans (id, case_id, status, approved_version, decided_by_name, decided_at, created_at, updated_at)
     select md5('${tag}pl' || c.reference)::uuid, c.id, st, case when st = 'approved' then 1 + (case when ${h('pv', 10, 'c.reference')} = 0 then 1 else 0 end) end,
       case when st = 'approved' then 'bench' end, case when st = 'approved' then decided end, c.departure_date::timestamptz, decided
     from cases c
     cross join lateral (select c.departure_date + 15 + ${h('pd', 60, 'c.reference')} + ${h('ph', 24, 'c.reference')} * interval '1 hour' as decided0) x
     cross join lateral (select least(decided0, timestamptz '${TODAY} 06:00:00+00') as decided) y
     cross join lateral (select case
         when decided0 > timestamptz '${TODAY} 06:00:00+00' then 'submitted'
         when c.status = 'reintegration_planning' then (array['draft','draft','draft','draft','submitted','submitted','submitted','approved','approved','approved'])[1 + ${h('ps', 10, 'c.reference')}]
         else 'approved' end as st) z
     where c.project_id = '${projectId}' and c.departure_date is not null
       and (c.status in ('reintegration_planning','reintegration_assistance','monitoring')
            or (c.status = 'closed' and c.status_before_closure in ('reintegration_assistance','monitoring')))`,
  );
  await step(
    'budget lines and rates',
    `insert into budget_lines (project_id, code, label, currency, amount_minor) values
       ('${projectId}', 'ECO', 'Economic reintegration', 'EUR', 4000000000),
       ('${projectId}', 'SOC', 'Social reintegration', 'EUR', 1500000000),
       ('${projectId}', 'PSY', 'Psychosocial support', 'EUR', 800000000),
       ('${projectId}', 'ECO-ALL', 'Economic reintegration (Albania)', 'ALL', 90000000000),
       ('${projectId}', 'ECO-MAD', 'Economic reintegration (Morocco)', 'MAD', 9000000000),
       ('${projectId}', 'ECO-UAH', 'Economic reintegration (Ukraine)', 'UAH', 30000000000)`,
    `insert into exchange_rates (currency, rate_date, eur_per_unit)
     select cur, d::date, base * (1 + ((extract(month from d)::int % 5) - 2) / 100.0)
     from (values ('ALL', 0.0095), ('MAD', 0.092), ('UAH', 0.024)) r(cur, base),
       generate_series(date '2023-12-01', date '${TODAY}', interval '1 month') d
     on conflict do nothing`,
  );
  await step(
    'plan items',
    `insert into plan_items (id, plan_id, dimension, service_type, provider_kind, delivery_mode, planned_minor, currency, budget_line_id, created_at)
     select md5(rp.id::text || k)::uuid, rp.id, dim, 'service', case when ${h('pk', 2, 'rp.id::text || k')} = 0 then 'in_house' else 'partner' end,
       (array['cash','cash','cash','in_kind','in_kind','in_kind','in_kind','voucher','voucher','referral'])[1 + ${h('im', 10, 'rp.id::text || k')}],
       (50000 + ${h('ia', 200, 'rp.id::text || k')} * 1000) * case when cur = 'EUR' then 1 when cur = 'ALL' then 100 when cur = 'MAD' then 10 when cur = 'UAH' then 40 else 600 end,
       cur,
       case when ${h('ib', 100, 'rp.id::text || k')} < 5 then null else
         (select bl.id from budget_lines bl where bl.project_id = '${projectId}'
            and bl.code = case when dim = 'economic' and cur in ('ALL','MAD','UAH') then 'ECO-' || cur
                               when dim = 'economic' then 'ECO' when dim = 'social' then 'SOC' else 'PSY' end) end,
       rp.created_at
     from reintegration_plans rp join cases c on c.id = rp.case_id
     cross join generate_series(1, 1 + ${h('ik', 3, 'rp.id::text')}) k
     cross join lateral (select
       (array['economic','economic','economic','economic','economic','economic','social','social','social','psychosocial'])[1 + ${h('id', 10, 'rp.id::text || k')}] as dim,
       case when ${h('ix', 1000, 'rp.id::text || k')} < 10 then 'XOF'
            when ${h('ic', 2, 'rp.id::text || k')} = 0 then 'EUR'
            when c.return_country = 'AL' then 'ALL' when c.return_country = 'MA' then 'MAD'
            when c.return_country = 'UA' then 'UAH' else 'EUR' end as cur) x
     where c.project_id = '${projectId}'`,
  );
  await step(
    'deliveries',
    `insert into deliveries (plan_item_id, case_id, amount_minor, currency, delivered_on, recorded_by_name, created_at)
     select i.id, c.id, i.planned_minor / cnt, i.currency, d, 'bench', d::timestamptz
     from plan_items i join reintegration_plans rp on rp.id = i.plan_id join cases c on c.id = rp.case_id
     cross join lateral (select 1 + case when ${h('dc', 10, 'i.id::text')} < 3 then 1 else 0 end as cnt) n
     cross join lateral generate_series(1, cnt) k
     cross join lateral (select case when ${h('dp', 100, 'i.id::text || k')} < 3 then c.departure_date - 2
       else rp.decided_at::date + 10 + ${h('dd', 150, 'i.id::text || k')} end as d) x
     where c.project_id = '${projectId}' and rp.status = 'approved'
       and (c.status in ('reintegration_assistance','monitoring') or c.status = 'closed')
       and d <= date '${TODAY}'`,
  );
  await step(
    'employers, openings, placements, follow-ups',
    `insert into employers (id, office_id, name, sector, country, location, created_at, updated_at)
     select md5('${tag}e' || e)::uuid, (${offs})[4 + e % 3], 'Employer ' || e, 'sector', 'AL', 'city', now(), now()
     from generate_series(1, 200) e`,
    `insert into job_openings (id, employer_id, office_id, title, sector, country, location, posts, status, opened_on, created_at, updated_at)
     select md5('${tag}j' || j)::uuid, md5('${tag}e' || (1 + j % 200))::uuid, (${offs})[4 + (1 + j % 200) % 3], 'Job ' || j,
       'sector', 'AL', 'city', 10, 'open', date '2024-01-01', now(), now()
     from generate_series(1, 600) j`,
    `insert into placements (id, person_id, case_id, opening_id, office_id, start_date, outcome, recorded_by_name, created_at)
     select md5(c.id::text || 'pl' || k)::uuid, c.person_id, c.id, md5('${tag}j' || (1 + ${h('po', 600, 'c.id::text || k')}))::uuid, c.owning_office_id, sd,
       (array['employed','employed','employed','employed','employed','employed','employed','ended','ended','did_not_start'])[1 + ${h('pu', 10, 'c.id::text || k')}],
       'bench', sd::timestamptz
     from cases c
     cross join generate_series(1, 1 + case when ${h('pn', 20, 'c.id::text')} = 0 then 1 else 0 end) k
     cross join lateral (select c.departure_date + 60 + ${h('ps', 200, 'c.id::text || k')} + (k - 1) * 120 as sd) x
     where c.project_id = '${projectId}' and c.departure_date is not null
       and (c.status = 'monitoring' or (c.status = 'closed' and c.status_before_closure = 'monitoring'))
       and ${h('pp', 1000, 'c.id::text')} < 250 and sd <= date '${TODAY}'`,
    `insert into placement_follow_ups (placement_id, month, still_employed, checked_on, recorded_by_name, created_at)
     select p.id, m, ${h('fs', 100, 'p.id::text || m')} < (case when m = 3 then 78 else 70 end), p.start_date + m * 30, 'bench', now()
     from placements p join cases c on c.id = p.case_id cross join (values (3), (6)) ms(m)
     where c.project_id = '${projectId}' and p.outcome <> 'did_not_start' and p.start_date + m * 30 <= date '${TODAY}'`,
  );
  await step(
    'referrals',
    `insert into referrals (reference, kind, status, case_id, from_office_id, to_office_id, partner_name, sections, summary,
       requested_by_name, requested_at, due_on, responded_by_name, responded_at, revoked_at, follow_up_months)
     select '${tag}-R' || c.reference, kind, st, c.id, c.owning_office_id,
       case when kind = 'transfer' or ${h('rp', 10, 'c.id::text')} < 7 then (${offs})[1 + (${h('ro', 5, 'c.id::text')} + array_position(${offs}, c.owning_office_id)) % 6] end,
       case when not (kind = 'transfer' or ${h('rp', 10, 'c.id::text')} < 7) then 'Partner ' || ${h('rn', 20, 'c.id::text')} end,
       array['identity','needs_summary'], 'Bench referral', 'bench', req, req + interval '14 days',
       case when st <> 'pending' then 'bench' end,
       case when st <> 'pending' then least(req + (1 + ${h('rr', 20, 'c.id::text')}) * interval '1 day' + ${h('rh', 24, 'c.id::text')} * interval '1 hour', timestamptz '${TODAY} 06:00:00+00') end,
       case when st = 'revoked' then timestamptz '${TODAY} 06:00:00+00' end, 6
     from cases c
     cross join lateral (select c.created_at + (5 + ${h('rq', 100, 'c.id::text')}) * interval '1 day' as req,
       case when ${h('rk', 100, 'c.id::text')} < 85 then 'referral' else 'transfer' end as kind,
       (array['accepted','accepted','accepted','accepted','accepted','accepted','declined','declined','pending','revoked'])[1 + ${h('rs', 10, 'c.id::text')}] as st) x
     where c.project_id = '${projectId}' and ${h('rf', 1000, 'c.id::text')} < 80 and req < timestamptz '${TODAY} 06:00:00+00'`,
  );
  const activities = Math.max(40, Math.round(n / 5000));
  await step(
    'activities and campaigns',
    `insert into capacity_activities (id, office_id, project_id, kind, title, topic, start_date, end_date, place, country, created_at, updated_at)
     select md5('${tag}a' || a)::uuid, (${offs})[1 + a % 6], '${projectId}', (array['training','workshop','study_visit','conference'])[1 + a % 4],
       'Activity ' || a, 'topic', date '2024-01-01' + (a * ${CASE_DAYS}) / ${activities}, date '2024-01-02' + (a * ${CASE_DAYS}) / ${activities}, 'place', 'FR', now(), now()
     from generate_series(1, ${activities}) a`,
    `insert into activity_participants (activity_id, institution, country, sex, role, count)
     select md5('${tag}a' || a)::uuid, 'Institution ' || k, 'FR', (array['female','male','female','male','other'])[k], 'officer', 1 + (a * k) % 17
     from generate_series(1, ${activities}) a cross join generate_series(1, 5) k`,
    `insert into campaigns (office_id, project_id, title, channel, countries, languages, start_date, end_date, reach, created_at, updated_at)
     select (${offs})[4 + c % 3], '${projectId}', 'Campaign ' || c, 'radio', array['AL'], array['sq'],
       date '2024-01-01' + (c * 23) % ${CASE_DAYS}, date '2024-01-20' + (c * 23) % ${CASE_DAYS}, 1000 + c * 37, now(), now()
     from generate_series(1, 40) c`,
  );
  await step('vacuum analyze', 'vacuum analyze');
}

type Normalised = Record<string, unknown>;

/** The unsuppressed figures of every indicator, by indicator code and period label (ids differ per run). */
async function figuresOf(ctx: ActorCtx, projectId: string): Promise<Normalised> {
  const access = await reportAccess(ctx, projectId);
  const framework = await reportingRepo.frameworkOf(ctx.db, projectId);
  const period = framework.periods.find((p) => p.status === 'open' && p.endDate >= TODAY);
  if (!period) throw new Error('no open period');
  const series = seriesPeriods(framework.periods, period);
  const label = new Map(framework.periods.map((p) => [p.id, p.label]));
  const computed = await computeIndicators(ctx, access, framework.indicators, {
    periods: series,
    cumulativeTo: period.endDate,
    tablesOf: period.id,
    extraSpecs: EXTRA_BREAKDOWNS,
  });
  const live: Normalised = {};
  for (const indicator of framework.indicators) {
    const c = computed.get(indicator.id);
    if (!c) continue;
    live[indicator.code] = {
      values: Object.fromEntries(Object.entries(c.values).map(([id, v]) => [label.get(id), v])),
      cumulative: c.cumulative,
      tables: c.tables,
    };
  }
  const snapshots: Normalised = {};
  for (const s of await reportingRepo.snapshotsOf(
    ctx.db,
    framework.periods.map((p) => p.id),
  )) {
    const byCode: Normalised = {};
    for (const f of Object.values(s.figures.indicators)) byCode[f.code] = { ...f };
    snapshots[label.get(s.periodId) ?? s.periodId] = byCode;
  }
  return { live, snapshots };
}

function digest(value: unknown): string {
  return createHash('sha256')
    .update(canonicalize(value) ?? '')
    .digest('hex');
}

/**
 * The same figures: the same keys, equal counts, and sums of euros equal to the cent (they are rounded to
 * the cent; an earlier run may hold the unrounded sum, whose last bits depend on the order rows are added in).
 */
function figuresMatch(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= 0.005 + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) =>
      figuresMatch((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    );
  }
  return a === b;
}

async function oneSize(target: BenchTarget, n: number, runs: number): Promise<Record<string, unknown>> {
  const db = target.database.db;
  const tag = `R${n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`}`;
  const clock = fixedClock(NOW);
  const cipher = createFieldCipher(Buffer.alloc(32, 3));
  console.log(` population ${n} (${tag})`);
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
      code: `${tag}-AVRR`,
      name: `Bench AVRR ${tag}`,
      summary: {
        fr: 'Retour volontaire et réintégration',
        en: 'Assisted voluntary return and reintegration',
      },
      kind: 'avrr_vot',
      donor: 'Bench donor',
      startDate: '2024-01-01',
      endDate: '2025-12-31',
      hostCountries: ['FR', 'BE'],
      originCountries: ['AL', 'MA', 'UA'],
      owningOfficeId: owner,
    },
    partners,
  );
  const user = await identityRepository.insertUser(db, {
    email: `pm-${tag.toLowerCase()}@bench.test`,
    displayName: `PM ${tag}`,
    passwordHash: 'not-a-password',
  });
  await identityRepository.replaceMemberships(db, user.id, [{ officeId: owner, role: 'project_manager' }]);
  const ctx: ActorCtx = {
    db,
    clock,
    actor: {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      memberships: [{ officeId: owner, role: 'project_manager' }],
    },
    requestId: null,
    ip: null,
    lang: 'en',
    reactions: wireReactions(),
  };

  const loadStarted = performance.now();
  await loadPopulation(db, n, tag, project.id, officeIds);
  const loadSeconds = round((performance.now() - loadStarted) / 1000);
  const counts = (
    (await db.execute(sql`select
      (select count(*) from cases where project_id = ${project.id})::int as cases,
      (select count(distinct person_id) from cases where project_id = ${project.id})::int as "personsWithCase",
      (select count(*) from reintegration_plans rp join cases c on c.id = rp.case_id where c.project_id = ${project.id})::int as plans,
      (select count(*) from plan_items i join reintegration_plans rp on rp.id = i.plan_id join cases c on c.id = rp.case_id where c.project_id = ${project.id})::int as "planItems",
      (select count(*) from deliveries d join cases c on c.id = d.case_id where c.project_id = ${project.id})::int as deliveries,
      (select count(*) from placements p join cases c on c.id = p.case_id where c.project_id = ${project.id})::int as placements,
      (select count(*) from referrals r join cases c on c.id = r.case_id where c.project_id = ${project.id})::int as referrals`)) as unknown as {
      rows: Record<string, number>[];
    }
  ).rows[0];
  console.log(`  loaded in ${loadSeconds} s: ${JSON.stringify(counts)}`);
  // (f) The reporting facts built in full (what the first report of a project does, and a bulk import).
  const factsStarted = performance.now();
  const built = await refreshFacts(db, project.id, clock.now());
  const factsBuild = { kind: built.kind, ms: round(performance.now() - factsStarted) };
  console.log(`  (f) facts built in ${factsBuild.ms} ms`);
  // What autovacuum does after a bulk insert (the visibility map lets the totals read the index alone).
  await db.execute(sql`vacuum analyze report_person_facts, report_delivery_facts, report_changes`);

  // The results framework and its periods, through the use cases.
  const outcome = await addNode(ctx, project.id, {
    kind: 'outcome',
    parentId: null,
    code: 'OC',
    title: { fr: 'Retour et réintégration', en: 'Return and reintegration' },
  });
  for (const ind of INDICATORS)
    await addIndicator(ctx, project.id, {
      nodeId: outcome.id,
      code: ind.code,
      title: { fr: ind.definition, en: ind.definition },
      unit: ind.unit as 'persons',
      kind: 'computed',
      definition: { id: ind.definition, version: 1 },
      baseline: 0,
      target: ind.target,
      meansOfVerification: { fr: '', en: '' },
      breakdowns: ind.breakdowns,
    });
  const periods = [];
  for (const [label, startDate, endDate] of QUARTERS)
    periods.push(await createPeriod(ctx, project.id, { kind: 'quarterly', label, startDate, endDate }));

  // (e) Closing a period: the first six quarters, one after the other.
  const closeSamples: number[] = [];
  const closeCpu: number[] = [];
  for (const p of periods.slice(0, CLOSED_QUARTERS)) {
    const cpuStarted = cpuMs();
    const started = performance.now();
    await closePeriod(ctx, cipher, p.id, { version: p.version });
    closeSamples.push(performance.now() - started);
    closeCpu.push(cpuMs() - cpuStarted);
  }
  const closePeriodTiming = summary(closeSamples, closeCpu);
  console.log(
    `  (e) closePeriod: p50 ${closePeriodTiming.p50Ms} ms, p95 ${closePeriodTiming.p95Ms} ms (${closePeriodTiming.samplesMs.join(', ')})`,
  );

  const access = await reportAccess(ctx, project.id);
  const options = { breakdowns: [] as string[], shared: false };
  const report = await buildReportFor(ctx, cipher, access, options);
  // Figures computed from the facts (none kept from an earlier run), read back for an unchanged project, and
  // computed again after a batch of changes (the facts of the persons changed refreshed first).
  const forget = () => db.execute(sql`delete from report_figure_cache where project_id = ${project.id}`);
  let batch = 0;
  const change = (cases: number) => async () => {
    batch += 1;
    await db.execute(sql`update cases set departure_date = (date '2025-10-01' + ${batch % 40}::int),
        status = 'departed'
      where id in (select id from cases where project_id = ${project.id}
        order by hashtext(id::text || ${String(batch)}) limit ${cases})`);
  };
  const reportFigures = await time(
    '(a) buildReportFor, 10 indicators x 2 breakdowns, computed from the facts',
    runs,
    () => buildReportFor(ctx, cipher, access, options),
    forget,
  );
  // The unsuppressed figures, before the measures that change data.
  const figures = await figuresOf(ctx, project.id);
  const reportKept = await time('(a) the same, figures kept for the unchanged data', runs, () =>
    buildReportFor(ctx, cipher, access, options),
  );
  const reportChanged = await time(
    `(a) the same after ${CHANGED_CASES} cases changed (facts refreshed, figures computed)`,
    runs,
    () => buildReportFor(ctx, cipher, access, options),
    change(CHANGED_CASES),
  );
  const reportExtra = await time(
    '(a2) buildReportFor with 2 extra breakdowns asked, computed from the facts',
    runs,
    () => buildReportFor(ctx, cipher, access, { ...options, breakdowns: EXTRA_BREAKDOWNS }),
    forget,
  );
  const pdfRender = await time('(b) reportToPdf alone', runs, () => reportToPdf(report));
  const pdfTotal = await time(
    '(b) figures computed from the facts + PDF',
    runs,
    async () => reportToPdf(await buildReportFor(ctx, cipher, access, options)),
    forget,
  );
  const xlsxRender = await time('(c) reportToXlsx alone', runs, () => reportToXlsx(report));
  const xlsxTotal = await time(
    '(c) figures computed from the facts + XLSX',
    runs,
    async () => reportToXlsx(await buildReportFor(ctx, cipher, access, options)),
    forget,
  );
  const dashboardRequest = () => buildReport(ctx, cipher, project.id, { breakdowns: [], shared: false });
  const dashboard = await time(
    '(d) dashboard: buildReport (access, report, audit), data unchanged since the last view',
    runs,
    dashboardRequest,
  );
  const dashboardChanged = await time(
    '(d) dashboard after one case changed (facts refreshed, figures computed)',
    runs,
    dashboardRequest,
    change(1),
  );
  const dashboardCold = await time(
    '(d) dashboard, figures computed from the facts',
    runs,
    dashboardRequest,
    forget,
  );
  const pdf = await reportToPdf(report);
  const xlsx = await reportToXlsx(report);

  const figuresFile = path.resolve(`bench/results/reporting-figures-${target.kind}-${tag}.json`);
  fs.mkdirSync(path.dirname(figuresFile), { recursive: true });
  fs.writeFileSync(figuresFile, `${JSON.stringify(figures, null, 1)}\n`);
  let sameFiguresAs: string | null = null;
  let sameFigures: boolean | null = null;
  const compare = process.env.BENCH_REPORTING_COMPARE;
  if (compare) {
    const earlier = path.join(compare, path.basename(figuresFile));
    if (fs.existsSync(earlier)) {
      sameFiguresAs = earlier;
      sameFigures = figuresMatch(JSON.parse(fs.readFileSync(earlier, 'utf8')), figures);
      console.log(`  figures ${sameFigures ? 'IDENTICAL to' : 'DIFFER from'} ${earlier}`);
    }
  }
  return {
    persons: n,
    ...counts,
    indicators: INDICATORS.length,
    breakdownsPerIndicator: 2,
    periods: QUARTERS.length,
    closedPeriods: CLOSED_QUARTERS,
    loadSeconds,
    reportIndicatorsWithValues: report.indicators.filter((i) => (i.value ?? 0) > 0).length,
    figuresDigest: digest(figures),
    figuresFile: path.relative(process.cwd(), figuresFile),
    sameFigures,
    sameFiguresAs,
    pdfBytes: pdf.length,
    xlsxBytes: xlsx.length,
    f_factsBuild: factsBuild,
    a_reportFigures: reportFigures,
    a_reportFiguresKept: reportKept,
    a_reportAfterChanges: { changedCases: CHANGED_CASES, ...reportChanged },
    a2_reportWithExtraBreakdowns: reportExtra,
    b_pdfRender: pdfRender,
    b_figuresAndPdf: pdfTotal,
    c_xlsxRender: xlsxRender,
    c_figuresAndXlsx: xlsxTotal,
    d_dashboard: dashboard,
    d_dashboardAfterOneChange: dashboardChanged,
    d_dashboardComputed: dashboardCold,
    e_closePeriod: closePeriodTiming,
  };
}

export async function reportingScenario(target: BenchTarget): Promise<Record<string, unknown>> {
  const sizes = process.env.BENCH_REPORTING_SIZES
    ? process.env.BENCH_REPORTING_SIZES.split(',').map(Number)
    : DEFAULT_SIZES[target.kind];
  const runs = Number(process.env.BENCH_REPORTING_RUNS ?? 5);
  await measureServerCpu(target);
  const out: Record<string, unknown> = {
    how: 'use cases called directly (no HTTP) with the ActorCtx of a project manager of the owning office',
    today: TODAY,
    server: await serverSettings(target),
    loadAverageAtStart: loadAverage(),
  };
  for (const n of sizes) out[`persons_${n}`] = await oneSize(target, n, runs);
  out.loadAverageAtEnd = loadAverage();
  return out;
}
