/**
 * Merging two records of the same person, and undoing it. The kept record receives every case, document,
 * consent, alias and need of the merged one; the merged record stays (hidden, pointing to the kept one) so
 * that the merge can be undone exactly from what it recorded.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import { writeMatchKeys } from './person-matching';
import { personSearchText } from './register-person';
import * as repo from './repository';
import {
  consents,
  duplicateCandidates,
  identityDocuments,
  type MergeRecord,
  personMerges,
  persons,
} from './tables';

type Alias = { name: string; script: 'latin' | 'arabic' | 'cyrillic' | 'other' };

/** Both records' match keys, as they are after the change (a merged record keeps none). */
async function refreshKeys(tx: Db, ids: string[]): Promise<void> {
  for (const row of await tx.select().from(persons).where(inArray(persons.id, ids)))
    await writeMatchKeys(tx, row.id, row);
}

const samePair = (a: string, b: string) => (a < b ? [a, b] : [b, a]) as [string, string];

/** The names of `from` that `into` does not already carry, as aliases. */
function aliasesToAdd(into: repo.PersonRow, from: repo.PersonRow): Alias[] {
  const known = new Set(
    [
      `${into.givenName} ${into.familyName}`,
      [into.givenNameOriginal, into.familyNameOriginal].filter(Boolean).join(' '),
      ...into.aliases.map((a) => a.name),
    ].map((n) => n.toLowerCase()),
  );
  const script = (from.originalScript ?? 'other') as Alias['script'];
  const candidates: Alias[] = [
    { name: `${from.givenName} ${from.familyName}`, script: 'latin' },
    ...(from.givenNameOriginal || from.familyNameOriginal
      ? [{ name: [from.givenNameOriginal, from.familyNameOriginal].filter(Boolean).join(' '), script }]
      : []),
    ...from.aliases,
  ];
  const out: Alias[] = [];
  for (const alias of candidates) {
    const key = alias.name.toLowerCase();
    if (known.has(key)) continue;
    known.add(key);
    out.push(alias);
  }
  return out.slice(0, Math.max(0, 20 - into.aliases.length));
}

/** Both records, each within the reviewer's merge scope: outside it a record does not exist (404). */
async function mergeable(ctx: ActorCtx, keepId: string, mergeId: string) {
  if (keepId === mergeId) throw new AppError('merge_same_person');
  const scope = scopeOf(ctx.actor, 'persons.merge');
  const [keep, merge] = await Promise.all([
    repo.findPerson(ctx.db, scope, keepId),
    repo.findPerson(ctx.db, scope, mergeId),
  ]);
  if (!keep || !merge) throw notFound();
  return { keep: keep.row, merge: merge.row };
}

export async function mergePersons(
  ctx: ActorCtx,
  input: { keepId: string; mergeId: string },
): Promise<string> {
  const { keep, merge } = await mergeable(ctx, input.keepId, input.mergeId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // Lock both rows and re-check inside the transaction: a concurrent merge of either loses nothing.
    const locked = await tx
      .select()
      .from(persons)
      .where(inArray(persons.id, [keep.id, merge.id]))
      .for('update');
    const k = locked.find((p) => p.id === keep.id);
    const m = locked.find((p) => p.id === merge.id);
    if (!k || !m || k.mergedInto || m.mergedInto) throw new AppError('merge_not_possible');
    // Other modules' records of the person (cases) follow it: their owners move them, in this transaction.
    const movedElsewhere: Record<string, string[]> = {};
    for (const mover of ctx.reactions.personRecordsMoved)
      movedElsewhere[mover.key] = await mover.moveAll(tx, m.id, k.id);
    const movedDocuments = await tx
      .update(identityDocuments)
      .set({ personId: k.id })
      .where(eq(identityDocuments.personId, m.id))
      .returning({ id: identityDocuments.id });
    const movedConsents = await tx
      .update(consents)
      .set({ personId: k.id })
      .where(eq(consents.personId, m.id))
      .returning({ id: consents.id });
    const aliasesAdded = aliasesToAdd(k, m);
    const needsAdded = m.specificNeeds.filter((n) => !k.specificNeeds.includes(n));
    const household =
      !k.householdId && m.householdId ? { householdId: m.householdId, relationship: m.relationship } : null;
    const aliases = [...k.aliases, ...aliasesAdded];
    await tx
      .update(persons)
      .set({
        aliases,
        specificNeeds: [...k.specificNeeds, ...needsAdded],
        ...(household ? { householdId: household.householdId, relationship: household.relationship } : {}),
        searchText: personSearchText({ ...k, aliases }),
        version: sql`${persons.version} + 1`,
        updatedAt: now,
      })
      .where(eq(persons.id, k.id));
    await tx
      .update(persons)
      .set({ mergedInto: k.id, version: sql`${persons.version} + 1`, updatedAt: now })
      .where(eq(persons.id, m.id));
    await refreshKeys(tx, [k.id, m.id]);
    const moved: MergeRecord = {
      cases: [],
      ...movedElsewhere,
      documents: movedDocuments.map((d) => d.id),
      consents: movedConsents.map((c) => c.id),
      aliasesAdded,
      needsAdded,
      household,
    };
    const [record] = await tx
      .insert(personMerges)
      .values({
        keptPersonId: k.id,
        mergedPersonId: m.id,
        moved,
        mergedBy: ctx.actor.userId,
        mergedByName: ctx.actor.displayName,
        mergedAt: now,
      })
      .returning({ id: personMerges.id });
    const [a, b] = samePair(k.id, m.id);
    await tx
      .update(duplicateCandidates)
      .set({
        status: 'merged',
        decidedBy: ctx.actor.userId,
        decidedByName: ctx.actor.displayName,
        decidedAt: now,
      })
      .where(and(eq(duplicateCandidates.personA, a), eq(duplicateCandidates.personB, b)));
    await recordAudit(tx, ctx, {
      action: 'person.merged',
      officeId: k.owningOfficeId,
      recordType: 'person',
      recordId: k.id,
      metadata: {
        mergeId: record?.id,
        mergedPersonId: m.id,
        mergedReference: m.reference,
        mergedOfficeId: m.owningOfficeId,
        cases: moved.cases.length,
        documents: moved.documents.length,
        consents: moved.consents.length,
      },
    });
    return record?.id ?? '';
  });
}

