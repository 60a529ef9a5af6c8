/**
 * A household from referral to handover, on both databases: required documents, batches and decisions,
 * health findings and who may read them, expiry rules with a moved clock, booking refusals, boarding with a
 * no-show, arrival, handover, the expiry warning job and the funnel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warnExpiries } from '../../src/modules/resettlement';
import { systemCtx } from '../../src/server/reactions';
import { auditAfter, expectAuditFreeOf, expectJson, expectProblem, lastAuditSeq } from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import {
  attach,
  generic,
  getHousehold,
  type HouseholdBody,
  type MovementBody,
  movementInput,
  post,
  referredHousehold,
  toExitPermits,
} from './helpers';

const USERS = [
  'cw@x.test',
  'sup@x.test',
  'med@x.test',
  'prot@x.test',
  'med.tir@x.test',
  'dpo@x.test',
] as const;
let t: TestApp;
let as: Awaited<ReturnType<typeof signIn<(typeof USERS)[number]>>>['as'];
let refresh: () => Promise<void>;
/** Moves the clock and signs everyone in again (sessions expire as time passes). */
async function at(iso: string) {
  t.clock.set(new Date(iso));
  await refresh();
}
let ids: { officeId: string; projectId: string };
const FINDINGS = 'Diabète de type 2, insulinodépendant';
const TODAY = '2026-03-02';

beforeAll(async () => {
  t = await createTestApp();
  await t.user('cw@x.test', [['PAR', 'caseworker']]);
  await t.user('sup@x.test', [['PAR', 'supervisor']]);
  await t.user('med@x.test', [['PAR', 'medical_officer']]);
  await t.user('prot@x.test', [['PAR', 'protection_officer']]);
  await t.user('med.tir@x.test', [['TIR', 'medical_officer']]);
  await t.user('dpo@x.test', [['PAR', 'data_protection_officer']]);
  const project = await t.project('SYR', 'PAR');
  ids = { officeId: await t.office('PAR'), projectId: project.id };
  ({ as, refresh } = await signIn(t, USERS));
});
afterAll(() => t.close());

