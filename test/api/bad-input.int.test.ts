/**
 * Hostile and malformed input: every refusal is a 4xx problem+json with localised field messages, nothing
 * is half-written, injected text stays inert data, and no response is a 500.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, offices, users } from '../../src/modules/identity';
import { auditEvents } from '../../src/platform/audit/tables';
import { verifyAuditChain } from '../../src/platform/audit/verify';
import { createTestApp, type TestApp } from '../harness/app';
import { countRows, expectJson, expectNoEvent, expectProblem, lastAuditSeq, type Session } from './helpers';

const SQLI = "Robert'); DROP TABLE users;--";
const XSS = '<script>alert(1)</script>';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
const TEMPLATE = '{{constructor.constructor(\'alert(1)\')()}} ${7*7} \\u0000 "quoted"';

let t: TestApp;
let admin: Session;
let PAR: string;
/** Every response of this file, to check at the end that none was a 500. */
const statuses: { url: string; status: number }[] = [];

/** Sends as the administrator and records the status. */
async function send(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
  const response = await admin.inject(options);
  statuses.push({ url: `${options.method} ${options.url}`, status: response.statusCode });
  return response;
}
const json = (
  method: InjectOptions['method'],
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
) => send({ method, url, payload: payload as object, headers });
const raw = (url: string, payload: string, contentType: string, headers: Record<string, string> = {}) =>
  send({ method: 'POST', url, payload, headers: { 'content-type': contentType, ...headers } });

async function counts() {
  return {
    users: await countRows(t.db, users),
    memberships: await countRows(t.db, memberships),
    offices: await countRows(t.db, offices),
    audit: await countRows(t.db, auditEvents),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  PAR = await t.office('PAR');
  await t.user('admin@x.test', [['PAR', 'administrator']]);
  admin = await t.login('admin@x.test');
});
afterAll(() => t.close());