/** Undoes a merge: the merged record comes back with exactly what it brought. */
export async function unmergePersons(ctx: ActorCtx, mergeId: string): Promise<void> {
  const [record] = await ctx.db.select().from(personMerges).where(eq(personMerges.id, mergeId));
  if (!record) throw notFound();
  const scope = scopeOf(ctx.actor, 'persons.merge');
  const [keep, merged] = await Promise.all([
    repo.findPersonRecord(ctx.db, scope, record.keptPersonId),
    repo.findPersonRecord(ctx.db, scope, record.mergedPersonId),
  ]);
  if (!keep || !merged) throw notFound();
  if (record.undoneAt || merged.mergedInto !== keep.id || keep.mergedInto)
    throw new AppError('unmerge_not_possible');
  const now = ctx.clock.now();
  const moved = record.moved;
  await ctx.db.transaction(async (tx) => {
    const [k] = await tx.select().from(persons).where(eq(persons.id, keep.id)).for('update');
    if (!k) throw notFound();
    for (const mover of ctx.reactions.personRecordsMoved)
      await mover.moveBack(
        tx,
        ((moved as Record<string, unknown>)[mover.key] as string[]) ?? [],
        k.id,
        merged.id,
      );
    if (moved.documents.length)
      await tx
        .update(identityDocuments)
        .set({ personId: merged.id })
        .where(and(inArray(identityDocuments.id, moved.documents), eq(identityDocuments.personId, k.id)));
    if (moved.consents.length)
      await tx
        .update(consents)
        .set({ personId: merged.id })
        .where(and(inArray(consents.id, moved.consents), eq(consents.personId, k.id)));
    const added = new Set(moved.aliasesAdded.map((a) => `${a.script}:${a.name}`));
    const aliases = k.aliases.filter((a) => !added.has(`${a.script}:${a.name}`));
    await tx
      .update(persons)
      .set({
        aliases,
        specificNeeds: k.specificNeeds.filter((n) => !moved.needsAdded.includes(n)),
        ...(moved.household && k.householdId === moved.household.householdId
          ? { householdId: null, relationship: null }
          : {}),
        searchText: personSearchText({ ...k, aliases }),
        version: sql`${persons.version} + 1`,
        updatedAt: now,
      })
      .where(eq(persons.id, k.id));
    await tx
      .update(persons)
      .set({ mergedInto: null, version: sql`${persons.version} + 1`, updatedAt: now })
      .where(eq(persons.id, merged.id));
    await refreshKeys(tx, [k.id, merged.id]);
    await tx
      .update(personMerges)
      .set({ undoneAt: now, undoneByName: ctx.actor.displayName })
      .where(eq(personMerges.id, mergeId));
    const [a, b] = samePair(k.id, merged.id);
    await tx
      .update(duplicateCandidates)
      .set({ status: 'open', decidedBy: null, decidedByName: null, decidedAt: null })
      .where(and(eq(duplicateCandidates.personA, a), eq(duplicateCandidates.personB, b)));
    await recordAudit(tx, ctx, {
      action: 'person.unmerged',
      officeId: k.owningOfficeId,
      recordType: 'person',
      recordId: k.id,
      metadata: { mergeId, restoredPersonId: merged.id, restoredReference: merged.reference },
    });
  });
}

/** The merges into a person, newest first, with what each moved. */
export async function mergesOf(db: Db, keptPersonId: string) {
  const rows = await db
    .select({ merge: personMerges, merged: persons })
    .from(personMerges)
    .innerJoin(persons, eq(persons.id, personMerges.mergedPersonId))
    .where(eq(personMerges.keptPersonId, keptPersonId))
    .orderBy(desc(personMerges.mergedAt));
  return rows.map(({ merge, merged }) => ({
    id: merge.id,
    mergedPersonId: merged.id,
    mergedReference: merged.reference,
    mergedName: `${merged.givenName} ${merged.familyName}`,
    mergedByName: merge.mergedByName,
    mergedAt: merge.mergedAt.toISOString(),
    undoneAt: merge.undoneAt?.toISOString() ?? null,
    moved: {
      cases: merge.moved.cases.length,
      documents: merge.moved.documents.length,
      consents: merge.moved.consents.length,
      aliases: merge.moved.aliasesAdded.length,
    },
  }));
}
