import { type ActorCtx, type Ctx, can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { appendTimeline, assertAssignable, caseRecord, handOverCase, isCaseClosed } from '../cases';
import { handOverPerson } from '../registry';
import type { ReferralSummary } from './contract';
import { notify } from './notify';
import * as repo from './repository';
import { type ReferralSection, sectionOfNeed, withheldSections } from './sections';
import { sideOf, summaryIn, writesThread } from './views';

async function pendingForReceiver(ctx: ActorCtx, referralId: string) {
  const r = await repo.findReferral(ctx.db, ctx.actor, referralId);
  if (!r) throw notFound();
  if (
    !r.row.toOfficeId ||
    sideOf(ctx.actor, r) !== 'receiver' ||
    !can(ctx.actor, 'referrals.respond', r.row.toOfficeId)
  )
    throw forbidden();
  if (r.row.status !== 'pending') throw new AppError('referral_not_pending');
  return { r, toOfficeId: r.row.toOfficeId };
}

export async function acceptReferral(
  ctx: ActorCtx,
  referralId: string,
  input: { assigneeId?: string | null },
): Promise<ReferralSummary> {
  const { r, toOfficeId } = await pendingForReceiver(ctx, referralId);
  const transfer = r.row.kind === 'transfer';
  if (transfer) await assertAssignable(ctx, toOfficeId, input.assigneeId, r.caseSensitive);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const followUpUntil = new Date(now);
    followUpUntil.setUTCMonth(followUpUntil.getUTCMonth() + r.row.followUpMonths);
    const updated = await repo.updateReferralIf(tx, r.row.id, ['pending'], {
      status: 'accepted',
      respondedBy: ctx.actor.userId,
      respondedByName: ctx.actor.displayName,
      respondedAt: now,
      followUpUntil: transfer ? followUpUntil : null,
    });
    if (!updated) throw new AppError('referral_not_pending');
    await appendTimeline(tx, {
      caseId: r.row.caseId,
      kind: 'referral_answered',
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      data: { referralId: r.row.id, reference: r.row.reference, accepted: true },
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'referral.accepted',
      officeId: toOfficeId,
      recordType: 'referral',
      recordId: r.row.id,
      metadata: { caseId: r.row.caseId, kind: r.row.kind },
    });
    if (transfer)
      await completeTransfer({ ...ctx, db: tx }, updated, toOfficeId, input.assigneeId ?? null, now);
    await notify(tx, updated, 'sender', 'referral.accepted', now);
    return summaryIn(tx, ctx.actor, r.row.id, now);
  });
}

async function completeTransfer(
  ctx: ActorCtx,
  r: repo.ReferralRow,
  toOfficeId: string,
  assigneeId: string | null,
  now: Date,
): Promise<void> {
  const caseRow = await caseRecord(ctx.db, r.caseId);
  if (!caseRow) throw notFound();
  // The sender may have closed or moved the case since asking.
  if (caseRow.owningOfficeId !== r.fromOfficeId) throw new AppError('referral_not_pending');
  if (isCaseClosed(caseRow)) throw new AppError('referral_case_closed');
  const shared = r.sections as ReferralSection[];
  // What an earlier transfer withheld from the sender cannot travel on with this one: those sections stay
  // withheld (from now, as one moment is kept per case: safe, at the price of hiding the sender's own
  // content in them too).
  const earlier = caseRow.withheldBefore ? caseRow.withheldSections : [];
  const withheld = withheldSections(shared.filter((s) => !earlier.includes(s)));
  // Fitness to travel is health data: unshared, it does not travel (the new owner assesses it again if needed);
  // the former value stays in the audit event below.
  const withholdFitness = withheld.includes('medical_fitness') && caseRow.medicalFitness !== null;
  const after = await handOverCase(
    ctx.db,
    caseRow,
    { toOfficeId, assigneeId, withheld, dropMedicalFitness: withholdFitness },
    now,
  );
  if (!after) throw new AppError('referral_not_pending');
  const moved = await handOverPerson(
    ctx.db,
    caseRow.personId,
    toOfficeId,
    { keepNeed: (code) => shared.includes(sectionOfNeed(code)), keepDocuments: shared.includes('documents') },
    now,
  );
  // The former owner's referrals of the case end with its ownership: they would otherwise keep showing the
  // case as it is now (the new owner's content) to the former owner and to their receivers.
  for (const other of await repo.openReferralsOfCase(ctx.db, caseRow.id, r.fromOfficeId))
    await revokeIn(ctx, other, 'case_transferred', now);
  await appendTimeline(ctx.db, {
    caseId: caseRow.id,
    kind: 'transferred',
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    data: { referralId: r.id, reference: r.reference, fromOfficeId: r.fromOfficeId, toOfficeId },
    // After the withholding moment, so the new owner sees it on the timeline.
    at: new Date(now.getTime() + 1),
  });
  await recordAudit(ctx.db, ctx, {
    action: 'case.transferred',
    officeId: toOfficeId,
    recordType: 'case',
    recordId: caseRow.id,
    changes: {
      owningOfficeId: { old: r.fromOfficeId, new: toOfficeId },
      assignedTo: { old: caseRow.assignedTo, new: assigneeId },
    },
    metadata: {
      referralId: r.id,
      personId: caseRow.personId,
      withheldSections: withheld,
      setAsideNeeds: moved.setAsideNeeds,
      ...(withholdFitness ? { withheldMedicalFitness: caseRow.medicalFitness } : {}),
    },
  });
}

