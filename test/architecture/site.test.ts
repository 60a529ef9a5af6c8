/**
 * Architecture rule: the public site reads only its `SiteSource`. No file of src/site imports a casework
 * module, the database or the server; the content module's door is imported by `source.ts` and `langs.ts`
 * alone. dependency-cruiser checks the `.ts` files (rule `site-reads-only-its-source`); the `.tsx` files,
 * which its parser does not read, are checked here: they import React and the site's own files, nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const SITE = path.join(SRC, 'site');
const REACT = new Set(['react', 'react/jsx-runtime', 'react-dom/server']);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function specifiers(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g))
    found.push(match[1] ?? '');
  return found;
}

const inside = (dir: string, target: string) => target === dir || target.startsWith(dir + path.sep);

describe('the public site', () => {
  it('renders (.tsx) with React and its own files only', () => {
    const tsx = filesUnder(SRC).filter((f) => f.endsWith('.tsx'));
    expect(tsx.length).toBeGreaterThan(0);
    const outside = tsx.flatMap((file) =>
      specifiers(file)
        .filter((spec) => {
          if (REACT.has(spec)) return false;
          if (!spec.startsWith('.')) return true;
          return !inside(SITE, path.resolve(path.dirname(file), spec));
        })
        .map((spec) => `${path.relative(SRC, file)} imports ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('reaches no module but the content door, and no database or server code', () => {
    const DOORS = new Set(['site/langs.ts -> modules/content', 'site/source.ts -> modules/content']);
    const reached = filesUnder(SITE).flatMap((file) =>
      specifiers(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.resolve(path.dirname(file), spec))
        .filter((target) => !inside(SITE, target))
        .map((target) => `${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`),
    );
    // The kernel (clock, language negotiation) is below everything; a module only through those two doors.
    expect(reached.filter((edge) => !DOORS.has(edge) && !/ -> platform\//.test(edge))).toEqual([]);
    expect(reached.filter((edge) => DOORS.has(edge)).sort()).toEqual([...DOORS].sort());
  });
});
