import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import type { Clock } from './clock';
import { forbidden } from './errors';
import type { Lang } from './i18n';
import { type Membership, officesGranting, type Permission } from './permissions';

/** The signed-in person on whose behalf a request runs. */
export type Actor = {
  userId: string;
  email: string;
  displayName: string;
  memberships: Membership[];
};

/** What every use case receives: the database (or transaction), the clock, who acts, and request facts for the audit. */
export type Ctx = {
  db: Db;
  clock: Clock;
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
  lang: Lang;
  /** Other modules' reactions to this module's events, wired by the composition root. */
  reactions: Reactions;
};
export type ActorCtx = Ctx & { actor: Actor };

export type OfficeScope = 'all' | string[];

export function scopeOf(actor: Actor, permission: Permission): OfficeScope {
  return officesGranting(actor.memberships, permission);
}

export function can(actor: Actor, permission: Permission, officeId?: string): boolean {
  const scope = scopeOf(actor, permission);
  if (scope === 'all') return true;
  return officeId === undefined ? scope.length > 0 : scope.includes(officeId);
}

export function requirePermission(actor: Actor, permission: Permission): OfficeScope {
  const scope = scopeOf(actor, permission);
  if (scope !== 'all' && scope.length === 0) throw forbidden();
  return scope;
}

/**
 * The SQL condition restricting `officeColumn` to a scope. Deny by default: an empty scope matches
 * nothing. Scoping lives in the query, never in a filter applied after reading.
 */
export function inScope(officeColumn: AnyPgColumn | SQL, scope: OfficeScope): SQL {
  if (scope === 'all') return sql`true`;
  if (scope.length === 0) return sql`false`;
  return sql`${officeColumn} = any(${sql.param(scope)}::uuid[])`;
}

/**
 * Cross-module reactions: what other modules do when a module's event happens, inside that event's
 * transaction (so the event and its consequences commit or roll back together). The owning module
 * declares the event and calls its reactions; the composition root (`src/server/reactions.ts`) wires
 * who reacts. A module never imports a module that depends on it: it announces, and is answered.
 */
export type Reactions = {
  /** A consent was withdrawn: what rests on it ends (referrals are revoked). */
  consentWithdrawn: ((tx: ActorCtx, consentId: string) => Promise<void>)[];
  /** Two person records are merged or unmerged: each module moves the records it keeps on a person. */
  personRecordsMoved: PersonRecordMover[];
  /** A case entered a stage of its workflow (a step, an approval, a reopening): the resettlement milestones. */
  caseStageChanged: ((tx: Ctx, change: CaseStageChange) => Promise<void>)[];
  /**
   * What the public site shows changed (a publication, a schedule, an unpublication, an image's text): told
   * AFTER the change committed, so that a cache emptied now cannot be filled again with what was there before.
   * A listener must not throw (the change is done); it is not given a transaction.
   */
  contentChanged: ((change: ContentChange) => void | Promise<void>)[];
};

/** A change of public content: the item, its kind, and what happened to it. */
export type ContentChange = {
  itemId: string;
  kind: string;
  what: 'published' | 'scheduled' | 'unpublished' | 'media';
  at: Date;
};

export type CaseStageChange = { caseId: string; caseType: string; from: string; to: string; on: string };

export type MoveContext = { now: Date; lang: Lang };

/** A module's records hanging on a person, moved by a merge and moved back by its undo. */
export type PersonRecordMover = {
  /** The key under which the merge record keeps the moved ids (stable: stored merges use it). */
  key: string;
  /**
   * Moves every record of `fromPersonId` to `toPersonId`; returns the ids moved (as the mover reads them
   * back). It may refuse the merge with an AppError (the whole merge rolls back). `at` is the merge's time
   * and language, for what the mover writes.
   */
  moveAll(tx: Db, fromPersonId: string, toPersonId: string, at: MoveContext): Promise<string[]>;
  /** Moves those ids back to `toPersonId`, if they still belong to `fromPersonId`. */
  moveBack(tx: Db, ids: string[], fromPersonId: string, toPersonId: string, at: MoveContext): Promise<void>;
};
