/**
 * Who sees which figures of a project (deny by default):
 * - project managers and M&E officers (`reports.enter`) of an office that runs the project see the whole
 *   project, every office's figures; if they do not also read reports in every office of the project, the
 *   figures are suppressed (nobody sees an unsuppressed cell of another office);
 * - other readers (`reports.read`, e.g. supervisors) see their own offices' figures of the project;
 * - donor staff (`reports.shared`) see the projects they are granted, always suppressed;
 * - anyone else: the project does not exist (404).
 */
import { type ActorCtx, can, type OfficeScope, scopeOf } from '../../platform/actor';
import { forbidden, notFound } from '../../platform/errors';
import type { Permission } from '../../platform/permissions';
import { findProject } from '../projects';
import { isReportViewer } from './repository';

type Project = NonNullable<Awaited<ReturnType<typeof findProject>>>;

export type ReportAccess = {
  project: Project;
  /** Offices whose records the figures hold. */
  scope: OfficeScope;
  coverage: 'project' | 'own_offices';
  /** Offices of the project the figures cover. */
  officeIds: string[];
  /** Small cells must be hidden whatever the reader asks. */
  forceSuppression: boolean;
  /** May read trafficking-related breakdowns (vulnerability) unsuppressed. */
  seesSensitive: boolean;
  donor: boolean;
  canManage: boolean;
  canEnter: boolean;
};

const officesOf = (project: Project) => [project.owningOfficeId, ...project.participatingOfficeIds];

const covers = (scope: OfficeScope, offices: string[]) =>
  scope === 'all' || offices.every((o) => scope.includes(o));

const holdsIn = (ctx: ActorCtx, permission: Permission, offices: string[]) =>
  offices.some((o) => can(ctx.actor, permission, o));

export async function reportAccess(
  ctx: ActorCtx,
  projectId: string,
  options: { officeId?: string; via?: 'staff' | 'donor' } = {},
): Promise<ReportAccess> {
  const project = await findProject(ctx.db, 'all', projectId);
  if (!project) throw notFound();
  const offices = officesOf(project);
  const readScope = scopeOf(ctx.actor, 'reports.read');
  const projectWide = holdsIn(ctx, 'reports.enter', offices);
  const reader = holdsIn(ctx, 'reports.read', offices);
  let access: Omit<ReportAccess, 'seesSensitive'>;
  const via = options.via ?? 'staff';
  if (via === 'staff' && reader) {
    const own = readScope === 'all' ? offices : offices.filter((o) => readScope.includes(o));
    access = {
      project,
      scope: projectWide ? offices : own,
      coverage: projectWide ? 'project' : 'own_offices',
      officeIds: projectWide ? offices : own,
      forceSuppression: projectWide && !covers(readScope, offices),
      donor: false,
      canManage: holdsIn(ctx, 'reports.manage', offices),
      canEnter: holdsIn(ctx, 'reports.enter', offices),
    };
  } else if (
    via === 'donor' &&
    can(ctx.actor, 'reports.shared') &&
    (await isReportViewer(ctx.db, projectId, ctx.actor.userId))
  ) {
    access = {
      project,
      scope: offices,
      coverage: 'project',
      officeIds: offices,
      forceSuppression: true,
      donor: true,
      canManage: false,
      canEnter: false,
    };
  } else throw notFound();
  if (options.officeId) {
    if (!access.officeIds.includes(options.officeId)) throw notFound();
    // One office's figures beside the whole project's would give the other offices' by subtraction.
    if (access.forceSuppression) throw forbidden();
    access = {
      ...access,
      scope: [options.officeId],
      officeIds: [options.officeId],
      // A manager who may not see every office's cells stays suppressed even on one office: the whole
      // project minus one office's figures would give the others'.
      forceSuppression: access.forceSuppression,
    };
  }
  const sensitiveScope = scopeOf(ctx.actor, 'cases.sensitive');
  return { ...access, seesSensitive: !access.donor && covers(sensitiveScope, access.officeIds) };
}

export function requireManage(access: ReportAccess): void {
  if (!access.canManage) throw forbidden();
}
export function requireEnter(access: ReportAccess): void {
  if (!access.canEnter) throw forbidden();
}