describe('a household from referral to handover', () => {
  let caseId: string;
  let movement: MovementBody;

  it('requires the referral, then the registration form, and takes action steps only through the module', async () => {
    const cw = as('cw@x.test');
    const { household } = await referredHousehold(
      t,
      cw,
      ids.officeId,
      ids.projectId,
      [
        { given: 'Samir', birthDate: '1980-04-02', sex: 'male', original: ['سمير', 'حداد'] },
        { given: 'Lina', birthDate: '2012-09-15' },
      ],
      'LEB-14C00001',
    );
    caseId = household.caseId;
    expect(household.members.map((m) => m.minor)).toEqual([false, true]);
    expect(household.milestones.verificationOn).toBe(TODAY);

    expectJson(await generic(cw, caseId, 'interview'));
    const missing = expectProblem(await generic(cw, caseId, 'submission'), 422, 'transition_requirements');
    expect(missing.errors?.map((e) => e.path)).toEqual(['documents.resettlement_registration_form']);
    await attach(cw, caseId, 'resettlement_registration_form');
    // The caseworker asks, the supervisor approves: the approval still applies.
    expect(
      expectJson<{ pendingTransitionTo: string }>(await generic(cw, caseId, 'submission'))
        .pendingTransitionTo,
    ).toBe('submission');
    const c = expectJson<{ version: number }>(
      await as('sup@x.test').inject({ method: 'GET', url: `/api/cases/${caseId}` }),
    );
    expectJson(await post(as('sup@x.test'), `/api/cases/${caseId}/approve`, { version: c.version }));
    expectProblem(await generic(cw, caseId, 'decision'), 422, 'transition_via_action');
    expect((await getHousehold(cw, caseId)).milestones.submissionOn).toBe(TODAY);
  });

  it('refuses a decision on a household never submitted (409), then submits and decides', async () => {
    const cw = as('cw@x.test');
    let h = await getHousehold(cw, caseId);
    const letter = await attach(cw, caseId, 'decision_letter');
    const before = await lastAuditSeq(t.db);
    expectProblem(
      await post(cw, `/api/cases/${caseId}/resettlement/decision`, {
        version: h.version,
        outcome: 'accepted',
        decidedOn: TODAY,
        decisionDocumentId: letter,
      }),
      409,
      'resettlement_not_submitted',
    );
    expect(await auditAfter(t.db, before)).toEqual([]);
    const batch = expectJson<{ id: string; version: number; reference: string }>(
      await post(cw, '/api/resettlement/batches', {
        projectId: ids.projectId,
        officeId: ids.officeId,
        kind: 'selection_mission',
        resettlementCountry: 'FR',
        missionStart: '2026-03-01',
        missionEnd: '2026-03-05',
        label: 'Mission Beyrouth',
      }),
      201,
    );
    expectProblem(
      await post(cw, `/api/resettlement/batches/${batch.id}/submit`, {
        version: batch.version,
        submittedOn: TODAY,
      }),
      422,
      'batch_empty',
    );
    const set = expectJson<{ version: number }>(
      await post(
        cw,
        `/api/resettlement/batches/${batch.id}/households`,
        { version: batch.version, caseIds: [caseId] },
        'PUT',
      ),
    );
    expectProblem(
      await post(cw, `/api/resettlement/batches/${batch.id}/submit`, {
        version: batch.version,
        submittedOn: TODAY,
      }),
      409,
      'version_conflict',
    );
    const submitted = expectJson<{ status: string; households: { caseStatus: string }[] }>(
      await post(cw, `/api/resettlement/batches/${batch.id}/submit`, {
        version: set.version,
        submittedOn: TODAY,
      }),
    );
    expect(submitted.status).toBe('submitted');
    expect(submitted.households[0]?.caseStatus).toBe('decision');
    h = await getHousehold(cw, caseId);
    // The letter must be this case's and of its kind.
    const other = await attach(cw, caseId, 'other');
    expectProblem(
      await post(cw, `/api/cases/${caseId}/resettlement/decision`, {
        version: h.version,
        outcome: 'accepted',
        decidedOn: TODAY,
        decisionDocumentId: other,
      }),
      400,
      'validation_failed',
    );
    h = expectJson<HouseholdBody>(
      await post(cw, `/api/cases/${caseId}/resettlement/decision`, {
        version: h.version,
        outcome: 'accepted',
        decidedOn: TODAY,
        decisionDocumentId: letter,
      }),
    );
    expect(h.status).toBe('health_assessment');
    expect(h.milestones.acceptedOn).toBe(TODAY);
    expect(h.submissions.map((s) => s.outcome)).toEqual(['accepted']);
    // Decided once: a second decision has nothing to decide.
    expectProblem(
      await post(cw, `/api/cases/${caseId}/resettlement/decision`, {
        version: h.version,
        outcome: 'rejected',
        decidedOn: TODAY,
        decisionDocumentId: letter,
      }),
      409,
      'resettlement_not_submitted',
    );
  });

  it('keeps health findings to medical and protection roles of the office, every read audited', async () => {
    const cw = as('cw@x.test');
    const med = as('med@x.test');
    let h = await getHousehold(med, caseId);
    const [principal, child] = h.members;
    if (!principal || !child) throw new Error('two members expected');
    expectProblem(
      await post(cw, `/api/cases/${caseId}/resettlement/health`, {
        version: h.version,
        personId: principal.personId,
        assessedOn: TODAY,
        outcome: 'fit',
        validUntil: '2026-04-25',
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await post(med, `/api/cases/${caseId}/resettlement/health`, {
        version: h.version,
        personId: principal.personId,
        assessedOn: TODAY,
        outcome: 'fit',
      }),
      400,
      'validation_failed',
    );
    h = expectJson<HouseholdBody>(
      await post(med, `/api/cases/${caseId}/resettlement/health`, {
        version: h.version,
        personId: principal.personId,
        assessedOn: TODAY,
        outcome: 'fit_with_conditions',
        validUntil: '2026-04-25',
        travelConditions: ['WCHR'],
        findings: FINDINGS,
      }),
      201,
    );
    h = expectJson<HouseholdBody>(
      await post(med, `/api/cases/${caseId}/resettlement/health`, {
        version: h.version,
        personId: child.personId,
        assessedOn: TODAY,
        outcome: 'fit',
        validUntil: '2026-09-30',
      }),
      201,
    );
    const assessment = h.members[0]?.health?.id as string;
    expect(h.members[0]?.health?.hasFindings).toBe(true);
    expect((await getHousehold(cw, caseId)).canSeeFindings).toBe(false);
    expectProblem(
      await cw.inject({
        method: 'GET',
        url: `/api/cases/${caseId}/resettlement/health/${assessment}/findings`,
      }),
      403,
      'forbidden',
    );
    // The DPO oversees every record but not health findings.
    expectProblem(
      await as('dpo@x.test').inject({
        method: 'GET',
        url: `/api/cases/${caseId}/resettlement/health/${assessment}/findings`,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await as('med.tir@x.test').inject({
        method: 'GET',
        url: `/api/cases/${caseId}/resettlement/health/${assessment}/findings`,
      }),
      404,
      'not_found',
    );
    for (const reader of ['med@x.test', 'prot@x.test'] as const) {
      const before = await lastAuditSeq(t.db);
      const read = expectJson<{ findings: string }>(
        await as(reader).inject({
          method: 'GET',
          url: `/api/cases/${caseId}/resettlement/health/${assessment}/findings`,
        }),
      );
      expect(read.findings).toBe(FINDINGS);
      expect((await auditAfter(t.db, before)).map((e) => e.action)).toEqual(['resettlement.health_viewed']);
    }
    await expectAuditFreeOf(t.db, [FINDINGS]);
  });

  it('clears health, asks for orientation of members aged twelve or more, then exit permits', async () => {
    const cw = as('cw@x.test');
    let h = expectJson<HouseholdBody>(
      await post(cw, `/api/cases/${caseId}/resettlement/clear-health`, {
        version: (await getHousehold(cw, caseId)).version,
      }),
    );
    expect(h.status).toBe('pre_departure_orientation');
    const refused = expectProblem(
      await post(cw, `/api/cases/${caseId}/resettlement/complete-orientation`, { version: h.version }),
      422,
      'transition_requirements',
    );
    expect(refused.errors?.map((e) => e.path)).toEqual(['members.0.orientation', 'members.1.orientation']);
    const session = expectJson<{ id: string; version: number }>(
      await post(cw, '/api/resettlement/orientation-sessions', {
        projectId: ids.projectId,
        officeId: ids.officeId,
        heldOn: TODAY,
        place: 'Beyrouth',
        language: 'ar',
        facilitator: 'Nour',
      }),
      201,
    );
    expectJson(
      await post(
        cw,
        `/api/resettlement/orientation-sessions/${session.id}/attendance`,
        {
          version: session.version,
          attendance: h.members.map((m) => ({ personId: m.personId, present: true })),
        },
        'PUT',
      ),
    );
    h = expectJson<HouseholdBody>(
      await post(cw, `/api/cases/${caseId}/resettlement/complete-orientation`, { version: h.version }),
    );
    expect(h.status).toBe('exit_permits');
    for (const [i, m] of h.members.entries()) {
      h = expectJson<HouseholdBody>(
        await post(cw, `/api/cases/${caseId}/resettlement/clearances`, {
          version: h.version,
          personId: m.personId,
          kind: 'exit_permit',
          number: `EXP12345${i}`,
          issuingCountry: 'LB',
          validFrom: TODAY,
          validUntil: '2026-06-30',
        }),
        201,
      );
      // The child's visa ends before the flight.
      h = expectJson<HouseholdBody>(
        await post(cw, `/api/cases/${caseId}/resettlement/clearances`, {
          version: h.version,
          personId: m.personId,
          kind: 'visa',
          number: `FRV99887${i}`,
          issuingCountry: 'FR',
          validFrom: TODAY,
          validUntil: i === 1 ? '2026-04-10' : '2026-09-30',
        }),
        201,
      );
    }
    expect(h.members[0]?.visa?.numberTail).toBe('8870');
    await expectAuditFreeOf(t.db, ['FRV998870', 'EXP123450']);
  });

  it('refuses a booking whose validities do not cover the flight (422) or over the seat count (409)', async () => {
    const cw = as('cw@x.test');
    movement = expectJson<MovementBody>(
      await post(cw, '/api/resettlement/movements', movementInput(ids, '2026-04-20', 3)),
      201,
    );
    expect(movement.departureDate).toBe('2026-04-20');
    const h = await getHousehold(cw, caseId);
    const refused = expectProblem(
      await cw.inject({
        method: 'POST',
        url: `/api/resettlement/movements/${movement.id}/bookings`,
        payload: { version: movement.version, caseId, caseVersion: h.version },
        headers: { 'accept-language': 'en' },
      }),
      422,
      'movement_validity',
    );
    expect(refused.errors?.map((e) => e.path)).toEqual(['members.1.visa']);
    expect(refused.errors?.[0]?.message).toContain('10 April 2026');
    expect(refused.detail).toContain('20 April 2026');
    const fr = expectProblem(
      await cw.inject({
        method: 'POST',
        url: `/api/resettlement/movements/${movement.id}/bookings`,
        payload: { version: movement.version, caseId, caseVersion: h.version },
        headers: { 'accept-language': 'fr' },
      }),
      422,
      'movement_validity',
    );
    expect(fr.errors?.[0]?.message).toContain('10 avril 2026');
    // A new visa covering the flight.
    const child = h.members[1]?.personId as string;
    const renewed = expectJson<HouseholdBody>(
      await post(cw, `/api/cases/${caseId}/resettlement/clearances`, {
        version: h.version,
        personId: child,
        kind: 'visa',
        number: 'FRV55555',
        issuingCountry: 'FR',
        validFrom: TODAY,
        validUntil: '2026-09-30',
      }),
      201,
    );
    const small = expectJson<MovementBody>(
      await post(cw, '/api/resettlement/movements', movementInput(ids, '2026-04-20', 1)),
      201,
    );
    const over = expectProblem(
      await post(cw, `/api/resettlement/movements/${small.id}/bookings`, {
        version: small.version,
        caseId,
        caseVersion: renewed.version,
      }),
      409,
      'movement_over_capacity',
    );
    expect(over.detail).toMatch(/2/);
    movement = expectJson<MovementBody>(
      await post(cw, `/api/resettlement/movements/${movement.id}/bookings`, {
        version: movement.version,
        caseId,
        caseVersion: renewed.version,
      }),
      201,
    );
    expect(movement.seatsUsed).toBe(2);
    expect((await getHousehold(cw, caseId)).status).toBe('booked');
  });

  it('warns ahead of expiry once (tasks), and shows the blocker once a validity has run out', async () => {
    await at('2026-04-12T08:00:00Z');
    const ctx = systemCtx(t.db, t.clock);
    const first = await warnExpiries(ctx, { warningDays: 14 });
    expect(first).toBe(1);
    expect(await warnExpiries(ctx, { warningDays: 14 })).toBe(0);
    const cw = as('cw@x.test');
    const c = expectJson<{ tasks: { title: string; dueDate: string }[] }>(
      await cw.inject({ method: 'GET', url: `/api/cases/${caseId}` }),
    );
    expect(c.tasks.map((x) => x.dueDate)).toEqual(['2026-04-18']);
    await at('2026-04-26T08:00:00Z');
    const late = await getHousehold(as('cw@x.test'), caseId);
    expect(late.blockers).toEqual([
      expect.objectContaining({ what: 'fitToTravel', coverage: { status: 'expired', date: '2026-04-25' } }),
    ]);
    await at('2026-03-02T09:00:00Z');
  });

  it('prints the manifest, masked unless revealed by someone allowed, each print audited', async () => {
    const cw = as('cw@x.test');
    const before = await lastAuditSeq(t.db);
    const pdf = await cw.inject({
      method: 'GET',
      url: `/api/resettlement/movements/${movement.id}/manifest.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expectProblem(
      await cw.inject({
        method: 'GET',
        url: `/api/resettlement/movements/${movement.id}/manifest.pdf?numbers=full`,
      }),
      403,
      'restricted_field',
    );
    const full = await as('sup@x.test').inject({
      method: 'GET',
      url: `/api/resettlement/movements/${movement.id}/manifest.xlsx?numbers=full`,
    });
    expect(full.statusCode).toBe(200);
    const printed = (await auditAfter(t.db, before)).filter((e) => e.action === 'movement.manifest_printed');
    expect(printed.map((e) => (e.metadata as { numbersRevealed: boolean }).numbersRevealed)).toEqual([
      false,
      true,
    ]);
    await expectAuditFreeOf(t.db, ['FRV998870', 'FRV55555']);
  });

  it('opens boarding on departure day; a no-show goes back with its reason; arrival; handover closes', async () => {
    await at('2026-04-19T08:00:00Z');
    const cw = as('cw@x.test');
    const passengers =
      movement.bookings[0]?.passengers.map((p) => ({ personId: p.personId, status: 'boarded' })) ?? [];
    expectProblem(
      await post(
        cw,
        `/api/resettlement/movements/${movement.id}/boarding`,
        { version: movement.version, passengers },
        'PUT',
      ),
      409,
      'boarding_not_open',
    );
    await at('2026-04-20T04:00:00Z');
    const s = as('cw@x.test');
    const mixed = [
      { ...passengers[0], status: 'boarded' },
      { ...passengers[1], status: 'no_show', reason: 'Malade' },
    ];
    expectProblem(
      await post(
        s,
        `/api/resettlement/movements/${movement.id}/boarding`,
        { version: movement.version, passengers: mixed },
        'PUT',
      ),
      422,
      'household_boarding_mixed',
    );
    movement = expectJson<MovementBody>(
      await post(
        s,
        `/api/resettlement/movements/${movement.id}/boarding`,
        { version: movement.version, passengers },
        'PUT',
      ),
    );
    expect(movement.status).toBe('departed');
    let h = await getHousehold(s, caseId);
    expect(h.status).toBe('movement');
    expect(h.milestones.departedOn).toBe('2026-04-20');
    expectProblem(
      await post(s, `/api/cases/${caseId}/resettlement/handover`, {
        version: h.version,
        handedOverOn: '2026-04-20',
        receivedBy: 'Forum Réfugiés',
      }),
      409,
      'handover_not_arrived',
    );
    movement = expectJson<MovementBody>(
      await post(s, `/api/resettlement/movements/${movement.id}/arrival`, {
        version: movement.version,
        arrivedAt: '2026-04-20T11:50:00Z',
      }),
    );
    h = await getHousehold(s, caseId);
    expect(h.status).toBe('arrived');
    h = expectJson<HouseholdBody>(
      await post(s, `/api/cases/${caseId}/resettlement/handover`, {
        version: h.version,
        handedOverOn: '2026-04-21',
        receivedBy: 'Forum Réfugiés–Cosi, Lyon',
      }),
    );
    expect(h.status).toBe('closed');
    await at('2026-03-02T09:00:00Z');
  });

  it('sends a no-show back to exit permits with the reason', async () => {
    const cw = as('cw@x.test');
    const { household } = await referredHousehold(
      t,
      cw,
      ids.officeId,
      ids.projectId,
      [{ given: 'Omar', birthDate: '1970-01-01', sex: 'male' }],
      'LEB-14C00002',
    );
    await toExitPermits((e) => as(e as (typeof USERS)[number]), ids, household.caseId, {
      today: TODAY,
      validUntil: '2026-12-31',
    });
    let m = expectJson<MovementBody>(
      await post(cw, '/api/resettlement/movements', movementInput(ids, '2026-05-04', 10)),
      201,
    );
    const h = await getHousehold(cw, household.caseId);
    m = expectJson<MovementBody>(
      await post(cw, `/api/resettlement/movements/${m.id}/bookings`, {
        version: m.version,
        caseId: h.caseId,
        caseVersion: h.version,
      }),
      201,
    );
    await at('2026-05-04T04:00:00Z');
    const s = as('cw@x.test');
    expectProblem(
      await post(
        s,
        `/api/resettlement/movements/${m.id}/boarding`,
        { version: m.version, passengers: [{ personId: h.members[0]?.personId, status: 'no_show' }] },
        'PUT',
      ),
      400,
      'validation_failed',
    );
    m = expectJson<MovementBody>(
      await post(
        s,
        `/api/resettlement/movements/${m.id}/boarding`,
        {
          version: m.version,
          passengers: [
            { personId: h.members[0]?.personId, status: 'no_show', reason: 'Hospitalisé la veille' },
          ],
        },
        'PUT',
      ),
    );
    expect(m.bookings[0]?.status).toBe('no_show');
    const back = await getHousehold(s, household.caseId);
    expect(back.status).toBe('exit_permits');
    expect(back.booking).toBeNull();
    await at('2026-03-02T09:00:00Z');
  });

  it('counts the funnel per stage with conversion and median days', async () => {
    const funnel = expectJson<{
      stages: {
        stage: string;
        reached: number;
        persons: number;
        conversion: number | null;
        medianDaysFromPrevious: number | null;
      }[];
      current: { stage: string; households: number }[];
    }>(
      await as('cw@x.test').inject({
        method: 'GET',
        url: `/api/resettlement/funnel?projectId=${ids.projectId}`,
      }),
    );
    const stage = (s: string) => funnel.stages.find((x) => x.stage === s);
    expect(stage('verification')).toMatchObject({ reached: 2, persons: 3, conversion: 1 });
    expect(stage('booked')).toMatchObject({ reached: 2, persons: 3 });
    // Booked on 2 March, departed on 20 April.
    expect(stage('movement')).toMatchObject({
      reached: 1,
      persons: 2,
      conversion: 0.5,
      medianDaysFromPrevious: 49,
    });
    expect(stage('arrived')).toMatchObject({ reached: 1, conversion: 1 });
    expect(funnel.current).toEqual(
      expect.arrayContaining([
        { stage: 'closed', households: 1, persons: 2 },
        { stage: 'exit_permits', households: 1, persons: 1 },
      ]),
    );
  });
});
