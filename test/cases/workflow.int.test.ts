/**
 * Case workflows through the API: opening, steps, supervisor approval, required fields, departure,
 * withdrawal, closing and reopening, optimistic concurrency, the actions offered to each role, and
 * office scoping. Every change writes exactly one audit event of the right action.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDetailSchema } from '../../src/modules/cases/contract';
import { cases } from '../../src/modules/cases/tables';
import {
  auditAfter,
  expectJson,
  expectNoEvent,
  expectOneEvent,
  expectProblem,
  lastAuditSeq,
} from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { type PersonBody, registerPerson, signIn } from '../registry/helpers';
import {
  type CaseDetailBody,
  caseEventRows,
  caseRow,
  getCase,
  openCase,
  tickingClock,
  transition,
  transitionRequest,
  walk,
} from './helpers';

const USERS = ['cw.paris@x.test', 'sup.paris@x.test', 'dpo@x.test', 'cw.tirana@x.test'] as const;
type Email = (typeof USERS)[number];

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let PAR: string;
const userIds = {} as Record<Email, string>;
let person: PersonBody;

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  await t.office('TIR', 'origin', 'AL');
  userIds['cw.paris@x.test'] = (await t.user('cw.paris@x.test', [['PAR', 'caseworker']])).id;
  userIds['sup.paris@x.test'] = (await t.user('sup.paris@x.test', [['PAR', 'supervisor']])).id;
  userIds['dpo@x.test'] = (await t.user('dpo@x.test', [['PAR', 'data_protection_officer']])).id;
  userIds['cw.tirana@x.test'] = (await t.user('cw.tirana@x.test', [['TIR', 'caseworker']])).id;
  as = (await signIn(t, USERS)).as;
  person = await registerPerson(as('cw.paris@x.test'), PAR, {
    givenName: 'Arta',
    familyName: 'Krasniqi',
    givenNameOriginal: 'Арта',
    familyNameOriginal: 'Красничи',
  });
});
afterAll(() => t.close());

const cw = () => as('cw.paris@x.test');
const sup = () => as('sup.paris@x.test');
const newCase = () => openCase(cw(), { personId: person.id, officeId: PAR });
const toEligibility = async () => walk(cw(), await newCase(), ['counselling', 'eligibility']);
/** A case at travel preparation, taken there directly by the supervisor (no approval needed). */
const toTravelPreparation = async () => transition(sup(), await toEligibility(), 'travel_preparation');
const READY_FIELDS = { travelDocumentReady: true, medicalFitness: 'fit', declarationSignedOn: '2026-03-01' };

describe('opening', () => {
  it('opens an AVRR case at intake: 201, a yearly office reference, an opened event, one case.opened', async () => {
    const seq = await lastAuditSeq(t.db);
    const response = await cw().inject({
      method: 'POST',
      url: '/api/cases',
      payload: {
        personId: person.id,
        caseType: 'avrr',
        officeId: PAR,
        hostCountry: 'FR',
        returnCountry: 'AL',
      },
    });
    const opened = expectJson<CaseDetailBody>(response, 201);
    expect(opened).toMatchObject({
      reference: 'PAR-2026-00001',
      personId: person.id,
      personName: 'Arta Krasniqi',
      personNameOriginal: 'Арта Красничи',
      caseType: 'avrr',
      sensitive: false,
      status: 'intake',
      pendingTransitionTo: null,
      pendingTransition: null,
      officeId: PAR,
      officeCode: 'PAR',
      assignedTo: null,
      hostCountry: 'FR',
      returnCountry: 'AL',
      travelDocumentReady: false,
      medicalFitness: null,
      closureReason: null,
      canApprove: false,
      canReopen: false,
      canAssign: false,
      canSeeConfidential: false,
      notes: [],
      tasks: [],
      version: 1,
    });
    expect(opened.workflowStates[0]).toBe('intake');
    expect(opened.timeline).toEqual([
      expect.objectContaining({
        kind: 'opened',
        fromStatus: null,
        toStatus: 'intake',
        actorName: 'cw.paris',
      }),
    ]);
    expect(opened.availableTransitions).toEqual([
      { to: 'counselling', approval: false, requires: [], missing: [] },
      { to: 'withdrawn', approval: false, requires: [], missing: [] },
    ]);
    const event = await expectOneEvent(t.db, seq, {
      action: 'case.opened',
      recordType: 'case',
      recordId: opened.id,
      officeId: PAR,
      actorUserId: userIds['cw.paris@x.test'],
    });
    expect(event.changes).toMatchObject({
      reference: { new: 'PAR-2026-00001' },
      caseType: { new: 'avrr' },
      personId: { new: person.id },
      status: { new: 'intake' },
    });
    expect(await caseRow(t.db, opened.id)).toMatchObject({
      status: 'intake',
      owningOfficeId: PAR,
      createdBy: userIds['cw.paris@x.test'],
      version: 1,
    });
    expect((await newCase()).reference).toBe('PAR-2026-00002');
  });

  it('refuses a case for a person outside scope (404), and in an office where one holds no role (403)', async () => {
    const tiranaPerson = await registerPerson(as('cw.tirana@x.test'), await t.office('TIR'));
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await cw().inject({
        method: 'POST',
        url: '/api/cases',
        payload: { personId: tiranaPerson.id, caseType: 'avrr', officeId: PAR },
      }),
      404,
      'not_found',
    );
    expectProblem(
      await as('cw.tirana@x.test').inject({
        method: 'POST',
        url: '/api/cases',
        payload: { personId: person.id, caseType: 'avrr', officeId: PAR },
      }),
      403,
      'forbidden',
    );
    await expectNoEvent(t.db, seq);
  });
});

