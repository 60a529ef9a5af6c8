/** The list of a project's orientation sessions: the offices the reader may see, the latest first. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson, expectProblem } from '../api/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import { post } from './helpers';

const USERS = ['cw@x.test', 'cw.tir@x.test'] as const;
let t: TestApp;
let as: Awaited<ReturnType<typeof signIn<(typeof USERS)[number]>>>['as'];
let projectId: string;
let paris: string;
let tirana: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.user('cw@x.test', [['PAR', 'caseworker']]);
  await t.user('cw.tir@x.test', [['TIR', 'caseworker']]);
  projectId = (await t.project('SYR', 'PAR', ['TIR'])).id;
  paris = await t.office('PAR');
  tirana = await t.office('TIR');
  ({ as } = await signIn(t, USERS));
});
afterAll(() => t.close());

const session = (officeId: string, heldOn: string, place: string) => ({
  projectId,
  officeId,
  heldOn,
  place,
  language: 'ar',
  facilitator: 'Nour',
});

describe('orientation sessions of a project', () => {
  it('lists the sessions of the reader’s offices, the latest first', async () => {
    const cw = as('cw@x.test');
    expectJson(
      await post(cw, '/api/resettlement/orientation-sessions', session(paris, '2026-02-10', 'Beyrouth')),
      201,
    );
    expectJson(
      await post(cw, '/api/resettlement/orientation-sessions', session(paris, '2026-02-24', 'Zahlé')),
      201,
    );
    expectJson(
      await post(
        as('cw.tir@x.test'),
        '/api/resettlement/orientation-sessions',
        session(tirana, '2026-02-25', 'Tirana'),
      ),
      201,
    );
    const list = expectJson<{ items: { place: string; attendance: unknown[]; version: number }[] }>(
      await cw.inject({
        method: 'GET',
        url: `/api/resettlement/orientation-sessions?projectId=${projectId}`,
      }),
    );
    expect(list.items.map((s) => s.place)).toEqual(['Zahlé', 'Beyrouth']);
    expect(list.items[0]).toMatchObject({ attendance: [], version: 1 });
    expectProblem(
      await cw.inject({ method: 'GET', url: '/api/resettlement/orientation-sessions' }),
      400,
      'validation_failed',
    );
  });
});
