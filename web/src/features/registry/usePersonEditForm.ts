import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Person, PersonSchema, UpdatePersonSchema } from '../../../../src/modules/registry/contract';
import type { ConflictField } from '../../shared/components/ConflictDialog';
import { conflictCurrent } from '../../shared/components/conflict';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { checkMatches, type Match, updatePerson, useStorePerson } from './api';
import { isPersonField } from './PersonFields';
import {
  changedFields,
  type PersonField,
  type PersonFormValues,
  toCreateBody,
  toPersonValues,
  toUpdateBody,
} from './personForm';
import { usePersonFieldDisplay } from './usePersonFieldDisplay';

type UpdateBody = z.output<typeof UpdatePersonSchema>;

/** The fields the matcher reads: a change to one of them may make the record look like another. */
const MATCHED_FIELDS: readonly PersonField[] = [
  'givenName',
  'familyName',
  'fatherName',
  'givenNameOriginal',
  'familyNameOriginal',
  'fatherNameOriginal',
  'aliases',
  'sex',
  'birthDate',
  'birthDatePrecision',
  'nationalities',
  'placeOfOrigin',
];

/** The whole person as edited, for POST /persons/match-check. */
function matchCheckBody(personId: string, values: PersonFormValues) {
  const { officeId: _officeId, ...fields } = toCreateBody(values);
  return { ...fields, personId } as Parameters<typeof checkMatches>[0];
}

/**
 * Editing some fields of a person with optimistic locking: the PATCH names the version the edits are
 * based on and carries only the changed fields. A `409 version_conflict` shows what changed meanwhile;
 * nothing is overwritten silently. With `checkMatches`, a change to a name, the birth date or another
 * field the matcher reads is first checked against the registry: likely matches are returned
 * (`pendingMatches`) for the user to look at before saving anyway.
 */
export function usePersonEditForm(
  person: Person,
  fields: readonly PersonField[],
  savedMessage: string,
  { checkMatches: withMatchCheck = false }: { checkMatches?: boolean } = {},
) {
  const { t } = useTranslation();
  const storePerson = useStorePerson();
  const { label, display } = usePersonFieldDisplay();
  /** The version the edits are based on: never moved past someone else's change to these fields. */
  const [base, setBase] = useState<Person>(person);
  const [conflict, setConflict] = useState<{ current: Person; mine: PersonFormValues } | null>(null);
  const [pending, setPending] = useState<{ body: UpdateBody; matches: Match[] } | null>(null);
  const [checking, setChecking] = useState(false);

  const resolver = useMemo(
    () =>
      localizedZodResolver<PersonFormValues, UpdateBody>(UpdatePersonSchema, t, (values) =>
        toUpdateBody(base.version, toPersonValues(base), values, fields),
      ),
    [t, base, fields],
  );
  const form = useForm<PersonFormValues, unknown, UpdateBody>({
    resolver,
    defaultValues: toPersonValues(person),
  });
  const { reset, getValues, setError, handleSubmit } = form;
  const isDirty = form.formState.isDirty;

  useEffect(() => {
    if (person.version === base.version) return;
    if (!isDirty) {
      setBase(person);
      reset(toPersonValues(person));
    } else if (changedFields(toPersonValues(base), toPersonValues(person), fields).length === 0) {
      setBase(person); // Only other fields changed: keep the edits, on the new version.
    }
  }, [person, base, isDirty, reset, fields]);

  const save = useFormMutation({
    setError,
    isField: isPersonField,
    mutationFn: (body: UpdateBody) => updatePerson(person.id, body),
    successMessage: () => savedMessage,
    onSaved: (saved) => {
      setBase(saved);
      reset(toPersonValues(saved));
      storePerson(saved);
    },
    recover: (error) => {
      const current = conflictCurrent(error, PersonSchema);
      if (current) setConflict({ current, mine: getValues() });
      return current !== null;
    },
  });

  const submit = handleSubmit(async (body) => {
    save.clear();
    if (Object.keys(body).length <= 1) return;
    if (withMatchCheck && MATCHED_FIELDS.some((field) => field in body)) {
      setChecking(true);
      // The check only advises: if it fails, saving goes ahead (and reports its own errors).
      const found = await checkMatches(matchCheckBody(person.id, getValues())).catch(() => [] as Match[]);
      setChecking(false);
      const likely = found.filter((match) => match.likely);
      if (likely.length > 0) {
        setPending({ body, matches: likely });
        return;
      }
    }
    save.submit(body);
  });

  /** Saves the edits held back by the match check (e.g. before merging another record into this one). */
  const savePending = async () => {
    if (!pending) return;
    await save.submitAsync(pending.body);
    setPending(null);
  };

  const conflictFields: ConflictField[] = conflict
    ? fields.map((field) => ({
        key: field,
        label: label(field),
        base: display(field, toPersonValues(base)),
        current: display(field, toPersonValues(conflict.current)),
        mine: display(field, conflict.mine),
      }))
    : [];

  const reload = () => {
    if (!conflict) return;
    setBase(conflict.current);
    reset(toPersonValues(conflict.current));
    storePerson(conflict.current);
    setConflict(null);
  };

  return {
    form,
    submit,
    saving: save.isPending || checking,
    /** Likely matches found by the check before saving; the edits wait until the user decides. */
    pendingMatches: pending?.matches ?? null,
    saveAnyway: () => {
      if (pending) save.submit(pending.body);
      setPending(null);
    },
    backToEditing: () => setPending(null),
    savePending,
    formError: save.formError,
    conflict: conflict !== null,
    conflictFields,
    closeConflict: () => setConflict(null),
    reload,
  };
}