describe('projects of a case', () => {
  it('accepts a project the office runs', async () => {
    const magnet = await t.project('MAGNET', 'PAR');
    const opened = await openCase(cw(), { personId: person.id, officeId: PAR, projectId: magnet.id });
    expect(opened).toMatchObject({ projectId: magnet.id, projectCode: 'MAGNET' });
  });

  it('refuses a project that does not exist with a 4xx problem (not a 500), creating nothing', async () => {
    const before = (await t.db.select({ id: cases.id }).from(cases)).length;
    const seq = await lastAuditSeq(t.db);
    const opened = await cw().inject({
      method: 'POST',
      url: '/api/cases',
      payload: { personId: person.id, caseType: 'avrr', officeId: PAR, projectId: randomUUID() },
    });
    expect(opened.statusCode, opened.body).toBeGreaterThanOrEqual(400);
    expect(opened.statusCode, opened.body).toBeLessThan(500);
    const c = await newCase();
    const patched = await cw().inject({
      method: 'PATCH',
      url: `/api/cases/${c.id}`,
      payload: { version: c.version, projectId: randomUUID() },
    });
    expect(patched.statusCode, patched.body).toBeGreaterThanOrEqual(400);
    expect(patched.statusCode, patched.body).toBeLessThan(500);
    expect((await t.db.select({ id: cases.id }).from(cases)).length).toBe(before + 1);
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual(['case.opened']);
    expect((await caseRow(t.db, c.id)).projectId).toBeNull();
  });

  it('refuses a project the office takes no part in (invisible to the caseworker)', async () => {
    const foreign = await t.project('FOREIGN', 'TIR');
    // The caseworker cannot see that project...
    expectProblem(await cw().inject({ method: 'GET', url: `/api/projects/${foreign.id}` }), 404, 'not_found');
    // ...so cannot file a Paris case under it.
    const opened = await cw().inject({
      method: 'POST',
      url: '/api/cases',
      payload: { personId: person.id, caseType: 'avrr', officeId: PAR, projectId: foreign.id },
    });
    expect(opened.statusCode, opened.body).toBeGreaterThanOrEqual(400);
    expect(opened.statusCode, opened.body).toBeLessThan(500);
    expect(await t.db.select({ id: cases.id }).from(cases).where(eq(cases.projectId, foreign.id))).toEqual(
      [],
    );
  });
});

