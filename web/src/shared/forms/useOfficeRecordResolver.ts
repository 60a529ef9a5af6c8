import { useMemo } from 'react';
import type { FieldValues, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { localizedZodValidator } from './zodResolver';

/**
 * The resolver of a form that records a new entry in an office or changes an existing one: the body is the
 * form's fields plus the chosen `officeId` (checked by `createSchema`), or plus the `version` the entry was read
 * at (checked by `updateSchema`). Pass module-level schemas and `toFields`, so that the resolver is kept.
 */
export function useOfficeRecordResolver<
  TForm extends FieldValues & { officeId: string },
  TFields extends object,
>(
  existing: { version: number } | null,
  createSchema: z.ZodType,
  updateSchema: z.ZodType,
  toFields: (values: TForm) => TFields,
): Resolver<TForm, unknown, (TFields & { officeId: string }) | (TFields & { version: number })> {
  const { t } = useTranslation();
  const version = existing?.version;
  return useMemo(
    () =>
      version === undefined
        ? localizedZodValidator(createSchema, t, (v: TForm) => ({ ...toFields(v), officeId: v.officeId }))
        : localizedZodValidator(updateSchema, t, (v: TForm) => ({ ...toFields(v), version })),
    [t, version, createSchema, updateSchema, toFields],
  );
}
