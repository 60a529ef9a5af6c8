/**
 * The catalogue of computed indicators: named, versioned definitions that say exactly what they count. A
 * definition's `units` query yields one row per counted unit (a person, a delivery, an activity's
 * participants...) with the date that places it in a period (`d`), the value it adds (`w`, for sums) and a
 * column per breakdown it supports. The aggregation (figures-repository.ts) counts or sums them per period
 * and breakdown; for speed it reads the same units in two parts (`query`: the base rows, then the breakdown
 * columns of the reported period's units only), which give the same figures. A definition never changes
 * once published: a new meaning is a new version, and an
 * indicator keeps the version it was defined with.
 *
 * Person definitions count each person once per project, in the period of their FIRST qualifying event among
 * the cases the reader's offices hold: a person whose case was reopened, transferred to another office (a
 * new case there) or merged with a duplicate record (cases follow the surviving record) is not counted twice,
 * and the periods of a project add up to its cumulative figure (except for assistance delivered, which counts a
 * person in every period they received something). Dates are calendar days in UTC.
 */
import { type SQL, sql } from 'drizzle-orm';
import { inScope, type OfficeScope } from '../../platform/actor';
import { CURRENCIES } from '../../platform/money';
import type { Breakdown, Definition } from './contract';

export type UnitParams = {
  projectId: string;
  scope: OfficeScope;
  /** The scope covers every office holding the project's facts: a person's first row in the project is theirs. */
  factsCovered?: boolean;
  /**
   * The units of these persons only (SQL selecting person ids): their contribution to a figure, for the
   * definitions read from facts (figures are sums over persons, facts-repository.ts brings kept figures up to date so).
   */
  persons?: SQL;
};

/** The facts `f` of the persons `p.persons` only, when given. */
const onlyPersons = (p: UnitParams) => (p.persons ? sql`and f.person_id in (${p.persons})` : sql``);

/** The tables a breakdown column reads beside the unit row `u` (joined in this order when needed). */
const JOINS = {
  person: sql`join persons p on p.id = u.unit`,
  office: sql`join offices o on o.id = u._office`,
  item: sql`join plan_items i on i.id = u._item`,
  budgetLine: sql`left join budget_lines bl on bl.id = i.budget_line_id`,
  factBudgetLine: sql`left join budget_lines bl on bl.id = u._budget_line`,
} as const;
type JoinName = keyof typeof JOINS;
type Dimension = { column: SQL; joins: JoinName[] };

/**
 * A definition's units in two parts, so that the aggregation reads only what it reports: `base` gives one
 * row per counted unit event (`unit`, its date `d`, its value `w`) with the columns, named `_*`, from which
 * the breakdowns are read; `dims` says how each breakdown column is read from such a row `u` (and what it
 * joins). The breakdowns of a report are only needed for the units of the reported period.
 */
export type UnitQuery = {
  base: SQL;
  dims: Partial<Record<Breakdown, Dimension>>;
  /** At most one row per unit: counting rows counts distinct units. */
  oneRowPerUnit: boolean;
  /**
   * The base reads indexed reporting facts (facts-repository.ts): cheap to read again, so the aggregation lets the
   * planner read it where each part needs it (totals by day, the reported period's rows) rather than
   * materializing every row once.
   */
  fromFacts?: boolean;
};

/**
 * How a person definition's facts are built (facts-repository.ts): for the project's cases (of `persons` only, when
 * given), one row per person and office holding the case, the first qualifying event there.
 */
export type PersonFactSource = { key: string; rows: (projectId: string, persons: SQL | null) => SQL };

export type CatalogueEntry = Omit<Definition, 'available'> & {
  /** Breakdowns whose column is an array (a person in several groups): unnested when asked for. */
  multi: readonly Breakdown[];
  /** How units add up: distinct units (`unit` column) or the sum of `w`. */
  aggregate: 'distinct' | 'sum';
  /** The units with every breakdown column (the definition as documented: what `query` computes in parts). */
  units: ((p: UnitParams) => SQL) | null;
  query: ((p: UnitParams) => UnitQuery) | null;
  /** The person facts the definition reads (facts-repository.ts), if it reads some. */
  facts?: PersonFactSource;
  /** Where `query` reads facts: the live query (over the source tables) it gives the same units as. */
  live?: (p: UnitParams) => UnitQuery;
};