describe('steps', () => {
  it('walks intake → counselling → eligibility, one case.transitioned per step', async () => {
    let c = await newCase();
    for (const [from, to] of [
      ['intake', 'counselling'],
      ['counselling', 'eligibility'],
    ] as const) {
      const seq = await lastAuditSeq(t.db);
      const version = c.version;
      c = await transition(cw(), c, to, { comment: `to ${to}` });
      expect(c).toMatchObject({ status: to, version: version + 1 });
      expect(c.timeline.at(-1)).toMatchObject({
        kind: 'transition',
        fromStatus: from,
        toStatus: to,
        actorName: 'cw.paris',
        comment: `to ${to}`,
      });
      await expectOneEvent(t.db, seq, {
        action: 'case.transitioned',
        recordId: c.id,
        officeId: PAR,
        changes: { status: { old: from, new: to } },
      });
    }
    expect(c.timeline.map((e) => e.kind)).toEqual(['opened', 'transition', 'transition']);
    expect((await caseRow(t.db, c.id)).status).toBe('eligibility');
  });

  it('refuses a step the workflow does not have (422 transition_not_allowed) and an unknown status (400)', async () => {
    const c = await newCase();
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await transitionRequest(cw(), c.id, { version: c.version, to: 'departed' }),
      422,
      'transition_not_allowed',
    );
    const unknown = expectProblem(
      await transitionRequest(cw(), c.id, { version: c.version, to: 'teleported' }),
      400,
      'validation_failed',
    );
    expect(unknown.errors?.map((e) => e.path)).toEqual(['to']);
    await expectNoEvent(t.db, seq);
    expect(await caseRow(t.db, c.id)).toMatchObject({ status: 'intake', version: 1 });
  });

  it('answers a stale version with 409 version_conflict carrying the current case detail', async () => {
    const c = await transition(cw(), await newCase(), 'counselling');
    const seq = await lastAuditSeq(t.db);
    const conflict = expectProblem(
      await transitionRequest(cw(), c.id, { version: 1, to: 'eligibility' }),
      409,
      'version_conflict',
    );
    const current = CaseDetailSchema.parse(conflict.current);
    expect(current).toMatchObject({ id: c.id, status: 'counselling', version: 2 });
    expect(current.timeline.map((e) => e.kind)).toEqual(['opened', 'transition']);
    expect(current.availableTransitions.map((x) => x.to)).toEqual(['eligibility', 'withdrawn']);
    await expectNoEvent(t.db, seq);
    expect(await caseRow(t.db, c.id)).toMatchObject({ status: 'counselling', version: 2 });
  });
});

