/**
 * The editorial workflow as pure rules (ADR 0019): what each action needs of the item's state, and what an
 * item's state is at a given time. A scheduled publication takes effect when its time comes, at read time:
 * nothing runs at that moment, so every reader computes the state with `effective`.
 *
 *   draft ──submit──▶ in_review ──approve──▶ approved ──publish now──▶ published
 *     ▲                   │                     │ └─publish at T──▶ scheduled ──(T passes)──▶ published
 *     └──request changes──┘                     │
 *   any save or restore makes a new revision and brings the item back to draft (a live revision stays live);
 *   unpublish (something live or scheduled) ──▶ unpublished, which is submitted again like a draft.
 */
import type { ContentStatus } from './contract';

/** What the workflow reads of an item. */
export type PublicationState = {
  status: ContentStatus;
  revision: number;
  publishedRevision: number | null;
  publishedRevisionAt: Date | null;
  firstPublishedAt: Date | null;
  scheduledRevision: number | null;
  publishAt: Date | null;
};

export type EffectiveState = {
  status: ContentStatus;
  /** The revision the public sees now. */
  publishedRevision: number | null;
  /** Since when it has been live. */
  publishedRevisionAt: Date | null;
  /** The item's first publication, if it has happened. */
  firstPublishedAt: Date | null;
  /** A publication still to come. */
  scheduledRevision: number | null;
  publishAt: Date | null;
};

/** The item as the public and the editors see it at `now`: a scheduled revision whose time came is live. */
export function effective(item: PublicationState, now: Date): EffectiveState {
  if (item.scheduledRevision !== null && item.publishAt !== null && item.publishAt <= now)
    return {
      status: item.status === 'scheduled' ? 'published' : item.status,
      publishedRevision: item.scheduledRevision,
      publishedRevisionAt: item.publishAt,
      firstPublishedAt: item.firstPublishedAt ?? item.publishAt,
      scheduledRevision: null,
      publishAt: null,
    };
  return {
    status: item.status,
    publishedRevision: item.publishedRevision,
    publishedRevisionAt: item.publishedRevisionAt,
    firstPublishedAt: item.firstPublishedAt,
    scheduledRevision: item.scheduledRevision,
    publishAt: item.publishAt,
  };
}

export type ContentAction = 'save' | 'submit' | 'review' | 'publish' | 'unpublish' | 'restore';

/** Whether `action` may be taken from the item's effective state (permissions and people aside). */
export function mayTake(action: ContentAction, state: EffectiveState): boolean {
  switch (action) {
    case 'save':
    case 'restore':
      return true;
    case 'submit':
      return state.status === 'draft' || state.status === 'unpublished';
    case 'review':
      return state.status === 'in_review';
    case 'publish':
      // An approved revision, or a scheduled one published now or at another time.
      return state.status === 'approved' || state.status === 'scheduled';
    case 'unpublish':
      return state.publishedRevision !== null || state.scheduledRevision !== null;
  }
}

/**
 * The last revision that went (or is scheduled to go) public: a review covers the revisions after it. Zero
 * when none ever did.
 */
export function lastPublication(state: EffectiveState): number {
  return Math.max(state.publishedRevision ?? 0, state.scheduledRevision ?? 0);
}

/**
 * A reviewer is a second person: not the author of any revision since the last publication (the ones
 * under review). `authors` are the user ids of those revisions' authors.
 */
export function mayReview(reviewerId: string, authors: readonly (string | null)[]): boolean {
  return !authors.includes(reviewerId);
}

/** A publication time must lie ahead of now: publishing "now" is said with no time at all. */
export function isInThePast(publishAt: Date, now: Date): boolean {
  return publishAt.getTime() <= now.getTime();
}
