/**
 * Who sees which figures (reporting/policy.ts): the project manager of the owning office sees the whole
 * project; where the project also runs in an office in which they do not read reports, every figure is
 * suppressed; a supervisor sees their own offices' figures; a caseworker has no reports; an office that does
 * not run the project does not see it. Donor accounts see the projects granted to them, suppressed, only
 * through the donor routes. Grants are the project manager's. Every view, export and download is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/modules/reporting/contract';
import { auditAfter, expectJson, expectProblem, lastAuditSeq } from '../api/helpers';
import { tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import {
  addPeriod,
  buildFramework,
  closePeriod,
  type ExportBody,
  getReport,
  indicatorOf,
  insertCase,
  insertPerson,
  multipart,
  PDF,
  type PeriodBody,
  reportUrl,
  resetFixtures,
  settledExport,
  smallNumbers,
  tableOf,
} from './helpers';

const USERS = [
  'pm.par@x.test',
  'pm.full@x.test',
  'sup.par@x.test',
  'sup.tir@x.test',
  'cw.par@x.test',
  'pm.rab@x.test',
  'me.par@x.test',
  'donor@x.test',
  'donor2@x.test',
] as const;
type Email = (typeof USERS)[number];
let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let PAR: string;
let TIR: string;
let care: string;
let tact: string;
let careQ1: PeriodBody;
let tactQ1: PeriodBody;
let manualId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  resetFixtures();
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  await t.office('RAB', 'origin', 'MA');
  care = (await t.project('CARE', 'PAR')).id;
  tact = (await t.project('TACT', 'PAR', ['TIR'])).id;
  const memberships: Record<Email, [string, Parameters<TestApp['user']>[1][number][1]][]> = {
    'pm.par@x.test': [['PAR', 'project_manager']],
    'pm.full@x.test': [
      ['PAR', 'project_manager'],
      ['TIR', 'project_manager'],
    ],
    'sup.par@x.test': [['PAR', 'supervisor']],
    'sup.tir@x.test': [['TIR', 'supervisor']],
    'cw.par@x.test': [['PAR', 'caseworker']],
    'pm.rab@x.test': [['RAB', 'project_manager']],
    'me.par@x.test': [['PAR', 'me_officer']],
    'donor@x.test': [['PAR', 'donor']],
    'donor2@x.test': [['PAR', 'donor']],
  };
  for (const [email, roles] of Object.entries(memberships)) ids[email] = (await t.user(email, roles)).id;
  ({ as } = await signIn(t, USERS));

  const pm = as('pm.par@x.test');
  const careFramework = await buildFramework(pm, care, [
    { code: 'A1', definition: 'persons_assisted', target: 100, breakdowns: ['sex'] },
    { code: 'M1', kind: 'manual', unit: 'count', target: 10 },
  ]);
  manualId = careFramework.ids.M1 as string;
  careQ1 = await addPeriod(pm, care, { label: 'Q1 2026', startDate: '2026-01-01', endDate: '2026-03-31' });
  await buildFramework(pm, tact, [
    { code: 'A1', definition: 'persons_assisted', breakdowns: ['sex', 'office'] },
  ]);
  tactQ1 = await addPeriod(pm, tact, { label: 'Q1 2026', startDate: '2026-01-01', endDate: '2026-03-31' });
  // CARE: 6 women and 2 men, Paris. TACT: Paris 7 women and 2 men, Tirana 3 men.
  const add = async (projectId: string, officeId: string, sex: 'female' | 'male', n: number) => {
    for (let i = 0; i < n; i++) {
      const personId = await insertPerson(t.db, { officeId, sex });
      await insertCase(t.db, { personId, officeId, projectId, createdAt: `2026-02-${10 + i}T10:00:00Z` });
    }
  };
  await add(care, PAR, 'female', 6);
  await add(care, PAR, 'male', 2);
  await add(tact, PAR, 'female', 7);
  await add(tact, PAR, 'male', 2);
  await add(tact, TIR, 'male', 3);

  // TACT's Q1 is closed: its whole-project figures come from the signed snapshot.
  tactQ1 = await closePeriod(as('pm.full@x.test'), tactQ1);

  // A manual value with its evidence, validated.
  const entered = expectJson<{ version: number }>(
    await as('me.par@x.test').inject({
      method: 'PUT',
      url: `/api/report-indicators/${manualId}/values/${careQ1.id}`,
      payload: { value: 7, comment: 'Workshops held, attendance sheets attached.' },
    }),
  );
  const withEvidence = expectJson<{ version: number }>(
    await as('me.par@x.test').inject({
      method: 'POST',
      url: `/api/report-indicators/${manualId}/values/${careQ1.id}/evidence`,
      ...multipart('feuilles-de-presence.pdf', 'application/pdf', PDF),
    }),
  );
  expect(withEvidence.version).toBe(entered.version + 1);
  expectJson(
    await pm.inject({
      method: 'POST',
      url: `/api/report-indicators/${manualId}/values/${careQ1.id}/decision`,
      payload: { version: withEvidence.version, decision: 'validated' },
    }),
  );
});
afterAll(() => t.close());

const get = (email: Email, url: string) => as(email).inject({ method: 'GET', url });

describe('staff', () => {
  it('shows the project manager of the owning office the whole project, unsuppressed', async () => {
    const report = await getReport(as('pm.par@x.test'), care, { periodId: careQ1.id });
    expect(report.coverage).toBe('project');
    expect(report.offices).toEqual(['PAR']);
    expect(report.suppression).toEqual({ applied: false, threshold: 5, primary: 0, secondary: 0 });
    const a1 = indicatorOf(report, 'A1');
    expect(a1.value).toBe(8);
    expect(tableOf(a1, 'sex').rows).toEqual({ female: 6, male: 2 });
  });

  it('suppresses the whole project for a manager who does not read reports in every office of it, whatever asked', async () => {
    const asks = [{}, { shared: false }, { shared: false, breakdowns: ['sex*office'] }];
    for (const ask of asks) {
      const report = await getReport(as('pm.par@x.test'), tact, { periodId: tactQ1.id, ...ask });
      const label = JSON.stringify(ask);
      expect(report.suppression.applied, label).toBe(true);
      expect(smallNumbers(report), label).toEqual([]);
    }
    const whole = await getReport(as('pm.par@x.test'), tact, { periodId: tactQ1.id, shared: false });
    expect(whole.coverage).toBe('project');
    expect(whole.offices).toEqual(['PAR', 'TIR']);
    expect(indicatorOf(whole, 'A1').value).toBe(12);
    // Tirana's 3 men and the complement that would give them away are hidden.
    expect(tableOf(indicatorOf(whole, 'A1'), 'office').rows).toEqual({ PAR: null, TIR: null });
    // The closed period's snapshot holds raw figures: for a manager who reads every office, not for this one.
    expect(
      expectJson<{ digestMatches: boolean }>(
        await get('pm.full@x.test', `/api/reporting-periods/${tactQ1.id}/snapshot`),
      ),
    ).toMatchObject({ digestMatches: true, signatureValid: true });
    expect(whole.source).toBe('snapshot');
    expectProblem(
      await get('pm.par@x.test', `/api/reporting-periods/${tactQ1.id}/snapshot`),
      404,
      'not_found',
    );
  });

  it('does not let that manager recover another office’s small count from their own office’s figures', async () => {
    // One office's total beside the whole project's (12 - 9) would give Tirana's 3 persons: a manager under
    // forced suppression may not filter by office at all.
    const whole = await getReport(as('pm.par@x.test'), tact, { periodId: tactQ1.id, shared: false });
    expect(tableOf(indicatorOf(whole, 'A1'), 'office').rows).toEqual({ PAR: null, TIR: null });
    for (const officeId of [PAR, TIR])
      expectProblem(
        await get('pm.par@x.test', reportUrl(tact, { periodId: tactQ1.id, officeId, shared: false })),
        403,
        'forbidden',
      );
  });

  it('shows a supervisor only their own offices’ figures, and no other office’s filter', async () => {
    const paris = await getReport(as('sup.par@x.test'), tact, { periodId: tactQ1.id });
    expect(paris.coverage).toBe('own_offices');
    expect(paris.offices).toEqual(['PAR']);
    expect(indicatorOf(paris, 'A1').value).toBe(9);
    expect(tableOf(indicatorOf(paris, 'A1'), 'office').rows).toEqual({ PAR: 9 });
    // Their own figures, unsuppressed in the office.
    expect(tableOf(indicatorOf(paris, 'A1'), 'sex').rows).toEqual({ female: 7, male: 2 });
    const tirana = await getReport(as('sup.tir@x.test'), tact, { periodId: tactQ1.id });
    expect(tirana.offices).toEqual(['TIR']);
    expect(indicatorOf(tirana, 'A1').value).toBe(3);
    expectProblem(
      await get('sup.par@x.test', reportUrl(tact, { periodId: tactQ1.id, officeId: TIR })),
      404,
      'not_found',
    );
    // The own office's filter is fine.
    expect(
      indicatorOf(await getReport(as('sup.par@x.test'), tact, { officeId: PAR, periodId: tactQ1.id }), 'A1')
        .value,
    ).toBe(9);
    // No whole-project snapshot for a reader of one office.
    expectProblem(
      await get('sup.par@x.test', `/api/reporting-periods/${tactQ1.id}/snapshot`),
      404,
      'not_found',
    );
  });

  it('refuses a caseworker (403) and hides the project from an office that does not run it (404)', async () => {
    for (const url of [
      reportUrl(care),
      `/api/projects/${care}/framework`,
      `/api/projects/${care}/report-exports`,
    ])
      expectProblem(await get('cw.par@x.test', url), 403, 'forbidden');
    for (const url of [
      reportUrl(tact),
      `/api/projects/${tact}/framework`,
      `/api/projects/${tact}/report-exports`,
    ])
      expectProblem(await get('pm.rab@x.test', url), 404, 'not_found');
    expectProblem(
      await as('pm.rab@x.test').inject({
        method: 'POST',
        url: `/api/projects/${tact}/report-exports`,
        payload: { format: 'csv' },
      }),
      404,
      'not_found',
    );
  });

  it('does not hand a reader an export made with wider access than theirs', async () => {
    // Regression (a bug this test found, since fixed): exports.ts, visibleExport lets any staff reader of the project
    // list and download every export of it. An export asked unsuppressed by a manager who reads every office
    // holds the whole project's raw figures; Tirana's supervisor (own office only) and the Paris manager
    // (forced suppression) download it all the same.
    const made = expectJson<ExportBody>(
      await as('pm.full@x.test').inject({
        method: 'POST',
        url: `/api/projects/${tact}/report-exports`,
        payload: { format: 'csv', periodId: tactQ1.id, shared: false },
      }),
      202,
    );
    expect(made.parameters.shared).toBe(false);
    const done = await settledExport(as('pm.full@x.test'), `/api/report-exports/${made.id}`);
    expect(done.status).toBe('done');
    const raw = await get('pm.full@x.test', `/api/report-exports/${made.id}/file`);
    expect(raw.statusCode).toBe(200);
    // The file holds Tirana's 3 and Paris's 2 men: counts only readers of both offices may see.
    expect(raw.body).toMatch(/,office,PAR,,,,9,9,/);
    for (const email of ['sup.tir@x.test', 'pm.par@x.test'] as const) {
      const listed = expectJson<ExportBody[]>(await get(email, `/api/projects/${tact}/report-exports`));
      expect(
        listed.map((e) => e.id),
        email,
      ).not.toContain(made.id);
      expectProblem(await get(email, `/api/report-exports/${made.id}/file`), 404, 'not_found');
    }
  });
});

describe('donor accounts', () => {
  it('are granted and revoked by the project manager only, and only donor accounts are', async () => {
    const pm = as('pm.par@x.test');
    const listed = expectJson<{ viewers: unknown[]; candidates: { userId: string }[] }>(
      await get('pm.par@x.test', `/api/projects/${care}/report-viewers`),
    );
    expect(listed.viewers).toEqual([]);
    expect(listed.candidates.map((c) => c.userId).sort()).toEqual(
      [ids['donor@x.test'], ids['donor2@x.test']].sort(),
    );
    const seq = await lastAuditSeq(t.db);
    const granted = expectJson<{ viewers: { userId: string }[] }>(
      await pm.inject({
        method: 'POST',
        url: `/api/projects/${care}/report-viewers`,
        payload: { userId: ids['donor@x.test'] },
      }),
    );
    expect(granted.viewers.map((v) => v.userId)).toEqual([ids['donor@x.test']]);
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(['report.viewer_granted']);
    expect(events[0]).toMatchObject({ recordId: care, metadata: { userId: ids['donor@x.test'] } });
    // A staff account is not a donor: a field error, nothing granted.
    const refused = expectProblem(
      await pm.inject({
        method: 'POST',
        url: `/api/projects/${care}/report-viewers`,
        payload: { userId: ids['cw.par@x.test'] },
      }),
      400,
      'validation_failed',
    );
    expect(refused.errors).toEqual([expect.objectContaining({ path: 'userId', code: 'not_donor' })]);
    // Readers who do not manage the project cannot grant.
    for (const email of ['sup.par@x.test', 'me.par@x.test', 'donor@x.test'] as const)
      expectProblem(
        await as(email).inject({
          method: 'POST',
          url: `/api/projects/${care}/report-viewers`,
          payload: { userId: ids['donor2@x.test'] },
        }),
        403,
        'forbidden',
      );
    // The second donor is granted too (for the exports below).
    expectJson(
      await pm.inject({
        method: 'POST',
        url: `/api/projects/${care}/report-viewers`,
        payload: { userId: ids['donor2@x.test'] },
      }),
    );
  });

  it('see the granted projects only, suppressed, through the donor routes only', async () => {
    const projects = expectJson<{ id: string; code: string }[]>(
      await get('donor@x.test', '/api/donor/projects'),
    );
    expect(projects.map((p) => p.code)).toEqual(['CARE']);
    // Even asked unsuppressed, a donor's report is suppressed.
    const report = expectJson<Report>(
      await get(
        'donor@x.test',
        reportUrl(care, { periodId: careQ1.id, shared: false }, '/api/donor/projects'),
      ),
    );
    expect(report.suppression.applied).toBe(true);
    expect(smallNumbers(report)).toEqual([]);
    expect(indicatorOf(report, 'A1').value).toBe(8);
    expect(tableOf(indicatorOf(report, 'A1'), 'sex').rows).toEqual({ female: null, male: null });
    // The validated manual value is there; its evidence is not, anywhere in the report.
    expect(indicatorOf(report, 'M1').value).toBe(7);
    expect(JSON.stringify(report)).not.toMatch(/feuilles-de-presence|evidence/);
    // Not granted: the project does not exist for them.
    expectProblem(await get('donor@x.test', reportUrl(tact, {}, '/api/donor/projects')), 404, 'not_found');
    expectProblem(
      await as('donor@x.test').inject({
        method: 'POST',
        url: `/api/donor/projects/${tact}/exports`,
        payload: { format: 'csv' },
      }),
      404,
      'not_found',
    );
    // The staff routes are not theirs: the report, the framework (with manual values), the evidence file.
    for (const url of [
      reportUrl(care, { periodId: careQ1.id }),
      `/api/projects/${care}/framework`,
      `/api/report-indicators/${manualId}/values/${careQ1.id}/evidence`,
      `/api/projects/${care}/report-exports`,
    ])
      expectProblem(await get('donor@x.test', url), 403, 'forbidden');
    // Staff cannot use the donor routes either.
    expectProblem(await get('pm.par@x.test', '/api/donor/projects'), 403, 'forbidden');
  });

  it('see and download their own exports only', async () => {
    const request = (email: Email, url: string) =>
      as(email).inject({
        method: 'POST',
        url,
        payload: { format: 'csv', periodId: careQ1.id, shared: false },
      });
    const mine = expectJson<ExportBody>(
      await request('donor@x.test', `/api/donor/projects/${care}/exports`),
      202,
    );
    // A donor's export is suppressed whatever they ask.
    expect(mine.parameters).toMatchObject({ shared: true, via: 'donor' });
    const theirs = expectJson<ExportBody>(
      await request('donor2@x.test', `/api/donor/projects/${care}/exports`),
      202,
    );
    const staff = expectJson<ExportBody>(
      await request('pm.par@x.test', `/api/projects/${care}/report-exports`),
      202,
    );
    expect(staff.parameters).toMatchObject({ shared: false, via: 'staff' });
    expect((await settledExport(as('donor@x.test'), `/api/donor/exports/${mine.id}`)).status).toBe('done');
    expect((await settledExport(as('donor2@x.test'), `/api/donor/exports/${theirs.id}`)).status).toBe('done');
    expect((await settledExport(as('pm.par@x.test'), `/api/report-exports/${staff.id}`)).status).toBe('done');

    const listed = expectJson<ExportBody[]>(await get('donor@x.test', `/api/donor/projects/${care}/exports`));
    expect(listed.map((e) => e.id)).toEqual([mine.id]);
    for (const other of [theirs.id, staff.id]) {
      expectProblem(await get('donor@x.test', `/api/donor/exports/${other}`), 404, 'not_found');
      expectProblem(await get('donor@x.test', `/api/donor/exports/${other}/file`), 404, 'not_found');
    }
    const file = await get('donor@x.test', `/api/donor/exports/${mine.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toBe('private, no-store');
    // The two men are a hidden row of the CSV (suppressed flag 1, no value).
    expect(file.body).toMatch(/,sex,sex,male,,,\+m,,,,1/);
    // Staff download a donor's export through the staff route (they read the project), not the donor's one.
    expectProblem(await get('pm.par@x.test', `/api/donor/exports/${mine.id}/file`), 403, 'forbidden');
  });

  it('lose the project when the grant is revoked', async () => {
    const pm = as('pm.par@x.test');
    const seq = await lastAuditSeq(t.db);
    const revoked = await pm.inject({
      method: 'DELETE',
      url: `/api/projects/${care}/report-viewers/${ids['donor@x.test']}`,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual(['report.viewer_revoked']);
    expect(expectJson<unknown[]>(await get('donor@x.test', '/api/donor/projects'))).toEqual([]);
    expectProblem(await get('donor@x.test', reportUrl(care, {}, '/api/donor/projects')), 404, 'not_found');
    expectProblem(
      await pm.inject({
        method: 'DELETE',
        url: `/api/projects/${care}/report-viewers/${ids['donor@x.test']}`,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await as('sup.par@x.test').inject({
        method: 'DELETE',
        url: `/api/projects/${care}/report-viewers/${ids['donor2@x.test']}`,
      }),
      403,
      'forbidden',
    );
  });
});

describe('the audit log', () => {
  it('records every report view with its parameters', async () => {
    const seq = await lastAuditSeq(t.db);
    await getReport(as('pm.par@x.test'), tact, {
      periodId: tactQ1.id,
      breakdowns: ['sex*office'],
      shared: true,
    });
    await getReport(as('sup.par@x.test'), tact, { periodId: tactQ1.id, officeId: PAR });
    expectJson(await get('donor2@x.test', reportUrl(care, { periodId: careQ1.id }, '/api/donor/projects')));
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(['report.viewed', 'report.viewed', 'report.viewed']);
    expect(events[0]).toMatchObject({
      actorUserId: ids['pm.par@x.test'],
      recordType: 'project',
      recordId: tact,
      officeId: PAR,
      metadata: {
        periodId: tactQ1.id,
        breakdowns: ['sex*office'],
        officeId: null,
        shared: true,
        via: 'staff',
      },
    });
    expect(events[1]).toMatchObject({
      actorUserId: ids['sup.par@x.test'],
      metadata: { periodId: tactQ1.id, breakdowns: [], officeId: PAR, shared: false, via: 'staff' },
    });
    expect(events[2]).toMatchObject({
      actorUserId: ids['donor2@x.test'],
      recordId: care,
      metadata: { periodId: careQ1.id, shared: true, via: 'donor' },
    });
  });

  it('records every export request and download with its parameters', async () => {
    const seq = await lastAuditSeq(t.db);
    const made = expectJson<ExportBody>(
      await as('sup.par@x.test').inject({
        method: 'POST',
        url: `/api/projects/${tact}/report-exports`,
        payload: { format: 'xlsx', periodId: tactQ1.id, language: 'en', breakdowns: ['sex'], shared: false },
      }),
      202,
    );
    expect((await settledExport(as('sup.par@x.test'), `/api/report-exports/${made.id}`)).status).toBe('done');
    expect((await get('sup.par@x.test', `/api/report-exports/${made.id}/file`)).statusCode).toBe(200);
    const events = (await auditAfter(t.db, seq)).filter((e) => e.action.startsWith('report.'));
    expect(events.map((e) => e.action)).toEqual(['report.exported', 'report.export_downloaded']);
    expect(events[0]).toMatchObject({
      actorUserId: ids['sup.par@x.test'],
      recordType: 'report_export',
      recordId: made.id,
      metadata: {
        projectId: tact,
        format: 'xlsx',
        periodId: tactQ1.id,
        language: 'en',
        breakdowns: ['sex'],
        shared: false,
        via: 'staff',
        coverage: 'own_offices',
      },
    });
    expect(events[1]).toMatchObject({
      recordId: made.id,
      metadata: {
        projectId: tact,
        format: 'xlsx',
        fileName: expect.stringMatching(/^TACT-Q1_2026\.xlsx$/),
        sha256: expect.any(String),
      },
    });
  });
});
