/** Shared helpers of the referral integration tests: sending, answering and reading referrals through the API. */
import { expectJson, type Session } from '../api/helpers';

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
  return expectJson(await sendRequest(session, caseId, { summary: 'Please continue the assistance.', ...body }), 201);
}

export async function getReferral(session: Session, id: string): Promise<ReferralDetailBody> {
  return expectJson<ReferralDetailBody>(await session.inject({ method: 'GET', url: `/api/referrals/${id}` }));
}

export function answer(session: Session, id: string, verb: 'accept' | 'decline' | 'revoke', body: Record<string, unknown> = {}) {
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
