/**
 * Donor access: the project manager (or an administrator who manages projects) grants a donor account the
 * right to read a project's suppressed figures, and can take it back. Donors see the projects granted to
 * them and nothing else.
 */
import type { ActorCtx } from '../../platform/actor';
import { can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import { actorOf } from '../identity';
import { findProject } from '../projects';
import { reportAccess, requireManage } from './policy';
import * as repo from './repository';

export async function listViewers(ctx: ActorCtx, projectId: string) {
  const access = await reportAccess(ctx, projectId);
  requireManage(access);
  const [viewers, candidates] = await Promise.all([
    repo.viewersOf(ctx.db, projectId),
    repo.donorAccountsIn(ctx.db, access.officeIds),
  ]);
  return {
    viewers: viewers.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })),
    candidates: candidates.filter((c) => !viewers.some((v) => v.userId === c.userId)),
  };
}

export async function grantViewer(ctx: ActorCtx, projectId: string, userId: string) {
  const access = await reportAccess(ctx, projectId);
  requireManage(access);
  const viewer = await actorOf(ctx.db, userId);
  // Only donor accounts are granted: staff read figures through their own roles.
  if (!viewer || !can(viewer, 'reports.shared'))
    throw new AppError('validation_failed', {
      fields: [{ path: 'userId', code: 'not_donor', message: 'donor' }],
    });
  await ctx.db.transaction(async (tx) => {
    await repo.insertViewer(tx, {
      projectId,
      userId,
      grantedBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'report.viewer_granted',
      officeId: access.project.owningOfficeId,
      recordType: 'project',
      recordId: projectId,
      metadata: { userId },
    });
  });
  return listViewers(ctx, projectId);
}

export async function revokeViewer(ctx: ActorCtx, projectId: string, userId: string) {
  const access = await reportAccess(ctx, projectId);
  requireManage(access);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteViewer(tx, projectId, userId))) throw notFound();
    await recordAudit(tx, ctx, {
      action: 'report.viewer_revoked',
      officeId: access.project.owningOfficeId,
      recordType: 'project',
      recordId: projectId,
      metadata: { userId },
    });
  });
}

/** The projects a donor account has been granted. */
export async function donorProjects(ctx: ActorCtx) {
  const granted = await repo.projectsViewedBy(ctx.db, ctx.actor.userId);
  const projects = (await Promise.all(granted.map((id) => findProject(ctx.db, 'all', id)))).filter(
    (p) => p !== undefined,
  );
  return projects.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    donor: p.donor,
    startDate: p.startDate,
    endDate: p.endDate,
  }));
}
