/** Queries of the orientation sessions list (the sessions a household's members can be marked at). */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, type OfficeScope } from '../../platform/actor';
import type { SessionRow } from './repository';
import { orientationSessions } from './tables';

/** A project's sessions in offices of the scope, the latest first (recent ones are the ones still marked). */
export async function listSessions(db: Db, scope: OfficeScope, projectId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(orientationSessions)
    .where(
      and(eq(orientationSessions.projectId, projectId), inScope(orientationSessions.owningOfficeId, scope)),
    )
    .orderBy(desc(orientationSessions.heldOn), desc(orientationSessions.createdAt))
    .limit(100);
}