describe('malformed bodies', () => {
  it('answers malformed JSON with 400 malformed_json, in French by default and English on request', async () => {
    const before = await counts();
    const fr = expectProblem(
      await raw('/api/users', '{"email": "a@x.test", "displayName": ', 'application/json'),
      400,
      'malformed_json',
    );
    expect(fr.detail).toBe("Le corps de la requête n'est pas un JSON valide.");
    expect(fr.title).toBe('JSON mal formé');
    const en = expectProblem(
      await raw('/api/users', "{'single': 'quotes'}", 'application/json', { 'accept-language': 'en' }),
      400,
      'malformed_json',
    );
    expect(en.detail).toBe('The request body is not valid JSON.');
    expectProblem(await raw('/api/offices', '', 'application/json'), 400, 'malformed_json');
    expectProblem(await raw('/api/offices', '{"a":1}}', 'application/json'), 400, 'malformed_json');
    expect(await counts()).toEqual(before);
  });

  it('answers JSON that is not an object with 400 validation_failed', async () => {
    for (const body of ['null', '[]', '"text"', '42', 'true']) {
      const problem = expectProblem(
        await raw('/api/offices', body, 'application/json'),
        400,
        'validation_failed',
      );
      expect(problem.errors?.[0]).toMatchObject({ path: '', code: 'invalid_type' });
    }
  });

  it('refuses a body larger than BODY_LIMIT_BYTES with 413 body_too_large, writing nothing', async () => {
    const small = await createTestApp({ config: { BODY_LIMIT_BYTES: '2048' } });
    try {
      await small.office('PAR');
      await small.user('admin@x.test', [['PAR', 'administrator']]);
      const session = await small.login('admin@x.test');
      const before = await countRows(small.db, offices);
      const big = { code: 'BIG', name: 'x'.repeat(3000), country: 'FR', city: 'Lyon', kind: 'host' };
      const response = await session.inject({ method: 'POST', url: '/api/offices', payload: big });
      const problem = expectProblem(response, 413, 'body_too_large');
      expect(problem.detail).toBe('La requête est trop volumineuse (limite 2\u202f048 octets).');
      const en = await session.inject({
        method: 'POST',
        url: '/api/offices',
        payload: big,
        headers: { 'accept-language': 'en' },
      });
      expect(expectProblem(en, 413, 'body_too_large').detail).toBe(
        'The request is too large (limit 2,048 bytes).',
      );
      expect(await countRows(small.db, offices)).toBe(before);
      // Under the limit, the same field is refused by validation (name is at most 120 characters).
      const long = await session.inject({
        method: 'POST',
        url: '/api/offices',
        payload: { ...big, name: 'x'.repeat(1500) },
      });
      const tooLong = expectProblem(long, 400, 'validation_failed');
      expect(tooLong.errors?.map((e) => [e.path, e.code])).toEqual([['name', 'too_big']]);
    } finally {
      await small.close();
    }
  });

  it('refuses text/plain with 415 unsupported_media_type', async () => {
    const before = await counts();
    const body = JSON.stringify({ code: 'TXT', name: 'Text', country: 'FR', city: 'Lyon', kind: 'host' });
    const response = await raw('/api/offices', body, 'text/plain');
    expectProblem(response, 415, 'unsupported_media_type');
    expect(await counts()).toEqual(before);
  });

  it('refuses form and multipart bodies with 415 unsupported_media_type', async () => {
    const before = await counts();
    const form = await raw('/api/offices', 'code=FRM&name=Form', 'application/x-www-form-urlencoded');
    const problem = expectProblem(form, 415, 'unsupported_media_type');
    expect(problem.detail).toBe("Ce type de contenu n'est pas accepté ici ; envoyez application/json.");
    expectProblem(
      await raw(
        '/api/offices',
        '--b\r\nContent-Disposition: form-data; name="code"\r\n\r\nMUL\r\n--b--',
        'multipart/form-data; boundary=b',
      ),
      415,
      'unsupported_media_type',
    );
    expect(await counts()).toEqual(before);
    // application/json with a charset is accepted.
    const ok = await raw(
      '/api/offices',
      JSON.stringify({ code: 'UTF', name: 'Ünïcødé', country: 'FR', city: 'Lyon', kind: 'host' }),
      'application/json; charset=utf-8',
    );
    expect(expectJson<{ name: string }>(ok, 201).name).toBe('Ünïcødé');
  });
});

