/**
 * What arrives before any route: oversized headers and query strings answer 431 problem+json (over a real
 * socket, since Node's own parser refuses the largest ones before Fastify exists for them), and API answers
 * are never kept by a cache.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app';
import { expectProblem, type Session } from './helpers';

let t: TestApp;
let port: number;
let caseworker: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.user('cw@x.test', [['PAR', 'caseworker']]);
  caseworker = await t.login('cw@x.test');
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path, headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      });
      request.on('error', reject);
    },
  );
}

function expectProblem431(response: { status: number; headers: http.IncomingHttpHeaders; body: string }) {
  expect(response.status).toBe(431);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body);
  expect(body).toMatchObject({ status: 431, code: 'request_header_too_large', title: expect.any(String) });
  expect(body.detail).toMatch(/trop longs/);
}

describe('oversized requests', () => {
  it('answers 431 problem+json to a header over Node’s limit', async () => {
    expectProblem431(await get('/api/auth/me', { 'x-padding': 'a'.repeat(20_000) }));
  });

  it('answers 431 problem+json to a query string too long to be ours, whatever its length', async () => {
    expectProblem431(await get(`/api/persons?q=${'a'.repeat(9_000)}`));
    expectProblem431(await get(`/api/persons?q=${'a'.repeat(40_000)}`));
  });

  it('still serves ordinary requests on the same server', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
  });
});

describe('caching', () => {
  it('marks API answers no-store: personal data stays out of every cache', async () => {
    const persons = await caseworker.inject({ method: 'GET', url: '/api/persons' });
    expect(persons.statusCode).toBe(200);
    expect(persons.headers['cache-control']).toBe('no-store');
    const me = await caseworker.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.headers['cache-control']).toBe('no-store');
    const partner = await t.app.inject({ method: 'GET', url: `/api/partner/${'x'.repeat(40)}` });
    expectProblem(partner, 404, 'partner_link_invalid');
    expect(partner.headers['cache-control']).toBe('no-store');
    const denied = await t.app.inject({ method: 'GET', url: '/api/persons' });
    expect(denied.headers['cache-control']).toBe('no-store');
  });
});
