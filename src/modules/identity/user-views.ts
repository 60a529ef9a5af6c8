import type { Db } from '../../db/client';
import type { Role } from '../../platform/permissions';
import type { MembershipRequest, User } from './contract';
import * as repo from './repository';

/** Memberships as shown (with office code and name), in the order of the account's own list. */
async function membershipViews(
  db: Db,
  requested: { officeId: string; role: string }[],
): Promise<repo.MembershipView[]> {
  const offices = new Map(
    (await repo.findOffices(db, [...new Set(requested.map((m) => m.officeId))])).map((o) => [o.id, o]),
  );
  return requested.map((m) => ({
    officeId: m.officeId,
    officeCode: offices.get(m.officeId)?.code ?? '',
    officeName: offices.get(m.officeId)?.name ?? '',
    role: m.role as Role,
  }));
}

async function pendingChangeView(
  db: Db,
  request: repo.MembershipRequestRow,
  names: Map<string, string>,
): Promise<NonNullable<User['pendingMembershipChange']>> {
  return {
    id: request.id,
    memberships: await membershipViews(db, request.memberships),
    requestedBy: { id: request.requestedBy, name: names.get(request.requestedBy) ?? '' },
    requestedAt: request.requestedAt.toISOString(),
  };
}

export async function userViews(db: Db, rows: repo.UserRow[]): Promise<User[]> {
  const ids = rows.map((r) => r.id);
  const [byUser, delays, pending] = await Promise.all([
    repo.membershipsOf(db, ids),
    repo.accountDelays(
      db,
      rows.map((r) => r.email),
    ),
    repo.pendingMembershipRequests(db, ids),
  ]);
  const names = await repo.userNames(
    db,
    [...pending.values()].map((p) => p.requestedBy),
  );
  return Promise.all(
    rows.map(async (row) => {
      const request = pending.get(row.id);
      return repo.toUser(
        row,
        byUser.get(row.id) ?? [],
        delays.get(row.email) ?? null,
        request ? await pendingChangeView(db, request, names) : null,
      );
    }),
  );
}

export async function userView(db: Db, row: repo.UserRow): Promise<User> {
  const [view] = await userViews(db, [row]);
  if (!view) throw new Error('unreachable');
  return view;
}

export async function membershipRequestViews(
  db: Db,
  requests: repo.MembershipRequestRow[],
): Promise<MembershipRequest[]> {
  const userIds = [...new Set(requests.map((r) => r.userId))];
  const [names, current, accounts] = await Promise.all([
    repo.userNames(
      db,
      requests.flatMap((r) => [r.requestedBy, ...(r.decidedBy ? [r.decidedBy] : [])]),
    ),
    repo.membershipsOf(db, userIds),
    Promise.all(userIds.map((id) => repo.findUserById(db, id))),
  ]);
  const byId = new Map(accounts.flatMap((a) => (a ? [[a.id, a] as const] : [])));
  return Promise.all(
    requests.map(async (request) => {
      const account = byId.get(request.userId);
      return {
        ...(await pendingChangeView(db, request, names)),
        user: {
          id: request.userId,
          email: account?.email ?? '',
          displayName: account?.displayName ?? '',
        },
        currentMemberships: current.get(request.userId) ?? [],
        status: request.status,
        decidedBy: request.decidedBy
          ? { id: request.decidedBy, name: names.get(request.decidedBy) ?? '' }
          : null,
        decidedAt: request.decidedAt?.toISOString() ?? null,
        comment: request.comment,
      };
    }),
  );
}

/** "PAR:caseworker" labels: how memberships appear in audit diffs. */
export function membershipLabels(memberships: { officeCode: string; role: string }[]): string[] {
  return memberships.map((m) => `${m.officeCode}:${m.role}`).sort();
}