export async function declineReferral(
  ctx: ActorCtx,
  referralId: string,
  reason: string,
): Promise<ReferralSummary> {
  const { r, toOfficeId } = await pendingForReceiver(ctx, referralId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const updated = await repo.updateReferralIf(tx, r.row.id, ['pending'], {
      status: 'declined',
      respondedBy: ctx.actor.userId,
      respondedByName: ctx.actor.displayName,
      respondedAt: now,
      declineReason: reason,
    });
    if (!updated) throw new AppError('referral_not_pending');
    await appendTimeline(tx, {
      caseId: r.row.caseId,
      kind: 'referral_answered',
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      comment: reason,
      data: { referralId: r.row.id, reference: r.row.reference, accepted: false },
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'referral.declined',
      officeId: toOfficeId,
      recordType: 'referral',
      recordId: r.row.id,
      metadata: { caseId: r.row.caseId, reason },
    });
    await notify(tx, updated, 'sender', 'referral.declined', now);
    return summaryIn(tx, ctx.actor, r.row.id, now);
  });
}

/** Ends a referral inside the caller's transaction: links die, the receiver is told. */
async function revokeIn(ctx: Ctx, r: repo.ReferralRow, reason: string, now: Date): Promise<boolean> {
  const updated = await repo.updateReferralIf(ctx.db, r.id, ['pending', 'accepted'], {
    status: 'revoked',
    revokedAt: now,
    revokedReason: reason,
  });
  if (!updated) return false;
  await repo.revokePartnerLinks(ctx.db, r.id, now);
  await recordAudit(ctx.db, ctx, {
    action: 'referral.revoked',
    officeId: r.fromOfficeId,
    recordType: 'referral',
    recordId: r.id,
    metadata: { caseId: r.caseId, reason, previousStatus: r.status },
  });
  await notify(ctx.db, updated, 'receiver', 'referral.revoked', now);
  return true;
}

export async function revokeReferral(
  ctx: ActorCtx,
  referralId: string,
  reason: string,
): Promise<ReferralSummary> {
  const r = await repo.findReferral(ctx.db, ctx.actor, referralId);
  if (!r) throw notFound();
  if (sideOf(ctx.actor, r) !== 'sender' || !can(ctx.actor, 'referrals.send', r.row.fromOfficeId))
    throw forbidden();
  // An accepted transfer has moved the case: it is the new owner's now.
  if (!(r.row.status === 'pending' || (r.row.status === 'accepted' && r.row.kind === 'referral')))
    throw new AppError('referral_not_revocable');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (!(await revokeIn({ ...ctx, db: tx }, r.row, reason, now)))
      throw new AppError('referral_not_revocable');
    return summaryIn(tx, ctx.actor, r.row.id, now);
  });
}

/** Consent withdrawn: every referral resting on it ends (an accepted transfer keeps its owner; the follow-up stops). */
export async function revokeReferralsOfConsent(ctx: ActorCtx, consentId: string): Promise<void> {
  const now = ctx.clock.now();
  for (const r of await repo.referralsOfConsent(ctx.db, consentId))
    await revokeIn(ctx, r, 'consent_withdrawn', now);
}

export async function postMessage(ctx: ActorCtx, referralId: string, body: string): Promise<void> {
  const r = await repo.findReferral(ctx.db, ctx.actor, referralId);
  if (!r) throw notFound();
  const side = sideOf(ctx.actor, r);
  const office = side === 'sender' ? r.row.fromOfficeId : r.row.toOfficeId;
  // Oversight roles read threads; only the two offices' staff write in them.
  if (!office || !writesThread(ctx.actor, office)) throw forbidden();
  if (r.row.status !== 'pending' && r.row.status !== 'accepted') throw new AppError('referral_not_pending');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const message = await repo.insertMessage(tx, {
      referralId: r.row.id,
      side,
      authorUserId: ctx.actor.userId,
      authorName: ctx.actor.displayName,
      body,
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'referral.message_posted',
      officeId: office,
      recordType: 'referral',
      recordId: r.row.id,
      metadata: { messageId: message.id, side },
    });
    await notify(
      tx,
      r.row,
      side === 'sender' ? 'receiver' : 'sender',
      'referral.message',
      now,
      ctx.actor.userId,
    );
  });
}

/** Tells both sides once about each referral left unanswered past its due date. Runs periodically. */
export async function notifyOverdue(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const due = await repo.overdueUnnotified(ctx.db, now);
  for (const r of due)
    await ctx.db.transaction(async (tx) => {
      const marked = await repo.updateReferralIf(tx, r.id, ['pending'], { overdueNotifiedAt: now });
      if (!marked) return;
      await notify(tx, marked, 'receiver', 'referral.overdue', now);
      await notify(tx, marked, 'sender', 'referral.overdue', now);
    });
  return due.length;
}
