/** A household as the actor sees it: members with their health, clearances and orientation, and its blockers. */
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../platform/actor';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { seesSensitive, visibleNeeds } from '../../platform/sensitivity';
import { type CaseRow, findVisibleCase } from '../cases';
import type { HouseholdView } from './contract';
import { checksAt, type MemberFacts, memberBlockers } from './expiry';
import { isMinorOn } from './household-rules';
import { maySeeFindings, mayWorkOnHousehold } from './policy';
import { receptionLinkView } from './reception-link-view';
import { receptionLinksOf } from './reception-repository';
import * as repo from './repository';

export const todayOf = (ctx: Pick<ActorCtx, 'clock'>) => ctx.clock.now().toISOString().slice(0, 10);
export const nameOf = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/** Medical codes (mental illness, disability) are health data: never on a manifest or a partner's page. */
export const isMedicalNeed = (code: string) => /^(SM|DS)(-|$)/.test(code);

/**
 * The resettlement case the actor may reach: 404 when it is not one or is out of sight; for `write`, 403
 * when the actor sees it but may not change its resettlement records.
 */
export async function householdCase(
  ctx: ActorCtx,
  caseId: string,
  access: 'read' | 'write',
): Promise<CaseRow> {
  const found = await findVisibleCase(ctx.db, ctx.actor, caseId);
  if (found?.row.caseType !== 'resettlement') throw notFound();
  if (access === 'write' && !mayWorkOnHousehold(ctx.actor, found.row)) throw forbidden();
  return found.row;
}

/** The referral is recorded first: the other records hang on the household it creates. */
export async function referredHousehold(db: Db, caseId: string) {
  const household = await repo.householdOf(db, caseId);
  if (!household) throw new AppError('household_not_referred');
  return household;
}

/** The facts the expiry rules read, per active member of these households. */
export async function memberFactsOf(db: Db, caseIds: string[]): Promise<Map<string, MemberFacts[]>> {
  const [members, health, papers] = await Promise.all([
    repo.activeMembersOf(db, caseIds),
    repo.currentHealthOf(db, caseIds),
    repo.currentClearancesOf(db, caseIds),
  ]);
  const out = new Map<string, MemberFacts[]>();
  for (const { member, person } of members) {
    const h = health.find((x) => x.caseId === member.caseId && x.personId === member.personId);
    const paper = (kind: 'exit_permit' | 'visa') => {
      const c = papers.find(
        (x) => x.caseId === member.caseId && x.personId === member.personId && x.kind === kind,
      );
      return c ? { kind, validFrom: c.validFrom, validUntil: c.validUntil } : null;
    };
    const list = out.get(member.caseId) ?? [];
    list.push({
      personId: member.personId,
      name: nameOf(person),
      health: h
        ? { outcome: h.outcome, validUntil: h.validUntil, travelConditions: h.travelConditions }
        : null,
      exitPermit: paper('exit_permit'),
      visa: paper('visa'),
    });
    out.set(member.caseId, list);
  }
  return out;
}

