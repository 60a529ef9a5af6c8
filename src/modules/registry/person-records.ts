/** Documents, consents and household links of a person: small use cases sharing one access rule. */
import type { z } from 'zod';
import { type ActorCtx, can, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import type { FieldCipher } from '../../platform/field-crypto';
import type { AddConsentSchema, AddDocumentSchema, LinkHouseholdSchema } from './contract';
import { proposeSameDocument } from './duplicates';
import { getPerson } from './get-person';
import { normaliseDocumentNumber } from './names';
import { caseVisibility, toConsent, toDocument } from './person-views';
import * as repo from './repository';

async function writablePerson(ctx: ActorCtx, personId: string) {
  const found = await repo.findPerson(ctx.db, scopeOf(ctx.actor, 'persons.write'), personId);
  if (!found) throw notFound();
  return found.row;
}

export async function addDocument(
  ctx: ActorCtx,
  cipher: FieldCipher,
  personId: string,
  input: z.infer<typeof AddDocumentSchema>,
) {
  const person = await writablePerson(ctx, personId);
  const normalised = normaliseDocumentNumber(input.number);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertDocument(tx, {
      personId,
      type: input.type,
      numberSealed: cipher.encrypt(input.number.trim()),
      numberTail: normalised.slice(-4),
      numberIndex: cipher.blindIndex(normalised),
      issuingCountry: input.issuingCountry ?? null,
      expiryDate: input.expiryDate ?? null,
      createdBy: ctx.actor.userId,
    });
    // The same document on another record: that pair goes to duplicate review (reviewers of both offices).
    const holders = await proposeSameDocument(tx, person, row, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'person.document_added',
      officeId: person.owningOfficeId,
      recordType: 'person',
      recordId: personId,
      // The number itself never enters the audit log.
      changes: {
        document: {
          new: { id: row.id, type: row.type, tail: row.numberTail, issuingCountry: row.issuingCountry },
        },
      },
      ...(holders.length > 0 ? { metadata: { sameDocumentAs: holders.length } } : {}),
    });
    // The user learns only of the holders they may read.
    const readable = holders.filter((h) => can(ctx.actor, 'persons.read', h.owningOfficeId));
    const [codes, counts] = await Promise.all([
      repo.officeCodes(tx, [...new Set(readable.map((h) => h.owningOfficeId))]),
      repo.caseCounts(
        tx,
        readable.map((h) => h.id),
        caseVisibility(ctx.actor),
      ),
    ]);
    return {
      ...toDocument(row),
      sameDocumentAs: readable.map((h) =>
        repo.summary(h, codes.get(h.owningOfficeId) ?? '', counts.get(h.id) ?? 0),
      ),
    };
  });
}

/** The full document number, decrypted on explicit request: an audited read of special-category data. */
export async function revealDocumentNumber(
  ctx: ActorCtx,
  cipher: FieldCipher,
  personId: string,
  documentId: string,
) {
  const found = await repo.findPerson(ctx.db, scopeOf(ctx.actor, 'persons.read'), personId);
  if (!found) throw notFound();
  const document = await repo.findDocument(ctx.db, personId, documentId);
  if (!document) throw notFound();
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'person.document_revealed',
      officeId: found.row.owningOfficeId,
      recordType: 'person',
      recordId: personId,
      metadata: { documentId },
    }),
  );
  return { number: cipher.decrypt(document.numberSealed) };
}

export async function removeDocument(ctx: ActorCtx, personId: string, documentId: string) {
  const person = await writablePerson(ctx, personId);
  await ctx.db.transaction(async (tx) => {
    const document = await repo.findDocument(tx, personId, documentId);
    if (!document) throw notFound();
    await repo.deleteDocument(tx, documentId);
    await recordAudit(tx, ctx, {
      action: 'person.document_removed',
      officeId: person.owningOfficeId,
      recordType: 'person',
      recordId: personId,
      changes: { document: { old: { id: documentId, type: document.type, tail: document.numberTail } } },
    });
  });
}

