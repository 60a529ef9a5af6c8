/**
 * The portfolio dashboard: every project the reader reports on (the whole mission, or one office's), each
 * with its headline figure against target, how many indicators are on track for the time elapsed, and its
 * budget burn. Figures follow the same access rules as the project report (suppressed where they must be).
 */
import type { ActorCtx } from '../../platform/actor';
import { scopeOf } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { listProjects } from '../projects';
import type { Portfolio } from './contract';
import { reportAccess } from './policy';
import { buildReportFor } from './report';
import { officeCodesOf } from './repository';

const DAY = 86_400_000;

/** Share of the project's duration elapsed on `today` (0..1), null without an end date. */
export function timeElapsed(start: string, end: string | null, today: string): number | null {
  if (!end) return null;
  const total = Date.parse(end) - Date.parse(start) + DAY;
  const done = Math.min(Math.max(Date.parse(today) - Date.parse(start) + DAY, 0), total);
  return total > 0 ? Math.round((done / total) * 1000) / 1000 : null;
}

/** On track: cumulative progress at least the time elapsed minus a tolerance of 10 points. */
export function onTrack(progress: number | null, elapsed: number | null): boolean | null {
  if (progress === null || elapsed === null) return null;
  return progress >= elapsed - 0.1;
}

export async function portfolio(
  ctx: ActorCtx,
  cipher: Parameters<typeof buildReportFor>[1],
  officeId?: string,
): Promise<Portfolio> {
  const scope = scopeOf(ctx.actor, 'reports.read');
  if (officeId && scope !== 'all' && !scope.includes(officeId)) throw new AppError('not_found');
  const projects = (await listProjects(ctx.db, officeId ? [officeId] : scope)).filter(
    (p) => !officeId || p.owningOfficeId === officeId || p.participatingOfficeIds.includes(officeId),
  );
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const out: Portfolio['projects'] = [];
  for (const project of projects) {
    const elapsed = timeElapsed(project.startDate, project.endDate, today);
    const base = {
      id: project.id,
      code: project.code,
      name: project.name,
      donor: project.donor,
      startDate: project.startDate,
      endDate: project.endDate,
      timeElapsed: elapsed,
    };
    let access: Awaited<ReturnType<typeof reportAccess>>;
    try {
      access = await reportAccess(ctx, project.id, { officeId });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // One office's figures the reader may not see apart (they would give the other offices' by
      // subtraction): the project is listed, without figures.
      if (error.code === 'forbidden')
        out.push({
          ...base,
          headline: null,
          indicators: 0,
          onTrack: 0,
          behind: 0,
          budgetMinor: null,
          spentMinor: null,
          currency: null,
        });
      continue;
    }
    let report: Awaited<ReturnType<typeof buildReportFor>> | null = null;
    try {
      report = await buildReportFor(ctx, cipher, access, {
        breakdowns: [],
        shared: access.forceSuppression,
        officeId,
        totalsOnly: true,
      });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'no_reporting_period')) throw error;
    }
    const indicators = report?.indicators ?? [];
    const headline =
      indicators.find((i) => i.definition?.id === 'persons_assisted' && i.target !== null) ??
      indicators.find((i) => i.unit === 'persons' && i.target !== null) ??
      indicators.find((i) => i.target !== null) ??
      null;
    const tracks = indicators.map((i) => onTrack(i.progress, elapsed)).filter((t) => t !== null);
    const budget = report?.budget ?? [];
    const currency = budget[0]?.currency ?? null;
    const same = budget.filter((b) => b.currency === currency);
    out.push({
      ...base,
      headline: headline
        ? {
            indicatorId: headline.id,
            code: headline.code,
            title: headline.title,
            value: headline.cumulative,
            target: headline.target,
            progress: headline.progress,
          }
        : null,
      indicators: indicators.length,
      onTrack: tracks.filter(Boolean).length,
      behind: tracks.filter((t) => !t).length,
      budgetMinor: currency ? same.reduce((s, b) => s + b.budgetMinor, 0) : null,
      spentMinor: currency ? same.reduce((s, b) => s + b.spentMinor, 0) : null,
      currency,
    });
  }
  return {
    generatedAt: ctx.clock.now().toISOString(),
    scope: officeId ? 'office' : 'mission',
    officeCode: officeId ? ((await officeCodesOf(ctx.db, [officeId]))[0] ?? null) : null,
    projects: out,
  };
}
