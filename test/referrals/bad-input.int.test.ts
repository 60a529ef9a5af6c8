/**
 * Bad input to referrals and transfers: each a clear error (status and stable code), and nothing changed:
 * no referral row, no case event, no notification, no partner link, no audit event (but access.denied
 * where the route guard refuses).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents } from '../../src/modules/cases/tables';
import { offices } from '../../src/modules/identity';
import { partnerLinks } from '../../src/modules/referrals/tables';
import { auditAfter, expectJson, expectProblem, lastAuditSeq, type Session } from '../api/helpers';
import { type CaseDetailBody, caseRow, openCase, tickingClock, transition } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { type PersonBody, registerPerson, signIn } from '../registry/helpers';
import {
  addConsent,
  answer,
  notificationRows,
  referralRow,
  referralRows,
  send,
  sendRequest,
} from './helpers';

const USERS = [
  'cw.par@x.test',
  'prot.par@x.test',
  'sup.par@x.test',
  'me.par@x.test',
  'cw.tir@x.test',
  'prot.tir@x.test',
  'sup.tir@x.test',
] as const;
type Email = (typeof USERS)[number];

let t: TestApp;
let as: (email: Email) => Session;
const userIds = {} as Record<Email, string>;
let PAR: string;
let TIR: string;
let OLD: string;
let anna: PersonBody;
let kase: CaseDetailBody;
let consentId: string;

const base = () => ({
  kind: 'referral',
  toOfficeId: TIR,
  sections: ['identity', 'needs_summary'],
  summary: 'Please assist with reintegration.',
  consentId,
});

/**
 * Runs a refused request and checks that it changed nothing: referral rows (all columns), case events,
 * notifications, partner links, and the audit log (which gets `audit` only, e.g. access.denied).
 */
async function refusedWithoutChange(request: () => Promise<void>, audit: string[] = []): Promise<void> {
  const snapshot = async () => ({
    referrals: await referralRows(t.db),
    events: (await t.db.select().from(caseEvents)).length,
    notifications: await notificationRows(t.db),
    links: await t.db.select().from(partnerLinks),
  });
  const before = await snapshot();
  const seq = await lastAuditSeq(t.db);
  await request();
  expect(await snapshot()).toEqual(before);
  expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual(audit);
}

async function newCase(givenName: string, by: Email = 'cw.par@x.test') {
  const person = await registerPerson(as(by), PAR, { givenName, familyName: 'Testa' });
  const c = await openCase(as(by), { personId: person.id, officeId: PAR });
  const consent = await addConsent(as(by), person.id, { purpose: 'referral', recipient: 'Office TIR' });
  return { person, kase: c, consentId: consent.id };
}

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  await t.office('RAB', 'origin', 'MA');
  OLD = await t.office('OLD', 'origin', 'XK');
  await t.db.update(offices).set({ active: false }).where(eq(offices.id, OLD));
  userIds['cw.par@x.test'] = (await t.user('cw.par@x.test', [['PAR', 'caseworker']])).id;
  userIds['prot.par@x.test'] = (await t.user('prot.par@x.test', [['PAR', 'protection_officer']])).id;
  userIds['sup.par@x.test'] = (await t.user('sup.par@x.test', [['PAR', 'supervisor']])).id;
  userIds['me.par@x.test'] = (await t.user('me.par@x.test', [['PAR', 'me_officer']])).id;
  userIds['cw.tir@x.test'] = (await t.user('cw.tir@x.test', [['TIR', 'caseworker']])).id;
  userIds['prot.tir@x.test'] = (await t.user('prot.tir@x.test', [['TIR', 'protection_officer']])).id;
  userIds['sup.tir@x.test'] = (await t.user('sup.tir@x.test', [['TIR', 'supervisor']])).id;
  as = (await signIn(t, USERS)).as;
  // Registered by the protection officer: only those who may read a trafficking code record it.
  anna = await registerPerson(as('prot.par@x.test'), PAR, {
    givenName: 'Anna',
    familyName: 'Gashi',
    specificNeeds: ['TR-RK', 'WR-WR'],
  });
  kase = await openCase(as('cw.par@x.test'), { personId: anna.id, officeId: PAR });
  consentId = (
    await addConsent(as('cw.par@x.test'), anna.id, { purpose: 'referral', recipient: 'Office TIR' })
  ).id;
});
afterAll(() => t.close());

