/**
 * Architecture rule: a module's tables are inserted, updated and deleted only by that module. Another
 * module may read them (joins in its repositories) but changes them through the owner's door, with its
 * own transaction. Checked two ways over every source file of src/modules: drizzle calls
 * (`.insert(t)`, `.update(t)`, `.delete(t)`) on a table imported from another module, and raw SQL
 * (`insert into t`, `update t`, `delete from t`) naming another module's table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULES = fileURLToPath(new URL('../../src/modules', import.meta.url));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

const moduleOf = (file: string) => path.relative(MODULES, file).split(path.sep)[0] as string;

/** Every table: its SQL name and its TypeScript name → the module whose tables.ts declares it. */
function tableOwners() {
  const bySql = new Map<string, string>();
  const byIdentifier = new Map<string, string>();
  for (const file of sources(MODULES).filter((f) => path.basename(f) === 'tables.ts')) {
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(/export const (\w+)\s*=\s*pgTable\(\s*'([\w]+)'/g)) {
      byIdentifier.set(m[1] as string, moduleOf(file));
      bySql.set(m[2] as string, moduleOf(file));
    }
  }
  return { bySql, byIdentifier };
}

type Finding = { file: string; line: number; what: string; owner: string };

/** Writes in `code` (of module `mod`) to tables another module owns. */
function foreignWrites(
  code: string,
  mod: string,
  owners: ReturnType<typeof tableOwners>,
): Omit<Finding, 'file'>[] {
  const lineOf = (index: number) => code.slice(0, index).split('\n').length;
  const out: Omit<Finding, 'file'>[] = [];
  // Names imported from another module (its door or its tables.ts), under the name used here.
  const imported = new Map<string, string>();
  for (const m of code.matchAll(
    /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'\.\.\/(\w[\w-]*)(?:\/tables)?'/g,
  )) {
    for (const part of (m[1] as string).split(',')) {
      const [name, local] = part
        .replace(/\btype\b/, '')
        .trim()
        .split(/\s+as\s+/);
      if (name && owners.byIdentifier.get(name) && owners.byIdentifier.get(name) !== mod)
        imported.set((local ?? name).trim(), owners.byIdentifier.get(name) as string);
    }
  }
  for (const m of code.matchAll(/\.(insert|update|delete)\(\s*(\w+)\s*\)/g)) {
    const owner = imported.get(m[2] as string);
    if (owner) out.push({ line: lineOf(m.index ?? 0), what: `${m[1]}(${m[2]})`, owner });
  }
  for (const m of code.matchAll(/\b(insert\s+into|update|delete\s+from)\s+"?(\w+)"?/gi)) {
    const owner = owners.bySql.get(m[2] as string);
    if (
      owner &&
      owner !== mod &&
      /^(insert|update|delete)/i.test(m[1] as string) &&
      isInSql(code, m.index ?? 0)
    )
      out.push({ line: lineOf(m.index ?? 0), what: `${m[1]} ${m[2]}`, owner });
  }
  return out;
}

/** Is the position inside a template literal (where raw SQL is written)? */
function isInSql(code: string, index: number): boolean {
  const before = code.slice(0, index);
  return (before.match(/`/g)?.length ?? 0) % 2 === 1;
}

describe('owners write their tables', () => {
  const owners = tableOwners();

  it('knows the tables of every module', () => {
    expect(owners.bySql.get('cases')).toBe('cases');
    expect(owners.bySql.get('persons')).toBe('registry');
    expect(owners.byIdentifier.get('identityDocuments')).toBe('registry');
    expect(owners.byIdentifier.get('projects')).toBe('projects');
  });

  it('finds a write to another module’s table, by drizzle or in raw SQL, and lets reads be', () => {
    const code = [
      "import { cases } from '../cases/tables';",
      "import { persons as people } from '../registry';",
      'await tx.update(cases).set({ personId });',
      'await tx.delete(people).where(x);',
      'await tx.select().from(cases);',
      'await tx.execute(sql`update persons set version = version + 1`);',
      'const count = sql`(select count(*) from cases c)`;',
    ].join('\n');
    expect(foreignWrites(code, 'referrals', owners)).toEqual([
      { line: 3, what: 'update(cases)', owner: 'cases' },
      { line: 4, what: 'delete(people)', owner: 'registry' },
      { line: 6, what: 'update persons', owner: 'registry' },
    ]);
    expect(foreignWrites(code.replace(/referrals/g, 'x'), 'cases', owners)).toHaveLength(2);
  });

  it('holds in every module', () => {
    const findings: Finding[] = sources(MODULES).flatMap((file) =>
      foreignWrites(fs.readFileSync(file, 'utf8'), moduleOf(file), owners).map((f) => ({
        file: path.relative(MODULES, file),
        ...f,
      })),
    );
    expect(
      findings.map(
        (f) =>
          `${f.file}:${f.line} ${f.what}: ${f.owner}'s table, change it through src/modules/${f.owner}/index.ts`,
      ),
    ).toEqual([]);
  });
});
