/**
 * Under more load than the database can serve, requests wait in line within a bound and are otherwise
 * turned away at once with 503 problem+json and Retry-After; the health check never waits in that line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app';
import { expectProblem, type Session } from './helpers';

let t: TestApp;
let caseworker: Session;
beforeAll(async () => {
  t = await createTestApp({ config: { MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUE_WAIT_MS: '100' } });
  await t.user('cw@x.test', [['PAR', 'caseworker']]);
  caseworker = await t.login('cw@x.test');
});
afterAll(() => t.close());

describe('admission', () => {
  it('turns away what would wait too long, saying when to retry, and serves the rest', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => caseworker.inject({ method: 'GET', url: '/api/persons' })),
    );
    const served = answers.filter((a) => a.statusCode === 200);
    const busy = answers.filter((a) => a.statusCode === 503);
    expect(served.length + busy.length).toBe(30);
    expect(served.length).toBeGreaterThan(0);
    expect(busy.length).toBeGreaterThan(0);
    const problem = expectProblem(busy[0] as (typeof answers)[number], 503, 'server_busy');
    expect(problem.detail).toMatch(/occupé/);
    // In the reader's language, like every other answer.
    const english = await Promise.all(
      Array.from({ length: 30 }, () =>
        caseworker.inject({ method: 'GET', url: '/api/persons', headers: { 'accept-language': 'en' } }),
      ),
    );
    expect(english.find((a) => a.statusCode === 503)?.json().detail).toMatch(/busy/);
    expect(Number(busy[0]?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Once the line is gone, everyone is served again.
    expect((await caseworker.inject({ method: 'GET', url: '/api/persons' })).statusCode).toBe(200);
  });

  it('answers the health check whatever the line', async () => {
    const load = Array.from({ length: 20 }, () => caseworker.inject({ method: 'GET', url: '/api/persons' }));
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    await Promise.all(load);
  });
});
