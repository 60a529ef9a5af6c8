import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { ChangePasswordSchema } from '../../../../src/modules/identity/contract';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { changePassword, meQueryKey } from './api';
import { useMe } from './session';

const ChangePasswordFormSchema = ChangePasswordSchema.extend({ confirmNewPassword: z.string() }).refine(
  (values) => values.newPassword === values.confirmNewPassword,
  { message: 'validation.passwordsDoNotMatch', path: ['confirmNewPassword'] },
);
type ChangePasswordValues = z.input<typeof ChangePasswordFormSchema>;
type ChangePasswordOutput = z.output<typeof ChangePasswordFormSchema>;

const isPasswordField = (path: string) => path === 'currentPassword' || path === 'newPassword';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const forced = me.user.mustChangePassword;

  const resolver = useMemo(
    () => localizedZodResolver<ChangePasswordValues, ChangePasswordOutput>(ChangePasswordFormSchema, t),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ChangePasswordValues, unknown, ChangePasswordOutput>({
    resolver,
    defaultValues: { currentPassword: '', newPassword: '', confirmNewPassword: '' },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: isPasswordField,
    mutationFn: ({ currentPassword, newPassword }: ChangePasswordOutput) =>
      changePassword({ currentPassword, newPassword }),
    successMessage: () => t('auth.changePassword.success'),
    refresh: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await navigate('/', { replace: true });
    },
  });

  const toggleLabel = { 'aria-label': t('common.showPassword') };
  return (
    <Stack maw={520}>
      <PageHeader
        title={t('auth.changePassword.title')}
        intro={forced ? undefined : t('auth.changePassword.intro')}
      />
      {forced ? (
        <Alert color="blue" variant="light" role="note">
          {t('auth.changePassword.forcedIntro')}
        </Alert>
      ) : null}
      <Paper withBorder p="lg">
        <form noValidate onSubmit={handleSubmit(submit)}>
          <Stack>
            <FormErrorAlert error={formError} />
            <PasswordInput
              label={t('auth.changePassword.currentPassword')}
              autoComplete="current-password"
              required
              error={errors.currentPassword?.message}
              visibilityToggleButtonProps={toggleLabel}
              {...register('currentPassword')}
            />
            <PasswordInput
              label={t('auth.changePassword.newPassword')}
              description={t('auth.changePassword.newPasswordHint')}
              autoComplete="new-password"
              required
              error={errors.newPassword?.message}
              visibilityToggleButtonProps={toggleLabel}
              {...register('newPassword')}
            />
            <PasswordInput
              label={t('auth.changePassword.confirmNewPassword')}
              autoComplete="new-password"
              required
              error={errors.confirmNewPassword?.message}
              visibilityToggleButtonProps={toggleLabel}
              {...register('confirmNewPassword')}
            />
            <Button type="submit" loading={isPending} style={{ alignSelf: 'flex-start' }}>
              {t('auth.changePassword.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
