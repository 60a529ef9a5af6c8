/** Reading accounts and offices: the signed-in user, the office directory, the accounts in scope. */
import type { z } from 'zod';
import { type ActorCtx, scopeOf } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import type { Me, UserListQuerySchema } from './contract';
import * as repo from './repository';
import { buildMe } from './sessions';
import { userView, userViews } from './user-views';

/** The signed-in user with their memberships and permissions, and the session's CSRF token. */
export async function currentUser(ctx: ActorCtx, csrfToken: string): Promise<Me> {
  const user = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw notFound();
  const memberships = (await repo.membershipsOf(ctx.db, [user.id])).get(user.id) ?? [];
  return buildMe(user, memberships, csrfToken);
}

/** Every office, by code. */
export async function listOffices(ctx: ActorCtx) {
  return { items: (await repo.listOffices(ctx.db)).map(repo.toOffice) };
}

/** Accounts holding a role in the offices in scope. */
export async function listUsers(ctx: ActorCtx, query: z.output<typeof UserListQuerySchema>) {
  const rows = await repo.listUsers(ctx.db, scopeOf(ctx.actor, 'users.read'), query);
  return { items: await userViews(ctx.db, rows) };
}

/** One account (an account outside scope does not exist). */
export async function getUser(ctx: ActorCtx, id: string) {
  const row = await repo.findVisibleUser(ctx.db, scopeOf(ctx.actor, 'users.read'), id);
  if (!row) throw notFound();
  return userView(ctx.db, row);
}
