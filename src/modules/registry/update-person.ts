import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { diffFields, recordAudit } from '../../platform/audit/record';
import { notFound, versionConflict } from '../../platform/errors';
import { refuseRestricted, restrictedPaths } from '../../platform/restricted';
import { isSensitiveNeed } from '../../platform/sensitivity';
import type { Person, UpdatePersonSchema } from './contract';
import { writeMatchKeys } from './person-matching';
import { seesSensitive } from './person-views';
import { PERSON_AUDITED, personSearchText } from './register-person';
import * as repo from './repository';

export async function updatePerson(
  ctx: ActorCtx,
  personId: string,
  options: z.infer<typeof UpdatePersonSchema>,
): Promise<Person> {
  const { version, ...patch } = options;
  return ctx.db.transaction(async (tx) => {
    const found = await repo.findPerson(tx, scopeOf(ctx.actor, 'persons.write'), personId);
    if (!found) throw notFound();
    const { row: before, officeCode } = found;
    const sensitive = seesSensitive(ctx.actor, before.owningOfficeId);
    if (before.version !== version) throw versionConflict(repo.toPerson(before, officeCode, sensitive));
    // Someone who cannot see trafficking codes can neither add them nor remove those already recorded.
    if (patch.specificNeeds && !sensitive) {
      refuseRestricted(ctx.lang, restrictedPaths('specificNeeds', patch.specificNeeds, isSensitiveNeed));
      patch.specificNeeds = [
        ...new Set([...patch.specificNeeds, ...before.specificNeeds.filter(isSensitiveNeed)]),
      ] as typeof patch.specificNeeds;
    }
    const merged = { ...before, ...patch };
    const after = await repo.updatePersonAt(
      tx,
      personId,
      version,
      { ...patch, searchText: personSearchText(merged) },
      ctx.clock.now(),
    );
    if (!after) {
      // Read again: the person as the write that won left them.
      const current = await repo.findPerson(tx, scopeOf(ctx.actor, 'persons.write'), personId);
      throw versionConflict(repo.toPerson(current?.row ?? before, officeCode, sensitive));
    }
    await writeMatchKeys(tx, personId, after);
    await recordAudit(tx, ctx, {
      action: 'person.updated',
      officeId: before.owningOfficeId,
      recordType: 'person',
      recordId: personId,
      changes: diffFields(
        before as unknown as Record<string, unknown>,
        after as unknown as Record<string, unknown>,
        PERSON_AUDITED,
      ),
    });
    return repo.toPerson(after, officeCode, sensitive);
  });
}
