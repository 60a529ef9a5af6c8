/** Reading cases: the audited read of one case, and the list with its text search. */
import type { z } from 'zod';
import { type ActorCtx, can, scopeOf } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { notFound } from '../../platform/errors';
import type { FieldCipher } from '../../platform/field-crypto';
import { findPeople, findPerson } from '../registry';
import { caseDetail } from './case-view';
import { assignCase } from './case-work';
import type { CaseListQuerySchema } from './contract';
import { openCase } from './open-case';
import * as repo from './repository';
import { decideApproval, reopenCase, todayOf, transitionCase, updateCaseFields } from './transition-case';

async function detailOf(ctx: ActorCtx, caseId: string) {
  const found = await repo.findCase(ctx.db, ctx.actor, caseId);
  if (!found) throw notFound();
  return { found, detail: await caseDetail(ctx.db, ctx.actor, found, todayOf(ctx)) };
}

/** The case as the actor may see it now; reading a trafficking case or confidential notes is audited. */
export async function getCase(ctx: ActorCtx, caseId: string) {
  const { found, detail } = await detailOf(ctx, caseId);
  const confidentialNotes = detail.notes.filter((n) => n.confidential).length;
  if (found.row.sensitive || confidentialNotes > 0) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'case.viewed',
        officeId: found.row.owningOfficeId,
        recordType: 'case',
        recordId: caseId,
        metadata: { sensitive: found.row.sensitive, confidentialNotes },
      }),
    );
  }
  return detail;
}

/**
 * Runs a change and reads the case as the actor sees it afterwards, in the change's transaction: the answer
 * is exactly what was committed, never a later state (the change is audited; this read of one's own change
 * is not).
 */
function changeThenShow(ctx: ActorCtx, change: (tx: ActorCtx) => Promise<string>) {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    return (await detailOf(inTx, await change(inTx))).detail;
  });
}

export const openCaseAndShow = (ctx: ActorCtx, input: Parameters<typeof openCase>[1]) =>
  changeThenShow(ctx, (tx) => openCase(tx, input));

export const updateCaseAndShow = (
  ctx: ActorCtx,
  caseId: string,
  input: Parameters<typeof updateCaseFields>[2],
) =>
  changeThenShow(ctx, async (tx) => {
    await updateCaseFields(tx, caseId, input);
    return caseId;
  });

export const transitionCaseAndShow = (
  ctx: ActorCtx,
  caseId: string,
  input: Parameters<typeof transitionCase>[2],
) =>
  changeThenShow(ctx, async (tx) => {
    await transitionCase(tx, caseId, input);
    return caseId;
  });

export const decideApprovalAndShow = (
  ctx: ActorCtx,
  caseId: string,
  input: Parameters<typeof decideApproval>[2],
  approve: boolean,
) =>
  changeThenShow(ctx, async (tx) => {
    await decideApproval(tx, caseId, input, approve);
    return caseId;
  });

export const reopenCaseAndShow = (ctx: ActorCtx, caseId: string, input: Parameters<typeof reopenCase>[2]) =>
  changeThenShow(ctx, async (tx) => {
    await reopenCase(tx, caseId, input);
    return caseId;
  });

export const assignCaseAndShow = (ctx: ActorCtx, caseId: string, input: Parameters<typeof assignCase>[2]) =>
  changeThenShow(ctx, async (tx) => {
    await assignCase(tx, caseId, input);
    return caseId;
  });

/**
 * Cases in scope. With `q`, the people found by name (any script) or document number, or a case
 * reference; each case of a person found by name says why that person was found.
 */
export async function listCases(
  ctx: ActorCtx,
  cipher: FieldCipher,
  query: z.infer<typeof CaseListQuerySchema>,
) {
  const { q, ...rest } = query;
  if (!q) return repo.listCases(ctx.db, ctx.actor, rest);
  const people = await findPeople(ctx, cipher, { q, limit: 200 });
  const list = await repo.listCases(ctx.db, ctx.actor, {
    ...rest,
    text: { personIds: people.map((p) => p.id), reference: q.trim().toUpperCase() },
  });
  const matches = new Map(people.flatMap((p) => (p.match ? [[p.id, p.match] as const] : [])));
  return {
    ...list,
    items: list.items.map((c) => {
      const personMatch = matches.get(c.personId);
      return personMatch ? { ...c, personMatch } : c;
    }),
  };
}

/** Who a case or task of an office can be assigned to (an office the actor cannot read does not exist). */
export async function assigneesOf(ctx: ActorCtx, officeId: string, sensitive: boolean) {
  if (!can(ctx.actor, 'cases.read', officeId)) throw notFound();
  return { items: await repo.assigneesIn(ctx.db, officeId, sensitive) };
}

/** The cases of a person the actor may read, that the actor may see, newest first (a person outside scope does not exist). */
export async function casesOfPerson(ctx: ActorCtx, personId: string) {
  const person = await findPerson(ctx.db, scopeOf(ctx.actor, 'persons.read'), personId);
  if (!person) throw notFound();
  return { items: await repo.casesOfPerson(ctx.db, ctx.actor, personId) };
}
