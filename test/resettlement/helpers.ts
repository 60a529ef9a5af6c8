/** Shared helpers of the resettlement integration tests: households walked through the API. */
import { expect } from 'vitest';
import { expectJson, type Session } from '../api/helpers';
import type { CaseDetailBody } from '../cases/helpers';
import type { TestApp } from '../harness/app';
import { registerPerson } from '../registry/helpers';

export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600, 0x41)]);

export type Member = {
  personId: string;
  name: string;
  minor: boolean | null;
  health: { id: string; outcome: string; validUntil: string | null; hasFindings: boolean } | null;
  exitPermit: { numberTail: string; validUntil: string } | null;
  visa: { numberTail: string; validUntil: string } | null;
  attendedOrientation: boolean;
};
export type HouseholdBody = {
  caseId: string;
  caseReference: string;
  status: string;
  version: number;
  referral: { agency: string; reference: string } | null;
  members: Member[];
  formerMembers: { personId: string; leftReason: string | null; leftToCaseId: string | null }[];
  milestones: Record<string, string | null>;
  submissions: { batchId: string; outcome: string }[];
  booking: { movementId: string; status: string } | null;
  blockers: { personId: string; what: string; coverage: { status: string; date?: string } }[];
  canSeeFindings: boolean;
};
export type MovementBody = {
  id: string;
  reference: string;
  status: string;
  seatCount: number;
  seatsUsed: number;
  departureDate: string;
  bookings: {
    id: string;
    caseId: string;
    status: string;
    passengers: { personId: string; boarding: string }[];
  }[];
  version: number;
};

export function multipart(fileName: string, content: Buffer) {
  const boundary = '----passerelle-rst-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Attaches a file of a document kind to a case; returns its id. */
export async function attach(session: Session, caseId: string, kind: string): Promise<string> {
  const res = await session.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/attachments?documentKind=${kind}`,
    ...multipart(`${kind}.pdf`, PDF),
  });
  return expectJson<{ id: string }>(res, 201).id;
}

export const getHousehold = async (session: Session, caseId: string) =>
  expectJson<HouseholdBody>(
    await session.inject({ method: 'GET', url: `/api/cases/${caseId}/resettlement` }),
  );

export const post = (
  session: Session,
  url: string,
  payload: unknown,
  method: 'POST' | 'PUT' | 'PATCH' = 'POST',
) => session.inject({ method, url, payload: payload as Record<string, unknown> });

type PersonSpec = {
  given: string;
  family?: string;
  sex?: string;
  birthDate: string;
  precision?: string;
  original?: [string, string];
  needs?: string[];
};

/**
 * A referred household at verification: the principal and members registered in the office, a resettlement
 * case opened on the principal, the referral document attached and the referral recorded.
 */
export async function referredHousehold(
  t: TestApp,
  session: Session,
  officeId: string,
  projectId: string,
  people: PersonSpec[],
  reference: string,
) {
  const persons = [];
  for (const p of people)
    persons.push(
      await registerPerson(session, officeId, {
        givenName: p.given,
        familyName: p.family ?? 'Haddad',
        sex: p.sex ?? 'female',
        birthDate: p.birthDate,
        birthDatePrecision: p.precision ?? 'exact',
        nationalities: ['SY'],
        languages: ['ar'],
        ...(p.needs ? { specificNeeds: p.needs } : {}),
        ...(p.original
          ? { givenNameOriginal: p.original[0], familyNameOriginal: p.original[1], originalScript: 'arabic' }
          : {}),
      }),
    );
  const [principal, ...others] = persons;
  if (!principal) throw new Error('no principal');
  const opened = expectJson<CaseDetailBody>(
    await session.inject({
      method: 'POST',
      url: '/api/cases',
      payload: { personId: principal.id, officeId, caseType: 'resettlement', projectId },
    }),
    201,
  );
  const doc = await attach(session, opened.id, 'referral_document');
  const household = expectJson<HouseholdBody>(
    await post(session, `/api/cases/${opened.id}/resettlement/referral`, {
      version: opened.version,
      agency: 'UNHCR',
      reference,
      referralDocumentId: doc,
      members: others.map((p) => ({ personId: p.id, relationship: 'child' })),
    }),
  );
  expect(household.status).toBe('verification');
  void t;
  return { household, persons };
}

/** Takes generic steps through the cases API (with approval where the step needs one). */
export async function generic(
  session: Session,
  caseId: string,
  to: string,
  extra: Record<string, unknown> = {},
) {
  const c = expectJson<CaseDetailBody>(await session.inject({ method: 'GET', url: `/api/cases/${caseId}` }));
  return session.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/transitions`,
    payload: { version: c.version, to, ...extra },
  });
}

