import './setup';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import type { Me } from '../../../src/modules/identity/contract';
import type { Locale } from '../../../src/platform/contract';
import { meQueryKey } from '../features/auth/api';
import { i18n, initI18n } from '../i18n';
import { setCsrfToken } from '../shared/api/client';
import { theme } from '../shared/theme';

interface RenderOptions {
  route?: string;
  /** Pre-seeds the session; leave undefined to let the app ask /api/auth/me. */
  me?: Me | null;
  language?: Locale;
}

export function renderWithProviders(
  ui: ReactElement,
  { route = '/', me, language = 'fr' }: RenderOptions = {},
) {
  initI18n(language);
  if (i18n.language !== language) void i18n.changeLanguage(language);
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Number.POSITIVE_INFINITY },
      mutations: { retry: false },
    },
  });
  if (me !== undefined) {
    queryClient.setQueryData(meQueryKey, me);
    setCsrfToken(me?.csrfToken ?? null);
  }
  const result = render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, queryClient };
}
