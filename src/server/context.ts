import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { ActorCtx, Ctx } from '../platform/actor';
import type { AttachmentStore } from '../platform/attachment-store';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/errors';
import type { FieldCipher } from '../platform/field-crypto';
import type { Reactions } from '../platform/reactions';

export type ServerDeps = {
  database: Database;
  config: Config;
  clock: Clock;
  reactions: Reactions;
  cipher: FieldCipher;
  attachments: AttachmentStore;
  /** The background worker that makes report exports: told when one is asked for. */
  reportExports: { kick(): void; idle(): Promise<void> };
};

/** The use-case context of a request (actor may be null on public routes). */
export function requestCtx(request: FastifyRequest, deps: ServerDeps): Ctx {
  return {
    db: deps.database.db,
    clock: deps.clock,
    actor: request.actor,
    requestId: request.id,
    ip: request.ip,
    lang: request.lang,
    reactions: deps.reactions,
  };
}

/** As `requestCtx`, for routes behind a session: the actor is guaranteed. */
export function actorCtx(request: FastifyRequest, deps: ServerDeps): ActorCtx {
  const ctx = requestCtx(request, deps);
  if (!ctx.actor) throw new AppError('unauthenticated');
  return { ...ctx, actor: ctx.actor };
}
