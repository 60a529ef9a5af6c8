/** Contract-shaped views of referrals: the summary (what anyone on either side sees) and the detail. */
import type { Db } from '../../db/client';
import { type Actor, can } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { type CaseType, caseRecord, timelineOf } from '../cases';
import type { ReferralDetail, ReferralSummary } from './contract';
import { readerSeesSensitive, type Side, sideOf, writesThread } from './policy';
import * as repo from './repository';
import type { ReferralSection } from './sections';
import { readableSections, sharedCase } from './shared-view';

export function initials(givenName: string, familyName: string): string {
  const first = (s: string) => [...s.trim()][0]?.toUpperCase() ?? '';
  return `${first(givenName)}. ${first(familyName)}.`;
}

function ageYears(birthDate: string | null, today: Date): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
  return age;
}

export function toSummary(
  r: repo.ReferralJoined,
  side: Side,
  seesSensitive: boolean,
  now: Date,
): ReferralSummary {
  const sections = r.row.sections as ReferralSection[];
  // A trafficking case is shown as plain AVRR to a reader who may not know it is one, and to the receiver
  // until it accepts (ADR 0009). An accepted transfer makes the receiver the owner of a trafficking case,
  // handled under the same restriction (cases.sensitive), so its type is no secret to them any more.
  const accepted = r.row.status === 'accepted';
  const revealsTrafficking =
    side === 'sender' ||
    (accepted && seesSensitive && (sections.includes('trafficking_details') || r.row.kind === 'transfer'));
  const caseType = (r.caseType === 'avrr_vot' && !revealsTrafficking ? 'avrr' : r.caseType) as CaseType;
  return {
    id: r.row.id,
    reference: r.row.reference,
    kind: r.row.kind,
    status: r.row.status,
    caseId: r.row.caseId,
    caseReference: r.caseReference,
    caseType,
    fromOffice: r.from,
    toOffice: r.to?.id ? { id: r.to.id, code: r.to.code, name: r.to.name } : null,
    partnerName: r.row.partnerName,
    personInitials: initials(r.givenName, r.familyName),
    personSex: r.sex,
    personAgeYears: ageYears(r.birthDate, now),
    nationalities: r.nationalities,
    returnCountry: r.returnCountry,
    // The names of sections the reader may not read stay hidden too: "trafficking details travel" says
    // what the masked case type hides.
    sections: readableSections(sections, seesSensitive),
    summary: r.row.summary,
    consentOverride: r.row.overrideJustification !== null,
    requestedByName: r.row.requestedByName,
    requestedAt: r.row.requestedAt.toISOString(),
    dueOn: r.row.dueOn.toISOString(),
    overdue: r.row.status === 'pending' && r.row.dueOn < now,
    respondedByName: r.row.respondedByName,
    respondedAt: r.row.respondedAt?.toISOString() ?? null,
    declineReason: r.row.declineReason,
    revokedReason: r.row.revokedReason,
    followUpUntil: r.row.followUpUntil?.toISOString() ?? null,
    side,
  };
}

export function summaryFor(actor: Actor, r: repo.ReferralJoined, now: Date): ReferralSummary {
  const side = sideOf(actor, r);
  return toSummary(r, side, readerSeesSensitive(actor, r, side), now);
}

/**
 * Whether the reader gets the shared sections now, read from the case as it is. A referral: the sender (what
 * travels) and, once accepted, the receiver, while the sender owns the case. An accepted transfer: the new
 * owner (what came with the case, among which the reintegration needs written on the transfer), while it owns
 * the case; the former owner follows progress only.
 */
function sharesNow(r: repo.ReferralJoined, side: Side, caseOfficeId: string): boolean {
  const accepted = r.row.status === 'accepted';
  if (r.row.kind === 'transfer' && accepted) return side === 'receiver' && caseOfficeId === r.row.toOfficeId;
  if (caseOfficeId !== r.row.fromOfficeId) return false;
  return side === 'sender' || accepted;
}

/** After a transfer: the former owner follows progress until the follow-up period ends or consent is withdrawn. */
export function followsProgress(r: repo.ReferralJoined, side: Side, now: Date): boolean {
  return (
    side === 'sender' &&
    r.row.kind === 'transfer' &&
    r.row.status === 'accepted' &&
    r.row.followUpUntil !== null &&
    now < r.row.followUpUntil
  );
}

export async function progressOf(db: Db, r: repo.ReferralJoined) {
  const events = await timelineOf(db, r.row.caseId);
  const since = r.row.respondedAt ?? r.row.requestedAt;
  return {
    status: r.caseStatus,
    milestones: events
      .filter((e) => e.at >= since && e.toStatus && (e.kind === 'transition' || e.kind === 'approved'))
      .map((e) => ({ toStatus: e.toStatus as string, at: e.at.toISOString() })),
    monitoring: [],
    until: (r.row.followUpUntil ?? since).toISOString(),
  };
}

export async function referralDetail(
  db: Db,
  actor: Actor,
  r: repo.ReferralJoined,
  now: Date,
): Promise<ReferralDetail> {
  const side = sideOf(actor, r);
  const seesSensitive = readerSeesSensitive(actor, r, side);
  const sections = readableSections(r.row.sections as ReferralSection[], seesSensitive);
  const caseRow = await caseRowOf(db, r.row.caseId);
  const shared = sharesNow(r, side, caseRow.owningOfficeId)
    ? await sharedCase(db, caseRow, sections, r.row.reintegrationNeeds)
    : null;
  const [messages, link] = await Promise.all([
    repo.messagesOf(db, r.row.id),
    repo.currentPartnerLink(db, r.row.id),
  ]);
  const office = side === 'sender' ? r.row.fromOfficeId : r.row.toOfficeId;
  const open = r.row.status === 'pending' || r.row.status === 'accepted';
  return {
    ...toSummary(r, side, seesSensitive, now),
    messages: messages.map((m) => ({
      id: m.id,
      authorName: m.authorName,
      side: m.side,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
    shared,
    progress: followsProgress(r, side, now) ? await progressOf(db, r) : null,
    partnerLink: link
      ? {
          expiresAt: link.expiresAt.toISOString(),
          revoked: link.revokedAt !== null,
          lastVisitAt: link.lastVisitAt?.toISOString() ?? null,
        }
      : null,
    canRespond:
      side === 'receiver' &&
      r.row.status === 'pending' &&
      r.row.toOfficeId !== null &&
      can(actor, 'referrals.respond', r.row.toOfficeId),
    canRevoke:
      side === 'sender' &&
      can(actor, 'referrals.send', r.row.fromOfficeId) &&
      (r.row.status === 'pending' || (r.row.status === 'accepted' && r.row.kind === 'referral')),
    canMessage: open && office !== null && writesThread(actor, office),
    version: r.row.version,
  };
}

async function caseRowOf(db: Db, caseId: string) {
  const row = await caseRecord(db, caseId);
  if (!row) throw new Error(`referral of missing case ${caseId}`);
  return row;
}

export { readerSeesSensitive, type Side, sideOf, writesThread };

/** The summary of a referral as the actor sees it, read with `db` (a use case's own transaction). */
export async function summaryIn(db: Db, actor: Actor, id: string, now: Date): Promise<ReferralSummary> {
  const found = await repo.findReferral(db, actor, id);
  if (!found) throw notFound();
  return summaryFor(actor, found, now);
}