export async function addConsent(ctx: ActorCtx, personId: string, input: z.infer<typeof AddConsentSchema>) {
  const person = await writablePerson(ctx, personId);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertConsent(tx, { personId, ...input, createdBy: ctx.actor.userId });
    await recordAudit(tx, ctx, {
      action: 'person.consent_added',
      officeId: person.owningOfficeId,
      recordType: 'person',
      recordId: personId,
      changes: { consent: { new: toConsent(row) } },
    });
    return toConsent(row);
  });
}

export async function withdrawConsent(
  ctx: ActorCtx,
  personId: string,
  consentId: string,
  withdrawnOn: string,
) {
  const person = await writablePerson(ctx, personId);
  return ctx.db.transaction(async (tx) => {
    const consent = await repo.findConsent(tx, personId, consentId);
    if (!consent) throw notFound();
    if (consent.withdrawnOn) throw new AppError('consent_already_withdrawn');
    if (withdrawnOn < consent.givenOn) {
      throw new AppError('validation_failed', {
        fields: [{ path: 'withdrawnOn', code: 'too_small', message: consent.givenOn }],
      });
    }
    const row = await repo.withdrawConsent(tx, consentId, withdrawnOn);
    if (!row) throw notFound();
    await recordAudit(tx, ctx, {
      action: 'person.consent_withdrawn',
      officeId: person.owningOfficeId,
      recordType: 'person',
      recordId: personId,
      changes: { [`consent.${consentId}.withdrawnOn`]: { old: null, new: withdrawnOn } },
    });
    // What rests on the consent ends with it, in this transaction (reactions wired by the composition root).
    for (const react of ctx.reactions.consentWithdrawn) await react({ ...ctx, db: tx }, consentId);
    return toConsent(row);
  });
}

/** Joins the household of `principalPersonId` (starting one if they have none), or leaves it. */
export async function setHousehold(
  ctx: ActorCtx,
  personId: string,
  input: z.infer<typeof LinkHouseholdSchema> | null,
) {
  const scope = scopeOf(ctx.actor, 'persons.write');
  await ctx.db.transaction(async (tx) => {
    const found = await repo.findPerson(tx, scope, personId);
    if (!found) throw notFound();
    const person = found.row;
    let householdId: string | null = null;
    if (input) {
      if (input.principalPersonId === personId)
        throw new AppError('validation_failed', {
          fields: [{ path: 'principalPersonId', code: 'invalid', message: 'self' }],
        });
      const principal = await repo.findPerson(tx, scope, input.principalPersonId);
      if (!principal) throw notFound();
      householdId = principal.row.householdId;
      if (!householdId) {
        householdId = await repo.createHousehold(tx, principal.row.owningOfficeId, principal.row.id);
        const updatedPrincipal = await repo.updatePersonAt(
          tx,
          principal.row.id,
          principal.row.version,
          { householdId, relationship: 'principal' },
          ctx.clock.now(),
        );
        if (!updatedPrincipal) throw new AppError('version_conflict');
        await recordAudit(tx, ctx, {
          action: 'person.household_changed',
          officeId: principal.row.owningOfficeId,
          recordType: 'person',
          recordId: principal.row.id,
          changes: {
            householdId: { old: null, new: householdId },
            relationship: { old: principal.row.relationship, new: 'principal' },
          },
        });
      }
    }
    const updated = await repo.updatePersonAt(
      tx,
      personId,
      person.version,
      { householdId, relationship: input ? input.relationship : null },
      ctx.clock.now(),
    );
    if (!updated) throw new AppError('version_conflict');
    await recordAudit(tx, ctx, {
      action: 'person.household_changed',
      officeId: person.owningOfficeId,
      recordType: 'person',
      recordId: personId,
      changes: {
        householdId: { old: person.householdId, new: householdId },
        relationship: { old: person.relationship, new: input?.relationship ?? null },
      },
    });
  });
}

/** Joins the household of `principalPersonId` (starting one if they have none); answers the person as now seen. */
export async function joinHousehold(
  ctx: ActorCtx,
  personId: string,
  input: z.infer<typeof LinkHouseholdSchema>,
) {
  await setHousehold(ctx, personId, input);
  return getPerson(ctx, personId);
}

/** Leaves the household. */
export async function leaveHousehold(ctx: ActorCtx, personId: string): Promise<void> {
  await setHousehold(ctx, personId, null);
}
