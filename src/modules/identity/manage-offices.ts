import type { z } from 'zod';
import { type ActorCtx, requirePermission } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { isUniqueViolation } from '../../platform/db-errors';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import type { CreateOfficeSchema, Office, UpdateOfficeSchema } from './contract';
import * as repo from './repository';

const AUDITED = ['code', 'name', 'country', 'city', 'region', 'kind', 'active'] as const;

export async function createOffice(
  ctx: ActorCtx,
  options: z.infer<typeof CreateOfficeSchema>,
): Promise<Office> {
  requirePermission(ctx.actor, 'offices.manage');
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await repo.insertOffice(tx, { ...options, region: options.region ?? null });
      await recordAudit(tx, ctx, {
        action: 'office.created',
        officeId: row.id,
        recordType: 'office',
        recordId: row.id,
        changes: diffFields(null, row, AUDITED),
      });
      return repo.toOffice(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('office_code_taken');
    throw error;
  }
}

export async function updateOffice(
  ctx: ActorCtx,
  options: { officeId: string } & z.infer<typeof UpdateOfficeSchema>,
): Promise<Office> {
  requirePermission(ctx.actor, 'offices.manage');
  const { officeId, version, ...patch } = options;
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findOffice(tx, officeId);
    if (!before) throw notFound();
    if (patch.active === false && before.active) {
      // Roles held in an inactive office grant nothing: do not let that remove the last administrator.
      await repo.lockAdministrators(tx);
      if ((await repo.countActiveAdministrators(tx, { officeId })) === 0)
        throw new AppError('last_administrator');
    }
    const after = await repo.updateOfficeAt(tx, officeId, version, patch, ctx.clock.now());
    if (!after) throw versionConflict(repo.toOffice((await repo.findOffice(tx, officeId)) ?? before));
    await recordAudit(tx, ctx, {
      action: 'office.updated',
      officeId,
      recordType: 'office',
      recordId: officeId,
      changes: diffFields(before, after, AUDITED),
    });
    return repo.toOffice(after);
  });
}
