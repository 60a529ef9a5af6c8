/** Shared helpers of the referral integration tests: sending, answering and reading referrals through the API. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import { notifications, referrals } from '../../src/modules/referrals/tables';
import { expectJson, type Session } from '../api/helpers';
import { type CaseDetailBody, openCase } from '../cases/helpers';
import type { TestApp } from '../harness/app';
import { registerPerson } from '../registry/helpers';

export type ReferralSummaryBody = {
  id: string;
  reference: string;
  kind: 'referral' | 'transfer';
  status: 'pending' | 'accepted' | 'declined' | 'revoked';
  caseId: string;
  caseReference: string;
  caseType: string;
  fromOffice: { id: string; code: string; name: string };
  toOffice: { id: string; code: string; name: string } | null;
  partnerName: string | null;
  personInitials: string;
  sections: string[];
  summary: string;
  consentOverride: boolean;
  overdue: boolean;
  dueOn: string;
  declineReason: string | null;
  revokedReason: string | null;
  followUpUntil: string | null;
  side: 'sender' | 'receiver';
};
export type ReferralDetailBody = ReferralSummaryBody & {
  messages: { id: string; authorName: string; side: string; body: string; createdAt: string }[];
  shared: Record<string, unknown> | null;
  progress: { status: string; milestones: { toStatus: string; at: string }[]; until: string } | null;
  partnerLink: { expiresAt: string; revoked: boolean; lastVisitAt: string | null } | null;
  canRespond: boolean;
  canRevoke: boolean;
  canMessage: boolean;
};

export function sendRequest(session: Session, caseId: string, body: Record<string, unknown>) {
  return session.inject({ method: 'POST', url: `/api/cases/${caseId}/referrals`, payload: body });
}

export async function send(
  session: Session,
  caseId: string,
  body: Record<string, unknown>,
): Promise<{ referral: ReferralSummaryBody; partnerPath: string | null }> {
  return expectJson(
    await sendRequest(session, caseId, { summary: 'Please continue the assistance.', ...body }),
    201,
  );
}

export async function getReferral(session: Session, id: string): Promise<ReferralDetailBody> {
  return expectJson<ReferralDetailBody>(await session.inject({ method: 'GET', url: `/api/referrals/${id}` }));
}

export function answer(
  session: Session,
  id: string,
  verb: 'accept' | 'decline' | 'revoke',
  body: Record<string, unknown> = {},
) {
  return session.inject({ method: 'POST', url: `/api/referrals/${id}/${verb}`, payload: body });
}

export async function addConsent(
  session: Session,
  personId: string,
  body: { purpose: string; recipient: string; givenOn?: string },
): Promise<{ id: string }> {
  const response = await session.inject({
    method: 'POST',
    url: `/api/persons/${personId}/consents`,
    payload: { givenOn: '2026-01-10', ...body },
  });
  return expectJson<{ id: string }>(response, 201);
}

// ---- staff of several offices ----------------------------------------------------------------------

export const OFFICE_ROLES = ['caseworker', 'supervisor', 'protection_officer', 'me_officer'] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];
const ROLE_PREFIX: Record<OfficeRole, string> = {
  caseworker: 'cw',
  supervisor: 'sup',
  protection_officer: 'prot',
  me_officer: 'me',
};

/** `sup.tir@x.test`: one user per role and office, by a predictable address. */
export const staffEmail = (role: OfficeRole, officeCode: string) =>
  `${ROLE_PREFIX[role]}.${officeCode.toLowerCase()}@x.test`;

/** Creates one user per role in each office (and returns their addresses and ids). */
export async function createStaff(t: TestApp, officeCodes: readonly string[]) {
  const ids: Record<string, string> = {};
  for (const code of officeCodes)
    for (const role of OFFICE_ROLES) {
      const email = staffEmail(role, code);
      ids[email] = (await t.user(email, [[code, role]])).id;
    }
  return ids;
}

// ---- a case with data in every section -------------------------------------------------------------

/** Distinctive content of each section: found in a response body exactly when the section is readable. */
export const MARKERS = {
  identity: '+33 6 11 22 33 44',
  documents: '2031-07-19',
  needs_summary: 'WR-WR',
  reintegration_needs: 'REINT-MARKER vocational training in hospitality',
  medical_fitness: 'SM-MI',
  household: 'Drita',
  case_history: 'NOTE-MARKER counselling held in Albanian',
  attachments: 'attest-medicale.pdf',
  trafficking_details: 'TR-PI',
  confidential_notes: 'CONF-MARKER exploited in Lyon, fears the network',
} as const;