/** The breakdown columns `need` of the unit rows `u` (`<expression> as <breakdown>`) and their joins. */
export function dimensionsOf(q: UnitQuery, need: readonly Breakdown[]): { columns: SQL[]; joins: SQL } {
  const joins = new Set<JoinName>();
  const columns = need.map((d) => {
    const dim = q.dims[d];
    if (!dim) throw new Error(`breakdown ${d} not supported`);
    for (const j of dim.joins) joins.add(j);
    return sql`${dim.column} as ${sql.identifier(d)}`;
  });
  const order = Object.keys(JOINS) as JoinName[];
  return {
    columns,
    joins: sql.join(
      order.filter((j) => joins.has(j)).map((j) => JOINS[j]),
      sql` `,
    ),
  };
}

/** The whole units query of a split definition: `unit`, `d`, `w` and a column per breakdown. */
function unitsOf(q: UnitQuery, breakdowns: readonly Breakdown[]): SQL {
  const { columns, joins } = dimensionsOf(q, breakdowns);
  return sql`select u.unit, u.d, u.w${sql.join(
    columns.map((c) => sql`, ${c}`),
    sql``,
  )} from (${q.base}) u ${joins}`;
}

/** Statuses at or after the departure (AVRR) or the movement (resettlement). */
const AFTER_DEPARTURE = [
  'departed',
  'arrived',
  'reintegration_planning',
  'reintegration_assistance',
  'monitoring',
  'movement',
];

/**
 * The age band of a person born on `birth` (a date, null when unknown) on the day `on`: minor (under 18, or
 * unaccompanied minor with the SC-UC need among `needs`), adult, or unknown.
 */
const ageBand = (birth: SQL, on: SQL, needs: SQL) =>
  sql`case when ${birth} is null then 'unknown'
       when ${on} < ${birth} + interval '18 years'
         then case when 'SC-UC' = any(${needs}) then 'unaccompanied_minor' else 'minor' end
       else 'adult' end`;

const PERSON_BREAKDOWNS: Breakdown[] = [
  'sex',
  'age_band',
  'nationality',
  'host_country',
  'return_country',
  'vulnerability',
  'office',
];

/**
 * The columns of a person's breakdowns, read from the person `p` (joined on the unit), the case columns
 * carried by the unit row (`_created`, `_host`, `_return`) and its office `o`.
 */
const PERSON_DIMS = {
  sex: { column: sql`p.sex`, joins: ['person'] },
  age_band: {
    column: ageBand(sql`p.birth_date`, sql`(u._created at time zone 'UTC')::date`, sql`p.specific_needs`),
    joins: ['person'],
  },
  nationality: { column: sql`coalesce(p.nationalities[1], 'unknown')`, joins: ['person'] },
  host_country: { column: sql`coalesce(u._host, 'unknown')`, joins: [] },
  return_country: { column: sql`coalesce(u._return, 'unknown')`, joins: [] },
  vulnerability: {
    column: sql`array(select distinct split_part(n, '-', 1) from unnest(p.specific_needs) n)`,
    joins: ['person'],
  },
  office: { column: sql`o.code`, joins: ['office'] },
} satisfies UnitQuery['dims'];

/** The person columns copied into the facts, read from the person `px`. */
const FACT_PERSON_COLUMNS = sql`px.sex, px.birth_date, px.nationalities[1] as nationality, px.specific_needs`;
/** The same columns read from the facts `f` into the unit row. */
const FACT_PERSON_READ = sql`f.sex as _sex, f.birth_date as _birth, f.nationality as _nationality, f.specific_needs as _needs`;

/** The person breakdowns read from the unit row of facts (the same values as PERSON_DIMS, without a join). */
const FACT_PERSON_DIMS = {
  sex: { column: sql`u._sex`, joins: [] },
  age_band: {
    column: ageBand(sql`u._birth`, sql`(u._created at time zone 'UTC')::date`, sql`u._needs`),
    joins: [],
  },
  nationality: { column: sql`coalesce(u._nationality, 'unknown')`, joins: [] },
  host_country: PERSON_DIMS.host_country,
  return_country: PERSON_DIMS.return_country,
  vulnerability: {
    column: sql`array(select distinct split_part(n, '-', 1) from unnest(u._needs) n)`,
    joins: [],
  },
  office: PERSON_DIMS.office,
} satisfies UnitQuery['dims'];

/** The case `c` columns the person breakdowns read. */
const caseColumns = sql`c.created_at as _created, c.host_country as _host, c.return_country as _return,
  c.owning_office_id as _office`;

/**
 * One row per person: the case whose qualifying date (`dateOf`, an expression over case `c`) comes first
 * among the project's cases in scope that meet `where`, and that date (the definition as documented).
 */
function firstPerPerson(p: UnitParams, dateOf: SQL, where: SQL, from: SQL = sql`cases c`): UnitQuery {
  return {
    base: sql`select distinct on (c.person_id) c.person_id as unit, (${dateOf})::date as d, 1::float8 as w, ${caseColumns}
      from ${from}
      where c.project_id = ${p.projectId} and ${inScope(sql`c.owning_office_id`, p.scope)} and (${where})
        and (${dateOf}) is not null
      order by c.person_id, (${dateOf}), c.id`,
    dims: PERSON_DIMS,
    oneRowPerUnit: true,
  };
}

