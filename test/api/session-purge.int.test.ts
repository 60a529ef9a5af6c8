import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/modules/identity';
import { createTestApp, type TestApp } from '../harness/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('expired sessions', () => {
  it('are purged at the next sign-in, even if never presented again', async () => {
    await t.user('idle@x.test', [['PAR', 'caseworker']]);
    const active = await t.user('active@x.test', [['PAR', 'caseworker']]);
    await t.login('idle@x.test');
    expect(await t.db.select().from(sessions)).toHaveLength(1);
    t.clock.advance((t.config.sessionIdleMinutes + 1) * 60_000);
    await t.login('active@x.test');
    const left = await t.db.select().from(sessions);
    expect(left).toHaveLength(1);
    expect(left[0]?.userId).toBe(active.id);
  });
});
