import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES } from '../../../src/platform/permissions';
import { en } from './en';
import { fr } from './fr';
import { resources } from './index';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translation resources', () => {
  const frLeaves = leaves(fr);
  const enLeaves = leaves(en);

  it('French and English have exactly the same keys', () => {
    const frKeys = [...frLeaves.keys()].sort();
    const enKeys = [...enLeaves.keys()].sort();
    expect(enKeys.filter((k) => !frLeaves.has(k))).toEqual([]);
    expect(frKeys.filter((k) => !enLeaves.has(k))).toEqual([]);
    expect(enKeys).toEqual(frKeys);
  });

  it('has no empty values', () => {
    for (const [language, map] of [
      ['fr', frLeaves],
      ['en', enLeaves],
    ] as const) {
      const empty = [...map.entries()]
        .filter(([, value]) => value.trim() === '')
        .map(([key]) => `${language}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const mismatched = [...frLeaves.entries()]
      .filter(([key, value]) => variables(value).join() !== variables(enLeaves.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('gives each top-level key to one namespace file only (the assembly spreads them)', () => {
    const files = import.meta.glob<Record<string, Tree>>('./{fr,en}/*.ts', { eager: true });
    for (const language of ['fr', 'en']) {
      const owners = new Map<string, string[]>();
      for (const [path, module] of Object.entries(files)) {
        if (!path.startsWith(`./${language}/`) || path.endsWith('/index.ts')) continue;
        for (const tree of Object.values(module))
          for (const key of Object.keys(tree)) owners.set(key, [...(owners.get(key) ?? []), path]);
      }
      const shared = [...owners.entries()].filter(([, paths]) => paths.length > 1);
      expect(shared, language).toEqual([]);
      expect([...owners.keys()].sort(), language).toEqual(Object.keys(language === 'fr' ? fr : en).sort());
    }
  });

  it('serves the assembled texts as the single i18next namespace', () => {
    expect(resources.fr.translation).toBe(fr);
    expect(resources.en.translation).toBe(en);
  });

  it('names every role and permission', () => {
    for (const map of [frLeaves, enLeaves]) {
      for (const role of ROLES) expect(map.has(`roles.${role}`), role).toBe(true);
      for (const permission of PERMISSIONS)
        expect(map.has(`permissions.${permission}`), permission).toBe(true);
    }
  });
});
