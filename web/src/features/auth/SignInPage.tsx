import {
  Box,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { LoginRequestSchema } from '../../../../src/modules/identity/contract';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState } from '../../shared/components/QueryStates';
import { MAIN_CONTENT_ID } from '../../shared/components/SkipLink';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { LanguageSwitch } from '../../shared/layout/LanguageSwitch';
import { applyAccountLanguage, login, meQueryKey } from './api';
import { useMeQuery } from './session';

type SignInValues = { email: string; password: string };
type LoginRequest = z.output<typeof LoginRequestSchema>;

const isSignInField = (path: string) => path === 'email' || path === 'password';

/** Only same-site paths: `next` comes from the URL and must not redirect elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMeQuery();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  usePageTitle(t('auth.signIn.title'));

  const resolver = useMemo(
    () => localizedZodResolver<SignInValues, LoginRequest>(LoginRequestSchema, t),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SignInValues, unknown, LoginRequest>({ resolver, defaultValues: { email: '', password: '' } });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: isSignInField,
    mutationFn: login,
    refresh: async (signedIn) => {
      await applyAccountLanguage(signedIn);
      // Nothing cached from an earlier session may show to this user.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, signedIn);
      await navigate(next, { replace: true });
    },
  });

  if (me.data) return <Navigate to={next} replace />;

  return (
    <Box mih="100vh" bg="gray.0">
      <Box
        component="header"
        bg="white"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between">
          <Text fw={800} size="lg" c="blue.9">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size={440} py={48}>
        {me.isPending ? (
          <LoadingState />
        ) : (
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <Stack gap="xs" mb="lg">
              <Title order={1}>{t('auth.signIn.title')}</Title>
              <Text c="dimmed">{t('auth.signIn.intro')}</Text>
            </Stack>
            <form noValidate onSubmit={handleSubmit(submit)}>
              <Stack>
                <FormErrorAlert error={formError} />
                <TextInput
                  label={t('auth.signIn.email')}
                  type="email"
                  autoComplete="username"
                  required
                  error={errors.email?.message}
                  {...register('email')}
                />
                <PasswordInput
                  label={t('auth.signIn.password')}
                  autoComplete="current-password"
                  required
                  error={errors.password?.message}
                  visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
                  {...register('password')}
                />
                <Button type="submit" loading={isPending} fullWidth>
                  {t('auth.signIn.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
        )}
      </Container>
    </Box>
  );
}