describe('approval', () => {
  it('turns a caseworker’s eligibility → travel_preparation into a pending request; other steps wait (409)', async () => {
    const c = await toEligibility();
    expect(c.availableTransitions).toEqual([
      { to: 'travel_preparation', approval: true, requires: [], missing: [] },
      { to: 'withdrawn', approval: false, requires: [], missing: [] },
    ]);
    expect((await getCase(sup(), c.id)).availableTransitions).toEqual([
      { to: 'travel_preparation', approval: false, requires: [], missing: [] },
      { to: 'withdrawn', approval: false, requires: [], missing: [] },
    ]);

    let seq = await lastAuditSeq(t.db);
    const requested = await transition(cw(), c, 'travel_preparation', { comment: 'Ticket quote received' });
    expect(requested).toMatchObject({
      status: 'eligibility',
      pendingTransitionTo: 'travel_preparation',
      pendingTransition: {
        to: 'travel_preparation',
        requestedByName: 'cw.paris',
        requestedAt: expect.stringMatching(/^2026-03-02T09:00:\d\d\.\d{3}Z$/),
        comment: 'Ticket quote received',
      },
      availableTransitions: [],
      canApprove: false,
      version: c.version + 1,
    });
    expect(requested.timeline.at(-1)).toMatchObject({
      kind: 'approval_requested',
      fromStatus: 'eligibility',
      toStatus: 'travel_preparation',
    });
    const event = await expectOneEvent(t.db, seq, {
      action: 'case.approval_requested',
      recordId: c.id,
      metadata: { requestedTo: 'travel_preparation' },
    });
    expect(event.changes).toEqual({});
    expect(await caseRow(t.db, c.id)).toMatchObject({
      status: 'eligibility',
      pendingTransition: expect.objectContaining({
        to: 'travel_preparation',
        requestedBy: userIds['cw.paris@x.test'],
      }),
    });

    // While it waits, no step is taken, by anyone.
    seq = await lastAuditSeq(t.db);
    for (const [session, to] of [
      [cw(), 'withdrawn'],
      [cw(), 'travel_preparation'],
      [sup(), 'travel_preparation'],
    ] as const) {
      expectProblem(
        await transitionRequest(session, c.id, { version: requested.version, to }),
        409,
        'approval_pending',
      );
    }
    // A caseworker may not approve their own request: refused at the door, and recorded.
    const denied = await cw().inject({
      method: 'POST',
      url: `/api/cases/${c.id}/approve`,
      payload: { version: requested.version },
    });
    expectProblem(denied, 403, 'forbidden');
    await expectOneEvent(t.db, seq, {
      action: 'access.denied',
      actorUserId: userIds['cw.paris@x.test'],
      metadata: { permission: 'cases.approve', method: 'POST', route: '/api/cases/:id/approve' },
    });
    expect(await caseRow(t.db, c.id)).toMatchObject({ status: 'eligibility', version: requested.version });

    const forSupervisor = await getCase(sup(), c.id);
    expect(forSupervisor.canApprove).toBe(true);
    seq = await lastAuditSeq(t.db);
    const approved = expectJson<CaseDetailBody>(
      await sup().inject({
        method: 'POST',
        url: `/api/cases/${c.id}/approve`,
        payload: { version: requested.version, comment: 'Budget line confirmed' },
      }),
    );
    expect(approved).toMatchObject({
      status: 'travel_preparation',
      pendingTransitionTo: null,
      pendingTransition: null,
      canApprove: false,
      version: requested.version + 1,
    });
    expect(approved.timeline.at(-1)).toMatchObject({
      kind: 'approved',
      fromStatus: 'eligibility',
      toStatus: 'travel_preparation',
      actorName: 'sup.paris',
      comment: 'Budget line confirmed',
      data: { requestedBy: 'cw.paris' },
    });
    await expectOneEvent(t.db, seq, {
      action: 'case.approved',
      recordId: c.id,
      actorUserId: userIds['sup.paris@x.test'],
      changes: { status: { old: 'eligibility', new: 'travel_preparation' } },
      metadata: { requestedBy: userIds['cw.paris@x.test'], requestedTo: 'travel_preparation' },
    });
    expect(await caseRow(t.db, c.id)).toMatchObject({
      status: 'travel_preparation',
      pendingTransition: null,
    });
  });

  it('clears the request on rejection (a reason is required) and leaves the status', async () => {
    const c = await toEligibility();
    const requested = await transition(cw(), c, 'travel_preparation');
    let seq = await lastAuditSeq(t.db);
    const noReason = expectProblem(
      await sup().inject({
        method: 'POST',
        url: `/api/cases/${c.id}/reject`,
        payload: { version: requested.version },
      }),
      400,
      'validation_failed',
    );
    expect(noReason.errors?.map((e) => e.path)).toEqual(['comment']);
    await expectNoEvent(t.db, seq);

    const rejected = expectJson<CaseDetailBody>(
      await sup().inject({
        method: 'POST',
        url: `/api/cases/${c.id}/reject`,
        payload: { version: requested.version, comment: 'Eligibility not documented' },
      }),
    );
    expect(rejected).toMatchObject({
      status: 'eligibility',
      pendingTransitionTo: null,
      pendingTransition: null,
      version: requested.version + 1,
    });
    expect(rejected.timeline.at(-1)).toMatchObject({
      kind: 'rejected',
      comment: 'Eligibility not documented',
    });
    await expectOneEvent(t.db, seq, {
      action: 'case.rejected',
      recordId: c.id,
      changes: {},
      metadata: { requestedTo: 'travel_preparation' },
    });
    expect(await caseRow(t.db, c.id)).toMatchObject({ status: 'eligibility', pendingTransition: null });
    // The caseworker may act again.
    expect((await getCase(cw(), c.id)).availableTransitions.map((x) => x.to)).toEqual([
      'travel_preparation',
      'withdrawn',
    ]);

    seq = await lastAuditSeq(t.db);
    expectProblem(
      await sup().inject({
        method: 'POST',
        url: `/api/cases/${c.id}/approve`,
        payload: { version: rejected.version },
      }),
      409,
      'no_pending_approval',
    );
    await expectNoEvent(t.db, seq);
  });

  it('lets a supervisor take the step directly, without a request', async () => {
    const c = await toEligibility();
    const seq = await lastAuditSeq(t.db);
    const moved = await transition(sup(), c, 'travel_preparation');
    expect(moved).toMatchObject({ status: 'travel_preparation', pendingTransition: null });
    expect(moved.timeline.at(-1)).toMatchObject({ kind: 'transition', actorName: 'sup.paris' });
    await expectOneEvent(t.db, seq, {
      action: 'case.transitioned',
      changes: { status: { old: 'eligibility', new: 'travel_preparation' } },
    });
  });
});