describe('validation messages', () => {
  const wrongTypes = { email: 42, displayName: true, memberships: 'x' };

  it('lists each wrong field with a French message by default', async () => {
    const before = await counts();
    const problem = expectProblem(await json('POST', '/api/users', wrongTypes), 400, 'validation_failed');
    expect(problem.title).toBe('Saisie invalide');
    expect(problem.detail).toBe('Certains champs ne sont pas valides. Corrigez-les puis réessayez.');
    expect(problem.errors).toEqual([
      { path: 'email', code: 'invalid_type', message: 'Type incorrect : texte attendu.' },
      { path: 'displayName', code: 'invalid_type', message: 'Type incorrect : texte attendu.' },
      { path: 'memberships', code: 'invalid_type', message: 'Type incorrect : liste attendu.' },
    ]);
    const missing = expectProblem(await json('POST', '/api/users', {}), 400, 'validation_failed');
    expect(missing.errors).toEqual([
      { path: 'email', code: 'invalid_type', message: 'Obligatoire.' },
      { path: 'displayName', code: 'invalid_type', message: 'Obligatoire.' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('answers in English with accept-language: en', async () => {
    const problem = expectProblem(
      await json('POST', '/api/users', wrongTypes, { 'accept-language': 'en' }),
      400,
      'validation_failed',
    );
    expect(problem.title).toBe('Invalid input');
    expect(problem.errors).toEqual([
      { path: 'email', code: 'invalid_type', message: 'Wrong type: expected text.' },
      { path: 'displayName', code: 'invalid_type', message: 'Wrong type: expected text.' },
      { path: 'memberships', code: 'invalid_type', message: 'Wrong type: expected a list.' },
    ]);
    for (const header of ['en-GB,en;q=0.9', 'fr;q=0.5, en;q=0.8', 'de-DE, en;q=0.1']) {
      const r = expectProblem(
        await json('POST', '/api/users', {}, { 'accept-language': header }),
        400,
        'validation_failed',
      );
      expect(r.errors?.[0]?.message, header).toBe('Required.');
    }
    for (const header of ['de-DE', 'fr-CA,en;q=0.5', '*', 'en;q=0, fr;q=0.1']) {
      const r = expectProblem(
        await json('POST', '/api/users', {}, { 'accept-language': header }),
        400,
        'validation_failed',
      );
      expect(r.errors?.[0]?.message, header).toBe('Obligatoire.');
    }
  });

  it('localises format and custom messages on nested fields', async () => {
    const fr = expectProblem(
      await json('POST', '/api/users', {
        email: 'not-an-email',
        displayName: '   ',
        password: 'short',
        memberships: [{ officeId: 'nope', role: 'king' }],
      }),
      400,
      'validation_failed',
    );
    const en = expectProblem(
      await json(
        'POST',
        '/api/users',
        {
          email: 'not-an-email',
          displayName: '   ',
          password: 'short',
          memberships: [{ officeId: 'nope', role: 'king' }],
        },
        { 'accept-language': 'en' },
      ),
      400,
      'validation_failed',
    );
    const paths = ['email', 'displayName', 'password', 'memberships.0.officeId', 'memberships.0.role'];
    expect(fr.errors?.map((e) => e.path)).toEqual(paths);
    expect(en.errors?.map((e) => e.path)).toEqual(paths);
    fr.errors?.forEach((e, i) => {
      expect(e.message.length, e.path).toBeGreaterThan(0);
      expect(e.message, e.path).not.toBe(en.errors?.[i]?.message);
    });

    const office = { code: 'x1', name: 'N', country: 'France', city: 'Lyon', kind: 'castle' };
    const officeFr = expectProblem(await json('POST', '/api/offices', office), 400, 'validation_failed');
    expect(officeFr.errors).toEqual(
      expect.arrayContaining([
        { path: 'code', code: 'invalid_format', message: 'Utilisez trois à huit lettres.' },
        {
          path: 'country',
          code: 'invalid_format',
          message: 'Utilisez un code pays ISO à deux lettres (FR, AL, MA...).',
        },
        expect.objectContaining({ path: 'kind', code: 'invalid_value' }),
      ]),
    );
    const officeEn = expectProblem(
      await json('POST', '/api/offices', office, { 'accept-language': 'en' }),
      400,
      'validation_failed',
    );
    expect(officeEn.errors).toEqual(
      expect.arrayContaining([
        { path: 'code', code: 'invalid_format', message: 'Use three to eight letters.' },
        {
          path: 'country',
          code: 'invalid_format',
          message: 'Use a two-letter ISO country code (FR, AL, MA...).',
        },
      ]),
    );
  });

  it('refuses unknown fields with unknown_field on their path (no mass assignment)', async () => {
    const before = await counts();
    const problem = expectProblem(
      await json('POST', '/api/users', {
        email: 'mass@x.test',
        displayName: 'Mass',
        isAdmin: true,
        memberships: [{ officeId: PAR, role: 'caseworker', scope: 'global' }],
      }),
      400,
      'validation_failed',
    );
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: 'isAdmin', code: 'unknown_field', message: 'Champ inconnu « isAdmin ».' },
        { path: 'memberships.0.scope', code: 'unknown_field', message: 'Champ inconnu « scope ».' },
      ]),
    );
    expect(problem.errors).toHaveLength(2);

    const target = await t.user('target@x.test', [['PAR', 'caseworker']]);
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    for (const extra of [
      { passwordHash: 'x' },
      { email: 'stolen@x.test' },
      { failedLoginCount: 0 },
      { mustChangePassword: false },
    ]) {
      const r = expectProblem(
        await json(
          'PATCH',
          `/api/users/${target.id}`,
          { version: 1, displayName: 'X', ...extra },
          { 'accept-language': 'en' },
        ),
        400,
        'validation_failed',
      );
      const key = Object.keys(extra)[0];
      expect(r.errors).toEqual([{ path: key, code: 'unknown_field', message: `Unknown field "${key}".` }]);
    }
    const office = expectProblem(
      await json('PATCH', `/api/offices/${PAR}`, { version: 1, code: 'HIJACK', country: 'ZZ' }),
      400,
      'validation_failed',
    );
    expect(office.errors?.map((e) => [e.path, e.code]).sort()).toEqual([
      ['code', 'unknown_field'],
      ['country', 'unknown_field'],
    ]);
    const [after] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(after).toEqual(row);
    expect(await countRows(t.db, offices)).toBe(before.offices);
    expect(await countRows(t.db, users)).toBe(before.users + 1);
  });

  it('refuses wrong types for version and limits without touching the record', async () => {
    const target = await t.user('versioned@x.test', [['PAR', 'caseworker']]);
    const seq = await lastAuditSeq(t.db);
    for (const version of ['1', 0, -1, 1.5, null, 1e20]) {
      const r = await json('PATCH', `/api/users/${target.id}`, { version, displayName: 'X' });
      expectProblem(r, 400, 'validation_failed');
      expect([...new Set(r.json<{ errors: { path: string }[] }>().errors.map((e) => e.path))]).toEqual([
        'version',
      ]);
    }
    await expectNoEvent(t.db, seq);
  });

  it('refuses an out-of-range account version as invalid input', async () => {
    const target = await t.user('big-version@x.test', [['PAR', 'caseworker']]);
    for (const version of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
      expectProblem(
        await json('PATCH', `/api/users/${target.id}`, { version, displayName: 'X' }),
        400,
        'validation_failed',
      );
      expectProblem(
        await json('PUT', `/api/users/${target.id}/memberships`, { version, memberships: [] }),
        400,
        'validation_failed',
      );
    }
  });

  it('answers an out-of-range office version with a 4xx, never a database error', async () => {
    for (const version of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
      const response = await json('PATCH', `/api/offices/${PAR}`, { version, name: 'X' });
      expect(response.statusCode, `version ${version}: ${response.body}`).toBeLessThan(500);
      expect([400, 409]).toContain(response.statusCode);
    }
    const [row] = await t.db.select().from(offices).where(eq(offices.id, PAR));
    expect(row).toMatchObject({ name: 'Office PAR', version: 1 });
  });
});

describe('paths and query strings', () => {
  it('answers an invalid uuid in the path with 400, not 500', async () => {
    for (const [method, url] of [
      ['GET', '/api/users/not-a-uuid'],
      ['GET', '/api/users/1'],
      ['GET', "/api/projects/1'%20OR%20'1'='1"],
      ['GET', '/api/projects/00000000-0000-0000-0000-00000000000g'],
      ['PATCH', '/api/offices/123'],
      ['PUT', '/api/users/%3Cscript%3E/memberships'],
      ['POST', '/api/users/abc/reset-password'],
    ] as const) {
      const response = await send({ method, url, ...(method === 'GET' ? {} : { payload: { version: 1 } }) });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(
        problem.errors?.map((e) => e.path),
        url,
      ).toContain('id');
    }
  });

  it('answers a malformed percent-encoding with a 400 problem+json', async () => {
    for (const url of ['/api/users/%E0%A4%A', '/api/projects/%ZZ', '/%ZZ']) {
      const response = await send({ method: 'GET', url });
      expectProblem(response, 400, 'validation_failed');
    }
  });

  it('answers an overlong path parameter with a 4xx', async () => {
    const response = await send({ method: 'GET', url: `/api/users/${'a'.repeat(300)}` });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses unknown or malformed query parameters', async () => {
    const unknown = expectProblem(
      await send({ method: 'GET', url: '/api/users?admin=true' }),
      400,
      'validation_failed',
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ path: 'admin', code: 'unknown_field' })]);
    expectProblem(await send({ method: 'GET', url: '/api/users?officeId=PAR' }), 400, 'validation_failed');
    expectProblem(await send({ method: 'GET', url: '/api/users?role=emperor' }), 400, 'validation_failed');
    expectProblem(await send({ method: 'GET', url: '/api/users?status=deleted' }), 400, 'validation_failed');
    expectProblem(
      await send({ method: 'GET', url: `/api/users?q=${'x'.repeat(201)}` }),
      400,
      'validation_failed',
    );
  });
});

