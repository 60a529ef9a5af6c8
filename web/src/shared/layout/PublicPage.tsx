import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { QueryError } from '../components/QueryStates';
import { MAIN_CONTENT_ID } from '../components/SkipLink';
import { usePageTitle } from '../components/usePageTitle';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The frame of a page opened from a link by someone without an account (a referral partner, a reception
 * partner): the app's name and the language switch, no navigation, no sign-in.
 */
export function PublicChrome({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
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
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size="lg" py="xl">
        {children}
      </Container>
    </Box>
  );
}

/** A page of its own for a state that ends the visit (a dead link, a declined request). */
export function FullPageMessage({ title, body }: { title: string; body: string }) {
  usePageTitle(title);
  return (
    <Paper withBorder p="xl" radius="md" maw={640} mx="auto">
      <Stack gap="sm">
        <Title order={1}>{title}</Title>
        <Text>{body}</Text>
      </Stack>
    </Paper>
  );
}

export interface LinkErrorTexts {
  invalidTitle: string;
  invalid: string;
  expiredTitle: string;
  expired: string;
}

/**
 * A link's refusal: a tampered or unknown link (404 `partner_link_invalid`) and a dead one (410
 * `partner_link_expired`: expired, revoked, or what it opened has ended) each get a page of their own, not an
 * error box; anything else is an error to retry.
 */
export function PublicLinkError({
  error,
  onRetry,
  texts,
}: {
  error: unknown;
  onRetry: () => void;
  texts: LinkErrorTexts;
}) {
  if (isApiError(error, 'partner_link_invalid') || (isApiError(error) && error.status === 404))
    return <FullPageMessage title={texts.invalidTitle} body={texts.invalid} />;
  if (isApiError(error, 'partner_link_expired') || (isApiError(error) && error.status === 410))
    return <FullPageMessage title={texts.expiredTitle} body={texts.expired} />;
  return <QueryError error={error} onRetry={onRetry} />;
}
