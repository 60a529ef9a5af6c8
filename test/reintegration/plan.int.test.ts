/**
 * CARE's tailored reintegration at the API: a Tirana caseworker assesses needs and builds a plan under the
 * project's budget lines and per-person allowance; the supervisor approves; a change needs approval again;
 * deliveries never exceed what was approved; money and bad input are refused field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries, planItems, reintegrationPlans } from '../../src/modules/reintegration/tables';
import { auditAfter, expectJson, expectProblem, lastAuditSeq } from '../api/helpers';
import { type CaseDetailBody, openCase, tickingClock, walk } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { registerPerson, signIn } from '../registry/helpers';

const USERS = ['cw.tirana@x.test', 'sup.tirana@x.test', 'pm.tirana@x.test', 'cw.paris@x.test'] as const;
type Email = (typeof USERS)[number];
type Money = { minor: number; currency: string };
type View = {
  inReintegration: boolean;
  canEdit: boolean;
  plan: null | {
    status: string;
    approvedVersion: number | null;
    version: number;
    items: {
      id: string;
      planned: Money;
      approved: Money | null;
      delivered: Money;
      changedSinceApproval: boolean;
    }[];
    totals: { planned: Money[]; approved: Money[]; delivered: Money[] };
    warnings: { code: string; params: Record<string, string> }[];
    versions: { number: number }[];
    deliveries: { amount: Money }[];
  };
  assessment: null | { economic: { level: string } };
};

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let TIR: string;
let projectId: string;
let lineId: string;
let budget: { projectVersion: number };
let c: CaseDetailBody;

const item = (amount: string, extra: Record<string, unknown> = {}) => ({
  dimension: 'economic',
  serviceType: 'business_start_up',
  providerKind: 'in_house',
  deliveryMode: 'in_kind',
  planned: { amount, currency: 'EUR' },
  budgetLineId: lineId,
  ...extra,
});
const url = (path: string) => `/api/cases/${c.id}/${path}`;
const getView = async () =>
  expectJson<View>(await as('cw.tirana@x.test').inject({ method: 'GET', url: url('reintegration') }));

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  TIR = await t.office('TIR', 'origin', 'AL');
  await t.office('PAR');
  projectId = (await t.project('CARE', 'TIR')).id;
  await t.user('cw.tirana@x.test', [['TIR', 'caseworker']]);
  await t.user('sup.tirana@x.test', [['TIR', 'supervisor']]);
  await t.user('pm.tirana@x.test', [['TIR', 'project_manager']]);
  await t.user('cw.paris@x.test', [['PAR', 'caseworker']]);
  as = (await signIn(t, USERS)).as;
  const pm = as('pm.tirana@x.test');
  budget = expectJson(
    await pm.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/budget-lines`,
      payload: { code: 'R1', label: 'Reintegration grants', amount: { amount: '3000', currency: 'EUR' } },
    }),
    201,
  );
  lineId = (budget as unknown as { lines: { id: string }[] }).lines[0]?.id as string;
  budget = expectJson(
    await pm.inject({
      method: 'PUT',
      url: `/api/projects/${projectId}/allowance`,
      payload: { allowance: { amount: '2000', currency: 'EUR' }, version: budget.projectVersion },
    }),
  );
  const cw = as('cw.tirana@x.test');
  const person = await registerPerson(cw, TIR, { givenName: 'Drita', familyName: 'Kola' });
  c = await openCase(cw, { personId: person.id, officeId: TIR, projectId });
  const sup = as('sup.tirana@x.test');
  c = await walk(sup, c, ['counselling', 'eligibility', 'travel_preparation']);
});
afterAll(() => t.close());

async function moveToReintegration() {
  const sup = as('sup.tirana@x.test');
  const r = await sup.inject({
    method: 'PATCH',
    url: `/api/cases/${c.id}`,
    payload: {
      version: c.version,
      travelDocumentReady: true,
      medicalFitness: 'fit',
      declarationSignedOn: '2026-01-05',
      departureDate: '2026-01-10',
    },
  });
  c = expectJson<CaseDetailBody>(r);
  c = await walk(sup, c, ['ready_to_travel', 'departed', 'arrived', 'reintegration_planning']);
}

describe('reintegration plan', () => {
  it('refuses an assessment or a plan for a case not in reintegration, saving nothing', async () => {
    const cw = as('cw.tirana@x.test');
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await cw.inject({ method: 'POST', url: url('reintegration-plan/items'), payload: item('100') }),
      422,
      'case_not_in_reintegration',
    );
    expect(await t.db.select().from(reintegrationPlans)).toEqual([]);
    expect(await auditAfter(t.db, seq)).toEqual([]);
    await moveToReintegration();
  });

  it('records a needs assessment in three dimensions', async () => {
    const r = await as('cw.tirana@x.test').inject({
      method: 'POST',
      url: url('needs-assessments'),
      payload: {
        economic: { level: 'high', notes: 'No income; skilled in tailoring.' },
        social: { level: 'medium' },
        psychosocial: { level: 'high', notes: 'Counselling recommended.' },
        assessedOn: '2026-01-20',
      },
    });
    expect(expectJson<View>(r, 201).assessment?.economic.level).toBe('high');
  });

  it('refuses negative, non-numeric amounts and unknown currencies with field errors', async () => {
    const cw = as('cw.tirana@x.test');
    for (const [amount, currency, path] of [
      ['-50', 'EUR', 'planned.amount'],
      ['abc', 'EUR', 'planned.amount'],
      ['10.001', 'EUR', 'planned.amount'],
      ['10', 'XYZ', 'planned.currency'],
    ] as const) {
      const problem = expectProblem(
        await cw.inject({
          method: 'POST',
          url: url('reintegration-plan/items'),
          payload: item(amount, { planned: { amount, currency } }),
        }),
        400,
        'validation_failed',
      );
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    }
    expect(await t.db.select().from(planItems)).toEqual([]);
  });

  it('builds a plan with running totals and warns before the allowance is exceeded', async () => {
    const cw = as('cw.tirana@x.test');
    expectJson(
      await cw.inject({ method: 'POST', url: url('reintegration-plan/items'), payload: item('1500') }),
      201,
    );
    let view = await getView();
    view = expectJson<View>(
      await cw.inject({
        method: 'POST',
        url: url('reintegration-plan/items'),
        payload: {
          ...item('800', {
            dimension: 'psychosocial',
            serviceType: 'psychosocial_counselling',
            providerKind: 'partner',
            providerName: 'Different & Equal',
            deliveryMode: 'referral',
          }),
          planVersion: view.plan?.version,
        },
      }),
      201,
    );
    expect(view.plan?.totals.planned).toEqual([{ currency: 'EUR', minor: 230_000 }]);
    expect(view.plan?.warnings).toEqual([
      { code: 'allowance_exceeded', params: { total: '2300.00', limit: '2000.00', currency: 'EUR' } },
    ]);
  });

  it('refuses approval over the allowance with a clear message, then approves once it fits', async () => {
    const cw = as('cw.tirana@x.test');
    const sup = as('sup.tirana@x.test');
    let view = await getView();
    view = expectJson<View>(
      await cw.inject({
        method: 'POST',
        url: url('reintegration-plan/submit'),
        payload: { planVersion: view.plan?.version },
      }),
    );
    expect(view.plan?.status).toBe('submitted');
    const seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await sup.inject({
        method: 'POST',
        url: url('reintegration-plan/approve'),
        payload: { planVersion: view.plan?.version },
      }),
      422,
      'allowance_exceeded',
    );
    expect(problem.detail).toContain('2000.00');
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual([]);
    view = expectJson<View>(
      await sup.inject({
        method: 'POST',
        url: url('reintegration-plan/return'),
        payload: { planVersion: view.plan?.version, comment: 'Over the allowance' },
      }),
    );
    const counselling = view.plan?.items[1]?.id as string;
    view = expectJson<View>(
      await cw.inject({
        method: 'PATCH',
        url: `/api/reintegration-plan-items/${counselling}`,
        payload: { planned: { amount: '400', currency: 'EUR' }, planVersion: view.plan?.version },
      }),
    );
    view = expectJson<View>(
      await cw.inject({
        method: 'POST',
        url: url('reintegration-plan/submit'),
        payload: { planVersion: view.plan?.version },
      }),
    );
    view = expectJson<View>(
      await sup.inject({
        method: 'POST',
        url: url('reintegration-plan/approve'),
        payload: { planVersion: view.plan?.version },
      }),
    );
    expect(view.plan).toMatchObject({ status: 'approved', approvedVersion: 1, warnings: [] });
    // Right after approval nothing differs from the approved version.
    expect(view.plan?.items.map((i) => i.changedSinceApproval)).toEqual([false, false]);
    expect(view.plan?.totals.approved).toEqual([{ currency: 'EUR', minor: 190_000 }]);
  });

  it('refuses a second case’s plan when the budget line would be exceeded', async () => {
    const cw = as('cw.tirana@x.test');
    const sup = as('sup.tirana@x.test');
    const person = await registerPerson(cw, TIR, { givenName: 'Besa', familyName: 'Leka' });
    let other = await openCase(cw, { personId: person.id, officeId: TIR, projectId });
    other = await walk(sup, other, ['counselling', 'eligibility', 'travel_preparation']);
    other = expectJson<CaseDetailBody>(
      await sup.inject({
        method: 'PATCH',
        url: `/api/cases/${other.id}`,
        payload: {
          version: other.version,
          travelDocumentReady: true,
          medicalFitness: 'fit',
          declarationSignedOn: '2026-01-05',
          departureDate: '2026-01-10',
        },
      }),
    );
    other = await walk(sup, other, ['ready_to_travel', 'departed', 'arrived', 'reintegration_planning']);
    const base = `/api/cases/${other.id}`;
    let view = expectJson<View>(
      await cw.inject({ method: 'POST', url: `${base}/reintegration-plan/items`, payload: item('1200') }),
      201,
    );
    expect(view.plan?.warnings[0]).toEqual({
      code: 'budget_line_exceeded',
      params: { line: 'R1', remaining: '1100.00', needed: '1200.00', currency: 'EUR' },
    });
    view = expectJson<View>(
      await cw.inject({
        method: 'POST',
        url: `${base}/reintegration-plan/submit`,
        payload: { planVersion: view.plan?.version },
      }),
    );
    expectProblem(
      await sup.inject({
        method: 'POST',
        url: `${base}/reintegration-plan/approve`,
        payload: { planVersion: view.plan?.version },
      }),
      422,
      'budget_line_exceeded',
    );
    expect((await getView()).plan?.status).toBe('approved');
  });

  it('records deliveries up to the approved amount, never beyond', async () => {
    const cw = as('cw.tirana@x.test');
    const view = await getView();
    const grant = view.plan?.items[0]?.id as string;
    const delivery = (amount: string) => ({
      planItemId: grant,
      amount: { amount, currency: 'EUR' },
      deliveredOn: '2026-02-01',
      vendor: 'Sewing machines Tirana',
      receiptConfirmedBy: 'Drita Kola',
    });
    const after = expectJson<View>(
      await cw.inject({ method: 'POST', url: url('deliveries'), payload: delivery('1000') }),
      201,
    );
    expect(after.plan?.items[0]?.delivered).toEqual({ minor: 100_000, currency: 'EUR' });
    const problem = expectProblem(
      await cw.inject({ method: 'POST', url: url('deliveries'), payload: delivery('500.01') }),
      422,
      'delivery_exceeds_approved',
    );
    expect(problem.detail).toContain('500.00');
    expectProblem(
      await cw.inject({
        method: 'POST',
        url: url('deliveries'),
        payload: { ...delivery('10'), amount: { amount: '10', currency: 'USD' } },
      }),
      400,
      'validation_failed',
    );
    expect(await t.db.select().from(deliveries)).toHaveLength(1);
  });

  it('needs approval again after a change; deliveries continue against the approved version', async () => {
    const cw = as('cw.tirana@x.test');
    let view = await getView();
    const grant = view.plan?.items[0]?.id as string;
    view = expectJson<View>(
      await cw.inject({
        method: 'PATCH',
        url: `/api/reintegration-plan-items/${grant}`,
        payload: { planned: { amount: '1400', currency: 'EUR' }, planVersion: view.plan?.version },
      }),
    );
    expect(view.plan).toMatchObject({ status: 'draft', approvedVersion: 1 });
    expect(view.plan?.items[0]).toMatchObject({
      changedSinceApproval: true,
      approved: { minor: 150_000, currency: 'EUR' },
    });
    expectJson(
      await cw.inject({
        method: 'POST',
        url: url('deliveries'),
        payload: { planItemId: grant, amount: { amount: '500', currency: 'EUR' }, deliveredOn: '2026-02-02' },
      }),
      201,
    );
    expectProblem(
      await cw.inject({
        method: 'PATCH',
        url: `/api/reintegration-plan-items/${grant}`,
        payload: { planned: { amount: '1300', currency: 'EUR' }, planVersion: 1 },
      }),
      409,
      'version_conflict',
    );
  });

  it('is not found from another office', async () => {
    expectProblem(
      await as('cw.paris@x.test').inject({ method: 'GET', url: url('reintegration') }),
      404,
      'not_found',
    );
  });
});
