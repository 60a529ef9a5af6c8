/** Employers in the origin country: recorded and edited by the office that works with them. */
import type { z } from 'zod';
import { type ActorCtx, can, scopeOf } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors';
import { identityRepository } from '../identity';
import type { CreateEmployerSchema, Employer, UpdateEmployerSchema } from './contract';
import * as repo from './repository';
import { toEmployer } from './views';

const FIELDS = ['name', 'sector', 'country', 'location', 'contactName', 'phone', 'email'] as const;

async function reread(ctx: ActorCtx, id: string): Promise<Employer> {
  const found = await repo.findEmployer(ctx.db, scopeOf(ctx.actor, 'employment.write'), id);
  if (!found) throw notFound();
  return toEmployer(found);
}

export async function createEmployer(
  ctx: ActorCtx,
  input: z.infer<typeof CreateEmployerSchema>,
): Promise<Employer> {
  if (!can(ctx.actor, 'employment.write', input.officeId)) throw forbidden();
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const office = await identityRepository.findOffice(tx, input.officeId);
    if (!office?.active) throw new AppError('office_inactive', { params: { code: office?.code ?? '' } });
    const row = await repo.insertEmployer(tx, {
      officeId: input.officeId,
      name: input.name,
      sector: input.sector,
      country: input.country,
      location: input.location,
      contactName: input.contactName ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'employer.created',
      officeId: row.officeId,
      recordType: 'employer',
      recordId: row.id,
      changes: diffFields(null, row, FIELDS),
    });
    return row.id;
  });
  return reread(ctx, id);
}

export async function updateEmployer(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof UpdateEmployerSchema>,
): Promise<Employer> {
  const found = await repo.findEmployer(ctx.db, scopeOf(ctx.actor, 'employment.write'), id);
  if (!found) throw notFound();
  const { version, ...patch } = input;
  if (found.row.version !== version) throw versionConflict(toEmployer(found));
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateEmployerAt(tx, id, version, patch, ctx.clock.now());
    if (!after) throw versionConflict(await reread({ ...ctx, db: tx }, id));
    await recordAudit(tx, ctx, {
      action: 'employer.updated',
      officeId: after.officeId,
      recordType: 'employer',
      recordId: id,
      changes: diffFields(found.row, after, FIELDS),
    });
  });
  return reread(ctx, id);
}
