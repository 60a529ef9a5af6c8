/** Reading employers, job openings and placements within the actor's scope. */
import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import type {
  Employer,
  EmployerListQuerySchema,
  Opening,
  OpeningListQuerySchema,
  PlacementListQuerySchema,
} from './contract';
import * as repo from './repository';
import { todayOf, toEmployer, toOpening, toPlacements } from './views';

const readScope = (ctx: ActorCtx) => scopeOf(ctx.actor, 'employment.read');

/** Employers of the offices where the actor works on employment. */
export async function listEmployers(ctx: ActorCtx, query: z.output<typeof EmployerListQuerySchema>) {
  return { items: (await repo.listEmployers(ctx.db, readScope(ctx), query)).map(toEmployer) };
}

/** One employer; `undefined` outside scope. */
export async function getEmployer(ctx: ActorCtx, id: string): Promise<Employer | undefined> {
  const found = await repo.findEmployer(ctx.db, readScope(ctx), id);
  return found && toEmployer(found);
}

/** Job openings in scope, filtered. */
export async function listOpenings(ctx: ActorCtx, query: z.output<typeof OpeningListQuerySchema>) {
  return { items: (await repo.listOpenings(ctx.db, readScope(ctx), query)).map(toOpening) };
}

/** One job opening; `undefined` outside scope. */
export async function getOpening(ctx: ActorCtx, id: string): Promise<Opening | undefined> {
  const found = await repo.findOpening(ctx.db, readScope(ctx), id);
  return found && toOpening(found);
}

/** Placements in scope (of people the actor may see), per opening or person, with their follow-ups' state. */
export async function listPlacements(ctx: ActorCtx, query: z.output<typeof PlacementListQuerySchema>) {
  const today = todayOf(ctx);
  const rows = await repo.listPlacements(ctx.db, readScope(ctx), scopeOf(ctx.actor, 'persons.read'), {
    ...query,
    today,
  });
  return { items: await toPlacements(ctx.db, rows, today) };
}