describe('sending: target', () => {
  it('refuses a referral to one’s own office (422 referral_same_office)', async () => {
    await refusedWithoutChange(async () => {
      expectProblem(
        await sendRequest(as('cw.par@x.test'), kase.id, { ...base(), toOfficeId: PAR }),
        422,
        'referral_same_office',
      );
    });
  });

  it('refuses an inactive office (422 office_inactive), naming it', async () => {
    await refusedWithoutChange(async () => {
      const problem = expectProblem(
        await sendRequest(as('cw.par@x.test'), kase.id, { ...base(), toOfficeId: OLD }),
        422,
        'office_inactive',
      );
      expect(problem.detail).toContain('OLD');
    });
  });

  it('refuses an unknown office as a field error on toOfficeId', async () => {
    await refusedWithoutChange(async () => {
      const problem = expectProblem(
        await sendRequest(as('cw.par@x.test'), kase.id, {
          ...base(),
          toOfficeId: '00000000-0000-4000-8000-000000000000',
        }),
        400,
        'validation_failed',
      );
      expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([['toOfficeId', 'not_found']]);
    });
  });

  it('requires exactly one target, and no transfer to a partner', async () => {
    const partner = { name: 'Shelter Different and Equal' };
    for (const [body, path] of [
      [{ ...base(), partner }, 'toOfficeId'],
      [{ ...base(), toOfficeId: null }, 'toOfficeId'],
      [{ ...base(), toOfficeId: undefined }, 'toOfficeId'],
      [{ ...base(), kind: 'transfer', toOfficeId: null, partner }, 'kind'],
    ] as const) {
      await refusedWithoutChange(async () => {
        const problem = expectProblem(
          await sendRequest(as('cw.par@x.test'), kase.id, body),
          400,
          'validation_failed',
        );
        expect(problem.errors?.map((e) => e.path)).toContain(path);
      });
    }
  });

  it('answers 404 for a case of another office, and 403 (access.denied) to a role without referrals.send', async () => {
    await refusedWithoutChange(async () => {
      expectProblem(
        await sendRequest(as('sup.tir@x.test'), kase.id, { ...base(), toOfficeId: TIR }),
        404,
        'not_found',
      );
    });
    await refusedWithoutChange(async () => {
      expectProblem(await sendRequest(as('me.par@x.test'), kase.id, base()), 403, 'forbidden');
    }, ['access.denied']);
  });
});

describe('referral targets', () => {
  it('offers every other active office, to the owning office only', async () => {
    const targets = expectJson<{ items: { code: string }[] }>(
      await as('cw.par@x.test').inject({ method: 'GET', url: `/api/cases/${kase.id}/referral-targets` }),
    ).items;
    expect(targets.map((o) => o.code).sort()).toEqual(['RAB', 'TIR']);
    expectProblem(
      await as('sup.tir@x.test').inject({ method: 'GET', url: `/api/cases/${kase.id}/referral-targets` }),
      404,
      'not_found',
    );
  });
});

