import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { UpdateUserSchema, type User, UserSchema } from '../../../../src/modules/identity/contract';
import type { Locale } from '../../../../src/platform/contract';
import { ConflictDialog, type ConflictField } from '../../shared/components/ConflictDialog';
import { conflictCurrent } from '../../shared/components/conflict';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { updateUser } from './api';
import { LocaleSelect } from './LocaleSelect';
import { useStoreUser } from './useStoreUser';

type ProfileValues = { displayName: string; locale: Locale };
type UpdateUser = z.output<typeof UpdateUserSchema>;

const FIELDS = new Set(['displayName', 'locale']);
const isField = (path: string) => FIELDS.has(path);
const toValues = (user: User): ProfileValues => ({ displayName: user.displayName, locale: user.locale });
const sameProfile = (a: User, b: User) => a.displayName === b.displayName && a.locale === b.locale;

export function UserProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const storeUser = useStoreUser();
  /** The version the edits are based on: never moved past someone else's change to these fields. */
  const [base, setBase] = useState(user);
  const [conflict, setConflict] = useState<{ current: User; mine: ProfileValues } | null>(null);

  const resolver = useMemo(
    () =>
      localizedZodResolver<ProfileValues, UpdateUser>(UpdateUserSchema, t, (values) => ({
        version: base.version,
        ...values,
      })),
    [t, base.version],
  );
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isDirty },
  } = useForm<ProfileValues, unknown, UpdateUser>({ resolver, defaultValues: toValues(user) });

  useEffect(() => {
    if (user.version === base.version) return;
    if (!isDirty) {
      setBase(user);
      reset(toValues(user));
    } else if (sameProfile(user, base)) {
      setBase(user); // Only other parts of the account changed: keep the edits, on the new version.
    }
  }, [user, base, isDirty, reset]);

  const save = useFormMutation({
    setError,
    isField,
    mutationFn: (body: UpdateUser) => updateUser(user.id, body),
    successMessage: () => t('users.detail.profileSaved'),
    onSaved: (saved) => {
      setBase(saved);
      reset(toValues(saved));
      storeUser(saved);
    },
    recover: (error) => {
      const current = conflictCurrent(error, UserSchema);
      if (current) setConflict({ current, mine: getValues() });
      return current !== null;
    },
  });

  const submit = handleSubmit((values) => {
    const patch: UpdateUser = { version: base.version };
    if (values.displayName !== base.displayName) patch.displayName = values.displayName;
    if (values.locale !== base.locale) patch.locale = values.locale;
    if (Object.keys(patch).length > 1) save.submit(patch);
    else save.clear();
  });

  const conflictFields = (c: { current: User; mine: ProfileValues }): ConflictField[] => [
    {
      key: 'displayName',
      label: t('users.fields.displayName'),
      base: base.displayName,
      current: c.current.displayName,
      mine: c.mine.displayName,
    },
    {
      key: 'locale',
      label: t('users.fields.locale'),
      base: t(`language.${base.locale}`),
      current: t(`language.${c.current.locale}`),
      mine: t(`language.${c.mine.locale}`),
    },
  ];

  return (
    <>
      <form noValidate onSubmit={submit}>
        <Stack>
          <FormErrorAlert error={save.formError} />
          <TextInput
            label={t('users.fields.displayName')}
            required
            autoComplete="off"
            error={errors.displayName?.message}
            {...register('displayName')}
          />
          <LocaleSelect
            label={t('users.fields.locale')}
            error={errors.locale?.message}
            {...register('locale')}
          />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!isDirty}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConflictDialog
        opened={conflict !== null}
        fields={conflict ? conflictFields(conflict) : []}
        onClose={() => setConflict(null)}
        onReload={() => {
          if (!conflict) return;
          setBase(conflict.current);
          reset(toValues(conflict.current));
          storeUser(conflict.current);
          setConflict(null);
        }}
      />
    </>
  );
}
