/**
 * The receiving country's reception partner (ADR 0018): the office gives it a link (platform/capability-links.ts:
 * random token, only its hash kept, expiring, revocable; one live link per household) through which it sees
 * the household's arrival section and nothing else, and confirms the reception. The office sees every link
 * and the confirmation on the household. Every issue, revocation, visit and confirmation is audited.
 */
import type { z } from 'zod';
import type { ActorCtx, Ctx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { capabilityHash, liveCapability, newCapability } from '../../platform/capability-links';
import { AppError, notFound } from '../../platform/errors';
import { isSensitiveNeed } from '../../platform/sensitivity';
import { appendTimeline, type CaseRow, caseRecord } from '../cases';
import type {
  ReceptionConfirmSchema,
  ReceptionLinkInputSchema,
  ReceptionLinkIssuedSchema,
  ReceptionPartnerView,
} from './contract';
import { householdCase, isMedicalNeed, nameOf, referredHousehold } from './household-view';
import { receptionLinkView } from './reception-link-view';
import * as rrepo from './reception-repository';
import * as repo from './repository';

type Issued = z.infer<typeof ReceptionLinkIssuedSchema>;
type LinkInput = z.output<typeof ReceptionLinkInputSchema>;

/** Mobility assistance the reception must provide on arrival; the other travel conditions are medical. */
const MOBILITY = new Set(['WCHR', 'WCHS', 'WCHC']);

/** The movement the household leaves (left) on: its boarded booking, or the one it is booked on. */
async function movementOf(db: Ctx['db'], caseId: string) {
  return (await repo.boardedBookingOf(db, caseId)) ?? (await repo.activeBookingOf(db, caseId));
}

/**
 * Issues a link for the household `row` (revoking the previous one), in the caller's transaction: once the
 * household is booked, so that the partner sees its flight.
 */
export async function issueReceptionLinkIn(ctx: ActorCtx, row: CaseRow, input: LinkInput): Promise<Issued> {
  await rrepo.lockHouseholdRow(ctx.db, row.id);
  if (!(await movementOf(ctx.db, row.id))) throw new AppError('reception_not_booked');
  const now = ctx.clock.now();
  const { token, tokenHash, expiresAt } = newCapability(now, input.validDays);
  const revoked = await rrepo.revokeLinksOf(ctx.db, row.id, now);
  const link = await rrepo.insertReceptionLink(ctx.db, {
    caseId: row.id,
    partnerName: input.partnerName,
    partnerContact: input.partnerContact,
    receptionPlace: input.receptionPlace,
    tokenHash,
    expiresAt,
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.displayName,
    createdAt: now,
  });
  await recordAudit(ctx.db, ctx, {
    action: 'resettlement.reception_link_issued',
    officeId: row.owningOfficeId,
    recordType: 'case',
    recordId: row.id,
    changes: { receptionLink: { new: { partner: input.partnerName, place: input.receptionPlace } } },
    metadata: { linkId: link.id, expiresAt: expiresAt.toISOString(), revoked },
  });
  return {
    link: receptionLinkView(link, now),
    partnerPath: `/reception/${token}`,
    expiresAt: expiresAt.toISOString(),
  };
}

export async function issueReceptionLink(ctx: ActorCtx, caseId: string, input: LinkInput): Promise<Issued> {
  const row = await householdCase(ctx, caseId, 'write');
  await referredHousehold(ctx.db, caseId);
  return ctx.db.transaction((tx) => issueReceptionLinkIn({ ...ctx, db: tx }, row, input));
}

export async function revokeReceptionLink(ctx: ActorCtx, caseId: string, linkId: string): Promise<void> {
  const row = await householdCase(ctx, caseId, 'write');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await rrepo.lockHouseholdRow(tx, caseId);
    const link = await rrepo.findReceptionLink(tx, caseId, linkId);
    if (!link) throw notFound();
    if (link.revokedAt) return;
    await rrepo.revokeLink(tx, link.id, now);
    await recordAudit(tx, ctx, {
      action: 'resettlement.reception_link_revoked',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: caseId,
      metadata: { linkId: link.id, partner: link.partnerName },
    });
  });
}

/** The link a token opens and its household, or 404 (unknown) / 410 (expired, revoked, household withdrawn). */
async function resolve(ctx: Ctx, token: string) {
  const found = await rrepo.receptionLinkByHash(ctx.db, capabilityHash(token));
  const row = found ? await caseRecord(ctx.db, found.link.caseId) : undefined;
  const household = row ? await repo.householdOf(ctx.db, row.id) : undefined;
  const now = ctx.clock.now();
  const link = liveCapability(household ? found?.link : undefined, now, row?.status === 'withdrawn');
  if (!found || !row || !household) throw new AppError('partner_link_invalid');
  return { link, officeName: found.officeName, row, household, now };
}