describe('required fields', () => {
  it('refuses ready_to_travel without the travel fields (422, one error per field) and changes nothing', async () => {
    const c = await toTravelPreparation();
    expect(c.availableTransitions[0]).toEqual({
      to: 'ready_to_travel',
      approval: false,
      requires: ['travelDocumentReady', 'medicalFitness', 'declarationSignedOn'],
      missing: ['travelDocumentReady', 'medicalFitness', 'declarationSignedOn'],
    });
    const before = await caseRow(t.db, c.id);
    const seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await transitionRequest(cw(), c.id, { version: c.version, to: 'ready_to_travel' }),
      422,
      'transition_requirements',
    );
    expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([
      ['fields.travelDocumentReady', 'required'],
      ['fields.medicalFitness', 'required'],
      ['fields.declarationSignedOn', 'required'],
    ]);
    // An unfit person does not travel, even with everything else provided; nothing provided is kept.
    const unfit = expectProblem(
      await transitionRequest(cw(), c.id, {
        version: c.version,
        to: 'ready_to_travel',
        fields: { ...READY_FIELDS, medicalFitness: 'unfit' },
      }),
      422,
      'transition_requirements',
    );
    expect(unfit.errors?.map((e) => e.path)).toEqual(['fields.medicalFitness']);
    await expectNoEvent(t.db, seq);
    expect(await caseRow(t.db, c.id)).toEqual(before);
  });

  it('takes the step with the fields given at the moment of the transition, and stores them', async () => {
    const c = await toTravelPreparation();
    const seq = await lastAuditSeq(t.db);
    const ready = await transition(cw(), c, 'ready_to_travel', { fields: READY_FIELDS });
    expect(ready).toMatchObject({
      status: 'ready_to_travel',
      travelDocumentReady: true,
      medicalFitness: 'fit',
      declarationSignedOn: '2026-03-01',
      version: c.version + 1,
    });
    await expectOneEvent(t.db, seq, {
      action: 'case.transitioned',
      recordId: c.id,
      changes: {
        travelDocumentReady: { old: false, new: true },
        medicalFitness: { old: null, new: 'fit' },
        declarationSignedOn: { old: null, new: '2026-03-01' },
        status: { old: 'travel_preparation', new: 'ready_to_travel' },
      },
    });
    expect(await caseRow(t.db, c.id)).toMatchObject({
      status: 'ready_to_travel',
      travelDocumentReady: true,
      medicalFitness: 'fit',
      declarationSignedOn: '2026-03-01',
    });
  });

  it('counts fields saved earlier (PATCH, one case.updated) and asks only for the missing ones', async () => {
    const c = await toTravelPreparation();
    let seq = await lastAuditSeq(t.db);
    const patched = expectJson<CaseDetailBody>(
      await cw().inject({
        method: 'PATCH',
        url: `/api/cases/${c.id}`,
        payload: { version: c.version, travelDocumentReady: true, medicalFitness: 'fit' },
      }),
    );
    expect(patched.availableTransitions[0]?.missing).toEqual(['declarationSignedOn']);
    await expectOneEvent(t.db, seq, {
      action: 'case.updated',
      recordId: c.id,
      changes: { travelDocumentReady: { old: false, new: true }, medicalFitness: { old: null, new: 'fit' } },
    });
    seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await transitionRequest(cw(), c.id, { version: patched.version, to: 'ready_to_travel' }),
      422,
      'transition_requirements',
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['fields.declarationSignedOn']);
    await expectNoEvent(t.db, seq);
  });

  it('needs a departure date to depart, then refuses withdrawal after departure (422 transition_not_allowed)', async () => {
    const ready = await transition(cw(), await toTravelPreparation(), 'ready_to_travel', {
      fields: READY_FIELDS,
    });
    let seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await transitionRequest(cw(), ready.id, { version: ready.version, to: 'departed' }),
      422,
      'transition_requirements',
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['fields.departureDate']);
    await expectNoEvent(t.db, seq);

    const departed = await transition(cw(), ready, 'departed', { fields: { departureDate: '2026-03-10' } });
    expect(departed).toMatchObject({ status: 'departed', departureDate: '2026-03-10' });
    await expectOneEvent(t.db, seq, {
      action: 'case.transitioned',
      changes: {
        departureDate: { old: null, new: '2026-03-10' },
        status: { old: 'ready_to_travel', new: 'departed' },
      },
    });
    expect(departed.availableTransitions.map((x) => x.to)).toEqual(['arrived']);

    seq = await lastAuditSeq(t.db);
    for (const session of [cw(), sup()]) {
      expectProblem(
        await transitionRequest(session, ready.id, { version: departed.version, to: 'withdrawn' }),
        422,
        'transition_not_allowed',
      );
    }
    await expectNoEvent(t.db, seq);
    expect(await caseRow(t.db, ready.id)).toMatchObject({ status: 'departed', version: departed.version });
  });
});

