/**
 * The TACT journey at the API: Paris transfers a trafficking case to Tirana on the person's consent; Tirana's
 * supervisor accepts; the case and the person move; Tirana continues the case; Paris follows its progress.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/modules/referrals/tables';
import { allAudit, auditAfter, expectJson, expectProblem, lastAuditSeq } from '../api/helpers';
import { type CaseDetailBody, getCase, openCase, tickingClock, walk } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { getPerson, type PersonBody, personRow, registerPerson, signIn } from '../registry/helpers';
import { addConsent, answer, getReferral, send, sendRequest } from './helpers';

const USERS = [
  'prot.paris@x.test',
  'sup.paris@x.test',
  'cw.paris@x.test',
  'prot.tirana@x.test',
  'sup.tirana@x.test',
] as const;
type Email = (typeof USERS)[number];

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let PAR: string;
let TIR: string;
let victim: PersonBody;
let vot: CaseDetailBody;
let consentId: string;
let referralId: string;

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  await t.user('prot.paris@x.test', [['PAR', 'protection_officer']]);
  await t.user('sup.paris@x.test', [['PAR', 'supervisor']]);
  await t.user('cw.paris@x.test', [['PAR', 'caseworker']]);
  await t.user('prot.tirana@x.test', [['TIR', 'protection_officer']]);
  await t.user('sup.tirana@x.test', [['TIR', 'supervisor']]);
  as = (await signIn(t, USERS)).as;
  victim = await registerPerson(as('prot.paris@x.test'), PAR, {
    givenName: 'Elona',
    familyName: 'Marku',
    specificNeeds: ['TR-PI', 'SM-MI', 'WR-WR'],
  });
  vot = await openCase(as('prot.paris@x.test'), { personId: victim.id, officeId: PAR, caseType: 'avrr_vot' });
  await as('prot.paris@x.test').inject({
    method: 'POST',
    url: `/api/cases/${vot.id}/notes`,
    payload: { body: 'Exploited in Lyon; fears the network.', confidential: true },
  });
  vot = expectJson<CaseDetailBody>(
    await as('prot.paris@x.test').inject({
      method: 'PATCH',
      url: `/api/cases/${vot.id}`,
      payload: { version: vot.version, medicalFitness: 'fit' },
    }),
  );
  consentId = (
    await addConsent(as('prot.paris@x.test'), victim.id, {
      purpose: 'referral',
      recipient: 'Office TIR (Tirana)',
    })
  ).id;
});
afterAll(() => t.close());

describe('Paris → Tirana transfer of a TACT case', () => {
  it('refuses without consent, and with a consent that does not cover Tirana', async () => {
    const prot = as('prot.paris@x.test');
    expectProblem(
      await sendRequest(prot, vot.id, {
        kind: 'transfer',
        toOfficeId: TIR,
        sections: ['identity'],
        summary: 'x',
      }),
      422,
      'referral_consent_required',
    );
    const other = await addConsent(prot, victim.id, { purpose: 'referral', recipient: 'Office RAB' });
    expectProblem(
      await sendRequest(prot, vot.id, {
        kind: 'transfer',
        toOfficeId: TIR,
        sections: ['identity'],
        summary: 'x',
        consentId: other.id,
      }),
      422,
      'referral_consent_not_covering',
    );
  });

  it('sends the transfer; Tirana sees only the summary until it accepts', async () => {
    const seq = await lastAuditSeq(t.db);
    const { referral } = await send(as('prot.paris@x.test'), vot.id, {
      kind: 'transfer',
      toOfficeId: TIR,
      sections: ['identity', 'needs_summary', 'reintegration_needs', 'case_history'],
      reintegrationNeeds: 'Vocational training in hospitality.',
      consentId,
    });
    referralId = referral.id;
    expect(referral).toMatchObject({
      status: 'pending',
      kind: 'transfer',
      side: 'sender',
      caseType: 'avrr_vot',
    });
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toContain('referral.sent');
    const seen = await getReferral(as('sup.tirana@x.test'), referralId);
    expect(seen).toMatchObject({
      side: 'receiver',
      caseType: 'avrr',
      personInitials: 'E. M.',
      canRespond: true,
      shared: null,
    });
    expectProblem(
      await as('prot.tirana@x.test').inject({ method: 'GET', url: `/api/cases/${vot.id}` }),
      404,
      'not_found',
    );
    const supId = (await t.db.select().from(notifications)).map((n) => n.kind);
    expect(supId).toContain('referral.received');
  });

  it('refuses acceptance by a role without the permission, then accepts once', async () => {
    expectProblem(await answer(as('prot.tirana@x.test'), referralId, 'accept'), 403, 'forbidden');
    expectProblem(await answer(as('sup.paris@x.test'), referralId, 'accept'), 403, 'forbidden');
    expectJson(await answer(as('sup.tirana@x.test'), referralId, 'accept'));
    expectProblem(await answer(as('sup.tirana@x.test'), referralId, 'accept'), 409, 'referral_not_pending');
  });

  it('moves the case and the person to Tirana, without what was not shared', async () => {
    const c = await getCase(as('prot.tirana@x.test'), vot.id);
    expect(c.officeCode).toBe('TIR');
    expect(c.notes).toEqual([]);
    // Fitness to travel (health data) was not shared: it does not travel, and the audit keeps the old value.
    expect(c.medicalFitness).toBeNull();
    const [transferred] = (await allAudit(t.db)).filter((e) => e.action === 'case.transferred');
    expect(transferred?.metadata).toMatchObject({ withheldMedicalFitness: 'fit' });
    expect(c.timeline.map((e) => e.kind)).toContain('transferred');
    const person = await getPerson(as('prot.tirana@x.test'), victim.id);
    expect(person.specificNeeds).toEqual(['WR-WR']);
    expect((await personRow(t.db, victim.id)).withheldNeeds.sort()).toEqual(['SM-MI', 'TR-PI']);
    expectProblem(
      await as('prot.paris@x.test').inject({ method: 'GET', url: `/api/cases/${vot.id}` }),
      404,
      'not_found',
    );
  });

  it('lets Tirana continue the case, and Paris follow its progress read-only', async () => {
    const tirana = as('prot.tirana@x.test');
    let c = await getCase(tirana, vot.id);
    c = await walk(tirana, c, ['counselling', 'eligibility']);
    const progress = await getReferral(as('prot.paris@x.test'), referralId);
    expect(progress.shared).toBeNull();
    expect(progress.progress?.status).toBe('eligibility');
    expect(progress.progress?.milestones.map((m) => m.toStatus)).toEqual(['counselling', 'eligibility']);
  });

  it('ends the follow-up when the consent is withdrawn', async () => {
    const r = await as('prot.tirana@x.test').inject({
      method: 'POST',
      url: `/api/persons/${victim.id}/consents/${consentId}/withdraw`,
      payload: { withdrawnOn: '2026-02-01' },
    });
    expectJson(r);
    const after = await getReferral(as('prot.paris@x.test'), referralId);
    expect(after.status).toBe('revoked');
    expect(after.progress).toBeNull();
    expect(
      (await t.db.select().from(notifications).where(eq(notifications.referralId, referralId))).length,
    ).toBeGreaterThan(0);
  });
});
