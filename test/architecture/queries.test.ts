/**
 * Architecture rule: inside a module, only repositories (`repository.ts`, or `*-repository.ts` in a large
 * module) and `policy.ts` build database queries. Use cases call repository functions named by intent and
 * keep their transactions (`ctx.db.transaction(async (tx) => ...)`, passing `tx` on). A query is a call of
 * select/selectDistinct/insert/update/delete/execute on a database or transaction handle: `db`, `tx`,
 * `ctx.db`, `database.db`, or any name the file declares as `: Db`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULES = fileURLToPath(new URL('../../src/modules', import.meta.url));

/**
 * Files that still build queries outside a repository, each with the reason. The list only shrinks: an
 * entry whose file no longer builds a query fails the test until it is removed.
 */
const ALLOWED: Record<string, string> = {};

const QUERY_METHODS = [
  'selectDistinctOn',
  'selectDistinct',
  'select',
  'insert',
  'update',
  'delete',
  'execute',
];
const HANDLES = ['db', 'tx', 'trx'];

const mayQuery = (file: string) => {
  const name = path.basename(file);
  return name === 'repository.ts' || name.endsWith('-repository.ts') || name === 'policy.ts';
};

/** Comments blanked out (line breaks kept, so positions keep their line numbers). */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/^(\s*)\/\/.*$/gm, (_line, indent: string) => indent);
}

const escapeName = (s: string) => s.replace(/[$]/g, '\\$');

/** The lines (1-based) of a source where a query is built, with the call as written. */
function queryCalls(source: string): { line: number; call: string }[] {
  const code = withoutComments(source);
  // Any other name the file gives a database or transaction handle (`conn: Db`).
  const declared = [...code.matchAll(/([A-Za-z_$][\w$]*)\s*\??\s*:\s*Db\b/g)].map((m) => m[1] as string);
  const handles = [...new Set([...HANDLES, ...declared])].map(escapeName).join('|');
  const call = new RegExp(
    `(?<![\\w$])(${handles})\\s*\\??\\.\\s*(${QUERY_METHODS.join('|')})\\s*(?:<[^()]*?>)?\\s*\\(`,
    'g',
  );
  return [...code.matchAll(call)].map((m) => {
    const at = (m.index ?? 0) + m[0].lastIndexOf(m[2] as string);
    return {
      line: code.slice(0, at).split('\n').length,
      call: `${m[1]}.${m[2]}(`,
    };
  });
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [full];
  });
}

const relative = (file: string) => path.relative(MODULES, file).split(path.sep).join('/');

describe('only repositories build queries', () => {
  const files = sourceFiles(MODULES);
  const found = files
    .filter((file) => !mayQuery(file))
    .map((file) => ({ file: relative(file), calls: queryCalls(fs.readFileSync(file, 'utf8')) }))
    .filter((f) => f.calls.length > 0);

  it('scans the modules', () => {
    expect(files.length).toBeGreaterThan(50);
    // The rule is visible where it holds: repositories do build queries.
    const inRepositories = files.filter(mayQuery).flatMap((f) => queryCalls(fs.readFileSync(f, 'utf8')));
    expect(inRepositories.length).toBeGreaterThan(100);
  });

  it('no use case, route or view builds a query (outside the allow-list)', () => {
    const offending = found
      .filter((f) => !(f.file in ALLOWED))
      .flatMap((f) => f.calls.map((c) => `src/modules/${f.file}:${c.line} ${c.call}`));
    expect(
      offending,
      `Move these queries into the module's repository.ts (or a *-repository.ts) and call them by intent:\n${offending.join('\n')}\n`,
    ).toEqual([]);
  });

  it('the allow-list names only files that still build queries', () => {
    const stale = Object.keys(ALLOWED).filter((file) => !found.some((f) => f.file === file));
    expect(stale, 'These files no longer build queries: remove them from ALLOWED').toEqual([]);
  });
});

describe('the query detector', () => {
  const lines = (source: string) => queryCalls(source).map((c) => `${c.line} ${c.call}`);

  it('finds calls on database and transaction handles, across lines', () => {
    expect(
      lines(
        [
          'const rows = await ctx.db',
          '  .select()',
          '  .from(persons);',
          'await tx.update(persons).set({ a: 1 });',
          'await database.db.delete(x);',
          'await db.execute<{ n: number }>(sql`select 1`);',
          'await tx.selectDistinct({ p: persons }).from(persons);',
          'await tx.insert(t).values(v);',
        ].join('\n'),
      ),
    ).toEqual([
      '2 db.select(',
      '4 tx.update(',
      '5 db.delete(',
      '6 db.execute(',
      '7 tx.selectDistinct(',
      '8 tx.insert(',
    ]);
  });

  it('follows names declared as Db', () => {
    expect(lines('async function f(conn: Db) {\n  return conn.select().from(t);\n}')).toEqual([
      '2 conn.select(',
    ]);
  });

  it('ignores other receivers, transactions and comments', () => {
    expect(
      lines(
        [
          'hash.update(chunk);',
          "r.delete('/x', handler);",
          'schema.transform((v) => v);',
          'items.filter(Boolean).map(String);',
          'map.delete(key);',
          'await ctx.db.transaction(async (tx) => repo.insertCase(tx, values));',
          '// await tx.update(persons)',
          '/* db.select() */',
          'const mydb = 1; mydb.select();',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
