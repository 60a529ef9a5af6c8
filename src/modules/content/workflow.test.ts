import { describe, expect, it } from 'vitest';
import type { ContentStatus } from './contract';
import {
  type ContentAction,
  effective,
  isInThePast,
  lastPublication,
  mayReview,
  mayTake,
  type PublicationState,
} from './workflow';

const T = new Date('2026-03-10T08:00:00Z');
const before = new Date('2026-03-09T08:00:00Z');
const after = new Date('2026-03-11T08:00:00Z');

const base: PublicationState = {
  status: 'draft',
  revision: 1,
  publishedRevision: null,
  publishedRevisionAt: null,
  firstPublishedAt: null,
  scheduledRevision: null,
  publishAt: null,
};

describe('effective', () => {
  const scheduled: PublicationState = {
    ...base,
    status: 'scheduled',
    revision: 5,
    publishedRevision: 3,
    publishedRevisionAt: before,
    firstPublishedAt: before,
    scheduledRevision: 5,
    publishAt: T,
  };

  it('keeps a schedule pending before its time', () => {
    expect(effective(scheduled, before)).toMatchObject({
      status: 'scheduled',
      publishedRevision: 3,
      scheduledRevision: 5,
      publishAt: T,
    });
  });

  it('makes the scheduled revision live once its time has come, with nothing run', () => {
    expect(effective(scheduled, T)).toEqual({
      status: 'published',
      publishedRevision: 5,
      publishedRevisionAt: T,
      firstPublishedAt: before,
      scheduledRevision: null,
      publishAt: null,
    });
  });

  it('dates a first publication that was scheduled from its time', () => {
    const first = {
      ...scheduled,
      publishedRevision: null,
      publishedRevisionAt: null,
      firstPublishedAt: null,
    };
    expect(effective(first, before).firstPublishedAt).toBeNull();
    expect(effective(first, after).firstPublishedAt).toEqual(T);
  });

  it('keeps the status of an item edited again after scheduling', () => {
    expect(effective({ ...scheduled, status: 'draft', revision: 6 }, after)).toMatchObject({
      status: 'draft',
      publishedRevision: 5,
    });
  });
});

describe('mayTake', () => {
  const state = (status: ContentStatus, live = false, scheduled = false) =>
    effective(
      {
        ...base,
        status,
        publishedRevision: live ? 1 : null,
        scheduledRevision: scheduled ? 1 : null,
        publishAt: scheduled ? after : null,
      },
      T,
    );
  // Expected answers written out by hand: [status, live, scheduled] → actions allowed.
  const cases: [ContentStatus, boolean, boolean, ContentAction[]][] = [
    ['draft', false, false, ['save', 'restore', 'submit']],
    ['draft', true, false, ['save', 'restore', 'submit', 'unpublish']],
    ['in_review', false, false, ['save', 'restore', 'review']],
    ['approved', false, false, ['save', 'restore', 'publish']],
    ['approved', true, false, ['save', 'restore', 'publish', 'unpublish']],
    ['scheduled', false, true, ['save', 'restore', 'publish', 'unpublish']],
    ['published', true, false, ['save', 'restore', 'unpublish']],
    ['unpublished', false, false, ['save', 'restore', 'submit']],
  ];
  const actions: ContentAction[] = ['save', 'restore', 'submit', 'review', 'publish', 'unpublish'];
  it.each(cases)('%s (live %s, scheduled %s)', (status, live, scheduled, allowed) => {
    expect(actions.filter((a) => mayTake(a, state(status, live, scheduled)))).toEqual(allowed);
  });
});

describe('review by a second person', () => {
  it('refuses an author of a revision under review', () => {
    expect(mayReview('u1', ['u2', 'u1'])).toBe(false);
    expect(mayReview('u3', ['u2', 'u1', null])).toBe(true);
  });

  it('covers the revisions since the last publication or schedule', () => {
    const live = effective({ ...base, publishedRevision: 3, scheduledRevision: 5, publishAt: after }, T);
    expect(lastPublication(live)).toBe(5);
    expect(lastPublication(effective(base, T))).toBe(0);
  });
});

describe('isInThePast', () => {
  it('refuses now and before, accepts later', () => {
    expect(isInThePast(T, T)).toBe(true);
    expect(isInThePast(before, T)).toBe(true);
    expect(isInThePast(after, T)).toBe(false);
  });
});
