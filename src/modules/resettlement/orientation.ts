/** Pre-departure orientation sessions and who attended them. */
import type { z } from 'zod';
import { type ActorCtx, can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import { caseRecord } from '../cases';
import { assertProjectUsable } from '../projects';
import type { AttendanceSchema, CreateOrientationSessionSchema } from './contract';
import { resettlementScope } from './policy';
import * as repo from './repository';

export async function sessionView(ctx: ActorCtx, session: repo.SessionRow) {
  const attendance = await repo.attendanceOf(ctx.db, session.id);
  return {
    id: session.id,
    projectId: session.projectId,
    officeId: session.owningOfficeId,
    heldOn: session.heldOn,
    place: session.place,
    language: session.language,
    facilitator: session.facilitator,
    attendance: attendance.map((a) => ({
      personId: a.row.personId,
      caseId: a.row.caseId,
      name: `${a.givenName} ${a.familyName}`,
      present: a.row.present,
    })),
    version: session.version,
  };
}

export async function getOrientationSession(ctx: ActorCtx, id: string) {
  const session = await repo.findSession(ctx.db, id, resettlementScope(ctx.actor, 'read'));
  if (!session) throw notFound();
  return sessionView(ctx, session);
}

export async function createOrientationSession(
  ctx: ActorCtx,
  input: z.infer<typeof CreateOrientationSessionSchema>,
) {
  if (!can(ctx.actor, 'resettlement.write', input.officeId)) throw forbidden();
  await assertProjectUsable(ctx, input.projectId);
  return ctx.db.transaction(async (tx) => {
    const session = await repo.insertSession(tx, {
      projectId: input.projectId,
      owningOfficeId: input.officeId,
      heldOn: input.heldOn,
      place: input.place,
      language: input.language,
      facilitator: input.facilitator,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'resettlement.orientation_saved',
      officeId: input.officeId,
      recordType: 'orientation_session',
      recordId: session.id,
      changes: { heldOn: { new: input.heldOn }, place: { new: input.place } },
    });
    return sessionView({ ...ctx, db: tx }, session);
  });
}

/** Who was there: members of households of the session's office; answered with the session. */
export async function setAttendance(
  ctx: ActorCtx,
  sessionId: string,
  input: z.infer<typeof AttendanceSchema>,
) {
  const session = await repo.findSession(ctx.db, sessionId, resettlementScope(ctx.actor, 'read'));
  if (!session) throw notFound();
  if (!can(ctx.actor, 'resettlement.write', session.owningOfficeId)) throw forbidden();
  const memberships = await repo.activeMemberships(
    ctx.db,
    input.attendance.map((a) => a.personId),
  );
  const rows: { sessionId: string; caseId: string; personId: string; present: boolean }[] = [];
  const wrong: string[] = [];
  for (const [i, a] of input.attendance.entries()) {
    const member = memberships.find((m) => m.personId === a.personId);
    const household = member ? await caseRecord(ctx.db, member.caseId) : undefined;
    if (!member || household?.owningOfficeId !== session.owningOfficeId)
      wrong.push(`attendance.${i}.personId`);
    else rows.push({ sessionId, caseId: member.caseId, personId: a.personId, present: a.present });
  }
  if (wrong.length > 0)
    throw new AppError('validation_failed', {
      fields: wrong.map((path) => ({
        path,
        code: 'not_a_member',
        message: validationMessage(ctx.lang, 'not_a_member'),
      })),
    });
  return ctx.db.transaction(async (tx) => {
    const after = await repo.bumpSession(tx, sessionId, input.version);
    if (!after) {
      const current = await repo.findSession(tx, sessionId, resettlementScope(ctx.actor, 'read'));
      throw versionConflict(current ? await sessionView({ ...ctx, db: tx }, current) : null);
    }
    await repo.upsertAttendance(tx, rows);
    await recordAudit(tx, ctx, {
      action: 'resettlement.attendance_recorded',
      officeId: session.owningOfficeId,
      recordType: 'orientation_session',
      recordId: sessionId,
      changes: { attendance: { new: rows.map((r) => ({ personId: r.personId, present: r.present })) } },
    });
    return sessionView({ ...ctx, db: tx }, after);
  });
}
