/** Job openings of employers: posted, edited, closed (and reopened) by the employer's office. */
import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { notFound, versionConflict } from '../../platform/errors';
import type { CreateOpeningSchema, Opening, UpdateOpeningSchema } from './contract';
import * as repo from './repository';
import { todayOf, toOpening } from './views';

const FIELDS = [
  'title',
  'description',
  'sector',
  'country',
  'location',
  'skills',
  'languages',
  'posts',
  'status',
  'openedOn',
] as const;

async function reread(ctx: ActorCtx, id: string): Promise<Opening> {
  const found = await repo.findOpening(ctx.db, scopeOf(ctx.actor, 'employment.write'), id);
  if (!found) throw notFound();
  return toOpening(found);
}

/** An opening belongs to its employer's office; an employer out of reach does not exist (404). */
export async function createOpening(
  ctx: ActorCtx,
  input: z.infer<typeof CreateOpeningSchema>,
): Promise<Opening> {
  const employer = await repo.findEmployer(ctx.db, scopeOf(ctx.actor, 'employment.write'), input.employerId);
  if (!employer) throw notFound();
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertOpening(tx, {
      employerId: employer.row.id,
      officeId: employer.row.officeId,
      title: input.title,
      description: input.description ?? null,
      sector: input.sector ?? employer.row.sector,
      country: input.country ?? employer.row.country,
      location: input.location ?? employer.row.location,
      skills: input.skills,
      languages: input.languages,
      posts: input.posts,
      status: 'open',
      openedOn: input.openedOn ?? todayOf(ctx),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'opening.created',
      officeId: row.officeId,
      recordType: 'job_opening',
      recordId: row.id,
      changes: diffFields(null, row, FIELDS),
      metadata: { employerId: row.employerId },
    });
    return row.id;
  });
  return reread(ctx, id);
}

/** Edits an opening, including closing it (`status: 'closed'`): a closed opening takes no placement. */
export async function updateOpening(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof UpdateOpeningSchema>,
): Promise<Opening> {
  const found = await repo.findOpening(ctx.db, scopeOf(ctx.actor, 'employment.write'), id);
  if (!found) throw notFound();
  const { version, ...patch } = input;
  if (found.row.version !== version) throw versionConflict(toOpening(found));
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateOpeningAt(tx, id, version, patch, ctx.clock.now());
    if (!after) throw versionConflict(await reread({ ...ctx, db: tx }, id));
    await recordAudit(tx, ctx, {
      action: 'opening.updated',
      officeId: after.officeId,
      recordType: 'job_opening',
      recordId: id,
      changes: diffFields(found.row, after, FIELDS),
    });
  });
  return reread(ctx, id);
}
