/**
 * A returnee's skills profile. It belongs to the person: readable where the person is, saved by those
 * who work on employment in the person's owning office.
 */
import type { z } from 'zod';
import { type ActorCtx, can, scopeOf } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { isUniqueViolation } from '../../platform/db-errors';
import { forbidden, notFound, versionConflict } from '../../platform/errors';
import { findPerson } from '../registry';
import type { SaveProfileSchema, SkillsProfile } from './contract';
import * as repo from './repository';
import { toProfile } from './views';

const FIELDS = [
  'educationLevel',
  'workExperience',
  'skills',
  'languages',
  'preferredSectors',
  'preferredLocations',
] as const;

async function visiblePerson(ctx: ActorCtx, personId: string) {
  const person = await findPerson(ctx.db, scopeOf(ctx.actor, 'persons.read'), personId);
  if (!person) throw notFound();
  return person;
}

/** The person's profile; 404 when the person is out of reach or has no profile yet. */
export async function getProfile(ctx: ActorCtx, personId: string): Promise<SkillsProfile> {
  await visiblePerson(ctx, personId);
  const row = await repo.findProfile(ctx.db, personId);
  if (!row) throw notFound();
  return toProfile(row);
}

/**
 * Creates the profile (no `version`) or replaces it (the `version` it was based on). Any other
 * combination is a conflict answered with the profile as it is now.
 */
export async function saveProfile(
  ctx: ActorCtx,
  personId: string,
  input: z.infer<typeof SaveProfileSchema>,
): Promise<SkillsProfile> {
  const person = await visiblePerson(ctx, personId);
  if (!can(ctx.actor, 'employment.write', person.row.owningOfficeId)) throw forbidden();
  const { version, ...fields } = input;
  const before = await repo.findProfile(ctx.db, personId);
  const current = (db = ctx.db) => repo.findProfile(db, personId).then((r) => (r ? toProfile(r) : null));
  if ((before?.version ?? undefined) !== version) throw versionConflict(before ? toProfile(before) : null);
  const now = ctx.clock.now();
  try {
    const saved = await ctx.db.transaction(async (tx) => {
      const after = before
        ? await repo.updateProfileAt(tx, personId, before.version, fields, now)
        : await repo.insertProfile(tx, { personId, ...fields, updatedAt: now });
      if (!after) throw versionConflict(await current(tx));
      await recordAudit(tx, ctx, {
        action: 'skills_profile.saved',
        officeId: person.row.owningOfficeId,
        recordType: 'person',
        recordId: personId,
        changes: diffFields(before ?? null, after, FIELDS),
      });
      return after;
    });
    return toProfile(saved);
  } catch (error) {
    // Two first saves at once: the second finds the profile the first created.
    if (isUniqueViolation(error)) throw versionConflict(await current());
    throw error;
  }
}
