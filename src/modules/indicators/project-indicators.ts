/**
 * A project's indicators, as donors ask for them (DOMAIN.md, donor reporting): persons assisted against the
 * target, by sex, age band, nationality and vulnerability; returns; reintegration plans and deliveries by
 * dimension and mode; placements; people trained; campaign reach. The project's owning office reports on the
 * whole project; another office on its own cases. Counts only, and small cells hidden on request.
 */
import { type ActorCtx, can, type OfficeScope, scopeOf } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { type Currency, sumByCurrency } from '../../platform/money';
import { suppressBreakdown, suppressSmallCells } from '../../platform/suppression';
import { activityIndicators } from '../activities';
import { placementIndicators } from '../employment';
import { findProject } from '../projects';
import type { ProjectIndicators } from './contract';
import { deliveryFacts, personFacts } from './repository';

function tally<T>(items: readonly T[], key: (item: T) => string | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item) ?? 'unknown';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export async function projectIndicators(
  ctx: ActorCtx,
  projectId: string,
  options: { from?: string; to?: string; suppress: boolean },
): Promise<ProjectIndicators> {
  const project = await findProject(ctx.db, scopeOf(ctx.actor, 'reports.read'), projectId);
  if (!project) throw notFound();
  const whole = can(ctx.actor, 'reports.read', project.owningOfficeId);
  const scope: OfficeScope = whole ? 'all' : scopeOf(ctx.actor, 'reports.read');
  const filter = { projectId, from: options.from, to: options.to };
  const [people, delivered, placements, capacity] = await Promise.all([
    personFacts(ctx.db, scope, filter),
    deliveryFacts(ctx.db, scope, filter),
    placementIndicators(ctx.db, scope, filter),
    activityIndicators(ctx.db, scope, {
      projectId,
      from: options.from,
      to: options.to,
      suppress: options.suppress,
    }),
  ]);
  const cell = (n: number) => (options.suppress ? suppressSmallCells({ n }).counts.n : n);
  const breakdown = (counts: Record<string, number>) =>
    options.suppress ? suppressBreakdown(counts).counts : counts;
  const persons = {
    total: cell(people.length),
    returned: cell(people.filter((p) => p.returned).length),
    withApprovedPlan: cell(people.filter((p) => p.approved).length),
    bySex: breakdown(tally(people, (p) => p.sex)),
    byAgeBand: breakdown(tally(people, (p) => (p.minor === null ? 'unknown' : p.minor ? 'minor' : 'adult'))),
    byNationality: breakdown(tally(people, (p) => p.nationality)),
    // A person counts once per need category (CR, SC, TR...).
    byVulnerability: breakdown(
      tally(
        people.flatMap((p) =>
          [...new Set(p.needs.map((n) => n.split('-')[0] as string))].map((category) => ({ category })),
        ),
        (x) => x.category,
      ),
    ),
  };
  const personsBy = (key: (d: (typeof delivered)[number]) => string) => {
    const seen = new Map<string, Set<string>>();
    for (const d of delivered) {
      const k = key(d);
      const set = seen.get(k) ?? new Set<string>();
      set.add(d.personId);
      seen.set(k, set);
    }
    return breakdown(Object.fromEntries([...seen].map(([k, set]) => [k, set.size])));
  };
  return {
    projectId,
    projectCode: project.code,
    targetPersons: project.targetPersons,
    coverage: whole ? 'project' : 'own_offices',
    suppressed: options.suppress && JSON.stringify(persons).includes('null'),
    persons,
    reintegration: {
      deliveries: delivered.length,
      delivered: sumByCurrency(delivered.map((d) => ({ minor: d.minor, currency: d.currency as Currency }))),
      personsByDimension: personsBy((d) => d.dimension),
      personsByMode: personsBy((d) => d.mode),
    },
    employment: {
      placements: cell(placements.placements.total),
      persons: cell(placements.persons.total),
      stillEmployed3Months: cell(placements.stillEmployed3Months.total),
      stillEmployed6Months: cell(placements.stillEmployed6Months.total),
    },
    capacity: {
      activities: capacity.activities.count,
      peopleTrained: capacity.activities.peopleTrained,
      bySex: capacity.activities.bySex,
    },
    campaigns: { count: capacity.campaigns.count, reach: capacity.campaigns.reach },
  };
}
