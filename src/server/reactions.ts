/**
 * The composition root of cross-module reactions: which module answers which module's event. Explicit
 * here (not a side effect of importing a module), so a reader sees every reaction in one list and a test
 * can build a context with or without them.
 */

import type { Db } from '../db/client';
import { casesFollowTheirPerson } from '../modules/cases';
import { revokeReferralsOfConsent } from '../modules/referrals';
import { resettlementFollowsPerson, stampMilestone } from '../modules/resettlement';
import type { Ctx } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { Lang } from '../platform/i18n';
import type { Reactions } from '../platform/reactions';

export function wireReactions(): Reactions {
  return {
    // Withdrawing a consent revokes the referrals resting on it, in the same transaction.
    consentWithdrawn: [revokeReferralsOfConsent],
    // Merging two records of one person moves the merged record's cases and resettlement records (memberships,
    // health, papers, orientation, passengers) to the kept one (and back on undo).
    personRecordsMoved: [casesFollowTheirPerson, resettlementFollowsPerson],
    // A resettlement case entering a stage keeps the day on its household (the funnel's milestones).
    caseStageChanged: [stampMilestone],
    // Published content changed: the public site's page cache (in this process) empties itself. The site
    // adds its listener where it is mounted; nothing else reacts.
    contentChanged: [],
  };
}

/** The context of work nobody asked for in a request (start-up, periodic jobs, the command line, the demo). */
export function systemCtx(db: Db, clock: Clock, lang: Lang = 'en'): Ctx {
  return { db, clock, actor: null, requestId: null, ip: null, lang, reactions: wireReactions() };
}
