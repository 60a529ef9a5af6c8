import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { initI18n } from '../../i18n';
import { useOfficeRecordResolver } from './useOfficeRecordResolver';

interface Values {
  officeId: string;
  name: string;
}
const Create = z.strictObject({ officeId: z.string().min(1), name: z.string().min(1) });
const Update = z.strictObject({ name: z.string().min(1).optional(), version: z.number() });
const toFields = (v: Values) => ({ name: v.name });
const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe('useOfficeRecordResolver', () => {
  initI18n('fr');

  it('sends a new record with its office, checked by the create schema', async () => {
    const { result } = renderHook(() =>
      useOfficeRecordResolver<Values, { name: string }>(null, Create, Update, toFields),
    );
    expect(await result.current({ officeId: 'o1', name: 'Duhok Foods' }, undefined, options)).toEqual({
      values: { name: 'Duhok Foods', officeId: 'o1' },
      errors: {},
    });
    const missing = await result.current({ officeId: '', name: 'Duhok Foods' }, undefined, options);
    expect(missing.errors.officeId?.message).toBe('Ce champ est obligatoire.');
  });

  it('sends a change with the version it was read at, without the office', async () => {
    const { result, rerender } = renderHook(
      ({ version }) =>
        useOfficeRecordResolver<Values, { name: string }>({ version }, Create, Update, toFields),
      { initialProps: { version: 3 } },
    );
    const first = result.current;
    expect(await first({ officeId: 'o1', name: 'Duhok Foods' }, undefined, options)).toEqual({
      values: { name: 'Duhok Foods', version: 3 },
      errors: {},
    });
    rerender({ version: 3 });
    expect(result.current).toBe(first);
  });
});
