/** Contract-shaped views of duplicate review: candidate pairs with both sides, and scans. */
import type { z } from 'zod';
import type { DuplicateCandidateSchema, ScanSchema } from './contract';
import type { latestScans, listCandidates } from './duplicates';
import { AUTOMATIC_SCAN_BY } from './duplicates';
import * as repo from './repository';

type CandidateJoined = Awaited<ReturnType<typeof listCandidates>>[number];
type ScanRow = Awaited<ReturnType<typeof latestScans>>[number];

/** One record of a pair: its summary, with what a reviewer compares (father's name, origin, aliases). */
function side(row: repo.PersonRow, officeCode: string, cases: number) {
  return {
    ...repo.summary(row, officeCode, cases),
    fatherName: row.fatherName,
    placeOfOrigin: row.placeOfOrigin,
    aliases: row.aliases,
  };
}

/** A candidate pair; `cases` counts each person's cases the reviewer may see. */
export function candidateView(
  r: CandidateJoined,
  cases: Map<string, number>,
): z.infer<typeof DuplicateCandidateSchema> {
  return {
    id: r.row.id,
    score: Math.round(r.row.score * 1000) / 1000,
    reasons: r.row.reasons as { code: string }[],
    status: r.row.status,
    foundAt: r.row.foundAt.toISOString(),
    decidedByName: r.row.decidedByName,
    a: side(r.a, r.officeA, cases.get(r.a.id) ?? 0),
    b: side(r.b, r.officeB, cases.get(r.b.id) ?? 0),
    keptId: r.a.mergedInto === r.b.id ? r.b.id : r.b.mergedInto === r.a.id ? r.a.id : null,
  };
}

/** A duplicate scan; `automatic` when Passerelle started it itself (the periodic scan of the whole registry). */
export const scanView = (s: ScanRow): z.infer<typeof ScanSchema> => ({
  id: s.id,
  officeId: s.officeId,
  status: s.status,
  automatic: s.startedBy === null && s.startedByName === AUTOMATIC_SCAN_BY,
  startedByName: s.startedByName,
  startedAt: s.startedAt.toISOString(),
  finishedAt: s.finishedAt?.toISOString() ?? null,
  persons: s.persons,
  comparisons: s.comparisons,
  candidates: s.candidates,
  newCandidates: s.newCandidates,
});