describe('injection', () => {
  it('stores and returns SQL and script text verbatim in every text field of an account', async () => {
    const before = await counts();
    const email = "robert'--@x.test";
    const password = `${XSS} ${SQLI}`;
    const displayName = `${SQLI} ${XSS} ${TEMPLATE}`;
    const response = await json('POST', '/api/users', {
      email,
      displayName,
      password,
      memberships: [{ officeId: PAR, role: 'caseworker' }],
    });
    const body = expectJson<{ user: { id: string; email: string; displayName: string } }>(response, 201);
    expect(body.user).toMatchObject({ email, displayName });
    // Inert: served as JSON, the text is a JSON string, never markup.
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toContain(JSON.stringify(displayName).slice(1, -1));
    expect(response.headers['x-content-type-options']).toBe('nosniff');

    const [row] = await t.db.select().from(users).where(eq(users.id, body.user.id));
    expect(row).toMatchObject({ email, displayName });
    const listed = expectJson<{ items: { displayName: string }[] }>(
      await send({ method: 'GET', url: `/api/users?q=${encodeURIComponent("robert'")}` }),
    );
    expect(listed.items.map((u) => u.displayName)).toEqual([displayName]);
    expect(await counts()).toMatchObject({ users: before.users + 1, memberships: before.memberships + 1 });

    // The password is data too: it signs in exactly as typed.
    const session = await t.login(email, password);
    expect(session.me.user.displayName).toBe(displayName);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.recordId, body.user.id))
      .orderBy(auditEvents.seq)
      .limit(1);
    expect(event?.changes).toMatchObject({ displayName: { new: displayName }, email: { new: email } });
    expect(JSON.stringify(event)).not.toContain(password);
  });

  it('stores and returns SQL and script text verbatim in every text field of an office', async () => {
    const payload = { code: 'INJ', name: XSS, country: 'FR', city: SQLI, region: TEMPLATE, kind: 'host' };
    const created = expectJson<typeof payload & { id: string }>(
      await json('POST', '/api/offices', payload),
      201,
    );
    expect(created).toMatchObject(payload);
    const [row] = await t.db.select().from(offices).where(eq(offices.id, created.id));
    expect(row).toMatchObject({ name: XSS, city: SQLI, region: TEMPLATE });
    const list = expectJson<{ items: { code: string; name: string; city: string }[] }>(
      await send({ method: 'GET', url: '/api/offices' }),
    );
    expect(list.items.find((o) => o.code === 'INJ')).toMatchObject({ name: XSS, city: SQLI });
    const patched = expectJson<{ name: string }>(
      await json('PATCH', `/api/offices/${created.id}`, { version: 1, name: `${SQLI}${XSS}` }),
    );
    expect(patched.name).toBe(`${SQLI}${XSS}`);
  });

  it('refuses injection in constrained fields without writing anything', async () => {
    const before = await counts();
    const seq = await lastAuditSeq(t.db);
    for (const [field, value] of [
      ['code', "A';--"],
      ['code', XSS],
      ['country', "F'"],
      ['kind', "host'; DROP TABLE offices;--"],
    ] as const) {
      const payload = {
        code: 'SAFE',
        name: 'Safe',
        country: 'FR',
        city: 'Lyon',
        kind: 'host',
        [field]: value,
      };
      const problem = expectProblem(await json('POST', '/api/offices', payload), 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.path)).toEqual([field]);
    }
    for (const email of [`${SQLI}@x.test`, `${XSS}@x.test`, "' OR '1'='1"]) {
      expectProblem(await json('POST', '/api/users', { email, displayName: 'X' }), 400, 'validation_failed');
    }
    expectProblem(
      await json('POST', '/api/users', {
        email: 'role@x.test',
        displayName: 'X',
        memberships: [{ officeId: PAR, role: SQLI }],
      }),
      400,
      'validation_failed',
    );
    expect(await counts()).toEqual(before);
    await expectNoEvent(t.db, seq);
  });

  it('treats injection in sign-in and search as plain text', async () => {
    for (const email of ["' OR '1'='1", "admin@x.test' --", `admin@x.test${XSS}`]) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: "' OR '1'='1" },
      });
      statuses.push({ url: 'POST /api/auth/login', status: r.statusCode });
      expectProblem(r, 401, 'invalid_credentials');
    }
    // The search matches the text literally (LIKE wildcards escaped): compare with a plain substring search.
    const everyone = await t.db.select().from(users);
    for (const q of ["' OR 1=1--", '%', '_', '\\', SQLI, "'"]) {
      const r = expectJson<{ items: { id: string }[] }>(
        await send({ method: 'GET', url: `/api/users?q=${encodeURIComponent(q)}` }),
      );
      const needle = q.toLowerCase();
      const expected = everyone.filter(
        (u) => u.email.toLowerCase().includes(needle) || u.displayName.toLowerCase().includes(needle),
      );
      expect(r.items.map((u) => u.id).sort(), q).toEqual(expected.map((u) => u.id).sort());
      if (q === SQLI || q === '\\') expect(expected).toHaveLength(1);
      if (q === '%' || q === '_') expect(expected).toHaveLength(0);
    }
    for (const action of ["user.' OR '1'='1", "%' --"]) {
      const r = expectJson<{ items: unknown[] }>(
        await send({ method: 'GET', url: `/api/audit?action=${encodeURIComponent(action)}` }),
      );
      expect(r.items, action).toEqual([]);
    }
  });

  it('leaves every table in place and the audit chain intact', async () => {
    const tables = await t.db.execute(
      sql`select to_regclass('public.users') is not null and to_regclass('public.offices') is not null
            and to_regclass('public.memberships') is not null and to_regclass('public.audit_events') is not null as ok`,
    );
    expect((tables as unknown as { rows: { ok: boolean }[] }).rows[0]?.ok).toBe(true);
    expect(await countRows(t.db, users)).toBeGreaterThan(1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('half-written changes', () => {
  it('writes nothing when a request is refused after the password was hashed', async () => {
    const before = await counts();
    // Unknown office: refused inside the use case, after hashing, before any write.
    expectProblem(
      await json('POST', '/api/users', {
        email: 'half@x.test',
        displayName: 'Half',
        password: 'a long enough passphrase',
        memberships: [{ officeId: randomUUID(), role: 'caseworker' }],
      }),
      400,
      'validation_failed',
    );
    // Taken email, in another case.
    expectProblem(
      await json('POST', '/api/users', {
        email: 'ADMIN@x.test',
        displayName: 'Twin',
        password: 'a long enough passphrase',
      }),
      409,
      'email_taken',
    );
    expect(await counts()).toEqual(before);
    const [half] = await t.db.select().from(users).where(eq(users.email, 'half@x.test'));
    expect(half).toBeUndefined();
  });
});

describe('server errors', () => {
  it('gave no 500 to any request of this file', () => {
    expect(statuses.length).toBeGreaterThan(40);
    expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
  });
});
