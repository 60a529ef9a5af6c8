/** What a duplicate scan reads: the persons of a scope, as the matcher takes them. */
import type { Db } from '../../db/client';
import type { OfficeScope } from '../../platform/actor';
import type { MatchPerson } from './matching';
import { countUnmerged, scanPage } from './matching-repository';
import { matchDocumentsOf, matchPersonOf } from './person-matching';

/** Persons per page: small enough that other queries get their turn between pages on the embedded database. */
const PAGE = 2000;

/** Streams the persons of a scope (not merged) in pages, as the matcher reads them. */
export async function* personsOf(
  db: Db,
  scope: OfficeScope,
  /** A pause between pages, leaving the database to others (a background scan). */
  pauseMs = 0,
): AsyncGenerator<MatchPerson[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await scanPage(db, scope, after, PAGE);
    if (rows.length === 0) return;
    const documents = await matchDocumentsOf(
      db,
      rows.map((r) => r.id),
    );
    yield rows.map((r) => matchPersonOf(r.id, r, documents.get(r.id)));
    after = rows[rows.length - 1]?.id ?? after;
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

/** How many persons a scan of the scope reads. */
export async function countScanned(db: Db, scope: OfficeScope): Promise<number> {
  return countUnmerged(db, scope);
}