describe('sending: the case and the request', () => {
  it('refuses a closed case (409 referral_case_closed)', async () => {
    const closed = await newCase('Closed');
    await transition(as('cw.par@x.test'), closed.kase, 'withdrawn');
    await refusedWithoutChange(async () => {
      expectProblem(
        await sendRequest(as('cw.par@x.test'), closed.kase.id, { ...base(), consentId: closed.consentId }),
        409,
        'referral_case_closed',
      );
    });
  });

  it('refuses unknown fields, sections and out-of-range numbers (strict objects)', async () => {
    for (const [body, path] of [
      [{ ...base(), priority: 'high' }, 'priority'],
      [{ ...base(), sections: [] }, 'sections'],
      [{ ...base(), sections: ['identity', 'bank_details'] }, 'sections.1'],
      [{ ...base(), kind: 'loan' }, 'kind'],
      [{ ...base(), responseDays: 0 }, 'responseDays'],
      [{ ...base(), summary: '   ' }, 'summary'],
      [{ ...base(), partner: undefined, toOfficeId: 'not-a-uuid' }, 'toOfficeId'],
    ] as const) {
      await refusedWithoutChange(async () => {
        const problem = expectProblem(
          await sendRequest(as('cw.par@x.test'), kase.id, body),
          400,
          'validation_failed',
        );
        expect(
          problem.errors?.map((e) => e.path),
          JSON.stringify(body),
        ).toContain(path);
      });
    }
  });

  it('refuses sensitive sections to a caseworker without cases.sensitive (403 naming them, no event)', async () => {
    for (const section of ['trafficking_details', 'confidential_notes'])
      await refusedWithoutChange(async () => {
        const refused = expectProblem(
          await sendRequest(as('cw.par@x.test'), kase.id, { ...base(), sections: ['identity', section] }),
          403,
          'restricted_field',
        );
        expect(refused.errors?.map((e) => e.path)).toEqual(['sections.1']);
      });
  });
});

describe('sending: consent', () => {
  it('refuses without consent or justification (422 referral_consent_required)', async () => {
    await refusedWithoutChange(async () => {
      expectProblem(
        await sendRequest(as('cw.par@x.test'), kase.id, { ...base(), consentId: undefined }),
        422,
        'referral_consent_required',
      );
    });
  });

  it('refuses a withdrawn consent, another purpose, another recipient (422 referral_consent_not_covering)', async () => {
    const cw = as('cw.par@x.test');
    const withdrawn = await addConsent(cw, anna.id, { purpose: 'referral', recipient: 'Office TIR' });
    expectJson(
      await cw.inject({
        method: 'POST',
        url: `/api/persons/${anna.id}/consents/${withdrawn.id}/withdraw`,
        payload: { withdrawnOn: '2026-02-01' },
      }),
    );
    const medical = await addConsent(cw, anna.id, { purpose: 'medical', recipient: 'Office TIR' });
    const rabat = await addConsent(cw, anna.id, { purpose: 'data_sharing', recipient: 'Office RAB' });
    // Word for word: "TIRANA" does not name the office whose code and city are "TIR".
    const near = await addConsent(cw, anna.id, { purpose: 'referral', recipient: 'Bureau de Tirana' });
    for (const id of [withdrawn.id, medical.id, rabat.id, near.id])
      await refusedWithoutChange(async () => {
        expectProblem(
          await sendRequest(cw, kase.id, { ...base(), consentId: id }),
          422,
          'referral_consent_not_covering',
        );
      });
  });

  it('refuses a consent of another person, or an unknown one, as a field error', async () => {
    const other = await newCase('Other');
    for (const id of [other.consentId, '00000000-0000-4000-8000-000000000000'])
      await refusedWithoutChange(async () => {
        const problem = expectProblem(
          await sendRequest(as('cw.par@x.test'), kase.id, { ...base(), consentId: id }),
          400,
          'validation_failed',
        );
        expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([['consentId', 'not_found']]);
      });
  });

  it('refuses an override to roles without consents.override (403) and a short justification (400)', async () => {
    for (const email of ['cw.par@x.test', 'prot.par@x.test'] as const)
      await refusedWithoutChange(async () => {
        expectProblem(
          await sendRequest(as(email), kase.id, {
            ...base(),
            consentId: undefined,
            overrideJustification: 'Imminent risk to life; the person cannot be reached to consent.',
          }),
          403,
          'forbidden',
        );
      });
    await refusedWithoutChange(async () => {
      const problem = expectProblem(
        await sendRequest(as('sup.par@x.test'), kase.id, {
          ...base(),
          consentId: undefined,
          overrideJustification: 'Urgent.',
        }),
        400,
        'validation_failed',
      );
      expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([['overrideJustification', 'too_small']]);
    });
  });

  it('accepts an override by a supervisor: flagged, the justification kept on the row and in the audit', async () => {
    const justification = 'Imminent risk to life; the person cannot be reached to consent.';
    const seq = await lastAuditSeq(t.db);
    const { referral } = await send(as('sup.par@x.test'), kase.id, {
      ...base(),
      consentId: undefined,
      overrideJustification: justification,
    });
    expect(referral).toMatchObject({ status: 'pending', consentOverride: true });
    expect(await referralRow(t.db, referral.id)).toMatchObject({
      consentId: null,
      overrideJustification: justification,
    });
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(['referral.sent']);
    expect(events[0]).toMatchObject({
      actorUserId: userIds['sup.par@x.test'],
      officeId: PAR,
      recordId: referral.id,
      metadata: { consentOverride: true, overrideJustification: justification, consentId: null },
    });
    // The receiver sees the flag too.
    const seen = expectJson<{ consentOverride: boolean }>(
      await as('sup.tir@x.test').inject({ method: 'GET', url: `/api/referrals/${referral.id}` }),
    );
    expect(seen.consentOverride).toBe(true);
  });
});