export async function householdView(ctx: ActorCtx, row: CaseRow): Promise<HouseholdView> {
  const { db, actor } = ctx;
  const today = todayOf(ctx);
  const [household, members, former, health, papers, attended, submissions, booking, facts, links] =
    await Promise.all([
      repo.householdOf(db, row.id),
      repo.activeMembersOf(db, [row.id]),
      repo.formerMembersOf(db, row.id),
      repo.currentHealthOf(db, [row.id]),
      repo.currentClearancesOf(db, [row.id]),
      repo.attendedOf(db, row.id),
      repo.submissionsOf(db, row.id),
      repo.activeBookingOf(db, row.id),
      memberFactsOf(db, [row.id]),
      receptionLinksOf(db, row.id),
    ]);
  // Trafficking codes only where the reader may see them (platform/sensitivity).
  const seeSensitive = seesSensitive(actor, row.owningOfficeId);
  const clearance = (personId: string, kind: 'exit_permit' | 'visa') => {
    const c = papers.find((x) => x.personId === personId && x.kind === kind);
    return c
      ? {
          id: c.id,
          numberTail: c.numberTail,
          issuingCountry: c.issuingCountry,
          validFrom: c.validFrom,
          validUntil: c.validUntil,
        }
      : null;
  };
  const window = booking
    ? { from: booking.movement.departureDate, to: booking.movement.arrivalDate }
    : { from: today, to: today };
  const milestones: Record<string, string | null> = {};
  if (household)
    for (const key of [
      'identificationOn',
      'verificationOn',
      'interviewOn',
      'submissionOn',
      'decisionOn',
      'acceptedOn',
      'healthAssessmentOn',
      'preDepartureOrientationOn',
      'exitPermitsOn',
      'bookedOn',
      'departedOn',
      'arrivedOn',
      'handedOverOn',
    ] as const)
      milestones[key] = household[key];
  return {
    caseId: row.id,
    caseReference: row.reference,
    status: row.status,
    projectId: row.projectId,
    officeId: row.owningOfficeId,
    version: row.version,
    referral: household
      ? {
          agency: household.referringAgency,
          reference: household.referringReference,
          documentId: household.referralDocumentId,
        }
      : null,
    members: members.map(({ member, person }) => {
      const h = health.find((x) => x.personId === member.personId);
      return {
        personId: person.id,
        name: nameOf(person),
        nameOriginal: [person.givenNameOriginal, person.familyNameOriginal].filter(Boolean).join(' ') || null,
        relationship: member.relationship,
        sex: person.sex,
        birthDate: person.birthDate,
        birthDatePrecision: person.birthDatePrecision,
        minor: isMinorOn(person, today),
        needs: visibleNeeds(person.specificNeeds, seeSensitive),
        health: h
          ? {
              id: h.id,
              assessedOn: h.assessedOn,
              outcome: h.outcome,
              validUntil: h.validUntil,
              travelConditions: h.travelConditions,
              hasFindings: h.findingsSealed !== null,
            }
          : null,
        exitPermit: clearance(member.personId, 'exit_permit'),
        visa: clearance(member.personId, 'visa'),
        attendedOrientation: attended.has(member.personId),
      };
    }),
    formerMembers: former.map(({ member, person }) => ({
      personId: person.id,
      name: nameOf(person),
      leftOn: member.leftOn ?? '',
      leftReason: member.leftReason,
      leftToCaseId: member.leftToCaseId,
    })),
    milestones,
    submissions: submissions.map(({ entry, batch }) => ({
      batchId: batch.id,
      reference: batch.reference,
      batchStatus: batch.status,
      outcome: entry.outcome,
      decidedOn: entry.decidedOn,
    })),
    booking: booking
      ? {
          bookingId: booking.booking.id,
          movementId: booking.movement.id,
          movementReference: booking.movement.reference,
          departureDate: booking.movement.departureDate,
          status: booking.booking.status,
        }
      : null,
    blockers: memberBlockers(facts.get(row.id) ?? [], today, window, checksAt(row.status)),
    handedOverOn: household?.handedOverOn ?? null,
    handedOverTo: household?.handedOverTo ?? null,
    canSeeFindings: maySeeFindings(actor, row),
    receptionLinks: links.map((l) => receptionLinkView(l, ctx.clock.now())),
  };
}

/** The household as the actor sees it now. */
export async function getHousehold(ctx: ActorCtx, caseId: string): Promise<HouseholdView> {
  return householdView(ctx, await householdCase(ctx, caseId, 'read'));
}

/**
 * Runs a change to a household in one transaction and answers the household as committed by it: the
 * change and its answer are one consistent state (nothing half-written on a refusal).
 */
export function changeHousehold<Input>(
  change: (ctx: ActorCtx, caseId: string, input: Input) => Promise<unknown>,
) {
  return (ctx: ActorCtx, caseId: string, input: Input) =>
    ctx.db.transaction(async (tx) => {
      const inTx = { ...ctx, db: tx };
      await change(inTx, caseId, input);
      return getHousehold(inTx, caseId);
    });
}
