/**
 * Merging two records of the same person, and undoing it. The kept record receives every case, document,
 * consent, alias and need of the merged one; the merged record stays (hidden, pointing to the kept one) so
 * that the merge can be undone exactly from what it recorded.
 */
import type { Db } from '../../db/client';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import * as mergeRepo from './merge-repository';
import { writeMatchKeys } from './person-matching';
import { personSearchText } from './register-person';
import * as repo from './repository';
import type { MergeRecord } from './tables';

type Alias = { name: string; script: 'latin' | 'arabic' | 'cyrillic' | 'other' };

/** Both records' match keys, as they are after the change (a merged record keeps none). */
async function refreshKeys(tx: Db, ids: string[]): Promise<void> {
  for (const row of await mergeRepo.personsByIds(tx, ids)) await writeMatchKeys(tx, row.id, row);
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
    const locked = await mergeRepo.lockPersonsForMerge(tx, [keep.id, merge.id]);
    const k = locked.find((p) => p.id === keep.id);
    const m = locked.find((p) => p.id === merge.id);
    if (!k || !m || k.mergedInto || m.mergedInto) throw new AppError('merge_not_possible');
    // Other modules' records of the person (cases) follow it: their owners move them, in this transaction.
    const movedElsewhere: Record<string, string[]> = {};
    for (const mover of ctx.reactions.personRecordsMoved)
      movedElsewhere[mover.key] = await mover.moveAll(tx, m.id, k.id, { now, lang: ctx.lang });
    const movedDocuments = await mergeRepo.moveAllDocuments(tx, m.id, k.id);
    const movedConsents = await mergeRepo.moveAllConsents(tx, m.id, k.id);
    const aliasesAdded = aliasesToAdd(k, m);
    const needsAdded = m.specificNeeds.filter((n) => !k.specificNeeds.includes(n));
    const household =
      !k.householdId && m.householdId ? { householdId: m.householdId, relationship: m.relationship } : null;
    const aliases = [...k.aliases, ...aliasesAdded];
    await mergeRepo.updateMergedPerson(
      tx,
      k.id,
      {
        aliases,
        specificNeeds: [...k.specificNeeds, ...needsAdded],
        ...(household ? { householdId: household.householdId, relationship: household.relationship } : {}),
        searchText: personSearchText({ ...k, aliases }),
      },
      now,
    );
    await mergeRepo.setMergedInto(tx, m.id, k.id, now);
    await refreshKeys(tx, [k.id, m.id]);
    const moved: MergeRecord = {
      cases: [],
      ...movedElsewhere,
      documents: movedDocuments,
      consents: movedConsents,
      aliasesAdded,
      needsAdded,
      household,
    };
    const recordId = await mergeRepo.insertMerge(tx, {
      keptPersonId: k.id,
      mergedPersonId: m.id,
      moved,
      mergedBy: ctx.actor.userId,
      mergedByName: ctx.actor.displayName,
      mergedAt: now,
    });
    const [a, b] = samePair(k.id, m.id);
    await mergeRepo.markPairMerged(tx, a, b, {
      by: ctx.actor.userId,
      byName: ctx.actor.displayName,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'person.merged',
      officeId: k.owningOfficeId,
      recordType: 'person',
      recordId: k.id,
      metadata: {
        mergeId: recordId,
        mergedPersonId: m.id,
        mergedReference: m.reference,
        mergedOfficeId: m.owningOfficeId,
        cases: moved.cases.length,
        documents: moved.documents.length,
        consents: moved.consents.length,
      },
    });
    return recordId ?? '';
  });
}

/** Undoes a merge: the merged record comes back with exactly what it brought. */
export async function unmergePersons(ctx: ActorCtx, mergeId: string): Promise<void> {
  const record = await mergeRepo.findMerge(ctx.db, mergeId);
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
    const k = await mergeRepo.lockPerson(tx, keep.id);
    if (!k) throw notFound();
    for (const mover of ctx.reactions.personRecordsMoved)
      await mover.moveBack(
        tx,
        ((moved as Record<string, unknown>)[mover.key] as string[]) ?? [],
        k.id,
        merged.id,
        { now, lang: ctx.lang },
      );
    if (moved.documents.length) await mergeRepo.moveDocumentsBack(tx, moved.documents, k.id, merged.id);
    if (moved.consents.length) await mergeRepo.moveConsentsBack(tx, moved.consents, k.id, merged.id);
    const added = new Set(moved.aliasesAdded.map((a) => `${a.script}:${a.name}`));
    const aliases = k.aliases.filter((a) => !added.has(`${a.script}:${a.name}`));
    await mergeRepo.updateMergedPerson(
      tx,
      k.id,
      {
        aliases,
        specificNeeds: k.specificNeeds.filter((n) => !moved.needsAdded.includes(n)),
        ...(moved.household && k.householdId === moved.household.householdId
          ? { householdId: null, relationship: null }
          : {}),
        searchText: personSearchText({ ...k, aliases }),
      },
      now,
    );
    await mergeRepo.setMergedInto(tx, merged.id, null, now);
    await refreshKeys(tx, [k.id, merged.id]);
    await mergeRepo.markMergeUndone(tx, mergeId, now, ctx.actor.displayName);
    const [a, b] = samePair(k.id, merged.id);
    await mergeRepo.reopenPair(tx, a, b);
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
  const rows = await mergeRepo.mergesInto(db, keptPersonId);
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
