/**
 * Finding the same person twice (issue: fuzzy search and duplicates): search across scripts and spellings
 * with reasons, the check before saving, the scan, "different" remembered, merge and undo, and what a
 * reviewer may touch.
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/modules/cases/tables';
import {
  AUTOMATIC_SCAN_BY,
  latestScans,
  runScheduledScan,
  SCAN_STALE_AFTER_MS,
} from '../../src/modules/registry/duplicates';
import {
  consents,
  duplicateCandidates,
  duplicateScans,
  personMerges,
  persons,
} from '../../src/modules/registry/tables';
import { wireReactions } from '../../src/server/reactions';
import { auditAfter, expectJson, expectNoEvent, expectProblem, lastAuditSeq } from '../api/helpers';
import { openCase, tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { type PersonBody, personInput, registerPerson, searchPersons, signIn } from '../registry/helpers';

const USERS = [
  'sup.paris@x.test',
  'cw.paris@x.test',
  'sup.erbil@x.test',
  'sup.both@x.test',
  'registry@x.test',
  'admin@x.test',
] as const;
type Email = (typeof USERS)[number];
type Reason = { code: string } & Record<string, unknown>;
type Candidate = { id: string; score: number; reasons: Reason[]; a: { id: string }; b: { id: string } };

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let PAR: string;
let EBL: string;
let paris: PersonBody;
let erbil: PersonBody;
let partnerList: PersonBody;
let sibling: PersonBody;

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  EBL = await t.office('EBL', 'origin', 'IQ');
  await t.user('sup.paris@x.test', [['PAR', 'supervisor']]);
  await t.user('cw.paris@x.test', [['PAR', 'caseworker']]);
  await t.user('sup.erbil@x.test', [['EBL', 'supervisor']]);
  await t.user('sup.both@x.test', [
    ['PAR', 'supervisor'],
    ['EBL', 'supervisor'],
  ]);
  await t.user('registry@x.test', [
    ['PAR', 'registry_officer'],
    ['EBL', 'registry_officer'],
  ]);
  await t.user('admin@x.test', [['PAR', 'administrator']]);
  as = (await signIn(t, USERS)).as;
  // The returnee of DOMAIN.md, three times: Paris (Latin), Erbil (Arabic script), a partner's list.
  paris = await registerPerson(as('sup.paris@x.test'), PAR, {
    givenName: 'Mohammed',
    familyName: 'Al-Hassan',
    sex: 'male',
    birthDate: '1990-03-12',
    nationalities: ['IQ'],
  });
  await openCase(as('sup.paris@x.test'), { personId: paris.id, officeId: PAR });
  erbil = await registerPerson(as('sup.erbil@x.test'), EBL, {
    givenName: 'محمد',
    familyName: 'الحسن',
    sex: 'male',
    birthDate: '1990-01-01',
    birthDatePrecision: 'year',
    nationalities: ['IQ'],
  });
  partnerList = expectJson<{ person: PersonBody }>(
    await as('sup.paris@x.test').inject({
      method: 'POST',
      url: '/api/persons',
      payload: personInput(PAR, {
        givenName: 'Muhamad',
        familyName: 'Alhasan',
        sex: 'male',
        birthDate: '1990-03-12',
        nationalities: ['IQ'],
        acknowledgeMatches: true,
      }),
    }),
    201,
  ).person;
  await as('sup.paris@x.test').inject({
    method: 'POST',
    url: `/api/persons/${partnerList.id}/consents`,
    payload: { purpose: 'assistance', recipient: 'Bureau de Paris', givenOn: '2026-01-05' },
  });
  // His brother: same family, another given name, close age. Never the same person.
  sibling = expectJson<{ person: PersonBody }>(
    await as('sup.paris@x.test').inject({
      method: 'POST',
      url: '/api/persons',
      payload: personInput(PAR, {
        givenName: 'Ahmed',
        familyName: 'Al-Hassan',
        sex: 'male',
        birthDate: '1992-05-01',
        nationalities: ['IQ'],
        acknowledgeMatches: true,
      }),
    }),
    201,
  ).person;
});
afterAll(() => t.close());

describe('search across scripts and spellings', () => {
  it('finds the Latin record by its Arabic spelling and the reverse, with reasons', async () => {
    const both = as('sup.both@x.test');
    const arabic = await searchPersons(both, `?q=${encodeURIComponent('محمد الحسن')}`);
    expect(arabic.map((p) => p.id)).toEqual(expect.arrayContaining([paris.id, erbil.id, partnerList.id]));
    expect(arabic.map((p) => p.id)).not.toContain(sibling.id);
    const latin = await searchPersons(both, `?q=${encodeURIComponent('Mohamad Alhassan')}`);
    expect(latin.map((p) => p.id)).toEqual(expect.arrayContaining([paris.id, erbil.id, partnerList.id]));
    const found = latin.find((p) => p.id === erbil.id) as unknown as {
      match: { score: number; reasons: Reason[] };
    };
    expect(found.match.reasons.map((r) => r.code)).toContain('name.transliteration');
  });

  it('keeps search within the reader’s offices', async () => {
    const found = await searchPersons(as('cw.paris@x.test'), `?q=${encodeURIComponent('محمد الحسن')}`);
    expect(found.map((p) => p.id)).not.toContain(erbil.id);
  });
});

describe('the check before saving', () => {
  it('shows likely matches with score and reasons for a new spelling', async () => {
    const body = expectJson<{
      matches: { person: { id: string }; score: number; likely: boolean; reasons: Reason[] }[];
    }>(
      await as('sup.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons/match-check',
        payload: {
          givenName: 'Muhammad',
          familyName: 'El Hassan',
          sex: 'male',
          birthDate: '1990-12-03',
          nationalities: ['IQ'],
        },
      }),
    );
    const top = body.matches[0];
    expect([paris.id, partnerList.id]).toContain(top?.person.id);
    expect(top?.reasons.map((r) => r.code)).toContain('birthDate.dayMonthSwapped');
    // Editing a record: it is not its own duplicate.
    const editing = expectJson<{ matches: { person: { id: string } }[] }>(
      await as('sup.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons/match-check',
        payload: {
          personId: paris.id,
          givenName: 'Mohammed',
          familyName: 'Al-Hassan',
          sex: 'male',
          birthDate: '1990-03-12',
          nationalities: ['IQ'],
        },
      }),
    );
    expect(editing.matches.map((m) => m.person.id)).not.toContain(paris.id);
  });

  it('refuses names without letters, with a field error, and saves nothing', async () => {
    const before = (await t.db.select().from(persons)).length;
    for (const givenName of ['---', '?!', '   ']) {
      const problem = expectProblem(
        await as('sup.paris@x.test').inject({
          method: 'POST',
          url: '/api/persons',
          payload: personInput(PAR, { givenName }),
        }),
        400,
        'validation_failed',
      );
      expect(problem.errors?.map((e) => e.path)).toContain('givenName');
    }
    expectProblem(
      await as('sup.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons',
        payload: personInput(PAR, { familyName: 'x'.repeat(101) }),
      }),
      400,
      'validation_failed',
    );
    expect((await t.db.select().from(persons)).length).toBe(before);
  });
});

/** Waits for a scan to finish (it runs in the background); a failed scan fails the test. */
async function scanDone(scanId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await t.db.select().from(duplicateScans).where(eq(duplicateScans.id, scanId));
    if (row?.status === 'done') return;
    if (row?.status === 'failed') throw new Error(`scan failed: ${row.error}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the scan did not finish');
}

/** Starts a scan through the API and waits for it. */
async function scanAndWait(email: Email, officeId: string | null): Promise<void> {
  const { scanId } = expectJson<{ scanId: string }>(
    await as(email).inject({ method: 'POST', url: '/api/duplicates/scans', payload: { officeId } }),
    202,
  );
  await scanDone(scanId);
}

describe('scan, review, merge and undo', () => {
  let candidate: Candidate;

  const scan = (email: Email, officeId: string | null = null) => scanAndWait(email, officeId);
  const open = async (email: Email) =>
    expectJson<{ items: Candidate[] }>(await as(email).inject({ method: 'GET', url: '/api/duplicates' }))
      .items;

  it('proposes the Paris pair to a Paris reviewer, never the brothers', async () => {
    await scan('sup.paris@x.test', PAR);
    const items = await open('sup.paris@x.test');
    const ids = items.map((c) => [c.a.id, c.b.id].sort().join());
    expect(ids).toContain([paris.id, partnerList.id].sort().join());
    expect(ids.some((pair) => pair.includes(sibling.id))).toBe(false);
    candidate = items.find((c) => [c.a.id, c.b.id].includes(partnerList.id)) as Candidate;
    expect(candidate.score).toBeGreaterThanOrEqual(0.8);
  });

  it('shows a cross-office pair only to a reviewer of both offices, and tells the others it exists', async () => {
    await scan('sup.both@x.test', null);
    const crossOffice = (c: Candidate) => [c.a.id, c.b.id].includes(erbil.id);
    const listed = async (email: Email) =>
      expectJson<{ items: Candidate[]; reachingOutside: number }>(
        await as(email).inject({ method: 'GET', url: '/api/duplicates' }),
      );
    for (const email of ['sup.both@x.test', 'registry@x.test'] as const) {
      const { items, reachingOutside } = await listed(email);
      expect(items.some(crossOffice), email).toBe(true);
      expect(reachingOutside).toBe(0);
    }
    for (const email of ['sup.paris@x.test', 'sup.erbil@x.test'] as const) {
      const { items, reachingOutside } = await listed(email);
      expect(items.some(crossOffice), email).toBe(false);
      expect(reachingOutside, email).toBeGreaterThanOrEqual(1);
      // Counted, never described: nothing of the other office's record is in the answer.
      expect(JSON.stringify(items)).not.toContain(erbil.id);
    }
  });

  it('keeps administrators out: they run the system, not the registry', async () => {
    for (const [method, url] of [
      ['GET', '/api/duplicates'],
      ['GET', '/api/duplicates/scans'],
      ['POST', '/api/duplicates/scans'],
    ] as const)
      expectProblem(
        await as('admin@x.test').inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) }),
        403,
        'forbidden',
      );
  });

  it('shows each reviewer only the scans of offices where they review duplicates', async () => {
    const scansOf = async (email: Email) =>
      expectJson<{ items: { id: string; officeId: string | null }[] }>(
        await as(email).inject({ method: 'GET', url: '/api/duplicates/scans' }),
      ).items;
    const [parisScans, erbilScans, bothScans] = await Promise.all([
      scansOf('sup.paris@x.test'),
      scansOf('sup.erbil@x.test'),
      scansOf('sup.both@x.test'),
    ]);
    // Paris scanned Paris; the reviewer of both offices scanned Paris and Erbil together.
    expect(parisScans.map((s) => s.officeId)).toEqual([PAR]);
    expect(erbilScans).toEqual([]);
    expect(bothScans.map((s) => s.officeId)).toEqual([null, PAR]);
  });

  it('joins a running scan of the same offices, runs one of other offices beside it, skips an interrupted one', async () => {
    const start = async (email: Email, officeId: string) =>
      expectJson<{ scanId: string }>(
        await as(email).inject({ method: 'POST', url: '/api/duplicates/scans', payload: { officeId } }),
        202,
      ).scanId;
    const now = t.clock.now();
    const [interrupted, running] = await t.db
      .insert(duplicateScans)
      .values([
        {
          officeId: PAR,
          scopeOfficeIds: [PAR],
          status: 'running' as const,
          startedByName: 'test',
          startedAt: new Date(now.getTime() - SCAN_STALE_AFTER_MS - 60_000),
        },
        {
          officeId: EBL,
          scopeOfficeIds: [EBL],
          status: 'running' as const,
          startedByName: 'test',
          startedAt: now,
        },
      ])
      .returning();
    if (!interrupted || !running) throw new Error('insert returned nothing');
    // Erbil joins the scan of Erbil that is running; Paris does not wait on it, nor on the interrupted one.
    expect(await start('sup.erbil@x.test', EBL)).toBe(running.id);
    const parisScan = await start('sup.paris@x.test', PAR);
    expect([running.id, interrupted.id]).not.toContain(parisScan);
    const [after] = await t.db.select().from(duplicateScans).where(eq(duplicateScans.id, interrupted.id));
    expect(after).toMatchObject({ status: 'failed', error: 'interrupted' });
    // Joining does not run the scan a second time.
    const [joined] = await t.db.select().from(duplicateScans).where(eq(duplicateScans.id, running.id));
    expect(joined).toMatchObject({ status: 'running', persons: null });
    await t.db.update(duplicateScans).set({ status: 'failed' }).where(eq(duplicateScans.id, running.id));
    await scanDone(parisScan);
  });

  it('refuses merging a record with itself, or across offices without access, changing nothing', async () => {
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await as('sup.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons/merge',
        payload: { keepId: paris.id, mergeId: paris.id },
      }),
      422,
      'merge_same_person',
    );
    expectProblem(
      await as('sup.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons/merge',
        payload: { keepId: paris.id, mergeId: erbil.id },
      }),
      404,
      'not_found',
    );
    expectProblem(
      await as('cw.paris@x.test').inject({
        method: 'POST',
        url: '/api/persons/merge',
        payload: { keepId: paris.id, mergeId: partnerList.id },
      }),
      403,
      'forbidden',
    );
    expect(await t.db.select().from(personMerges)).toEqual([]);
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual(['access.denied']);
  });

  it('merges the pair: every case and consent kept, the names become aliases; then undoes it exactly', async () => {
    const sup = as('sup.paris@x.test');
    const { mergeId } = expectJson<{ mergeId: string }>(
      await sup.inject({
        method: 'POST',
        url: `/api/duplicates/${candidate.id}/merge`,
        payload: { keepId: paris.id },
      }),
    );
    const kept = expectJson<PersonBody & { consents: { id: string }[] }>(
      await sup.inject({ method: 'GET', url: `/api/persons/${paris.id}` }),
    );
    expect(kept.aliases.map((a) => a.name)).toContain('Muhamad Alhasan');
    expect(kept.consents).toHaveLength(1);
    expectProblem(
      await sup.inject({ method: 'GET', url: `/api/persons/${partnerList.id}` }),
      404,
      'not_found',
    );
    // The merged record is no longer found, and the kept one is found by its spelling.
    const found = await searchPersons(sup, '?q=Alhasan');
    expect(found.map((p) => p.id)).toContain(paris.id);
    expect(found.map((p) => p.id)).not.toContain(partnerList.id);
    const [decided] = await t.db
      .select()
      .from(duplicateCandidates)
      .where(eq(duplicateCandidates.id, candidate.id));
    expect(decided?.status).toBe('merged');
    // The merged tab names the kept record, whose merge history can undo it.
    const merged = expectJson<{ items: (Candidate & { keptId: string | null })[] }>(
      await sup.inject({ method: 'GET', url: '/api/duplicates?status=merged' }),
    ).items;
    expect(merged.find((c) => c.id === candidate.id)?.keptId).toBe(paris.id);

    const seq = await lastAuditSeq(t.db);
    expectJson(await sup.inject({ method: 'POST', url: `/api/person-merges/${mergeId}/undo` }));
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual(['person.unmerged']);
    const restored = expectJson<PersonBody & { consents: { id: string }[] }>(
      await sup.inject({ method: 'GET', url: `/api/persons/${partnerList.id}` }),
    );
    expect(restored.consents).toHaveLength(1);
    const back = expectJson<PersonBody>(await sup.inject({ method: 'GET', url: `/api/persons/${paris.id}` }));
    expect(back.aliases.map((a) => a.name)).not.toContain('Muhamad Alhasan');
    expect((await t.db.select().from(consents).where(eq(consents.personId, partnerList.id))).length).toBe(1);
    expect((await t.db.select().from(cases).where(eq(cases.personId, paris.id))).length).toBe(1);
    // Undoing twice is refused and changes nothing.
    const again = await lastAuditSeq(t.db);
    expectProblem(
      await sup.inject({ method: 'POST', url: `/api/person-merges/${mergeId}/undo` }),
      409,
      'unmerge_not_possible',
    );
    await expectNoEvent(t.db, again);
  });

  it('remembers "different": the pair is never proposed again', async () => {
    const sup = as('sup.paris@x.test');
    const pair = (await open('sup.paris@x.test')).find((c) => c.id === candidate.id) as Candidate;
    expectJson(await sup.inject({ method: 'POST', url: `/api/duplicates/${pair.id}/different` }));
    await scan('sup.paris@x.test', PAR);
    expect((await open('sup.paris@x.test')).map((c) => c.id)).not.toContain(pair.id);
  });
});

describe('the same identity document on two records', () => {
  type Added = { id: string; sameDocumentAs: { id: string; reference: string }[] };
  const addPassport = async (email: Email, personId: string, number: string, type = 'passport') =>
    expectJson<Added>(
      await as(email).inject({
        method: 'POST',
        url: `/api/persons/${personId}/documents`,
        payload: { type, number, issuingCountry: 'IQ' },
      }),
      201,
    );
  const pairOf = async (email: Email, x: string, y: string) =>
    expectJson<{ items: Candidate[] }>(
      await as(email).inject({ method: 'GET', url: '/api/duplicates' }),
    ).items.find((c) => [c.a.id, c.b.id].sort().join() === [x, y].sort().join());
  let kawa: PersonBody;
  let karwan: PersonBody;

  beforeAll(async () => {
    // Two brothers: different given names and birth dates, never proposed on their names.
    kawa = await registerPerson(as('sup.erbil@x.test'), EBL, {
      givenName: 'Kawa',
      familyName: 'Rashid',
      sex: 'male',
      birthDate: '1988-02-14',
      nationalities: ['IQ'],
    });
    karwan = await registerPerson(as('sup.paris@x.test'), PAR, {
      givenName: 'Karwan',
      familyName: 'Rashid',
      sex: 'male',
      birthDate: '1991-09-30',
      nationalities: ['IQ'],
    });
  });

  it('proposes the pair to reviewers of both offices, and tells the user only of records they may read', async () => {
    expect((await addPassport('sup.paris@x.test', karwan.id, 'A 1234567')).sameDocumentAs).toEqual([]);
    const seq = await lastAuditSeq(t.db);
    // The same passport, typed differently, in Erbil: the Paris record is not Erbil's to know of.
    const added = await addPassport('sup.erbil@x.test', kawa.id, 'a1234567');
    expect(added.sameDocumentAs).toEqual([]);
    const [event] = await auditAfter(t.db, seq);
    expect(event).toMatchObject({ action: 'person.document_added', metadata: { sameDocumentAs: 1 } });
    const proposed = await pairOf('sup.both@x.test', kawa.id, karwan.id);
    expect(proposed?.score).toBeGreaterThanOrEqual(0.8);
    expect(proposed?.reasons).toContainEqual({ code: 'document.same', type: 'passport' });
    expect(proposed?.reasons.map((r) => r.code)).toContain('birthDate.conflict');
    expect(await pairOf('sup.paris@x.test', kawa.id, karwan.id)).toBeUndefined();
    expect(await pairOf('sup.erbil@x.test', kawa.id, karwan.id)).toBeUndefined();
  });

  it('names the readable holders to the user who records the document a third time', async () => {
    const third = await registerPerson(as('sup.paris@x.test'), PAR, {
      givenName: 'Karwan',
      familyName: 'Rashed',
      sex: 'male',
      birthDate: '1991-09-03',
      nationalities: ['IQ'],
    });
    const added = await addPassport('sup.paris@x.test', third.id, 'A1234567');
    expect(added.sameDocumentAs.map((p) => p.id)).toEqual([karwan.id]);
    expect(await pairOf('sup.paris@x.test', third.id, karwan.id)).toBeDefined();
  });

  it('does not take another kind of document with the same number for the same document', async () => {
    const other = await registerPerson(as('sup.paris@x.test'), PAR, {
      givenName: 'Shilan',
      familyName: 'Omer',
      sex: 'female',
      birthDate: '1979-11-11',
      nationalities: ['IQ'],
    });
    expect(
      (await addPassport('sup.paris@x.test', other.id, 'A1234567', 'national_id')).sameDocumentAs,
    ).toEqual([]);
  });

  it('finds the pair by its document in a scan, and never again once judged different', async () => {
    const [x, y] = [kawa.id, karwan.id].sort() as [string, string];
    await t.db.delete(duplicateCandidates).where(eq(duplicateCandidates.personA, x));
    const both = as('sup.both@x.test');
    const scanAll = () => scanAndWait('sup.both@x.test', null);
    await scanAll();
    const found = await pairOf('sup.both@x.test', x, y);
    expect(found?.reasons).toContainEqual({ code: 'document.same', type: 'passport' });
    expectJson(await both.inject({ method: 'POST', url: `/api/duplicates/${found?.id}/different` }));
    await scanAll();
    expect(await pairOf('sup.both@x.test', x, y)).toBeUndefined();
  });
});

describe('the automatic scan', () => {
  const system = () => ({
    db: t.db,
    clock: t.clock,
    actor: null,
    requestId: null,
    ip: null,
    lang: 'en' as const,
    reactions: wireReactions(),
  });

  it('scans the whole registry once a period, and not when turned off', async () => {
    expect(await runScheduledScan(system(), 0)).toBeNull();
    const seq = await lastAuditSeq(t.db);
    const first = await runScheduledScan(system(), 24);
    expect(first).not.toBeNull();
    const [scan] = await t.db
      .select()
      .from(duplicateScans)
      .where(eq(duplicateScans.id, first ?? ''));
    expect(scan).toMatchObject({ status: 'done', scopeOfficeIds: null, startedByName: AUTOMATIC_SCAN_BY });
    expect(scan?.persons).toBeGreaterThan(5);
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual(['person.duplicates_scanned']);
    // Not again within the period; again after it.
    expect(await runScheduledScan(system(), 24)).toBeNull();
    t.clock.advance(25 * 3_600_000);
    const second = await runScheduledScan(system(), 24);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    // Only reviewers of every office see it in the list of scans; its pairs reach each reviewer as usual.
    expect((await latestScans(t.db, [PAR, EBL])).map((s) => s.id)).not.toContain(second);
    expect((await latestScans(t.db, 'all')).map((s) => s.id)).toContain(second);
  });

  it('finds the same pairs when a large registry is scanned on a thread of its own', async () => {
    const pairsNow = async () =>
      (await t.db.select().from(duplicateCandidates))
        .map((c) => `${c.personA}|${c.personB}|${c.score.toFixed(6)}`)
        .sort();
    const before = await pairsNow();
    t.clock.advance(25 * 3_600_000);
    const connectionForThread = t.database.connectionForThread;
    expect(connectionForThread).toBeDefined();
    // Every scan counts as large here: it reads the registry through a connection of its own.
    const scanId = await runScheduledScan(system(), 24, { connectionForThread, offloadFrom: 0 });
    const [scan] = await t.db
      .select()
      .from(duplicateScans)
      .where(eq(duplicateScans.id, scanId ?? ''));
    expect(scan).toMatchObject({ status: 'done', newCandidates: 0 });
    expect(scan?.persons).toBeGreaterThan(5);
    expect(await pairsNow()).toEqual(before);
  });
});