/**
 * A person definition counted at the first qualifying event, read from its facts: the live query
 * (`firstPerPerson`, what the definition documents), the facts' rows (the first event per person and office,
 * whatever the reader's scope), and the units read from the facts for a reader (for each person, the
 * earliest row among the offices of the reader's scope, ties broken by case as the live query does).
 */
function personFirst(key: string, dateOf: SQL, where: SQL, from: SQL = sql`cases c`) {
  return {
    live: (p: UnitParams) => firstPerPerson(p, dateOf, where, from),
    facts: {
      key,
      rows: (projectId: string, persons: SQL | null) =>
        sql`select distinct on (c.person_id, c.owning_office_id) c.person_id, c.owning_office_id as office_id,
            c.id as case_id, (${dateOf})::date as day, c.created_at as case_created_at, c.host_country,
            c.return_country, ${FACT_PERSON_COLUMNS}
          from ${from} join persons px on px.id = c.person_id
          where c.project_id = ${projectId} and (${where}) and (${dateOf}) is not null
            ${persons ? sql`and c.person_id in (${persons})` : sql``}
          order by c.person_id, c.owning_office_id, (${dateOf}), c.id`,
    } satisfies PersonFactSource,
    fast: (p: UnitParams): UnitQuery => ({
      base: sql`select f.person_id as unit, f.day as d, 1::float8 as w, f.case_created_at as _created,
          f.host_country as _host, f.return_country as _return, f.office_id as _office, ${FACT_PERSON_READ}
        from report_person_facts f
        where f.project_id = ${p.projectId} and f.definition = ${key} and ${inScope(sql`f.office_id`, p.scope)}
          ${onlyPersons(p)}
          and ${
            p.factsCovered
              ? sql`f.first_in_project = 1`
              : sql`(f.sole = 1 or not exists (
            select 1 from report_person_facts g
            where g.project_id = f.project_id and g.definition = f.definition and g.person_id = f.person_id
              and g.office_id <> f.office_id and ${inScope(sql`g.office_id`, p.scope)}
              and (g.day, g.case_id) < (f.day, f.case_id)))`
          }`,
      dims: FACT_PERSON_DIMS,
      oneRowPerUnit: true,
      fromFacts: true,
    }),
  };
}

/** A person definition read from its facts (`personFirst`): `units` is the live query it gives the same units as. */
function computedPerson(
  entry: Omit<CatalogueEntry, 'units' | 'query' | 'facts' | 'live'>,
  def: ReturnType<typeof personFirst>,
): CatalogueEntry {
  return {
    ...entry,
    query: def.fast,
    live: def.live,
    facts: def.facts,
    units: (p) => unitsOf(def.live(p), entry.breakdowns),
  };
}

/**
 * Resettlement (ADR 0017, 0018): the persons counted are a household's travelling members
 * (`resettlement_members`), not the principal applicant the case is opened on. The rows `c` carry the
 * household's case columns, the member as `person_id` and the day of the household's milestone as `day`.
 *
 * - `members`: those in the household on the milestone day `milestone` (a column of the household `h`):
 *   joined on or before it and not left by then (a member split off or merged away that day counts in the
 *   household they joined, whose copied milestone they share);
 * - `boarded`: the persons recorded as boarded on a booking of the household (a no-show never is), with
 *   the household's milestone `milestone`.
 */
const resettlementRows = (
  kind: 'members' | 'boarded',
  milestone: 'decision_on' | 'accepted_on' | 'departed_on' | 'arrived_on',
) => {
  const day = sql.raw(`h.${milestone}`);
  const caseColumns = sql`c0.id, c0.project_id, c0.owning_office_id, c0.created_at, c0.host_country, c0.return_country`;
  return kind === 'members'
    ? sql`(select ${caseColumns}, m.person_id, ${day} as day
        from resettlement_members m
        join resettlement_households h on h.case_id = m.case_id
        join cases c0 on c0.id = m.case_id
        where m.joined_on <= ${day} and (m.left_on is null or m.left_on > ${day})) c`
    : sql`(select ${caseColumns}, pa.person_id, ${day} as day
        from movement_passengers pa
        join movement_bookings b on b.id = pa.booking_id
        join resettlement_households h on h.case_id = b.case_id
        join cases c0 on c0.id = b.case_id
        where pa.boarding = 'boarded') c`;
};

