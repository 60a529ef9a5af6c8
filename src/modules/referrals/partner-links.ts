/**
 * Partners without accounts (a shelter, a vocational school, an employer) follow one referral through an
 * expiring link (platform/capability-links.ts: a random token of which only the SHA-256 is stored, so a
 * tampered or guessed link matches nothing). Every visit and answer is audited.
 */
import type { z } from 'zod';
import type { ActorCtx, Ctx } from '../../platform/actor';
import { can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { capabilityHash, liveCapability, newCapability } from '../../platform/capability-links';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { appendTimeline, type CaseRow, caseRecord } from '../cases';
import type { PartnerViewSchema } from './contract';
import { notify } from './notify';
import * as repo from './repository';
import type { ReferralSection } from './sections';
import { readableSections, sharedCase } from './shared-view';
import { initials } from './views';

/** Issues a new link for a partner referral (revoking the previous one), inside the caller's transaction. */
export async function issueLinkIn(
  ctx: Ctx & { db: ActorCtx['db'] },
  r: repo.ReferralRow,
  validDays: number,
): Promise<{ partnerPath: string; expiresAt: string }> {
  const now = ctx.clock.now();
  const { token, tokenHash, expiresAt } = newCapability(now, validDays);
  await repo.revokePartnerLinks(ctx.db, r.id, now);
  await repo.insertPartnerLink(ctx.db, {
    referralId: r.id,
    tokenHash,
    expiresAt,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now,
  });
  await recordAudit(ctx.db, ctx, {
    action: 'referral.partner_link_issued',
    officeId: r.fromOfficeId,
    recordType: 'referral',
    recordId: r.id,
    metadata: { partner: r.partnerName, expiresAt: expiresAt.toISOString() },
  });
  return { partnerPath: `/partner/${token}`, expiresAt: expiresAt.toISOString() };
}

async function partnerReferralForSender(ctx: ActorCtx, referralId: string) {
  const r = await repo.findReferral(ctx.db, ctx.actor, referralId);
  if (!r?.row.partnerName) throw notFound();
  if (!can(ctx.actor, 'referrals.send', r.row.fromOfficeId)) throw forbidden();
  return r;
}

export async function issuePartnerLink(ctx: ActorCtx, referralId: string, validDays: number) {
  const r = await partnerReferralForSender(ctx, referralId);
  if (r.row.status !== 'pending' && r.row.status !== 'accepted') throw new AppError('referral_not_pending');
  return ctx.db.transaction((tx) => issueLinkIn({ ...ctx, db: tx }, r.row, validDays));
}

export async function revokePartnerLink(ctx: ActorCtx, referralId: string): Promise<void> {
  const r = await partnerReferralForSender(ctx, referralId);
  await ctx.db.transaction(async (tx) => {
    const revoked = await repo.revokePartnerLinks(tx, r.row.id, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'referral.partner_link_revoked',
      officeId: r.row.fromOfficeId,
      recordType: 'referral',
      recordId: r.row.id,
      metadata: { revoked },
    });
  });
}

/** The referral behind a link, or a clear refusal: unknown (tampered) links and dead links differ. */
async function resolve(ctx: Ctx, token: string) {
  const found = await repo.partnerLinkByHash(ctx.db, capabilityHash(token));
  const r = found ? await repo.findReferralById(ctx.db, found.referralId) : undefined;
  const now = ctx.clock.now();
  const link = liveCapability(
    r ? found : undefined,
    now,
    r?.row.status === 'revoked' || r?.row.status === 'declined',
  );
  if (!r) throw new AppError('partner_link_invalid');
  return { link, r, now };
}

const partnerActor = (r: repo.ReferralJoined) => `partner:${r.row.partnerName ?? ''}`;

async function auditPartner(
  ctx: Ctx,
  r: repo.ReferralJoined,
  action: 'referral.partner_visited' | 'referral.accepted' | 'referral.declined' | 'referral.message_posted',
  metadata: Record<string, unknown> = {},
) {
  await recordAudit(ctx.db, ctx, {
    action,
    officeId: r.row.fromOfficeId,
    recordType: 'referral',
    recordId: r.row.id,
    actorEmail: partnerActor(r),
    metadata: { partner: r.row.partnerName, ...metadata },
  });
}

export async function partnerView(ctx: Ctx, token: string): Promise<z.infer<typeof PartnerViewSchema>> {
  const { link, r, now } = await resolve(ctx, token);
  const accepted = r.row.status === 'accepted';
  // A partner never sees trafficking details or confidential notes, whatever was chosen.
  const sections = readableSections(r.row.sections as ReferralSection[], false);
  const shared = accepted
    ? await sharedCase(
        ctx.db,
        (await caseRecord(ctx.db, r.row.caseId)) as CaseRow,
        sections,
        r.row.reintegrationNeeds,
      )
    : null;
  const messages = await repo.messagesOf(ctx.db, r.row.id);
  await ctx.db.transaction(async (tx) => {
    await repo.touchPartnerLink(tx, link.id, now);
    await auditPartner({ ...ctx, db: tx }, r, 'referral.partner_visited', { shared: accepted });
  });
  return {
    reference: r.row.reference,
    status: r.row.status,
    fromOffice: r.from,
    partnerName: r.row.partnerName ?? '',
    summary: r.row.summary,
    sections,
    personInitials: initials(r.givenName, r.familyName),
    expiresAt: link.expiresAt.toISOString(),
    shared,
    messages: messages.map((m) => ({
      id: m.id,
      authorName: m.authorName,
      side: m.side,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

export async function partnerAnswer(
  ctx: Ctx,
  token: string,
  answer: { accept: true } | { accept: false; reason: string },
): Promise<void> {
  const { r, now } = await resolve(ctx, token);
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateReferralIf(tx, r.row.id, ['pending'], {
      status: answer.accept ? 'accepted' : 'declined',
      respondedByName: r.row.partnerName,
      respondedAt: now,
      declineReason: answer.accept ? null : answer.reason,
    });
    if (!updated) throw new AppError('referral_not_pending');
    await appendTimeline(tx, {
      caseId: r.row.caseId,
      kind: 'referral_answered',
      actorUserId: null,
      actorName: r.row.partnerName ?? '',
      comment: answer.accept ? null : answer.reason,
      data: { referralId: r.row.id, reference: r.row.reference, accepted: answer.accept },
      at: now,
    });
    const txCtx = { ...ctx, db: tx };
    await auditPartner(txCtx, r, answer.accept ? 'referral.accepted' : 'referral.declined');
    await notify(tx, updated, 'sender', answer.accept ? 'referral.accepted' : 'referral.declined', now);
  });
}

export async function partnerMessage(ctx: Ctx, token: string, body: string): Promise<void> {
  const { r, now } = await resolve(ctx, token);
  await ctx.db.transaction(async (tx) => {
    await repo.insertMessage(tx, {
      referralId: r.row.id,
      side: 'receiver',
      authorUserId: null,
      authorName: r.row.partnerName ?? '',
      body,
      createdAt: now,
    });
    await auditPartner({ ...ctx, db: tx }, r, 'referral.message_posted');
    await notify(tx, r.row, 'sender', 'referral.message', now);
  });
}