describe('withdrawal, closing and reopening', () => {
  it('allows withdrawal before departure; a supervisor reopens to the status it was withdrawn from', async () => {
    const c = await transition(cw(), await newCase(), 'counselling');
    let seq = await lastAuditSeq(t.db);
    const withdrawn = await transition(cw(), c, 'withdrawn', { comment: 'Changed their mind' });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      closureReason: 'withdrawn',
      availableTransitions: [],
      canReopen: false,
    });
    await expectOneEvent(t.db, seq, {
      action: 'case.transitioned',
      changes: { status: { old: 'counselling', new: 'withdrawn' } },
    });
    expect(await caseRow(t.db, c.id)).toMatchObject({
      statusBeforeClosure: 'counselling',
      closureReason: 'withdrawn',
    });

    seq = await lastAuditSeq(t.db);
    const reopened = expectJson<CaseDetailBody>(
      await sup().inject({
        method: 'POST',
        url: `/api/cases/${c.id}/reopen`,
        payload: { version: withdrawn.version, reason: 'Asked to resume' },
      }),
    );
    expect(reopened).toMatchObject({ status: 'counselling', closureReason: null });
    await expectOneEvent(t.db, seq, {
      action: 'case.reopened',
      changes: {
        status: { old: 'withdrawn', new: 'counselling' },
        closureReason: { old: 'withdrawn', new: null },
      },
      metadata: { reason: 'Asked to resume' },
    });
  });

  it('closes from monitoring with a closure reason, refuses steps once closed, and reopens to monitoring', async () => {
    const ready = await transition(cw(), await toTravelPreparation(), 'ready_to_travel', {
      fields: READY_FIELDS,
    });
    const departed = await transition(cw(), ready, 'departed', { fields: { departureDate: '2026-03-10' } });
    const monitoring = await walk(cw(), departed, [
      'arrived',
      'reintegration_planning',
      'reintegration_assistance',
      'monitoring',
    ]);
    expect(monitoring.availableTransitions).toEqual([
      { to: 'closed', approval: false, requires: ['closureReason'], missing: ['closureReason'] },
    ]);

    let seq = await lastAuditSeq(t.db);
    const noReason = expectProblem(
      await transitionRequest(cw(), monitoring.id, { version: monitoring.version, to: 'closed' }),
      422,
      'transition_requirements',
    );
    expect(noReason.errors?.map((e) => [e.path, e.code])).toEqual([['closureReason', 'required']]);
    const badReason = expectProblem(
      await transitionRequest(cw(), monitoring.id, {
        version: monitoring.version,
        to: 'closed',
        closureReason: 'bored',
      }),
      400,
      'validation_failed',
    );
    expect(badReason.errors?.map((e) => e.path)).toEqual(['closureReason']);
    await expectNoEvent(t.db, seq);

    const closed = await transition(cw(), monitoring, 'closed', { closureReason: 'completed' });
    expect(closed).toMatchObject({ status: 'closed', closureReason: 'completed', availableTransitions: [] });
    expect(closed.timeline.at(-1)).toMatchObject({
      kind: 'transition',
      data: { closureReason: 'completed' },
    });
    await expectOneEvent(t.db, seq, {
      action: 'case.transitioned',
      changes: { status: { old: 'monitoring', new: 'closed' } },
      metadata: { closureReason: 'completed' },
    });
    expect(closed.canReopen).toBe(false);
    expect((await getCase(sup(), closed.id)).canReopen).toBe(true);

    seq = await lastAuditSeq(t.db);
    expectProblem(
      await transitionRequest(cw(), closed.id, { version: closed.version, to: 'monitoring' }),
      409,
      'case_closed',
    );
    await expectNoEvent(t.db, seq);

    // A caseworker may not reopen: refused at the door (cases.reopen), recorded, nothing changed.
    const denied = await cw().inject({
      method: 'POST',
      url: `/api/cases/${closed.id}/reopen`,
      payload: { version: closed.version, reason: 'Please' },
    });
    expectProblem(denied, 403, 'forbidden');
    await expectOneEvent(t.db, seq, {
      action: 'access.denied',
      metadata: expect.objectContaining({ permission: 'cases.reopen' }),
    });
    expect(await caseRow(t.db, closed.id)).toMatchObject({ status: 'closed', version: closed.version });

    seq = await lastAuditSeq(t.db);
    const reopened = expectJson<CaseDetailBody>(
      await sup().inject({
        method: 'POST',
        url: `/api/cases/${closed.id}/reopen`,
        payload: { version: closed.version, reason: 'Follow-up visit needed' },
      }),
    );
    expect(reopened).toMatchObject({
      status: 'monitoring',
      closureReason: null,
      version: closed.version + 1,
    });
    expect(reopened.timeline.at(-1)).toMatchObject({
      kind: 'reopened',
      fromStatus: 'closed',
      toStatus: 'monitoring',
      comment: 'Follow-up visit needed',
      actorName: 'sup.paris',
    });
    await expectOneEvent(t.db, seq, {
      action: 'case.reopened',
      recordId: closed.id,
      actorUserId: userIds['sup.paris@x.test'],
      changes: {
        status: { old: 'closed', new: 'monitoring' },
        closureReason: { old: 'completed', new: null },
      },
    });
    expect(await caseRow(t.db, closed.id)).toMatchObject({
      status: 'monitoring',
      closureReason: null,
      statusBeforeClosure: null,
    });

    seq = await lastAuditSeq(t.db);
    expectProblem(
      await sup().inject({
        method: 'POST',
        url: `/api/cases/${closed.id}/reopen`,
        payload: { version: reopened.version, reason: 'Again' },
      }),
      409,
      'case_not_closed',
    );
    await expectNoEvent(t.db, seq);
    // The timeline keeps every step, in order.
    expect((await caseEventRows(t.db, closed.id)).length).toBe(reopened.timeline.length);
  });
});

