/**
 * A person's resettlement records, moved when two person records are merged (follow-person.ts) and moved back
 * when the merge is undone. The ids moved are returned tagged with their table (`health:<id>`), so that the
 * undo moves back exactly those.
 */
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../cases/tables';
import { persons } from '../registry/tables';
import {
  clearances,
  healthAssessments,
  movementPassengers,
  orientationAttendance,
  resettlementMembers,
} from './tables';

/** The current memberships of these persons, with their household's stage and reference. */
export async function currentMemberships(db: Db, personIds: string[]) {
  return db
    .select({ member: resettlementMembers, caseStatus: cases.status, caseReference: cases.reference })
    .from(resettlementMembers)
    .innerJoin(cases, eq(cases.id, resettlementMembers.caseId))
    .where(and(inArray(resettlementMembers.personId, personIds), isNull(resettlementMembers.leftOn)));
}

export async function personReference(db: Db, personId: string): Promise<string> {
  const [row] = await db
    .select({ reference: persons.reference })
    .from(persons)
    .where(eq(persons.id, personId));
  return row?.reference ?? personId;
}

/** A membership ends (the merge's day and reason): the person no longer travels with that household. */
export async function endMembership(db: Db, memberId: string, leftOn: string, leftReason: string) {
  await db
    .update(resettlementMembers)
    .set({ leftOn, leftReason, leftToCaseId: null })
    .where(and(eq(resettlementMembers.id, memberId), isNull(resettlementMembers.leftOn)));
}

/**
 * Memberships ended by a merge become current again (its undo), where the person has no current membership
 * meanwhile; returns the households concerned.
 */
export async function reopenMemberships(db: Db, memberIds: string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .update(resettlementMembers)
    .set({ leftOn: null, leftReason: null, leftToCaseId: null })
    .where(
      and(
        inArray(resettlementMembers.id, memberIds),
        sql`not exists (select 1 from resettlement_members x where x.person_id = ${resettlementMembers.personId} and x.left_on is null)`,
      ),
    )
    .returning({ caseId: resettlementMembers.caseId });
  return [...new Set(rows.map((r) => r.caseId))];
}

const tagged = (tag: string, rows: { id: string }[]) => rows.map((r) => `${tag}:${r.id}`);

/**
 * Moves the records of `from` to `to`: memberships (except `keep`, which stay with `from`), health
 * assessments, exit permits and visas, orientation attendance and passengers. Where `to` already has its
 * own current record of the same kind in the same household (an assessment, a permit, a visa), a place at
 * the same session or on the same booking, the kept record's stands and `from`'s stays where it is.
 */
export async function movePersonRecords(db: Db, from: string, to: string, keep: string[]): Promise<string[]> {
  const members = await db
    .update(resettlementMembers)
    .set({ personId: to })
    .where(
      and(
        eq(resettlementMembers.personId, from),
        keep.length ? sql`${resettlementMembers.id} not in (${sql.join(keep, sql`, `)})` : sql`true`,
      ),
    )
    .returning({ id: resettlementMembers.id });
  const health = await db
    .update(healthAssessments)
    .set({ personId: to })
    .where(
      and(
        eq(healthAssessments.personId, from),
        sql`not (${healthAssessments.supersededAt} is null and exists (select 1 from resettlement_health_assessments h
          where h.case_id = ${healthAssessments.caseId} and h.person_id = ${to} and h.superseded_at is null))`,
      ),
    )
    .returning({ id: healthAssessments.id });
  const papers = await db
    .update(clearances)
    .set({ personId: to })
    .where(
      and(
        eq(clearances.personId, from),
        sql`not (${clearances.supersededAt} is null and exists (select 1 from resettlement_clearances k
          where k.case_id = ${clearances.caseId} and k.kind = ${clearances.kind} and k.person_id = ${to}
            and k.superseded_at is null))`,
      ),
    )
    .returning({ id: clearances.id });
  const attendance = await db
    .update(orientationAttendance)
    .set({ personId: to })
    .where(
      and(
        eq(orientationAttendance.personId, from),
        sql`not exists (select 1 from orientation_attendance a
          where a.session_id = ${orientationAttendance.sessionId} and a.person_id = ${to})`,
      ),
    )
    .returning({ id: orientationAttendance.sessionId });
  const passengers = await db
    .update(movementPassengers)
    .set({ personId: to })
    .where(
      and(
        eq(movementPassengers.personId, from),
        sql`not exists (select 1 from movement_passengers p
          where p.booking_id = ${movementPassengers.bookingId} and p.person_id = ${to})`,
      ),
    )
    .returning({ id: movementPassengers.id });
  return [
    ...tagged('members', members),
    ...tagged('health', health),
    ...tagged('clearances', papers),
    ...tagged('attendance', attendance),
    ...tagged('passengers', passengers),
  ];
}

/** Moves back what `movePersonRecords` moved (the tagged ids), where it still belongs to `from`. */
export async function movePersonRecordsBack(db: Db, ids: string[], from: string, to: string): Promise<void> {
  const of = (tag: string) => ids.filter((i) => i.startsWith(`${tag}:`)).map((i) => i.slice(tag.length + 1));
  const back = async (
    table:
      | typeof resettlementMembers
      | typeof healthAssessments
      | typeof clearances
      | typeof movementPassengers,
    tag: string,
  ) => {
    const list = of(tag);
    if (list.length)
      await db
        .update(table)
        .set({ personId: to })
        .where(and(inArray(table.id, list), eq(table.personId, from)));
  };
  await back(resettlementMembers, 'members');
  await back(healthAssessments, 'health');
  await back(clearances, 'clearances');
  await back(movementPassengers, 'passengers');
  const sessions = of('attendance');
  if (sessions.length) {
    const where: SQL[] = [
      inArray(orientationAttendance.sessionId, sessions),
      eq(orientationAttendance.personId, from),
    ];
    await db
      .update(orientationAttendance)
      .set({ personId: to })
      .where(and(...where));
  }
}