/** The person breakdowns with the age band at the event (the unit's day), not at the opening of the case. */
const PERSON_DIMS_AT_EVENT = {
  ...PERSON_DIMS,
  age_band: { column: ageBand(sql`p.birth_date`, sql`u.d`, sql`p.specific_needs`), joins: ['person'] },
} satisfies UnitQuery['dims'];
const FACT_PERSON_DIMS_AT_EVENT = {
  ...FACT_PERSON_DIMS,
  age_band: { column: ageBand(sql`u._birth`, sql`u.d`, sql`u._needs`), joins: [] },
} satisfies UnitQuery['dims'];

/** A resettlement person definition: `personFirst` over the rows of `resettlementRows`, ages at the event. */
function resettlementPersons(key: string, rows: SQL): ReturnType<typeof personFirst> {
  const def = personFirst(key, sql`c.day`, sql`true`, rows);
  return {
    live: (p) => ({ ...def.live(p), dims: PERSON_DIMS_AT_EVENT }),
    facts: def.facts,
    fast: (p) => ({ ...def.fast(p), dims: FACT_PERSON_DIMS_AT_EVENT }),
  };
}

const utcDay = (expr: SQL) => sql`(${expr} at time zone 'UTC')::date`;

/** The number of decimals of a currency's minor unit (platform/money.ts), as SQL over a currency code. */
const minorDigits = (currency: SQL) =>
  sql`(case ${currency} ${sql.join(
    Object.entries(CURRENCIES).map(([code, digits]) => sql`when ${code} then ${sql.raw(String(digits))}`),
    sql` `,
  )} else 2 end)`;

/**
 * The records of a small table (`from`, e.g. placements) with their case `c` (by `caseKey`), looked up by its
 * key rather than by reading every case of the project (the same rows as `cases c join ... on ... = c.id`).
 */
const withCase = (from: SQL, caseKey: SQL) =>
  sql`${from} join lateral (select c0.* from cases c0 where c0.id = ${caseKey} offset 0) c on true`;

/** A split definition: `units` (the whole query) follows from `query`. */
function computed(
  entry: Omit<CatalogueEntry, 'units' | 'query'>,
  query: (p: UnitParams) => UnitQuery,
): CatalogueEntry {
  return { ...entry, query, units: (p) => unitsOf(query(p), entry.breakdowns) };
}

/** The units of a definition read faster (`fast`, e.g. from facts) than `live`, the query it documents, with the same units. */
function computedFast(
  entry: Omit<CatalogueEntry, 'units' | 'query' | 'live'>,
  live: (p: UnitParams) => UnitQuery,
  fast: (p: UnitParams) => UnitQuery,
): CatalogueEntry {
  return { ...entry, query: fast, live, units: (p) => unitsOf(live(p), entry.breakdowns) };
}

const DELIVERY_DIMS = {
  ...PERSON_DIMS,
  assistance_type: { column: sql`i.dimension`, joins: ['item'] },
  assistance_mode: { column: sql`i.delivery_mode`, joins: ['item'] },
  assistance_timing: {
    column: sql`case when u._departure is not null and u.d >= u._departure then 'post_return' else 'pre_return' end`,
    joins: [],
  },
} satisfies UnitQuery['dims'];

const BUDGET_DIMS = {
  budget_line: { column: sql`coalesce(bl.code, 'none')`, joins: ['item', 'budgetLine'] },
  office: PERSON_DIMS.office,
  assistance_type: { column: sql`i.dimension`, joins: ['item'] },
} satisfies UnitQuery['dims'];

/**
 * The rate `r` of a currency on a day: the latest recorded on or before it, looked up once per currency and
 * day (a lateral join the planner can memoize).
 */
const rateOf = (currency: SQL, day: SQL) =>
  sql`left join lateral (select r.eur_per_unit from exchange_rates r
    where r.currency = ${currency} and r.rate_date <= ${day} order by r.rate_date desc limit 1) r on true`;

/** A delivery's amount (row `t` with `amount_minor` and `currency`) in euros at the rate `r`. */
const eurosOf = (t: SQL) =>
  sql`(${t}.amount_minor::float8 / power(10, ${minorDigits(sql`${t}.currency`)})) * (case when ${t}.currency = 'EUR' then 1 else r.eur_per_unit end)`;

/**
 * The delivery facts of a project (of `persons` only, when given): one row per delivery of its cases, with
 * the case columns the delivery definitions read.
 */
