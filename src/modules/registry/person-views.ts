import type { z } from 'zod';
import type { Db } from '../../db/client';
import { type Actor, scopeOf } from '../../platform/actor';
import type { ConsentSchema, DocumentSchema, PersonDetailSchema } from './contract';
import { maskDocumentNumber } from './names';
import { countableCases, seesSensitive } from './policy';
import * as repo from './repository';

export { seesSensitive };

export function toDocument(row: repo.DocumentRow): z.infer<typeof DocumentSchema> {
  return {
    id: row.id,
    type: row.type as z.infer<typeof DocumentSchema>['type'],
    number: maskDocumentNumber(row.numberTail),
    issuingCountry: row.issuingCountry,
    expiryDate: row.expiryDate,
  };
}

export function toConsent(row: repo.ConsentRow): z.infer<typeof ConsentSchema> {
  return {
    id: row.id,
    purpose: row.purpose,
    recipient: row.recipient,
    givenBy: row.givenBy as z.infer<typeof ConsentSchema>['givenBy'],
    givenOn: row.givenOn,
    withdrawnOn: row.withdrawnOn,
  };
}

export async function personDetail(
  db: Db,
  actor: Actor,
  found: { row: repo.PersonRow; officeCode: string },
): Promise<z.infer<typeof PersonDetailSchema>> {
  const { row } = found;
  const [documents, consentRows, members] = await Promise.all([
    repo.documentsOf(db, row.id),
    repo.consentsOf(db, row.id),
    row.householdId
      ? repo.householdMembers(db, row.householdId, scopeOf(actor, 'persons.read'))
      : Promise.resolve([]),
  ]);
  return {
    ...repo.toPerson(row, found.officeCode, seesSensitive(actor, row.owningOfficeId)),
    documents: documents.map(toDocument),
    consents: consentRows.map(toConsent),
    household: members.map((m) => ({
      personId: m.id,
      name: `${m.givenName} ${m.familyName}`,
      relationship: (m.relationship ?? 'other') as z.infer<
        typeof PersonDetailSchema
      >['household'][number]['relationship'],
      sex: m.sex,
      birthDate: m.birthDate,
    })),
  };
}

export function caseVisibility(actor: Actor): repo.CaseVisibility {
  return countableCases(actor);
}