describe('who may do what', () => {
  it('offers no step to a role without cases.write, and refuses it one', async () => {
    const c = await newCase();
    const dpo = await getCase(as('dpo@x.test'), c.id);
    expect(dpo).toMatchObject({
      availableTransitions: [],
      canApprove: false,
      canReopen: false,
      canAssign: false,
    });
    const seq = await lastAuditSeq(t.db);
    expectProblem(
      await transitionRequest(as('dpo@x.test'), c.id, { version: c.version, to: 'counselling' }),
      403,
      'forbidden',
    );
    await expectOneEvent(t.db, seq, { action: 'access.denied', actorUserId: userIds['dpo@x.test'] });
    expect((await caseRow(t.db, c.id)).status).toBe('intake');
  });

  it('shows a Paris case to nobody in Tirana: 404 on the case and on its steps, nothing recorded', async () => {
    const c = await newCase();
    const tirana = as('cw.tirana@x.test');
    const seq = await lastAuditSeq(t.db);
    expectProblem(await tirana.inject({ method: 'GET', url: `/api/cases/${c.id}` }), 404, 'not_found');
    expectProblem(
      await transitionRequest(tirana, c.id, { version: c.version, to: 'counselling' }),
      404,
      'not_found',
    );
    expectProblem(
      await tirana.inject({
        method: 'PATCH',
        url: `/api/cases/${c.id}`,
        payload: { version: 1, hostCountry: 'AL' },
      }),
      404,
      'not_found',
    );
    expectProblem(
      await tirana.inject({ method: 'POST', url: `/api/cases/${c.id}/notes`, payload: { body: 'x' } }),
      404,
      'not_found',
    );
    expectProblem(
      await tirana.inject({ method: 'POST', url: `/api/cases/${c.id}/tasks`, payload: { title: 'x' } }),
      404,
      'not_found',
    );
    expectProblem(
      await tirana.inject({ method: 'GET', url: `/api/persons/${person.id}/cases` }),
      404,
      'not_found',
    );
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual([]);
    expect(await caseRow(t.db, c.id)).toMatchObject({ status: 'intake', version: 1, hostCountry: null });
  });
});