export const deliveryFactRows = (projectId: string, persons: SQL | null) =>
  sql`select d.id as delivery_id, c.person_id, c.owning_office_id as office_id, d.delivered_on as day,
      d.plan_item_id, d.amount_minor, d.currency, c.departure_date, c.created_at as case_created_at,
      c.host_country, c.return_country, ${FACT_PERSON_COLUMNS}, i.dimension, i.delivery_mode, i.budget_line_id
    from deliveries d join cases c on c.id = d.case_id join persons px on px.id = c.person_id
      join plan_items i on i.id = d.plan_item_id
    where c.project_id = ${projectId} ${persons ? sql`and c.person_id in (${persons})` : sql``}`;

/** The person facts of every definition that reads some (facts-repository.ts). */
export function personFactSources(): PersonFactSource[] {
  return DEFINITIONS.flatMap((d) => (d.facts ? [d.facts] : []));
}

const DEFINITIONS: CatalogueEntry[] = [
  computedPerson(
    {
      id: 'persons_assisted',
      version: 1,
      title: { fr: 'Personnes assistées', en: 'Persons assisted' },
      counts: {
        fr: "Personnes ayant un dossier du projet, comptées une fois, dans la période où leur premier dossier du projet a été ouvert (date d'ouverture, UTC), quel que soit le statut actuel du dossier (y compris clos ou retiré). Un dossier transféré, rouvert ou fusionné ne compte pas deux fois.",
        en: 'Persons with a case in the project, counted once, in the period in which their first case of the project was opened (opening date, UTC), whatever the case status now (closed or withdrawn included). A transferred, reopened or merged case does not count twice.',
      },
      unit: 'persons',
      personal: true,
      breakdowns: PERSON_BREAKDOWNS,
      multi: ['vulnerability'],
      aggregate: 'distinct',
    },
    personFirst('persons_assisted@1', utcDay(sql`c.created_at`), sql`true`),
  ),
  computedPerson(
    {
      id: 'persons_returned',
      version: 1,
      title: { fr: 'Personnes retournées', en: 'Persons returned' },
      counts: {
        fr: 'Personnes dont un dossier du projet a atteint le départ (statut « parti » ou une étape suivante : arrivée, réintégration, suivi, ou clos après l’une d’elles), comptées une fois, dans la période de leur première date de départ enregistrée.',
        en: 'Persons whose case in the project reached departure (status departed or a later stage: arrived, reintegration, monitoring, or closed after one of them), counted once, in the period of their first recorded departure date.',
      },
      unit: 'persons',
      personal: true,
      breakdowns: PERSON_BREAKDOWNS,
      multi: ['vulnerability'],
      aggregate: 'distinct',
    },
    personFirst(
      'persons_returned@1',
      sql`c.departure_date`,
      sql`(c.status = any(${sql.param(AFTER_DEPARTURE)}::text[]) or c.status_before_closure = any(${sql.param(AFTER_DEPARTURE)}::text[]))`,
    ),
  ),
  computedPerson(
    {
      id: 'persons_plan_approved',
      version: 1,
      title: {
        fr: 'Personnes avec un plan de réintégration approuvé',
        en: 'Persons with an approved reintegration plan',
      },
      counts: {
        fr: "Personnes dont le plan de réintégration d'un dossier du projet est approuvé (une version approuvée existe), comptées une fois, dans la période où la version approuvée en vigueur l'a été (UTC) ; une révision renvoyée ensuite ne déplace pas la date.",
        en: 'Persons whose reintegration plan of a case in the project is approved (an approved version exists), counted once, in the period in which the approved version in force was approved (UTC); a later revision returned does not move the date.',
      },
      unit: 'persons',
      personal: true,
      breakdowns: PERSON_BREAKDOWNS,
      multi: ['vulnerability'],
      aggregate: 'distinct',
    },
    personFirst(
      'persons_plan_approved@1',
      utcDay(sql`pv.approved_at`),
      sql`rp.approved_version is not null`,
      sql`cases c join reintegration_plans rp on rp.case_id = c.id
          join plan_versions pv on pv.plan_id = rp.id and pv.number = rp.approved_version`,
    ),
  ),
  computedFast(
    {
      id: 'persons_assistance_delivered',
      version: 1,
      title: {
        fr: 'Personnes ayant reçu une aide à la réintégration',
        en: 'Persons who received reintegration assistance',
      },
      counts: {
        fr: "Personnes ayant reçu au moins une prestation enregistrée (date de remise) d'un plan de réintégration d'un dossier du projet dans la période. Ventilable par type d'aide (économique, sociale, psychosociale), mode (espèces, nature, bon, orientation) et moment (avant le retour si la remise précède la date de départ, sinon après) : une personne compte dans chaque type reçu.",
        en: 'Persons who received at least one recorded delivery (delivery date) of a reintegration plan of a case in the project in the period. Can be broken down by assistance type (economic, social, psychosocial), mode (cash, in kind, voucher, referral) and timing (pre-return when delivered before the departure date, otherwise post-return): a person counts in each type received.',
      },
      unit: 'persons',
      personal: true,
      breakdowns: [...PERSON_BREAKDOWNS, 'assistance_type', 'assistance_mode', 'assistance_timing'],
      multi: ['vulnerability'],
      aggregate: 'distinct',
    },
    // Every delivery's item, person and office exist (foreign keys): the base reads deliveries and cases only.
    (p) => ({
      base: sql`select c.person_id as unit, d.delivered_on as d, 1::float8 as w, ${caseColumns},
          d.plan_item_id as _item, c.departure_date as _departure
        from deliveries d
        join cases c on c.id = d.case_id
        where c.project_id = ${p.projectId} and ${inScope(sql`c.owning_office_id`, p.scope)}`,
      dims: DELIVERY_DIMS,
      oneRowPerUnit: false,
    }),
    (p) => ({
      base: sql`select f.person_id as unit, f.day as d, 1::float8 as w, f.case_created_at as _created,
          f.host_country as _host, f.return_country as _return, f.office_id as _office,
          f.departure_date as _departure, f.dimension as _dimension, f.delivery_mode as _mode, ${FACT_PERSON_READ}
        from report_delivery_facts f
        where f.project_id = ${p.projectId} and ${inScope(sql`f.office_id`, p.scope)} ${onlyPersons(p)}`,
      dims: {
        ...FACT_PERSON_DIMS,
        assistance_type: { column: sql`u._dimension`, joins: [] },
        assistance_mode: { column: sql`u._mode`, joins: [] },
        assistance_timing: DELIVERY_DIMS.assistance_timing,
      },
      oneRowPerUnit: false,
      fromFacts: true,
    }),
  ),
  computedPerson(
    {
      id: 'persons_placed',
      version: 1,
      title: { fr: 'Personnes placées en emploi', en: 'Persons placed in employment' },
      counts: {
        fr: "Personnes ayant un placement en emploi qui a commencé (résultat « en poste » ou « terminé » ; « n'a pas commencé » exclu) rattaché à un dossier du projet, comptées une fois, dans la période de leur première date de début.",
        en: 'Persons with an employment placement that started (outcome employed or ended; did not start excluded) recorded under a case of the project, counted once, in the period of their first start date.',
      },
      unit: 'persons',
      personal: true,
      breakdowns: PERSON_BREAKDOWNS,
      multi: ['vulnerability'],
      aggregate: 'distinct',
    },
    personFirst(
      'persons_placed@1',
      sql`pl.start_date`,
      sql`pl.outcome in ('employed', 'ended')`,
      withCase(sql`placements pl`, sql`pl.case_id`),
    ),
  ),
  ...([3, 6] as const).map(
    (month): CatalogueEntry =>
      computedPerson(
        {
          id: `persons_retained_${month}m`,
          version: 1,
          title: {
            fr: `Personnes toujours en emploi à ${month} mois`,
            en: `Persons still employed at ${month} months`,
          },
          counts: {
            fr: `Personnes dont le suivi à ${month} mois d'un placement rattaché à un dossier du projet a constaté qu'elles étaient toujours en emploi, comptées une fois, dans la période de la date du suivi.`,
            en: `Persons whose ${month}-month follow-up of a placement recorded under a case of the project found them still employed, counted once, in the period of the follow-up date.`,
          },
          unit: 'persons',
          personal: true,
          breakdowns: PERSON_BREAKDOWNS,
          multi: ['vulnerability'],
          aggregate: 'distinct',
        },
        personFirst(
          `persons_retained_${month}m@1`,
          sql`fu.checked_on`,
          sql`fu.month = ${month} and fu.still_employed`,
          withCase(
            sql`placement_follow_ups fu join placements pl on pl.id = fu.placement_id`,
            sql`pl.case_id`,
          ),
        ),
      ),
  ),
  computedPerson(
    {
      id: 'persons_referral_accepted',
      version: 1,
      title: { fr: 'Personnes orientées avec acceptation', en: 'Persons referred and accepted' },
      counts: {
        fr: "Personnes dont un dossier du projet a fait l'objet d'une orientation (pas d'un transfert) acceptée par le bureau ou le partenaire destinataire, comptées une fois, dans la période de la première acceptation (UTC).",
        en: 'Persons whose case in the project was referred (not transferred) and the referral accepted by the receiving office or partner, counted once, in the period of the first acceptance (UTC).',
      },
      unit: 'persons',
      personal: true,
      breakdowns: PERSON_BREAKDOWNS,
      multi: ['vulnerability'],
      aggregate: 'distinct',
    },
    personFirst(
      'persons_referral_accepted@1',
      utcDay(sql`r.responded_at`),
      sql`r.kind = 'referral' and r.status = 'accepted'`,
      withCase(sql`referrals r`, sql`r.case_id`),
    ),
  ),
  computed(
    {
      id: 'people_trained',
      version: 1,
      title: {
        fr: 'Personnes formées (renforcement des capacités)',
        en: 'People trained (capacity building)',
      },
      counts: {
        fr: 'Somme des participants enregistrés aux activités de renforcement des capacités du projet (formations, ateliers, visites d’étude, conférences) qui se sont terminées dans la période (date de fin). Les participants sont comptés par activité, sans nom : une personne présente à deux activités compte deux fois.',
        en: 'Sum of the participants recorded at the project’s capacity-building activities (trainings, workshops, study visits, conferences) that ended in the period (end date). Participants are counted per activity, without names: someone at two activities counts twice.',
      },
      unit: 'count',
      personal: false,
      breakdowns: ['sex', 'office'],
      multi: [],
      aggregate: 'sum',
    },
    (p) => ({
      base: sql`select ap.id::text as unit, a.end_date as d, ap.count::float8 as w, ap.sex as _sex, a.office_id as _office
        from capacity_activities a
        join activity_participants ap on ap.activity_id = a.id
        where a.project_id = ${p.projectId} and ${inScope(sql`a.office_id`, p.scope)}`,
      dims: { sex: { column: sql`u._sex`, joins: [] }, office: PERSON_DIMS.office },
      oneRowPerUnit: true,
    }),
  ),
  computed(
    {
      id: 'campaign_reach',
      version: 1,
      title: { fr: "Portée des campagnes d'information", en: 'Information campaign reach' },
      counts: {
        fr: "Somme de la portée déclarée (personnes atteintes) des campagnes d'information du projet qui se sont terminées dans la période (date de fin). Une même personne atteinte par deux campagnes compte deux fois.",
        en: 'Sum of the reported reach (people reached) of the project’s information campaigns that ended in the period (end date). Someone reached by two campaigns counts twice.',
      },
      unit: 'people_reached',
      personal: false,
      breakdowns: ['office'],
      multi: [],
      aggregate: 'sum',
    },
    (p) => ({
      base: sql`select k.id::text as unit, k.end_date as d, k.reach::float8 as w, k.office_id as _office
        from campaigns k
        where k.project_id = ${p.projectId} and ${inScope(sql`k.office_id`, p.scope)}`,
      dims: { office: PERSON_DIMS.office },
      oneRowPerUnit: true,
    }),
  ),
  computedFast(
    {
      id: 'budget_spent',
      version: 1,
      title: { fr: 'Budget dépensé (EUR)', en: 'Budget spent (EUR)' },
      counts: {
        fr: "Somme des prestations de réintégration remises dans la période (date de remise) pour les dossiers du projet, converties en euros au taux de change enregistré le plus récent à la date de remise ou avant. Ventilable par ligne budgétaire ; une prestation sans taux de change connu n'est pas comptée.",
        en: 'Sum of the reintegration deliveries made in the period (delivery date) for the project’s cases, converted to euros at the latest recorded exchange rate on or before the delivery date. Can be broken down by budget line; a delivery without a known exchange rate is not counted.',
      },
      unit: 'eur',
      personal: false,
      breakdowns: ['budget_line', 'office', 'assistance_type'],
      multi: [],
      aggregate: 'sum',
    },
    (p) => ({
      base: sql`select d.id::text as unit, d.delivered_on as d, ${eurosOf(sql`d`)} as w,
          d.plan_item_id as _item, c.owning_office_id as _office
        from deliveries d
        join cases c on c.id = d.case_id
        ${rateOf(sql`d.currency`, sql`d.delivered_on`)}
        where c.project_id = ${p.projectId} and ${inScope(sql`c.owning_office_id`, p.scope)}`,
      dims: BUDGET_DIMS,
      oneRowPerUnit: true,
    }),
    (p) => ({
      base: sql`select f.delivery_id::text as unit, f.day as d, ${eurosOf(sql`f`)} as w,
          f.office_id as _office, f.dimension as _dimension, f.budget_line_id as _budget_line
        from report_delivery_facts f
        ${rateOf(sql`f.currency`, sql`f.day`)}
        where f.project_id = ${p.projectId} and ${inScope(sql`f.office_id`, p.scope)} ${onlyPersons(p)}`,
      dims: {
        budget_line: { column: sql`coalesce(bl.code, 'none')`, joins: ['factBudgetLine'] },
        office: PERSON_DIMS.office,
        assistance_type: { column: sql`u._dimension`, joins: [] },
      },
      oneRowPerUnit: true,
      fromFacts: true,
    }),
  ),
  ...(
    [
      {
        id: 'persons_resettlement_submitted',
        rows: resettlementRows('members', 'decision_on'),
        title: {
          fr: 'Personnes soumises à un pays de réinstallation',
          en: 'Persons submitted to a resettlement country',
        },
        counts: {
          fr: "Membres voyageant avec un ménage de réinstallation du projet dont le dossier a été soumis au pays de réinstallation, comptés une fois, dans la période de la première soumission (jour où le lot a été soumis et le ménage est passé à l'étape décision, UTC). Comptent les membres du ménage ce jour-là (arrivés au plus tard ce jour, pas encore partis) ; âge à cette date.",
          en: 'Travelling members of a resettlement household of the project whose dossier was submitted to the resettlement country, counted once, in the period of the first submission (the day its batch was submitted and the household entered the decision stage, UTC). Members of the household that day count (joined on or before it, not left by then); age on that day.',
        },
      },
      {
        id: 'persons_resettlement_accepted',
        rows: resettlementRows('members', 'accepted_on'),
        title: {
          fr: 'Personnes acceptées par un pays de réinstallation',
          en: 'Persons accepted by a resettlement country',
        },
        counts: {
          fr: "Membres voyageant avec un ménage de réinstallation du projet accepté par le pays de réinstallation, comptés une fois, dans la période de la date de la décision d'acceptation enregistrée. Comptent les membres du ménage à cette date (arrivés au plus tard ce jour, pas encore partis) ; âge à cette date.",
          en: 'Travelling members of a resettlement household of the project accepted by the resettlement country, counted once, in the period of the acceptance date recorded with the decision. Members of the household on that date count (joined on or before it, not left by then); age on that date.',
        },
      },
      {
        id: 'persons_resettlement_departed',
        rows: resettlementRows('boarded', 'departed_on'),
        title: { fr: 'Personnes parties (embarquées)', en: 'Persons departed (boarded)' },
        counts: {
          fr: "Personnes enregistrées comme embarquées sur un mouvement avec un ménage de réinstallation du projet (une personne absente à l'embarquement ne compte pas), comptées une fois, dans la période du jour où le ménage est parti (entrée à l'étape mouvement, UTC) ; âge à cette date.",
          en: 'Persons recorded as boarded on a movement with a resettlement household of the project (a no-show does not count), counted once, in the period of the day the household departed (entered the movement stage, UTC); age on that day.',
        },
      },
      {
        // Listed as unavailable until the resettlement module existed (no indicator could name it): its
        // first meaning, persons arrived, is version 1.
        id: 'persons_resettled',
        rows: resettlementRows('boarded', 'arrived_on'),
        title: { fr: 'Personnes réinstallées (arrivées)', en: 'Persons resettled (arrived)' },
        counts: {
          fr: "Personnes embarquées avec un ménage de réinstallation du projet arrivé dans le pays de réinstallation, comptées une fois, dans la période du jour d'arrivée du ménage (entrée à l'étape arrivée, UTC) ; une personne absente à l'embarquement n'est pas comptée ; âge à cette date.",
          en: 'Persons who boarded with a resettlement household of the project that arrived in the resettlement country, counted once, in the period of the household’s arrival day (entered the arrived stage, UTC); a no-show is not counted; age on that day.',
        },
      },
    ] as const
  ).map(
    ({ id, rows, title, counts }): CatalogueEntry =>
      computedPerson(
        {
          id,
          version: 1,
          title,
          counts,
          unit: 'persons',
          personal: true,
          breakdowns: PERSON_BREAKDOWNS,
          multi: ['vulnerability'],
          aggregate: 'distinct',
        },
        resettlementPersons(`${id}@1`, rows),
      ),
  ),
  {
    id: 'sustainability_score',
    version: 1,
    title: { fr: 'Score de durabilité de la réintégration', en: 'Reintegration sustainability score' },
    counts: {
      fr: 'Disponible quand le suivi après le retour (enquêtes et scores) existera.',
      en: 'Available once monitoring after return (surveys and scores) exists.',
    },
    unit: 'percent',
    personal: false,
    breakdowns: [],
    multi: [],
    aggregate: 'sum',
    units: null,
    query: null,
  },
];

export function catalogue(): Definition[] {
  return DEFINITIONS.map(({ units, query: _q, multi: _m, aggregate: _a, ...d }) => ({
    ...d,
    available: units !== null,
  }));
}

export function findDefinition(id: string, version: number): CatalogueEntry | undefined {
  return DEFINITIONS.find((d) => d.id === id && d.version === version);
}

export function definitionView(entry: CatalogueEntry): Definition {
  const { units, query: _q, multi: _m, aggregate: _a, ...d } = entry;
  return { ...d, available: units !== null };
}