export function multipart(fileName: string, contentType: string, content: Buffer) {
  const boundary = '----passerelle-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600, 0x41)]);

export async function upload(session: Session, caseId: string, fileName: string): Promise<{ id: string }> {
  return expectJson<{ id: string }>(
    await session.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/attachments`,
      ...multipart(fileName, 'application/pdf', PDF),
    }),
    201,
  );
}

export async function addNote(
  session: Session,
  caseId: string,
  body: string,
  confidential = false,
): Promise<{ id: string }> {
  return expectJson<{ id: string }>(
    await session.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/notes`,
      payload: { body, confidential },
    }),
    201,
  );
}

export async function addDocument(
  session: Session,
  personId: string,
  body: { type: string; number: string; issuingCountry?: string; expiryDate?: string },
): Promise<{ id: string }> {
  return expectJson<{ id: string }>(
    await session.inject({ method: 'POST', url: `/api/persons/${personId}/documents`, payload: body }),
    201,
  );
}

/**
 * Registers a person and opens a case of theirs with content in every section: identity (with a phone),
 * a passport, needs of every kind (TR-*, SM-* and others), a child in the household, a note and a
 * confidential note, an attachment, and the medical fitness. `session` needs cases.sensitive.
 */
export async function richCase(
  session: Session,
  officeId: string,
  options: { givenName: string; familyName: string; caseType: 'avrr' | 'avrr_vot'; childName?: string },
) {
  const person = await registerPerson(session, officeId, {
    givenName: options.givenName,
    familyName: options.familyName,
    phone: MARKERS.identity,
    specificNeeds: ['TR-PI', 'SM-MI', 'WR-WR'],
  });
  const child = await registerPerson(session, officeId, {
    givenName: options.childName ?? MARKERS.household,
    familyName: options.familyName,
    birthDate: '2015-04-02',
    sex: 'female',
  });
  expectJson(
    await session.inject({
      method: 'PUT',
      url: `/api/persons/${child.id}/household`,
      payload: { principalPersonId: person.id, relationship: 'child' },
    }),
  );
  const document = await addDocument(session, person.id, {
    type: 'passport',
    number: 'AB1234567',
    issuingCountry: 'AL',
    expiryDate: MARKERS.documents,
  });
  let kase = await openCase(session, { personId: person.id, officeId, caseType: options.caseType });
  kase = expectJson<CaseDetailBody>(
    await session.inject({
      method: 'PATCH',
      url: `/api/cases/${kase.id}`,
      payload: { version: kase.version, medicalFitness: 'fit' },
    }),
  );
  const note = await addNote(session, kase.id, MARKERS.case_history);
  const secret = await addNote(session, kase.id, MARKERS.confidential_notes, true);
  const attachment = await upload(session, kase.id, MARKERS.attachments);
  return { person, child, kase, document, note, secret, attachment };
}

// ---- rows and notifications -------------------------------------------------------------------------

export async function referralRows(db: Db) {
  return db.select().from(referrals).orderBy(asc(referrals.requestedAt));
}

export async function referralRow(db: Db, id: string) {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
  if (!row) throw new Error(`no referral ${id}`);
  return row;
}

export type NotificationBody = {
  id: string;
  kind: string;
  referralId: string;
  referralReference: string;
  officeCode: string;
  createdAt: string;
  read: boolean;
};

export async function notificationsOf(
  session: Session,
): Promise<{ items: NotificationBody[]; unread: number }> {
  return expectJson(await session.inject({ method: 'GET', url: '/api/notifications?limit=100' }));
}

/** The notifications of each user, as `kind referralId` strings, read straight from the table. */
export async function notificationRows(db: Db) {
  return db.select().from(notifications).orderBy(asc(notifications.createdAt));
}

/** The key of each shared section in the `shared` object. */
export const SHARED_KEY = {
  identity: 'identity',
  documents: 'documents',
  needs_summary: 'needsSummary',
  reintegration_needs: 'reintegrationNeeds',
  medical_fitness: 'medicalFitness',
  household: 'household',
  case_history: 'caseHistory',
  attachments: 'attachments',
  trafficking_details: 'traffickingDetails',
  confidential_notes: 'confidentialNotes',
} as const;
