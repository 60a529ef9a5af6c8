import type { Db } from '../../db/client';
import type { User } from './contract';
import * as repo from './repository';

export async function userViews(db: Db, rows: repo.UserRow[]): Promise<User[]> {
  const byUser = await repo.membershipsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => repo.toUser(row, byUser.get(row.id) ?? []));
}

export async function userView(db: Db, row: repo.UserRow): Promise<User> {
  const [view] = await userViews(db, [row]);
  if (!view) throw new Error('unreachable');
  return view;
}

/** "PAR:caseworker" labels: how memberships appear in audit diffs. */
export function membershipLabels(memberships: { officeCode: string; role: string }[]): string[] {
  return memberships.map((m) => `${m.officeCode}:${m.role}`).sort();
}
