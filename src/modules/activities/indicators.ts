/**
 * Indicators of capacity building and information campaigns for a project's reports: activities, people
 * trained (participations) by sex, country, role and institution; campaigns and their reach by country and
 * channel. A report that leaves the office suppresses small cells of persons.
 */
import type { Db } from '../../db/client';
import type { OfficeScope } from '../../platform/actor';
import { SMALL_CELL_THRESHOLD, suppressBreakdown, suppressSmallCells } from '../../platform/suppression';
import {
  ACTIVITY_KINDS,
  CAMPAIGN_CHANNELS,
  type Indicators,
  PARTICIPANT_ROLES,
  ParticipantSexSchema,
} from './contract';
import * as repo from './repository';

export type IndicatorOptions = {
  projectId?: string;
  /** Start dates on or after (YYYY-MM-DD). */
  from?: string;
  /** Start dates on or before (YYYY-MM-DD). */
  to?: string;
  /** Donor-facing: replace counts of 1 to 4 persons by null (and what would let one recompute them). */
  suppress?: boolean;
};

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function add<K extends string>(counts: Record<K, number>, key: K, n: number) {
  counts[key] = (counts[key] ?? 0) + n;
}

/** Activities and campaigns of the offices in `scope`, optionally of one project and a period of start dates. */
export async function activityIndicators(
  db: Db,
  scope: OfficeScope,
  options: IndicatorOptions = {},
): Promise<Indicators> {
  const filter = { projectId: options.projectId, from: options.from, to: options.to };
  const [kinds, participants, channels, countries] = await Promise.all([
    repo.activityCounts(db, scope, filter),
    repo.participantTotals(db, scope, filter),
    repo.campaignTotals(db, scope, filter),
    repo.reachByCountry(db, scope, filter),
  ]);

  const byKind = zeros(ACTIVITY_KINDS);
  for (const k of kinds) byKind[k.kind] = k.n;
  let peopleTrained = 0;
  const bySex = zeros(ParticipantSexSchema.options);
  const byRole: Record<string, number> = zeros(PARTICIPANT_ROLES);
  const byCountry: Record<string, number> = {};
  const byInstitution: Record<string, number> = {};
  for (const p of participants) {
    peopleTrained += p.n;
    add(bySex, p.sex, p.n);
    add(byRole, p.role, p.n);
    add(byCountry, p.country, p.n);
    add(byInstitution, p.institution, p.n);
  }
  const reachByChannel = zeros(CAMPAIGN_CHANNELS);
  let campaignCount = 0;
  let reach = 0;
  for (const c of channels) {
    reachByChannel[c.channel] = c.reach;
    campaignCount += c.campaigns;
    reach += c.reach;
  }
  const reachByCountry = Object.fromEntries(countries.map((c) => [c.country, c.reach]));

  const suppress = options.suppress === true;
  let suppressed = false;
  const total = (n: number) => {
    if (!suppress) return n;
    const result = suppressSmallCells({ n });
    suppressed ||= result.suppressed;
    return result.counts.n;
  };
  const breakdown = (counts: Record<string, number>) => {
    if (!suppress) return counts;
    const result = suppressBreakdown(counts);
    suppressed ||= result.suppressed;
    return result.counts;
  };

  const activities = {
    count: Object.values(byKind).reduce((a, b) => a + b, 0),
    byKind,
    peopleTrained: total(peopleTrained),
    bySex: breakdown(bySex),
    byCountry: breakdown(byCountry),
    byRole: breakdown(byRole),
    byInstitution: breakdown(byInstitution),
    institutionCount: Object.keys(byInstitution).length,
  };
  const campaigns = {
    count: campaignCount,
    reach: total(reach),
    reachByCountry: breakdown(reachByCountry),
    reachByChannel: breakdown(reachByChannel),
  };
  return {
    projectId: options.projectId ?? null,
    from: options.from ?? null,
    to: options.to ?? null,
    suppression: { applied: suppress, threshold: suppress ? SMALL_CELL_THRESHOLD : null },
    suppressed,
    activities,
    campaigns,
  };
}
