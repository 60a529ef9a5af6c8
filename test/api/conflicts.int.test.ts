/**
 * Two people editing the same record at once: one write wins, every other answers 409 with the record as
 * the winning write left it (its version), so the client can show the change and retry with that version.
 * On PostgreSQL the losers wait for the winner's row lock; a record read before that wait would be the one
 * from before the winning edit, which is what these races catch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { registerPerson } from '../registry/helpers';
import { expectJson, type Session } from './helpers';

const RACERS = 8;
const ROUNDS = 5;

let t: TestApp;
let caseworker: Session;
let supervisor: Session;
let admin: Session;
let PAR: string;

beforeAll(async () => {
  // A real pool (several connections) on PostgreSQL, so the writes do race.
  t = await createTestApp();
  PAR = await t.office('PAR');
  await t.user('cw@x.test', [['PAR', 'caseworker']]);
  await t.user('sup@x.test', [['PAR', 'supervisor']]);
  await t.user('admin@x.test', [['PAR', 'administrator']]);
  caseworker = await t.login('cw@x.test');
  supervisor = await t.login('sup@x.test');
  admin = await t.login('admin@x.test');
});
afterAll(() => t.close());

type Versioned = { version: number };

/**
 * Sends RACERS writes based on the same version at once; exactly one must win and every loser must carry
 * the winner's version. Repeated over several rounds, each starting from the winner.
 */
async function race(
  start: number,
  write: (version: number, racer: number, round: number) => ReturnType<Session['inject']>,
  currentVersion: (current: unknown) => number = (current) => (current as Versioned).version,
): Promise<void> {
  let version = start;
  for (let round = 0; round < ROUNDS; round++) {
    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, racer) => write(version, racer, round)),
    );
    const won = answers.filter((a) => a.statusCode === 200);
    const lost = answers.filter((a) => a.statusCode === 409);
    expect(won.length, answers.map((a) => `${a.statusCode} ${a.body.slice(0, 200)}`).join('\n')).toBe(1);
    expect(lost.length).toBe(RACERS - 1);
    const winner = won[0]?.json<Versioned>().version ?? 0;
    for (const loser of lost) {
      const body = loser.json<{ code: string; current: unknown }>();
      expect(body.code).toBe('version_conflict');
      expect(currentVersion(body.current)).toBe(winner);
    }
    version = winner;
  }
}

describe('a 409 carries the record as committed by the write that won', () => {
  it('for a person', async () => {
    const person = await registerPerson(caseworker, PAR, { givenName: 'Race', familyName: 'Person' });
    await race(person.version, (version, racer, round) =>
      caseworker.inject({
        method: 'PATCH',
        url: `/api/persons/${person.id}`,
        payload: { version, phone: `+33 1 00 00 0${round} 0${racer}` },
      }),
    );
  });

  it('for a case', async () => {
    const person = await registerPerson(caseworker, PAR, { givenName: 'Race', familyName: 'Case' });
    const kase = await openCase(caseworker, { personId: person.id, officeId: PAR });
    // Every racer writes a value of its own (saving the value already there is no edit).
    const code = (round: number, racer: number) => String.fromCharCode(65 + round, 65 + racer);
    await race(kase.version, (version, racer, round) =>
      caseworker.inject({
        method: 'PATCH',
        url: `/api/cases/${kase.id}`,
        payload: { version, hostCountry: code(round, racer) },
      }),
    );
  });

  it('for a task', async () => {
    const person = await registerPerson(caseworker, PAR, { givenName: 'Race', familyName: 'Task' });
    const kase = await openCase(caseworker, { personId: person.id, officeId: PAR });
    const task = expectJson<{ id: string; version: number }>(
      await caseworker.inject({
        method: 'POST',
        url: `/api/cases/${kase.id}/tasks`,
        payload: { title: 'Call the family' },
      }),
      201,
    );
    await race(task.version, (version, racer, round) =>
      supervisor.inject({
        method: 'PATCH',
        url: `/api/tasks/${task.id}`,
        payload: { version, title: `Call the family (${round}.${racer})` },
      }),
    );
  });

  it('for an account and an office', async () => {
    const user = await t.user('target@x.test', [['PAR', 'caseworker']]);
    await race(user.version, (version, racer, round) =>
      admin.inject({
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        payload: { version, displayName: `Target ${round}.${racer}` },
      }),
    );
    const office = expectJson<{ id: string; version: number }>(
      await admin.inject({
        method: 'POST',
        url: '/api/offices',
        payload: { code: 'RAC', name: 'Race', country: 'FR', city: 'Lyon', kind: 'host' },
      }),
      201,
    );
    await race(office.version, (version, racer, round) =>
      admin.inject({
        method: 'PATCH',
        url: `/api/offices/${office.id}`,
        payload: { version, name: `Race ${round}.${racer}` },
      }),
    );
  });
});