describe('transfers', () => {
  it('refuses a second pending transfer of the same case (409 referral_transfer_pending)', async () => {
    const x = await newCase('Twice');
    await send(as('cw.par@x.test'), x.kase.id, { ...base(), kind: 'transfer', consentId: x.consentId });
    await refusedWithoutChange(async () => {
      expectProblem(
        await sendRequest(as('cw.par@x.test'), x.kase.id, {
          ...base(),
          kind: 'transfer',
          consentId: x.consentId,
        }),
        409,
        'referral_transfer_pending',
      );
    });
  });

  it('keeps one pending transfer when two are sent at once: the other is 409 referral_transfer_pending', async () => {
    const x = await newCase('Racing');
    const body = { ...base(), kind: 'transfer', consentId: x.consentId };
    const seq = await lastAuditSeq(t.db);
    const responses = await Promise.all([
      sendRequest(as('cw.par@x.test'), x.kase.id, body),
      sendRequest(as('sup.par@x.test'), x.kase.id, body),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const lost = responses.find((r) => r.statusCode === 409);
    if (lost) expectProblem(lost, 409, 'referral_transfer_pending');
    expect((await referralRows(t.db)).filter((r) => r.caseId === x.kase.id)).toHaveLength(1);
    expect((await auditAfter(t.db, seq)).map((e) => e.action)).toEqual(['referral.sent']);
  });

  it('refuses a transfer while the person has another open case in the office (409 referral_other_open_cases)', async () => {
    const x = await newCase('Double');
    await openCase(as('cw.par@x.test'), { personId: x.person.id, officeId: PAR, caseType: 'avrr' });
    await refusedWithoutChange(async () => {
      expectProblem(
        await sendRequest(as('cw.par@x.test'), x.kase.id, {
          ...base(),
          kind: 'transfer',
          consentId: x.consentId,
        }),
        409,
        'referral_other_open_cases',
      );
    });
  });

  it('refuses to revoke an accepted transfer (409 referral_not_revocable): the case is the new owner’s', async () => {
    const x = await newCase('Moved');
    const { referral } = await send(as('cw.par@x.test'), x.kase.id, {
      ...base(),
      kind: 'transfer',
      consentId: x.consentId,
    });
    expectJson(await answer(as('sup.tir@x.test'), referral.id, 'accept'));
    await refusedWithoutChange(async () => {
      expectProblem(
        await answer(as('sup.par@x.test'), referral.id, 'revoke', { reason: 'Changed our mind' }),
        409,
        'referral_not_revocable',
      );
    });
    expect((await caseRow(t.db, x.kase.id)).owningOfficeId).toBe(TIR);
  });
});

describe('answers', () => {
  let pendingId: string;
  beforeAll(async () => {
    pendingId = (await send(as('cw.par@x.test'), kase.id, base())).referral.id;
  });

  it('refuses acceptance by roles without referrals.respond at the route guard (403, access.denied)', async () => {
    for (const email of ['cw.tir@x.test', 'prot.tir@x.test'] as const)
      await refusedWithoutChange(async () => {
        expectProblem(await answer(as(email), pendingId, 'accept'), 403, 'forbidden');
      }, ['access.denied']);
  });

  it('refuses acceptance by the sending side, which holds referrals.respond for its own office (403)', async () => {
    await refusedWithoutChange(async () => {
      expectProblem(await answer(as('sup.par@x.test'), pendingId, 'accept'), 403, 'forbidden');
      expectProblem(
        await answer(as('sup.par@x.test'), pendingId, 'decline', { reason: 'Not for us' }),
        403,
        'forbidden',
      );
    });
  });

  it('refuses a decline without a reason, and unknown fields in answers (400)', async () => {
    for (const [verb, body, path] of [
      ['decline', {}, 'reason'],
      ['decline', { reason: '  ' }, 'reason'],
      ['decline', { reason: 'No capacity', note: 'x' }, 'note'],
      ['accept', { assigneeId: userIds['cw.tir@x.test'], priority: 1 }, 'priority'],
      ['revoke', {}, 'reason'],
    ] as const) {
      const session = verb === 'revoke' ? as('sup.par@x.test') : as('sup.tir@x.test');
      await refusedWithoutChange(async () => {
        const problem = expectProblem(await answer(session, pendingId, verb, body), 400, 'validation_failed');
        expect(problem.errors?.map((e) => e.path)).toContain(path);
      });
    }
    await refusedWithoutChange(async () => {
      expectProblem(
        await as('cw.tir@x.test').inject({
          method: 'POST',
          url: `/api/referrals/${pendingId}/messages`,
          payload: { body: 'Hello', urgent: true },
        }),
        400,
        'validation_failed',
      );
    });
  });

  it('accepts once: of two simultaneous acceptances one wins, the other is 409 referral_not_pending', async () => {
    const seq = await lastAuditSeq(t.db);
    const [a, b] = await Promise.all([
      answer(as('sup.tir@x.test'), pendingId, 'accept'),
      answer(as('sup.tir@x.test'), pendingId, 'accept'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expectProblem(a.statusCode === 409 ? a : b, 409, 'referral_not_pending');
    const events = await auditAfter(t.db, seq);
    expect(events.filter((e) => e.action === 'referral.accepted')).toHaveLength(1);
    const row = await referralRow(t.db, pendingId);
    expect(row).toMatchObject({ status: 'accepted', version: 2, respondedBy: userIds['sup.tir@x.test'] });
    // And again, later: nothing changes.
    await refusedWithoutChange(async () => {
      expectProblem(await answer(as('sup.tir@x.test'), pendingId, 'accept'), 409, 'referral_not_pending');
      expectProblem(
        await answer(as('sup.tir@x.test'), pendingId, 'decline', { reason: 'Too late' }),
        409,
        'referral_not_pending',
      );
    });
  });

  it('answers 404 for an unknown referral, and to an office that is neither side', async () => {
    await t.user('sup.rab@x.test', [['RAB', 'supervisor']]);
    const rabat = await t.login('sup.rab@x.test');
    await refusedWithoutChange(async () => {
      expectProblem(await answer(rabat, pendingId, 'accept'), 404, 'not_found');
      expectProblem(
        await answer(as('sup.tir@x.test'), '00000000-0000-4000-8000-000000000000', 'accept'),
        404,
        'not_found',
      );
      expectProblem(
        await rabat.inject({
          method: 'POST',
          url: `/api/referrals/${pendingId}/messages`,
          payload: { body: 'Hi' },
        }),
        404,
        'not_found',
      );
    });
  });
});
