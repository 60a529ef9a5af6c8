import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { type HouseholdView, useHouseholdConflict, useStoreHousehold } from './api';

/** A `setError` for forms without react-hook-form fields: every field error is then listed in the alert. */
export const listOnly: UseFormSetError<FieldValues> = () => undefined;

/**
 * The server names a member's problem by position (`members.1.orientation`, "Has not attended…"): said with
 * the member's name, so that the list says who.
 */
export function withMemberNames(
  error: unknown,
  members: readonly { name: string }[],
  say: (name: string, message: string) => string,
): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors) return error;
  const errors = error.problem.errors.map((e) => {
    const name = members[Number(/^members\.(\d+)\./.exec(e.path)?.[1] ?? Number.NaN)]?.name;
    return name && !e.message.startsWith(name) ? { ...e, message: say(name, e.message) } : e;
  });
  return new ApiError({ ...error.problem, errors }, error.retryAfter);
}

interface HouseholdSaveOptions<TForm extends FieldValues, TBody> {
  caseId: string;
  /** The household's members, in the order the server numbers them (to name them in its errors). */
  members?: readonly { name: string }[];
  setError?: UseFormSetError<TForm>;
  isField?: (path: string) => boolean;
  /** Sends the change; every household write answers with the household as it left it. */
  mutationFn: (body: TBody) => Promise<HouseholdView>;
  successMessage: (saved: HouseholdView) => string;
  onDone: (saved: HouseholdView) => void;
}

/**
 * A change to a household from a form: the household answered goes in the cache (and its case is read
 * again); a version conflict reloads it and keeps the form open with what was typed, to save again.
 */
export function useHouseholdSave<TForm extends FieldValues = FieldValues, TBody = void>({
  caseId,
  members,
  setError,
  isField,
  mutationFn,
  successMessage,
  onDone,
}: HouseholdSaveOptions<TForm, TBody>) {
  const { t } = useTranslation();
  const store = useStoreHousehold();
  const onConflict = useHouseholdConflict(caseId);
  return useFormMutation<TForm, TBody, HouseholdView>({
    // Without fields of its own, the form still lists what the server says per member (a health gate's
    // missing assessments, a split's minor left alone): as details under the message.
    setError: setError ?? listOnly,
    ...(isField ? { isField } : {}),
    mutationFn,
    successMessage,
    onSaved: (saved) => {
      store(saved);
      onDone(saved);
    },
    recover: onConflict,
    ...(members
      ? {
          localizeError: (error: unknown) =>
            withMemberNames(error, members, (name, message) =>
              t('resettlement.memberProblem', { name, message }),
            ),
        }
      : {}),
  });
}