/**
 * Walks a household from verification to exit permits through the API, with fitness to travel and papers
 * valid until `validUntil` (the visa until `visaUntil`, when given).
 */
export async function toExitPermits(
  as: (email: string) => Session,
  ids: { officeId: string; projectId: string },
  caseId: string,
  dates: { validUntil: string; visaUntil?: string; today: string },
) {
  const cw = as('cw@x.test');
  const sup = as('sup@x.test');
  expectJson(await generic(cw, caseId, 'interview'));
  await attach(cw, caseId, 'resettlement_registration_form');
  expectJson(await generic(sup, caseId, 'submission'));
  const batch = expectJson<{ id: string; version: number }>(
    await post(cw, '/api/resettlement/batches', {
      projectId: ids.projectId,
      officeId: ids.officeId,
      kind: 'individual',
      resettlementCountry: 'FR',
      label: `Dossier ${caseId.slice(0, 4)}`,
    }),
    201,
  );
  const set = expectJson<{ version: number }>(
    await post(
      cw,
      `/api/resettlement/batches/${batch.id}/households`,
      { version: batch.version, caseIds: [caseId] },
      'PUT',
    ),
  );
  expectJson(
    await post(cw, `/api/resettlement/batches/${batch.id}/submit`, {
      version: set.version,
      submittedOn: dates.today,
    }),
  );
  const letter = await attach(cw, caseId, 'decision_letter');
  let h = await getHousehold(cw, caseId);
  h = expectJson<HouseholdBody>(
    await post(cw, `/api/cases/${caseId}/resettlement/decision`, {
      version: h.version,
      outcome: 'accepted',
      decidedOn: dates.today,
      decisionDocumentId: letter,
    }),
  );
  expect(h.status).toBe('health_assessment');
  const med = as('med@x.test');
  for (const m of h.members) {
    h = expectJson<HouseholdBody>(
      await post(med, `/api/cases/${caseId}/resettlement/health`, {
        version: h.version,
        personId: m.personId,
        assessedOn: dates.today,
        outcome: 'fit',
        validUntil: dates.validUntil,
      }),
      201,
    );
  }
  h = expectJson<HouseholdBody>(
    await post(cw, `/api/cases/${caseId}/resettlement/clear-health`, { version: h.version }),
  );
  const session = expectJson<{ id: string; version: number }>(
    await post(cw, '/api/resettlement/orientation-sessions', {
      projectId: ids.projectId,
      officeId: ids.officeId,
      heldOn: dates.today,
      place: 'Beyrouth',
      language: 'ar',
      facilitator: 'Nour',
    }),
    201,
  );
  expectJson(
    await post(
      cw,
      `/api/resettlement/orientation-sessions/${session.id}/attendance`,
      {
        version: session.version,
        attendance: h.members.map((m) => ({ personId: m.personId, present: true })),
      },
      'PUT',
    ),
  );
  h = expectJson<HouseholdBody>(
    await post(cw, `/api/cases/${caseId}/resettlement/complete-orientation`, { version: h.version }),
  );
  expect(h.status).toBe('exit_permits');
  for (const [i, m] of h.members.entries())
    for (const kind of ['exit_permit', 'visa'] as const)
      h = expectJson<HouseholdBody>(
        await post(cw, `/api/cases/${caseId}/resettlement/clearances`, {
          version: h.version,
          personId: m.personId,
          kind,
          number: `${kind === 'visa' ? 'FRV' : 'EXP'}${caseId.slice(0, 4).toUpperCase()}${i}77`,
          issuingCountry: kind === 'visa' ? 'FR' : 'LB',
          validFrom: dates.today,
          validUntil: kind === 'visa' ? (dates.visaUntil ?? dates.validUntil) : dates.validUntil,
        }),
        201,
      );
  return h;
}

export function movementInput(
  ids: { officeId: string; projectId: string },
  day: string,
  seatCount: number,
  escorts: unknown[] = [],
) {
  return {
    projectId: ids.projectId,
    officeId: ids.officeId,
    seatCount,
    destinationCountry: 'FR',
    legs: [
      {
        carrier: 'Turkish Airlines',
        flightNumber: 'TK827',
        fromAirport: 'BEY',
        toAirport: 'IST',
        departsAt: `${day}T05:00:00Z`,
        arrivesAt: `${day}T06:30:00Z`,
      },
      {
        carrier: 'Turkish Airlines',
        flightNumber: 'TK1821',
        fromAirport: 'IST',
        toAirport: 'CDG',
        departsAt: `${day}T09:00:00Z`,
        arrivesAt: `${day}T11:45:00Z`,
      },
    ],
    escorts,
  };
}
