import type { Db } from '../db/client';
import type { ActorCtx } from './actor';

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
};

/** A module's records hanging on a person, moved by a merge and moved back by its undo. */
export type PersonRecordMover = {
  /** The key under which the merge record keeps the moved ids (stable: stored merges use it). */
  key: string;
  /** Moves every record of `fromPersonId` to `toPersonId`; returns the ids moved. */
  moveAll(tx: Db, fromPersonId: string, toPersonId: string): Promise<string[]>;
  /** Moves those ids back to `toPersonId`, if they still belong to `fromPersonId`. */
  moveBack(tx: Db, ids: string[], fromPersonId: string, toPersonId: string): Promise<void>;
};

/** No reactions: for contexts where nothing reacts (and tests of a module on its own). */
export function noReactions(): Reactions {
  return { consentWithdrawn: [], personRecordsMoved: [] };
}
