import { describe, expect, it } from 'vitest';

/**
 * Every save in a feature goes through `useFormMutation` (forms) or `useActionMutation` (buttons), so that a
 * problem+json answer lands the same way everywhere: `errors[]` on their fields, the rest on the form or in a
 * notification. A feature that calls TanStack's `useMutation` itself would bypass that.
 */
const ALLOWED: Record<string, string> = {
  // 'web/src/features/…/File.tsx': 'the reason it may not use the shared hooks',
};

const sources = import.meta.glob<string>('../../features/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Whether the source imports `useMutation` (alone or among others) from '@tanstack/react-query'. */
function importsUseMutation(source: string): boolean {
  for (const match of source.matchAll(
    /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]@tanstack\/react-query['"]/g,
  )) {
    const names = (match[1] ?? '').split(',').map((name) => name.trim().replace(/^type\s+/, ''));
    if (names.some((name) => name === 'useMutation' || name.startsWith('useMutation as '))) return true;
  }
  return false;
}

describe('feature mutations', () => {
  it('finds the feature sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
  });

  it('never import useMutation from @tanstack/react-query directly', () => {
    const offenders = Object.entries(sources)
      .filter(([, source]) => importsUseMutation(source))
      .map(([path]) => path.replace(/^\.\.\/\.\.\//, 'web/src/'))
      .filter((path) => !(path in ALLOWED))
      .sort();
    expect(offenders, 'use useFormMutation or useActionMutation (web/src/shared/forms)').toEqual([]);
  });

  it('recognises the import it forbids', () => {
    expect(importsUseMutation("import { useMutation } from '@tanstack/react-query';")).toBe(true);
    expect(importsUseMutation("import {\n  useQuery,\n  useMutation,\n} from '@tanstack/react-query';")).toBe(
      true,
    );
    expect(importsUseMutation("import { useMutation as save } from '@tanstack/react-query';")).toBe(true);
    expect(importsUseMutation("import { useQuery, useQueryClient } from '@tanstack/react-query';")).toBe(
      false,
    );
    expect(importsUseMutation("import { useMutationState } from '@tanstack/react-query';")).toBe(false);
  });
});
