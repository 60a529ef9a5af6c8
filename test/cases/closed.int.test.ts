import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAfter, expectProblem, lastAuditSeq } from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { registerPerson, signIn } from '../registry/helpers';
import { getCase, openCase, transition } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a closed case', () => {
  it('is a record: its fields cannot change until a supervisor reopens it', async () => {
    const PAR = await t.office('PAR');
    await t.user('cw@x.test', [['PAR', 'caseworker']]);
    await t.user('sup@x.test', [['PAR', 'supervisor']]);
    const { as } = await signIn(t, ['cw@x.test', 'sup@x.test'] as const);
    const person = await registerPerson(as('cw@x.test'), PAR);
    const opened = await openCase(as('cw@x.test'), { personId: person.id, officeId: PAR });
    const withdrawn = await transition(as('cw@x.test'), opened, 'withdrawn', { comment: 'Changed her mind' });
    expect(withdrawn.status).toBe('withdrawn');

    const edit = await as('cw@x.test').inject({
      method: 'PATCH',
      url: `/api/cases/${opened.id}`,
      payload: { version: withdrawn.version, departureDate: '2016-01-01' },
    });
    expectProblem(edit, 409, 'case_closed');

    const reopened = await as('sup@x.test').inject({
      method: 'POST',
      url: `/api/cases/${opened.id}/reopen`,
      payload: { version: withdrawn.version, reason: 'She came back' },
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().status).toBe('intake');
  });
});

describe('confidential notes', () => {
  it('are shown only with cases.sensitive, and each read of them is audited', async () => {
    const PAR = await t.office('PAR');
    await t.user('cw2@x.test', [['PAR', 'caseworker']]);
    await t.user('sup2@x.test', [['PAR', 'supervisor']]);
    const { as } = await signIn(t, ['cw2@x.test', 'sup2@x.test'] as const);
    const person = await registerPerson(as('cw2@x.test'), PAR, {
      givenName: 'Olena',
      familyName: 'Tkachenko',
    });
    const opened = await openCase(as('cw2@x.test'), { personId: person.id, officeId: PAR });
    const note = await as('sup2@x.test').inject({
      method: 'POST',
      url: `/api/cases/${opened.id}/notes`,
      payload: { body: 'Disclosed exploitation during counselling', confidential: true },
    });
    expect(note.statusCode).toBe(201);

    let seq = await lastAuditSeq(t.db);
    expect((await getCase(as('cw2@x.test'), opened.id)).notes).toEqual([]);
    expect(await auditAfter(t.db, seq)).toEqual([]);

    seq = await lastAuditSeq(t.db);
    expect((await getCase(as('sup2@x.test'), opened.id)).notes.map((n) => n.confidential)).toEqual([true]);
    const events = await auditAfter(t.db, seq);
    expect(events.map((e) => [e.action, e.recordId, e.metadata])).toEqual([
      ['case.viewed', opened.id, { sensitive: false, confidentialNotes: 1 }],
    ]);
  });
});
