/**
 * Control characters (NUL above all, which PostgreSQL refuses) never reach the database: every text
 * input of every route refuses them with 400 validation_failed, checked two ways. First over the route
 * catalogue itself: every string a body, query string or path parameter accepts is walked and must refuse
 * "\u0000" (a new route with a bare z.string() fails here). Then end to end on the routes where the
 * review found 500s: notes, tasks, referral messages, revocation reasons, employers, search boxes.
 */
import type { FastifySchema } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { routeCatalog } from '../../src/server/auth';
import { createTestApp, type TestApp } from '../harness/app';
import { expectJson, expectProblem, type Session } from './helpers';

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/**
 * Every place of `schema` that accepts a string, as [path, the schema deciding on it]. A pipe whose input
 * is a string is judged as a whole (`z.string().pipe(z.email())` refuses NUL in its second half).
 */
function stringInputs(schema: AnySchema, path: string): [string, AnySchema][] {
  const def = schema._zod.def;
  const inner = (key: string) => def[key] as AnySchema;
  switch (def.type) {
    case 'string':
      return [[path, schema]];
    case 'pipe':
      return readsString(schema) ? [[path, schema]] : stringInputs(inner('in'), path);
    case 'object':
      return Object.entries(def.shape as Record<string, AnySchema>).flatMap(([k, v]) =>
        stringInputs(v, `${path}.${k}`),
      );
    case 'array':
      return stringInputs(inner('element'), `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return stringInputs(inner('innerType'), path);
    case 'union':
      return (def.options as AnySchema[]).flatMap((o, i) => stringInputs(o, `${path}|${i}`));
    case 'intersection':
      return [...stringInputs(inner('left'), path), ...stringInputs(inner('right'), path)];
    case 'record':
      return [
        ...stringInputs(inner('keyType'), `${path}{key}`),
        ...stringInputs(inner('valueType'), `${path}{}`),
      ];
    case 'tuple':
      return (def.items as AnySchema[]).flatMap((o, i) => stringInputs(o, `${path}[${i}]`));
    case 'lazy':
      return stringInputs((def.getter as () => AnySchema)(), path);
    default:
      // Numbers, booleans, enums, literals, dates: no free text.
      return [];
  }
}

/** A string, or a chain of pipes that starts from one (trim → transform → check). */
function readsString(schema: AnySchema): boolean {
  const def = schema._zod.def;
  return def.type === 'string' || (def.type === 'pipe' && readsString(def.in as AnySchema));
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('every text input of every route refuses control characters', () => {
  it('finds no string input that accepts NUL, DEL or a C1 control', () => {
    const accepting: string[] = [];
    let checked = 0;
    // HEAD routes repeat their GET's schema.
    for (const route of routeCatalog(t.app).filter((r) => r.method !== 'HEAD')) {
      const schema = (route.schema ?? {}) as FastifySchema;
      for (const part of ['body', 'querystring', 'params'] as const) {
        const partSchema = schema[part] as AnySchema | undefined;
        if (!partSchema?._zod) continue;
        for (const [path, leaf] of stringInputs(partSchema, `${route.method} ${route.url} ${part}`)) {
          checked++;
          for (const bad of ['a\u0000b', 'a\u001bb', 'a\u007fb', 'a\u0085b'])
            if (leaf.safeParse(bad).success) accepting.push(path);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect([...new Set(accepting)]).toEqual([]);
  });
});

describe('end to end', () => {
  let caseworker: Session;
  let supervisor: Session;
  let caseId: string;

  beforeAll(async () => {
    await t.user('cw@x.test', [['PAR', 'caseworker']]);
    await t.user('sup@x.test', [['PAR', 'supervisor']]);
    caseworker = await t.login('cw@x.test');
    supervisor = await t.login('sup@x.test');
    const person = expectJson<{ person: { id: string } }>(
      await caseworker.inject({
        method: 'POST',
        url: '/api/persons',
        payload: {
          givenName: 'Amina',
          familyName: 'Berrada',
          sex: 'female',
          officeId: await t.office('PAR'),
          acknowledgeMatches: true,
        },
      }),
      201,
    ).person;
    caseId = expectJson<{ id: string }>(
      await caseworker.inject({
        method: 'POST',
        url: '/api/cases',
        payload: { personId: person.id, caseType: 'avrr', officeId: await t.office('PAR') },
      }),
      201,
    ).id;
  });

  it('refuses NUL in a note, a task title, an employer name and search boxes with 400, never 500', async () => {
    const attempts = [
      caseworker.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/notes`,
        payload: { body: 'Rendez-vous\u0000 annulé', confidential: false },
      }),
      caseworker.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/tasks`,
        payload: { title: 'Appeler\u0000', dueDate: '2026-03-10' },
      }),
      supervisor.inject({
        method: 'POST',
        url: '/api/employment/employers',
        payload: {
          name: 'Boulangerie\u0000',
          officeId: await t.office('PAR'),
          sector: 'agriculture',
          country: 'IQ',
          location: 'Erbil',
        },
      }),
      caseworker.inject({ method: 'GET', url: '/api/persons?q=Am%00ina' }),
      caseworker.inject({ method: 'GET', url: '/api/cases?q=%00' }),
      supervisor.inject({ method: 'GET', url: '/api/employment/openings?location=Erbil%00' }),
    ];
    for (const response of await Promise.all(attempts)) {
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
  });

  it('says which field holds the character, in the reader’s language', async () => {
    const response = await caseworker.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/notes`,
      headers: { 'accept-language': 'en' },
      payload: { body: 'line one\u0007', confidential: false },
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors).toEqual([
      {
        path: 'body',
        code: 'invalid_format',
        message: 'Remove the control characters (invisible characters such as NUL) from this text.',
      },
    ]);
  });

  it('keeps tabs and line breaks in multi-line text, refuses them in a single line', async () => {
    expectJson(
      await caseworker.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/notes`,
        payload: { body: 'Première ligne\n\tdeuxième ligne\r\nfin', confidential: false },
      }),
      201,
    );
    expectProblem(
      await caseworker.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/tasks`,
        payload: { title: 'Appeler\nla famille', dueDate: '2026-03-10' },
      }),
      400,
      'validation_failed',
    );
  });
});
