import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app';
import { testDbKind } from '../harness/db';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health and conventions', () => {
  it('answers health with the database kind and version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: { kind: testDbKind(), ok: true },
      version: expect.any(String),
    });
  });

  it('answers unknown API routes with a problem+json 404', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/nowhere',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'route_not_found',
      status: 404,
      detail: 'There is nothing at GET /api/nowhere.',
    });
  });

  it('signs in a user and returns their permissions', async () => {
    await t.user('cw@x.test', [['PAR', 'caseworker']]);
    const session = await t.login('cw@x.test');
    const me = await session.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().permissions).toContain('projects.read');
  });
});
