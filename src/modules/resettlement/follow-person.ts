/**
 * Two person records merged (registry, ADR 0010): the merged record's resettlement records follow the kept
 * one, in the merge's transaction, and come back with its undo (ADR 0018). A person travels with one
 * household at a time, so when both records have a current membership:
 * - in the same household, the duplicate's place there ends (its records there stay with it where the kept
 *   record has its own) — unless the household is booked or has left (409 `merge_resettlement_booked`);
 * - in two households of which one is closed or withdrawn, the place in that one ends (the merged record's
 *   when both are);
 * - in two open households, the merge is refused (409 `merge_resettlement_households`): someone decides
 *   which household the person travels with first.
 */
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import type { PersonRecordMover } from '../../platform/reactions';
import * as prepo from './person-records-repository';
import * as repo from './repository';
import { isBeforeBooking } from './stages';

type Membership = Awaited<ReturnType<typeof prepo.currentMemberships>>[number];
const isTerminal = (m: Membership) => m.caseStatus === 'closed' || m.caseStatus === 'withdrawn';
const ENDED = 'ended:';

export const resettlementFollowsPerson: PersonRecordMover = {
  key: 'resettlement',
  async moveAll(tx: Db, from: string, to: string, at) {
    const current = await prepo.currentMemberships(tx, [from, to]);
    const merged = current.find((m) => m.member.personId === from);
    const kept = current.find((m) => m.member.personId === to);
    // The memberships this merge ends, and those of them that stay with the merged record.
    const ending: Membership[] = [];
    const stay: string[] = [];
    if (merged && kept) {
      if (merged.member.caseId === kept.member.caseId) {
        if (!isTerminal(merged) && !isBeforeBooking(merged.caseStatus))
          throw new AppError('merge_resettlement_booked', { params: { household: merged.caseReference } });
        ending.push(merged);
        stay.push(merged.member.id);
      } else if (isTerminal(merged)) ending.push(merged);
      else if (isTerminal(kept)) ending.push(kept);
      else
        throw new AppError('merge_resettlement_households', {
          params: { households: `${kept.caseReference}, ${merged.caseReference}` },
        });
    }
    if (ending.length) {
      const reason = validationMessage(at.lang, 'person_record_merged', {
        reference: await prepo.personReference(tx, to),
      });
      for (const m of ending) {
        await prepo.endMembership(tx, m.member.id, at.now.toISOString().slice(0, 10), reason);
        await repo.recountMembers(tx, m.member.caseId, at.now);
      }
    }
    const moved = await prepo.movePersonRecords(tx, from, to, stay);
    return [...moved, ...ending.map((m) => `${ENDED}${m.member.id}`)];
  },
  async moveBack(tx: Db, ids: string[], from: string, to: string, at) {
    await prepo.movePersonRecordsBack(tx, ids, from, to);
    const ended = ids.filter((i) => i.startsWith(ENDED)).map((i) => i.slice(ENDED.length));
    for (const caseId of await prepo.reopenMemberships(tx, ended))
      await repo.recountMembers(tx, caseId, at.now);
  },
};
