/**
 * The portfolio dashboard: every project the reader reports on (the mission, or one office's), its headline
 * figure against the target, how many indicators are on track for the time elapsed, and the budget burn,
 * under the same access rules as the project report. Today is 2 March 2026 (the harness clock).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects } from '../../src/modules/projects/tables';
import type { Portfolio } from '../../src/modules/reporting/contract';
import { expectJson, expectProblem } from '../api/helpers';
import { tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import {
  addPeriod,
  buildFramework,
  insertBudgetLine,
  insertCase,
  insertDelivery,
  insertItem,
  insertPerson,
  insertPlan,
  resetFixtures,
} from './helpers';

const USERS = ['pm.par@x.test', 'pm.both@x.test', 'sup.tir@x.test', 'cw.par@x.test'] as const;
type Email = (typeof USERS)[number];
let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let TIR: string;
let LYO: string;
let care: string;
let tact: string;

type Entry = Portfolio['projects'][number];
const portfolioOf = async (email: Email, query = '') =>
  expectJson<Portfolio>(await as(email).inject({ method: 'GET', url: `/api/reporting/portfolio${query}` }));
const entry = (p: Portfolio, code: string): Entry => {
  const found = p.projects.find((x) => x.code === code);
  if (!found) throw new Error(`${code} not in the portfolio`);
  return found;
};

beforeAll(async () => {
  resetFixtures();
  t = await createTestApp();
  tickingClock(t.clock);
  const PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  LYO = await t.office('LYO');
  care = (await t.project('CARE', 'PAR')).id;
  tact = (await t.project('TACT', 'PAR', ['TIR'])).id;
  const lyon = (await t.project('LYON', 'LYO')).id;
  await t.project('EMPTY', 'PAR');
  // Two years, 2025 and 2026: on 2 March 2026, 426 of 730 days are gone (0.584).
  for (const id of [care, tact, lyon])
    await t.db
      .update(projects)
      .set({ startDate: '2025-01-01', endDate: '2026-12-31', donor: 'Union européenne' })
      .where(eq(projects.id, id));
  await t.user('pm.par@x.test', [['PAR', 'project_manager']]);
  await t.user('pm.both@x.test', [
    ['PAR', 'project_manager'],
    ['TIR', 'project_manager'],
  ]);
  await t.user('sup.tir@x.test', [['TIR', 'supervisor']]);
  await t.user('cw.par@x.test', [['PAR', 'caseworker']]);
  await t.user('pm.lyo@x.test', [['LYO', 'project_manager']]);
  ({ as } = await signIn(t, USERS));
  const lyonManager = await t.login('pm.lyo@x.test');

  // CARE: 12 persons assisted in Q1 (target 20: 0.6), 3 returned (target 10: 0.3), 600.00 EUR spent
  // (target 1,000: 0.6), a manual indicator without a target.
  await buildFramework(as('pm.par@x.test'), care, [
    { code: 'A1', definition: 'persons_assisted', target: 20 },
    { code: 'R1', definition: 'persons_returned', target: 10 },
    { code: 'B1', definition: 'budget_spent', target: 1000 },
    { code: 'M1', kind: 'manual', unit: 'count' },
  ]);
  await addPeriod(as('pm.par@x.test'), care, {
    label: 'Q1 2026',
    startDate: '2026-01-01',
    endDate: '2026-03-31',
  });
  let firstCase = '';
  for (let i = 0; i < 12; i++) {
    const personId = await insertPerson(t.db, { officeId: PAR, sex: i % 2 ? 'male' : 'female' });
    const caseId = await insertCase(t.db, {
      personId,
      officeId: PAR,
      projectId: care,
      createdAt: `2026-01-${10 + i}T10:00:00Z`,
      status: i < 3 ? 'departed' : 'counselling',
      departureDate: i < 3 ? '2026-02-01' : null,
    });
    firstCase ||= caseId;
  }
  const eur = await insertBudgetLine(t.db, {
    projectId: care,
    code: 'BL1',
    currency: 'EUR',
    amountMinor: 1_000_000,
  });
  await insertBudgetLine(t.db, { projectId: care, code: 'BL2', currency: 'EUR', amountMinor: 500_000 });
  const plan = await insertPlan(t.db, {
    caseId: firstCase,
    status: 'approved',
    approvals: ['2026-01-20T10:00:00Z'],
    decidedAt: '2026-01-20T10:00:00Z',
  });
  const item = await insertItem(t.db, {
    planId: plan,
    dimension: 'economic',
    mode: 'cash',
    currency: 'EUR',
    budgetLineId: eur,
  });
  await insertDelivery(t.db, {
    itemId: item,
    caseId: firstCase,
    amountMinor: 60_000,
    currency: 'EUR',
    deliveredOn: '2026-02-15',
  });

  // TACT: 2 persons in Paris and 2 in Tirana (target 10).
  await buildFramework(as('pm.both@x.test'), tact, [
    { code: 'A1', definition: 'persons_assisted', target: 10 },
  ]);
  await addPeriod(as('pm.both@x.test'), tact, {
    label: 'Q1 2026',
    startDate: '2026-01-01',
    endDate: '2026-03-31',
  });
  for (const officeId of [PAR, PAR, TIR, TIR]) {
    const personId = await insertPerson(t.db, { officeId, sex: 'female' });
    await insertCase(t.db, { personId, officeId, projectId: tact, createdAt: '2026-02-01T10:00:00Z' });
  }

  // LYON: Lyon's own project, well ahead.
  await buildFramework(lyonManager, lyon, [{ code: 'A1', definition: 'persons_assisted', target: 5 }]);
  await addPeriod(lyonManager, lyon, { label: 'Q1 2026', startDate: '2026-01-01', endDate: '2026-03-31' });
  for (let i = 0; i < 6; i++) {
    const personId = await insertPerson(t.db, { officeId: LYO, sex: 'male' });
    await insertCase(t.db, { personId, officeId: LYO, projectId: lyon, createdAt: '2026-02-01T10:00:00Z' });
  }
});
afterAll(() => t.close());

describe('the portfolio', () => {
  it('shows the mission: headline against target, indicators on track for the time elapsed, budget burn', async () => {
    const portfolio = await portfolioOf('pm.par@x.test');
    expect(portfolio).toMatchObject({ scope: 'mission', officeCode: null });
    // Lyon's project is not Paris's to report on.
    expect(portfolio.projects.map((p) => p.code).sort()).toEqual(['CARE', 'EMPTY', 'TACT']);
    expect(entry(portfolio, 'CARE')).toEqual({
      id: care,
      code: 'CARE',
      name: 'Project CARE',
      donor: 'Union européenne',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
      timeElapsed: 0.584,
      headline: {
        indicatorId: expect.any(String),
        code: 'A1',
        title: 'Indicateur A1',
        value: 12,
        target: 20,
        progress: 0.6,
      },
      // A1 (0.6) and B1 (0.6) are at least 0.584 - 0.1; R1 (0.3) is behind; M1 has no target.
      indicators: 4,
      onTrack: 2,
      behind: 1,
      // Both euro lines; 600.00 EUR delivered.
      budgetMinor: 1_500_000,
      spentMinor: 60_000,
      currency: 'EUR',
    });
    // A project without periods, indicators or budget is listed, with nothing to show (no budget: 0 or
    // "none", never a made-up figure).
    const empty = entry(portfolio, 'EMPTY');
    expect(empty).toMatchObject({
      headline: null,
      indicators: 0,
      onTrack: 0,
      behind: 0,
      currency: null,
      timeElapsed: null,
    });
    expect([empty.budgetMinor ?? 0, empty.spentMinor ?? 0]).toEqual([0, 0]);
  });

  it('suppresses the figures of a project the reader may only see suppressed', async () => {
    // The Paris manager does not read Tirana's reports: TACT's 4 persons are hidden, so is the progress,
    // and the indicator is neither on track nor behind.
    const tact4 = entry(await portfolioOf('pm.par@x.test'), 'TACT');
    expect(tact4.headline).toMatchObject({ code: 'A1', value: null, target: 10, progress: null });
    expect(tact4).toMatchObject({ indicators: 1, onTrack: 0, behind: 0 });
    // A manager of both offices sees 4 of 10 (0.4): behind.
    const both = entry(await portfolioOf('pm.both@x.test'), 'TACT');
    expect(both.headline).toMatchObject({ value: 4, progress: 0.4 });
    expect(both).toMatchObject({ onTrack: 0, behind: 1 });
  });

  it('shows one office’s portfolio with that office’s figures only', async () => {
    const tirana = await portfolioOf('pm.both@x.test', `?officeId=${TIR}`);
    expect(tirana).toMatchObject({ scope: 'office', officeCode: 'TIR' });
    expect(tirana.projects.map((p) => p.code)).toEqual(['TACT']);
    // Tirana's 2 persons of 10.
    expect(entry(tirana, 'TACT')).toMatchObject({
      headline: { value: 2, target: 10, progress: 0.2 },
      behind: 1,
    });
    // A supervisor of Tirana: their own office, whatever they ask.
    const supervisor = await portfolioOf('sup.tir@x.test');
    expect(supervisor.projects.map((p) => p.code)).toEqual(['TACT']);
    expect(entry(supervisor, 'TACT').headline).toMatchObject({ value: 2, progress: 0.2 });
    expectProblem(
      await as('sup.tir@x.test').inject({ method: 'GET', url: `/api/reporting/portfolio?officeId=${LYO}` }),
      404,
      'not_found',
    );
    expectProblem(
      await as('pm.par@x.test').inject({ method: 'GET', url: `/api/reporting/portfolio?officeId=${TIR}` }),
      404,
      'not_found',
    );
  });

  it('shows the budget burn of a project run by that office alone in the office’s portfolio', async () => {
    // Regression (a bug this test found, since fixed): report.ts leaves `budget` empty whenever an office filter is
    // set (`!wholeProject`), so Paris's own portfolio shows CARE (run by Paris alone, the same figures as
    // the whole project) with a budget of 0 and nothing spent, where the mission view shows 15,000.00 EUR
    // and 600.00 EUR spent. When the office filter covers every office of the project the budget is the
    // project's; otherwise it should say "not available" rather than 0.
    const paris = await portfolioOf('pm.par@x.test', `?officeId=${await t.office('PAR')}`);
    expect(paris).toMatchObject({ scope: 'office', officeCode: 'PAR' });
    expect(paris.projects.map((p) => p.code).sort()).toEqual(['CARE', 'EMPTY', 'TACT']);
    expect(entry(paris, 'CARE')).toMatchObject({
      headline: { value: 12, target: 20, progress: 0.6 },
      onTrack: 2,
      behind: 1,
      budgetMinor: 1_500_000,
      spentMinor: 60_000,
      currency: 'EUR',
    });
  });

  it('is not for readers without reports', async () => {
    expectProblem(
      await as('cw.par@x.test').inject({ method: 'GET', url: '/api/reporting/portfolio' }),
      403,
      'forbidden',
    );
  });
});
