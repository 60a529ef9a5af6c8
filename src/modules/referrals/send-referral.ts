import { type ActorCtx, can } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { isUniqueViolation } from '../../platform/db-errors';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { errorMessage, validationMessage } from '../../platform/i18n';
import { refuseRestricted, restrictedPaths } from '../../platform/restricted';
import { appendTimeline, findVisibleCase, isCaseClosed, otherCasesOfPersonIn } from '../cases';
import { identityRepository } from '../identity';
import { findConsent } from '../registry';
import { consentCoverage, officeNames, type Recipient } from './consent-coverage';
import type { ReferralSummary, SendReferralInput } from './contract';
import { notify } from './notify';
import { issueLinkIn } from './partner-links';
import * as repo from './repository';
import { normaliseSections, SENSITIVE_SECTIONS } from './sections';
import { summaryIn } from './views';

const DAY_MS = 86_400_000;

function fieldError(path: string, code: string, message: string): AppError {
  return new AppError('validation_failed', { fields: [{ path, code, message }] });
}

async function recipientOf(
  ctx: ActorCtx,
  input: SendReferralInput,
  owningOfficeId: string,
): Promise<Recipient> {
  if (input.partner) return { names: [input.partner.name] };
  const office = await identityRepository.findOffice(ctx.db, input.toOfficeId as string);
  if (!office) throw fieldError('toOfficeId', 'not_found', errorMessage(ctx.lang, 'not_found'));
  if (office.id === owningOfficeId) throw new AppError('referral_same_office');
  if (!office.active) throw new AppError('office_inactive', { params: { code: office.code } });
  return { names: officeNames(office) };
}

/** The consent the referral rests on, or the justified override; refuses otherwise. */
async function legalBasis(
  ctx: ActorCtx,
  input: SendReferralInput,
  personId: string,
  officeId: string,
  recipient: Recipient,
): Promise<{ consentId: string | null; overrideJustification: string | null }> {
  if (input.consentId) {
    const consent = await findConsent(ctx.db, personId, input.consentId);
    if (!consent) throw fieldError('consentId', 'not_found', errorMessage(ctx.lang, 'not_found'));
    const coverage = consentCoverage(consent, recipient);
    if (coverage !== 'covers')
      throw new AppError('referral_consent_not_covering', {
        params: { reason: validationMessage(ctx.lang, `consent_${coverage}`) },
      });
    return { consentId: consent.id, overrideJustification: null };
  }
  if (input.overrideJustification) {
    if (!can(ctx.actor, 'consents.override', officeId)) throw forbidden();
    return { consentId: null, overrideJustification: input.overrideJustification };
  }
  throw new AppError('referral_consent_required');
}

export async function sendReferral(
  ctx: ActorCtx,
  caseId: string,
  input: SendReferralInput,
): Promise<{ referralId: string; partnerPath: string | null; referral: ReferralSummary }> {
  const found = await findVisibleCase(ctx.db, ctx.actor, caseId, 'cases.write');
  if (!found) throw notFound();
  const caseRow = found.row;
  const officeId = caseRow.owningOfficeId;
  if (!can(ctx.actor, 'referrals.send', officeId)) throw forbidden();
  if (isCaseClosed(caseRow)) throw new AppError('referral_case_closed');
  const sections = normaliseSections(input.sections, input.kind);
  // No one shares what they may not read themselves.
  if (!can(ctx.actor, 'cases.sensitive', officeId))
    refuseRestricted(
      ctx.lang,
      restrictedPaths('sections', input.sections, (s) => SENSITIVE_SECTIONS.includes(s)),
    );
  const recipient = await recipientOf(ctx, input, officeId);
  const basis = await legalBasis(ctx, input, caseRow.personId, officeId, recipient);
  if (input.kind === 'transfer') {
    if (await repo.pendingTransferOf(ctx.db, caseId)) throw new AppError('referral_transfer_pending');
    // The person's record moves with the case: no other open case of theirs may stay behind.
    const others = await otherCasesOfPersonIn(ctx.db, caseRow.personId, officeId, caseId);
    if (others.some((c) => !isCaseClosed(c))) throw new AppError('referral_other_open_cases');
  }
  const now = ctx.clock.now();
  return ctx.db
    .transaction(async (tx) => {
      const row = await repo.insertReferral(tx, {
        reference: await repo.nextReferralReference(tx, now.getUTCFullYear()),
        kind: input.kind,
        status: 'pending',
        caseId,
        fromOfficeId: officeId,
        toOfficeId: input.toOfficeId ?? null,
        partnerName: input.partner?.name ?? null,
        partnerContact: input.partner?.contact ?? null,
        sections,
        summary: input.summary,
        reintegrationNeeds: input.reintegrationNeeds ?? null,
        ...basis,
        requestedBy: ctx.actor.userId,
        requestedByName: ctx.actor.displayName,
        requestedAt: now,
        dueOn: new Date(now.getTime() + input.responseDays * DAY_MS),
        followUpMonths: input.followUpMonths,
      });
      await appendTimeline(tx, {
        caseId,
        kind: 'referred',
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        data: {
          referralId: row.id,
          reference: row.reference,
          kind: row.kind,
          to: input.toOfficeId ?? null,
          partner: row.partnerName,
        },
        at: now,
      });
      await recordAudit(tx, ctx, {
        action: 'referral.sent',
        officeId,
        recordType: 'referral',
        recordId: row.id,
        metadata: {
          caseId,
          kind: row.kind,
          toOfficeId: row.toOfficeId,
          partner: row.partnerName,
          sections,
          consentId: row.consentId,
          consentOverride: row.overrideJustification !== null,
          overrideJustification: row.overrideJustification,
        },
      });
      const txCtx = { ...ctx, db: tx };
      if (row.toOfficeId) await notify(tx, row, 'receiver', 'referral.received', now);
      const partnerPath = row.partnerName
        ? (await issueLinkIn(txCtx, row, input.linkValidDays)).partnerPath
        : null;
      return { referralId: row.id, partnerPath, referral: await summaryIn(tx, ctx.actor, row.id, now) };
    })
    .catch((error: unknown) => {
      // Two transfers of the same case sent at once: the one-pending-transfer index keeps the first.
      if (input.kind === 'transfer' && isUniqueViolation(error))
        throw new AppError('referral_transfer_pending');
      throw error;
    });
}

/** Offices a case can be referred or transferred to: every other active office. */
export async function referralTargets(ctx: ActorCtx, excludeOfficeIds: string[]) {
  const rows = await identityRepository.listOffices(ctx.db);
  return rows
    .filter((o) => o.active && !excludeOfficeIds.includes(o.id))
    .map((o) => ({ id: o.id, code: o.code, name: o.name, country: o.country }));
}
