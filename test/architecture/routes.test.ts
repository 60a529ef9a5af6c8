/**
 * Architecture rule: routes are thin. A route handler parses (the zod schemas do that), calls one use case
 * and shapes the answer. It does not reach the database (no repository import, no `ctx.db` or any other
 * `.db` handle), open transactions, record audit events or compute access scopes: the use case does.
 * Route files are every `routes.ts` of a module and every `*-routes.ts` under src/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

const isRouteFile = (relativePath: string) => {
  const name = path.posix.basename(relativePath);
  return (
    (name === 'routes.ts' && relativePath.startsWith('modules/')) ||
    (name.endsWith('-routes.ts') && !name.endsWith('.test.ts'))
  );
};

/** What a route must not do, each with what to write instead. */
const RULES: { name: string; pattern: RegExp }[] = [
  // `from './repository'`, `from './duplicates-repository'`, `import('../x/repository')`, …
  { name: 'imports a repository', pattern: /\b(?:from|import)\s*\(?\s*['"][^'"]*repository['"]/gi },
  // A repository re-exported by a module's door (`identityRepository`).
  { name: 'imports a repository', pattern: /\bimport\s[^;]*?\b\w*Repository\b[^;]*?\bfrom\b/g },
  // `ctx.db`, `actorCtx(request, deps).db`, `deps.database.db`: the database handle itself.
  { name: 'touches the database (.db)', pattern: /[\w$]*(?:\([^()\n]*\))?\s*\??\.\s*db(?![\w$])/g },
  { name: 'opens a transaction', pattern: /\.\s*transaction\s*\(/g },
  { name: 'records an audit event', pattern: /(?<![\w$])recordAudit\s*\(/g },
  { name: 'computes an access scope', pattern: /(?<![\w$])scopeOf\s*\(/g },
];

/** Comments blanked out (line breaks kept, so positions keep their line numbers). */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/^(\s*)\/\/.*$/gm, (_line, indent: string) => indent);
}

/** Each violation of a source as `line: rule (the code as written)`, in the order of the source. */
function violations(source: string): { line: number; rule: string; code: string }[] {
  const code = withoutComments(source);
  const found = RULES.flatMap((rule) =>
    [...code.matchAll(rule.pattern)].map((m) => ({
      at: m.index ?? 0,
      line: code.slice(0, m.index ?? 0).split('\n').length,
      rule: rule.name,
      code: m[0].replace(/\s+/g, ' ').trim(),
    })),
  );
  return found.sort((a, b) => a.at - b.at).map(({ line, rule, code }) => ({ line, rule, code }));
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

describe('routes are thin', () => {
  const routeFiles = files(SRC).map(relative).filter(isRouteFile).sort();

  it('scans every module routes.ts and every *-routes.ts', () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(12);
    expect(routeFiles).toContain('modules/cases/routes.ts');
    expect(routeFiles).toContain('modules/registry/duplicates-routes.ts');
    expect(routeFiles).toContain('server/record-routes.ts');
  });

  it('no route reaches the database, opens a transaction, records audit or computes a scope', () => {
    const offending = routeFiles.flatMap((file) =>
      violations(fs.readFileSync(path.join(SRC, file), 'utf8')).map(
        (v) => `src/${file}:${v.line} ${v.rule}: ${v.code}`,
      ),
    );
    expect(
      offending,
      `A route handler calls one use case (a function of the module taking ctx and the parsed input); move this into it:\n${offending.join('\n')}\n`,
    ).toEqual([]);
  });
});

describe('the thin-route detector', () => {
  const lines = (source: string) => violations(source).map((v) => `${v.line} ${v.rule}`);

  it('finds repository imports, database handles, transactions, audit and scopes', () => {
    expect(
      lines(
        [
          "import * as repo from './repository';",
          "import { listCandidates } from './duplicates-repository';",
          "import { identityRepository } from '../identity';",
          'const rows = await repo.listUsers(ctx.db, scope);',
          'const offices = await listOffices(actorCtx(request, deps).db);',
          'const scans = await latestScans(deps.database.db, scope);',
          'await ctx.db.transaction(async (tx) => f(tx));',
          'await recordAudit(tx, ctx, { action: "x" });',
          "const scope = scopeOf(ctx.actor, 'persons.read');",
          "const lazy = await import('./repository');",
        ].join('\n'),
      ),
    ).toEqual([
      '1 imports a repository',
      '2 imports a repository',
      '3 imports a repository',
      '4 touches the database (.db)',
      '5 touches the database (.db)',
      '6 touches the database (.db)',
      '7 touches the database (.db)',
      '7 opens a transaction',
      '8 records an audit event',
      '9 computes an access scope',
      '10 imports a repository',
    ]);
  });

  it('lets thin handlers, comments and other names through', () => {
    expect(
      lines(
        [
          "import { getCase, listCases } from './get-case';",
          "import { actorCtx, type ServerDeps } from '../../server/context';",
          'async (request) => getCase(ctxOf(request), request.params.id),',
          'connectionForThread: deps.database.connectionForThread,',
          'const dbName = config.dbName; const mydb = 1;',
          '// await ctx.db.transaction(async (tx) => recordAudit(tx, ctx, e));',
          '/* scopeOf(ctx.actor, "x") */',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
