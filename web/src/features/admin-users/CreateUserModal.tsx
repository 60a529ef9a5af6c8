import { Button, Group, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CreateUserSchema, type User } from '../../../../src/modules/identity/contract';
import type { Locale } from '../../../../src/platform/contract';
import { currentLanguage } from '../../i18n';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { useOffices } from '../offices/api';
import { createUser, usersKeys } from './api';
import { LocaleSelect } from './LocaleSelect';
import { MembershipsEditor, membershipErrors } from './MembershipsEditor';
import { type MembershipRow, refineNoDuplicateMemberships } from './memberships';

type CreateUserValues = {
  email: string;
  displayName: string;
  locale: Locale;
  password: string;
  memberships: MembershipRow[];
};
const CreateUserFormSchema = CreateUserSchema.superRefine((value, ctx) =>
  refineNoDuplicateMemberships(value.memberships, ctx),
);
type CreateUserOutput = z.output<typeof CreateUserFormSchema>;

const FIELDS = new Set(['email', 'displayName', 'locale', 'password']);
const isField = (path: string) =>
  FIELDS.has(path) || path === 'memberships' || path.startsWith('memberships.');

export interface CreatedUser {
  user: User;
  temporaryPassword?: string;
}

interface CreateUserModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: CreatedUser) => void;
}

export function CreateUserModal({ opened, onClose, onCreated }: CreateUserModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('users.createTitle')} size="xl">
      {opened ? <CreateUserForm onCancel={onClose} onCreated={onCreated} /> : null}
    </AppModal>
  );
}

function CreateUserForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (c: CreatedUser) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const offices = useOffices();
  const resolver = useMemo(
    () =>
      localizedZodResolver<CreateUserValues, CreateUserOutput>(CreateUserFormSchema, t, (values) => ({
        ...values,
        password: values.password === '' ? undefined : values.password,
      })),
    [t],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CreateUserValues, unknown, CreateUserOutput>({
    resolver,
    defaultValues: { email: '', displayName: '', locale: currentLanguage(), password: '', memberships: [] },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField,
    mutationFn: createUser,
    successMessage: (created) => t('users.created', { name: created.user.displayName }),
    onSaved: onCreated,
    refresh: () => queryClient.invalidateQueries({ queryKey: usersKeys.lists }),
  });

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <FormErrorAlert error={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('users.fields.email')}
            type="email"
            required
            autoComplete="off"
            error={errors.email?.message}
            {...register('email')}
          />
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
          <PasswordInput
            label={t('users.fields.password')}
            description={t('users.fields.passwordHint')}
            autoComplete="new-password"
            error={errors.password?.message}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            {...register('password')}
          />
        </SimpleGrid>
        {offices.isPending ? (
          <LoadingState />
        ) : offices.isError ? (
          <QueryError error={offices.error} onRetry={() => void offices.refetch()} />
        ) : (
          <Controller
            control={control}
            name="memberships"
            render={({ field }) => (
              <MembershipsEditor
                value={field.value}
                onChange={field.onChange}
                offices={offices.data}
                errors={membershipErrors(errors.memberships)}
              />
            )}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
