/**
 * Office scoping: what a signed-in person can see depends on the offices where they hold a role.
 * Records outside scope do not exist for them (404, never 403, so ids cannot be probed).
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/platform/audit/tables';
import { createTestApp, type TestApp } from '../harness/app';
import { auditAfter, expectJson, expectProblem, lastAuditSeq } from './helpers';

type ProjectBody = { id: string; code: string; owningOfficeCode: string; participatingOfficeIds: string[] };
type UserBody = { id: string; email: string; memberships: { officeCode: string; role: string }[] };

let t: TestApp;
const ids = {} as Record<'PAR' | 'TIR' | 'EBL' | 'magnet' | 'tact' | 'parisCw' | 'tiranaCw' | 'both', string>;

beforeAll(async () => {
  t = await createTestApp();
  ids.PAR = await t.office('PAR');
  ids.TIR = await t.office('TIR', 'origin', 'AL');
  ids.EBL = await t.office('EBL', 'origin', 'IQ');
  ids.magnet = (await t.project('MAGNET', 'PAR', ['EBL'])).id;
  ids.tact = (await t.project('TACT', 'PAR', ['TIR'])).id;
  ids.parisCw = (await t.user('cw.paris@x.test', [['PAR', 'caseworker']])).id;
  ids.tiranaCw = (await t.user('cw.tirana@x.test', [['TIR', 'caseworker']])).id;
  await t.user('sup.tirana@x.test', [['TIR', 'supervisor']]);
  ids.both = (
    await t.user('both@x.test', [
      ['PAR', 'caseworker'],
      ['TIR', 'protection_officer'],
    ])
  ).id;
  await t.user('cw.erbil@x.test', [['EBL', 'caseworker']]);
  await t.user('admin@x.test', [['PAR', 'administrator']]);
  await t.user('dpo@x.test', [['PAR', 'data_protection_officer']]);
});
afterAll(() => t.close());

const codes = (items: { code: string }[]) => items.map((p) => p.code).sort();
const emails = (items: { email: string }[]) => items.map((u) => u.email).sort();

describe('projects', () => {
  it('shows a Tirana caseworker the projects Tirana runs, not the others', async () => {
    const session = await t.login('cw.tirana@x.test');
    const list = expectJson<{ items: ProjectBody[] }>(
      await session.inject({ method: 'GET', url: '/api/projects' }),
    );
    expect(codes(list.items)).toEqual(['TACT']);
    expect(list.items[0]).toMatchObject({
      id: ids.tact,
      owningOfficeCode: 'PAR',
      participatingOfficeIds: [ids.TIR],
    });
    const tact = expectJson<ProjectBody>(
      await session.inject({ method: 'GET', url: `/api/projects/${ids.tact}` }),
    );
    expect(tact.code).toBe('TACT');
  });

  it('answers 404 not_found (not 403) for a project outside scope, like for one that does not exist', async () => {
    const session = await t.login('cw.tirana@x.test');
    const seq = await lastAuditSeq(t.db);
    const hidden = expectProblem(
      await session.inject({ method: 'GET', url: `/api/projects/${ids.magnet}` }),
      404,
      'not_found',
    );
    const missing = expectProblem(
      await session.inject({ method: 'GET', url: `/api/projects/${randomUUID()}` }),
      404,
      'not_found',
    );
    const strip = ({ requestId: _r, instance: _i, ...rest }: typeof hidden) => rest;
    expect(strip(hidden)).toEqual(strip(missing));
    // Not an access denial: nothing is recorded that would tell the project exists.
    expect((await auditAfter(t.db, seq)).filter((e) => e.action === 'access.denied')).toEqual([]);
  });

  it('shows the owning office every project and a partner office only its own', async () => {
    const paris = await t.login('cw.paris@x.test');
    expect(
      codes(
        expectJson<{ items: ProjectBody[] }>(await paris.inject({ method: 'GET', url: '/api/projects' }))
          .items,
      ),
    ).toEqual(['MAGNET', 'TACT']);
    const magnet = expectJson<ProjectBody>(
      await paris.inject({ method: 'GET', url: `/api/projects/${ids.magnet}` }),
    );
    expect(magnet).toMatchObject({ id: ids.magnet, code: 'MAGNET', participatingOfficeIds: [ids.EBL] });

    const erbil = await t.login('cw.erbil@x.test');
    expect(
      codes(
        expectJson<{ items: ProjectBody[] }>(await erbil.inject({ method: 'GET', url: '/api/projects' }))
          .items,
      ),
    ).toEqual(['MAGNET']);
    expectProblem(await erbil.inject({ method: 'GET', url: `/api/projects/${ids.tact}` }), 404, 'not_found');
  });

  it('shows global roles every project', async () => {
    for (const email of ['admin@x.test', 'dpo@x.test']) {
      const session = await t.login(email);
      const list = expectJson<{ items: ProjectBody[] }>(
        await session.inject({ method: 'GET', url: '/api/projects' }),
      );
      expect(codes(list.items), email).toEqual(['MAGNET', 'TACT']);
    }
  });
});

describe('users', () => {
  it('refuses the user directory to a caseworker (403) and records access.denied', async () => {
    const session = await t.login('cw.tirana@x.test');
    const seq = await lastAuditSeq(t.db);
    const response = await session.inject({ method: 'GET', url: '/api/users' });
    expectProblem(response, 403, 'forbidden');
    const events = await auditAfter(t.db, seq);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'access.denied',
      actorUserId: ids.tiranaCw,
      actorEmail: 'cw.tirana@x.test',
      requestId: response.json<{ requestId: string }>().requestId,
      metadata: { permission: 'users.read', method: 'GET', route: '/api/users' },
    });
    // Also for one account, with the route pattern (not the id) recorded.
    expectProblem(
      await session.inject({ method: 'GET', url: `/api/users/${ids.parisCw}` }),
      403,
      'forbidden',
    );
    const denied = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.actorUserId, ids.tiranaCw)));
    expect(denied.map((e) => e.metadata?.route)).toEqual(['/api/users', '/api/users/:id']);
  });

  it('shows a Tirana supervisor only the accounts holding a role in Tirana', async () => {
    const session = await t.login('sup.tirana@x.test');
    const list = expectJson<{ items: UserBody[] }>(
      await session.inject({ method: 'GET', url: '/api/users' }),
    );
    expect(emails(list.items)).toEqual(['both@x.test', 'cw.tirana@x.test', 'sup.tirana@x.test']);
    // A visible account shows all its memberships, including those in other offices.
    const both = list.items.find((u) => u.email === 'both@x.test');
    expect(both?.memberships.map((m) => `${m.officeCode}:${m.role}`)).toEqual([
      'PAR:caseworker',
      'TIR:protection_officer',
    ]);
    // Filters narrow the scope; they never widen it.
    const paris = expectJson<{ items: UserBody[] }>(
      await session.inject({ method: 'GET', url: `/api/users?officeId=${ids.PAR}` }),
    );
    expect(emails(paris.items)).toEqual(['both@x.test']);
    const admins = expectJson<{ items: UserBody[] }>(
      await session.inject({ method: 'GET', url: '/api/users?role=administrator' }),
    );
    expect(admins.items).toEqual([]);
    const search = expectJson<{ items: UserBody[] }>(
      await session.inject({ method: 'GET', url: '/api/users?q=paris' }),
    );
    expect(search.items).toEqual([]);
  });

  it('answers 404 to a Tirana supervisor for a Paris account, 200 for a Tirana one', async () => {
    const session = await t.login('sup.tirana@x.test');
    expectProblem(
      await session.inject({ method: 'GET', url: `/api/users/${ids.parisCw}` }),
      404,
      'not_found',
    );
    const own = expectJson<UserBody>(
      await session.inject({ method: 'GET', url: `/api/users/${ids.tiranaCw}` }),
    );
    expect(own).toMatchObject({ id: ids.tiranaCw, email: 'cw.tirana@x.test' });
    const shared = expectJson<UserBody>(
      await session.inject({ method: 'GET', url: `/api/users/${ids.both}` }),
    );
    expect(shared.id).toBe(ids.both);
  });

  it('shows an administrator and a data protection officer every account', async () => {
    const all = [
      'admin@x.test',
      'both@x.test',
      'cw.erbil@x.test',
      'cw.paris@x.test',
      'cw.tirana@x.test',
      'dpo@x.test',
      'sup.tirana@x.test',
    ];
    for (const email of ['admin@x.test', 'dpo@x.test']) {
      const session = await t.login(email);
      const list = expectJson<{ items: UserBody[] }>(
        await session.inject({ method: 'GET', url: '/api/users' }),
      );
      expect(emails(list.items), email).toEqual(all);
      const paris = expectJson<UserBody>(
        await session.inject({ method: 'GET', url: `/api/users/${ids.parisCw}` }),
      );
      expect(paris.email).toBe('cw.paris@x.test');
    }
  });

  it('never exposes a password hash in user views', async () => {
    const session = await t.login('admin@x.test');
    const response = await session.inject({ method: 'GET', url: '/api/users' });
    expect(response.body).not.toMatch(/argon2|passwordHash|password_hash/);
    const me = await session.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.body).not.toMatch(/argon2|passwordHash|password_hash/);
  });
});

describe('office directory', () => {
  it('lets every office role read the directory but not change it', async () => {
    const session = await t.login('cw.tirana@x.test');
    const list = expectJson<{ items: { code: string }[] }>(
      await session.inject({ method: 'GET', url: '/api/offices' }),
    );
    expect(codes(list.items)).toEqual(['EBL', 'PAR', 'TIR']);
    expectProblem(
      await session.inject({
        method: 'PATCH',
        url: `/api/offices/${ids.TIR}`,
        payload: { version: 1, name: 'Renamed by a caseworker' },
      }),
      403,
      'forbidden',
    );
  });
});
