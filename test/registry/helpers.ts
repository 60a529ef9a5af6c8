/** Shared helpers of the registry and cases integration tests: sign-ins, people, their rows. */
import { count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client';
import { consents, identityDocuments, persons } from '../../src/modules/registry';
import { expectJson, type Session } from '../api/helpers';
import type { TestApp } from '../harness/app';

export type PersonBody = {
  id: string;
  reference: string;
  officeId: string;
  officeCode: string;
  givenName: string;
  familyName: string;
  fatherName: string | null;
  givenNameOriginal: string | null;
  familyNameOriginal: string | null;
  fatherNameOriginal: string | null;
  originalScript: string | null;
  sex: string;
  birthDate: string | null;
  birthDatePrecision: string;
  nationalities: string[];
  languages: string[];
  phone: string | null;
  email: string | null;
  address: string | null;
  placeOfOrigin: string | null;
  countryOfOrigin: string | null;
  specificNeeds: string[];
  aliases: { name: string; script: string }[];
  householdId: string | null;
  relationship: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type DocumentBody = {
  id: string;
  type: string;
  number: string;
  issuingCountry: string | null;
  expiryDate: string | null;
};
export type ConsentBody = {
  id: string;
  purpose: string;
  recipient: string;
  givenBy: string;
  givenOn: string;
  withdrawnOn: string | null;
};
export type PersonDetailBody = PersonBody & {
  documents: DocumentBody[];
  consents: ConsentBody[];
  household: {
    personId: string;
    name: string;
    relationship: string;
    sex: string;
    birthDate: string | null;
  }[];
};
export type PersonSummaryBody = Pick<
  PersonBody,
  | 'id'
  | 'reference'
  | 'officeCode'
  | 'givenName'
  | 'familyName'
  | 'givenNameOriginal'
  | 'familyNameOriginal'
  | 'sex'
  | 'birthDate'
  | 'birthDatePrecision'
  | 'nationalities'
> & { caseCount: number };
export type MatchesBody = {
  person?: PersonBody;
  matches: {
    person: PersonSummaryBody;
    score: number;
    likely: boolean;
    reasons: ({ code: string } & Record<string, unknown>)[];
  }[];
};

/**
 * Signs every user in once, up front (a sign-in writes an audit event, so it must not happen between a
 * test's `lastAuditSeq` and the change it checks). `refresh` signs everyone in again after the clock moved.
 */
export async function signIn<E extends string>(t: TestApp, emails: readonly E[]) {
  const sessions = new Map<E, Session>();
  const refresh = async () => {
    for (const email of emails) sessions.set(email, await t.login(email));
  };
  await refresh();
  const as = (email: E): Session => {
    const session = sessions.get(email);
    if (!session) throw new Error(`no session for ${email}`);
    return session;
  };
  return { as, refresh };
}

/** A valid registration body; the tests override what they look at. */
export function personInput(officeId: string, overrides: Record<string, unknown> = {}) {
  return {
    givenName: 'Given',
    familyName: 'Family',
    sex: 'female',
    birthDate: '1991-05-17',
    nationalities: ['AL'],
    languages: ['sq'],
    officeId,
    ...overrides,
  };
}

/** Registers a person through the API (acknowledging any probable match) and returns them. */
export async function registerPerson(
  session: Session,
  officeId: string,
  overrides: Record<string, unknown> = {},
): Promise<PersonBody> {
  const response = await session.inject({
    method: 'POST',
    url: '/api/persons',
    payload: personInput(officeId, { acknowledgeMatches: true, ...overrides }),
  });
  const body = expectJson<MatchesBody>(response, 201);
  expect(body.matches).toEqual([]);
  if (!body.person) throw new Error('no person in a 201 answer');
  return body.person;
}

export async function searchPersons(session: Session, query: string): Promise<PersonSummaryBody[]> {
  return expectJson<{ items: PersonSummaryBody[] }>(
    await session.inject({ method: 'GET', url: `/api/persons${query}` }),
  ).items;
}

export async function getPerson(session: Session, id: string): Promise<PersonDetailBody> {
  return expectJson<PersonDetailBody>(await session.inject({ method: 'GET', url: `/api/persons/${id}` }));
}

export async function personRow(db: Db, id: string) {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  if (!row) throw new Error(`no person ${id}`);
  return row;
}

export async function personCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(persons);
  return Number(row?.n ?? 0);
}

export async function documentRows(db: Db, personId: string) {
  return db.select().from(identityDocuments).where(eq(identityDocuments.personId, personId));
}

export async function consentRow(db: Db, id: string) {
  const [row] = await db.select().from(consents).where(eq(consents.id, id));
  if (!row) throw new Error(`no consent ${id}`);
  return row;
}

export const idsOf = (items: { id: string }[]) => items.map((i) => i.id).sort();
