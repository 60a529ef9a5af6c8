/**
 * What travels with a referral: exactly the chosen sections, built from the case and person as they are now.
 * Trafficking details and confidential notes also need cases.sensitive in the reader's office.
 */

import type { z } from 'zod';
import type { Db } from '../../db/client';
import { attachmentsOf, type CaseRow, notesOf, timelineOf, visibleAfterWithholding } from '../cases';
import {
  documentsOf,
  findPerson,
  type HouseholdMemberSchema,
  householdMembers,
  toDocument,
} from '../registry';
import type { SharedCase } from './contract';
import { isMedicalNeed, isTraffickingNeed, type ReferralSection, SENSITIVE_SECTIONS } from './sections';

type Relationship = z.infer<typeof HouseholdMemberSchema>['relationship'];

/** The sections a reader actually gets: the shared ones, without the sensitive ones unless they may see them. */
export function readableSections(
  shared: readonly ReferralSection[],
  seesSensitive: boolean,
): ReferralSection[] {
  return shared.filter((s) => seesSensitive || !SENSITIVE_SECTIONS.includes(s));
}

export async function sharedCase(
  db: Db,
  caseRow: CaseRow,
  sections: readonly ReferralSection[],
  reintegrationNeeds: string | null,
): Promise<SharedCase> {
  const has = (s: ReferralSection) => sections.includes(s);
  // The case has been found within the reader's access; its person is read for the shared sections only.
  const person = (await findPerson(db, 'all', caseRow.personId))?.row;
  if (!person) throw new Error(`case ${caseRow.id} without person`);
  const out: SharedCase = {};
  if (has('identity'))
    out.identity = {
      givenName: person.givenName,
      familyName: person.familyName,
      fatherName: person.fatherName,
      givenNameOriginal: person.givenNameOriginal,
      familyNameOriginal: person.familyNameOriginal,
      sex: person.sex,
      birthDate: person.birthDate,
      birthDatePrecision: person.birthDatePrecision,
      nationalities: person.nationalities,
      languages: person.languages,
      placeOfOrigin: person.placeOfOrigin,
      countryOfOrigin: person.countryOfOrigin,
      phone: person.phone,
      email: person.email,
    };
  if (has('documents')) out.documents = (await documentsOf(db, person.id)).map(toDocument);
  const needs = person.specificNeeds;
  if (has('needs_summary'))
    out.needsSummary = needs.filter((c) => !isTraffickingNeed(c) && !isMedicalNeed(c));
  if (has('reintegration_needs')) out.reintegrationNeeds = reintegrationNeeds;
  if (has('medical_fitness'))
    out.medicalFitness = { fitness: caseRow.medicalFitness, needs: needs.filter(isMedicalNeed) };
  if (has('household'))
    out.household = person.householdId
      ? (await householdMembers(db, person.householdId, [caseRow.owningOfficeId]))
          .filter((m) => m.id !== person.id)
          .map((m) => ({
            name: `${m.givenName} ${m.familyName}`,
            relationship: (m.relationship ?? 'other') as Relationship,
            sex: m.sex,
            birthDate: m.birthDate,
          }))
      : [];
  if (has('case_history') || has('confidential_notes')) {
    const notes = await notesOf(db, caseRow.id, has('confidential_notes'));
    const toNote = (n: (typeof notes)[number]) => ({
      body: n.body,
      authorName: n.authorName,
      createdAt: n.createdAt.toISOString(),
    });
    if (has('case_history')) {
      const events = visibleAfterWithholding(
        caseRow,
        'case_history',
        await timelineOf(db, caseRow.id),
        (e) => e.at,
      );
      out.caseHistory = {
        steps: events.map((e) => ({ kind: e.kind, toStatus: e.toStatus, at: e.at.toISOString() })),
        notes: visibleAfterWithholding(
          caseRow,
          'case_history',
          notes.filter((n) => !n.confidential),
          (n) => n.createdAt,
        ).map(toNote),
      };
    }
    if (has('confidential_notes'))
      out.confidentialNotes = visibleAfterWithholding(
        caseRow,
        'confidential_notes',
        notes.filter((n) => n.confidential),
        (n) => n.createdAt,
      ).map(toNote);
  }
  if (has('attachments'))
    out.attachments = visibleAfterWithholding(
      caseRow,
      'attachments',
      await attachmentsOf({ db }, caseRow.id),
      (a) => new Date(a.createdAt),
    ).map((a) => ({
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      createdAt: a.createdAt,
    }));
  if (has('trafficking_details'))
    out.traffickingDetails = {
      victimOfTrafficking: caseRow.sensitive,
      needs: needs.filter(isTraffickingNeed),
    };
  return out;
}
