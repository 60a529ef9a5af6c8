/** Employment counts for project indicators (MAGNET II: a job for 300 returnees). */
import type { Db } from '../../db/client';
import type { OfficeScope } from '../../platform/actor';
import * as repo from './repository';

export type BySex = { total: number; female: number; male: number; other: number; unknown: number };

export type PlacementIndicators = {
  /** Placements that started (outcome employed or ended). */
  placements: BySex;
  /** Distinct persons with a placement that started. */
  persons: BySex;
  /** Distinct persons of those placements found still employed at the 3-month follow-up. */
  stillEmployed3Months: BySex;
  /** Distinct persons of those placements found still employed at the 6-month follow-up. */
  stillEmployed6Months: BySex;
  /** Placements recorded that did not start (not counted above). */
  didNotStart: number;
};

const empty = (): BySex => ({ total: 0, female: 0, male: 0, other: 0, unknown: 0 });

/**
 * Counts of the placements whose start date falls in [from, to] (ISO dates, both optional, inclusive),
 * recorded in offices of `scope` (and of `officeIds` when given), and, with `projectId`, recorded under a
 * case of that project. A follow-up counts for the cohort of its placement's start date, whenever it was
 * made. Counts are raw: suppressing small cells is the report's job.
 */
export async function placementIndicators(
  db: Db,
  scope: OfficeScope,
  filter: { projectId?: string; officeIds?: string[]; from?: string; to?: string } = {},
): Promise<PlacementIndicators> {
  const rows = await repo.placementCountsBySex(db, scope, filter);
  const out: PlacementIndicators = {
    placements: empty(),
    persons: empty(),
    stillEmployed3Months: empty(),
    stillEmployed6Months: empty(),
    didNotStart: 0,
  };
  for (const r of rows) {
    const add = (target: BySex, n: number) => {
      target[r.sex] += n;
      target.total += n;
    };
    add(out.placements, r.placements);
    add(out.persons, r.persons);
    add(out.stillEmployed3Months, r.stillEmployed3);
    add(out.stillEmployed6Months, r.stillEmployed6);
    out.didNotStart += r.didNotStart;
  }
  return out;
}