/** The partner, as the audit log names the actor of its visits and answers. */
const partnerActor = (link: rrepo.ReceptionLinkRow) => `reception:${link.partnerName}`;

/** What the reception partner sees: the arrival section, nothing else. */
export async function receptionView(ctx: Ctx, token: string): Promise<ReceptionPartnerView> {
  const { link, officeName, row, household, now } = await resolve(ctx, token);
  const [members, health, booking] = await Promise.all([
    repo.activeMembersOf(ctx.db, [row.id]),
    repo.currentHealthOf(ctx.db, [row.id]),
    movementOf(ctx.db, row.id),
  ]);
  const legs = booking ? await repo.legsOf(ctx.db, booking.movement.id) : [];
  const principal = members.find((m) => m.member.relationship === 'principal') ?? members[0];
  await ctx.db.transaction(async (tx) => {
    await rrepo.touchReceptionLink(tx, link.id, now);
    await recordAudit(tx, ctx, {
      action: 'resettlement.reception_link_visited',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: row.id,
      actorEmail: partnerActor(link),
      metadata: { linkId: link.id, partner: link.partnerName },
    });
  });
  return {
    caseReference: row.reference,
    fromOffice: officeName,
    partnerName: link.partnerName,
    receptionPlace: link.receptionPlace,
    receivingContact: link.partnerContact,
    expiresAt: link.expiresAt.toISOString(),
    household: {
      principal: principal ? nameOf(principal.person) : '',
      members: members.map(({ member, person }) => {
        const conditions =
          health.find((h) => h.personId === person.id)?.travelConditions.filter((c) => MOBILITY.has(c)) ?? [];
        return {
          name: nameOf(person),
          nameOriginal:
            [person.givenNameOriginal, person.familyNameOriginal].filter(Boolean).join(' ') || null,
          relationship: member.relationship,
          sex: person.sex,
          birthYear: person.birthDate ? Number(person.birthDate.slice(0, 4)) : null,
          // Trafficking and medical codes never leave for a partner (as on a manifest).
          assistance: [
            ...person.specificNeeds.filter((c) => !isSensitiveNeed(c) && !isMedicalNeed(c)),
            ...conditions,
          ],
        };
      }),
    },
    arrival: booking
      ? {
          status: household.arrivedOn ? 'arrived' : 'expected',
          date: household.arrivedOn ?? booking.movement.arrivalDate,
          destinationCountry: booking.movement.destinationCountry,
          flights: legs.map((l) => ({
            carrier: l.carrier,
            flightNumber: l.flightNumber,
            fromAirport: l.fromAirport,
            toAirport: l.toAirport,
            departsAt: l.departsAt.toISOString(),
            arrivesAt: l.arrivesAt.toISOString(),
          })),
        }
      : null,
    confirmation: receptionLinkView(link, now).confirmation,
  };
}

/** The partner confirms it received the household (once, after its arrival): on the household and its timeline. */
export async function confirmReception(
  ctx: Ctx,
  token: string,
  input: z.output<typeof ReceptionConfirmSchema>,
): Promise<void> {
  const { link, row, household, now } = await resolve(ctx, token);
  if (link.confirmedAt) throw new AppError('reception_already_confirmed');
  if (!household.arrivedOn) throw new AppError('reception_not_arrived');
  await ctx.db.transaction(async (tx) => {
    const confirmed = await rrepo.confirmReceptionAt(tx, link.id, {
      receivedOn: input.receivedOn,
      confirmedByName: input.confirmedBy,
      confirmationNote: input.note ?? null,
      confirmedAt: now,
    });
    if (!confirmed) throw new AppError('reception_already_confirmed');
    await appendTimeline(tx, {
      caseId: row.id,
      kind: 'updated',
      actorUserId: null,
      actorName: `${input.confirmedBy} (${link.partnerName})`,
      comment: input.note ?? null,
      data: {
        receptionConfirmed: { linkId: link.id, receivedOn: input.receivedOn, partner: link.partnerName },
      },
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'resettlement.reception_confirmed',
      officeId: row.owningOfficeId,
      recordType: 'case',
      recordId: row.id,
      actorEmail: partnerActor(link),
      changes: {
        receivedOn: { new: input.receivedOn },
        confirmedBy: { new: input.confirmedBy },
      },
      metadata: { linkId: link.id, partner: link.partnerName },
    });
  });
}
