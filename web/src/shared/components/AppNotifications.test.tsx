import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../App';
import { i18n, initI18n } from '../../i18n';
import { seriousViolations } from '../../test-utils/axe';
import '../../test-utils/setup';

describe('toasts', () => {
  afterEach(() => {
    act(() => notifications.clean());
    cleanup();
  });

  it('give every close button a name in the current language, with no call passing it', async () => {
    initI18n('fr');
    await act(() => i18n.changeLanguage('fr'));
    render(
      <AppProviders queryClient={new QueryClient()}>
        <Button onClick={() => notifications.show({ color: 'blue', message: 'Enregistré.' })}>Show</Button>
      </AppProviders>,
    );
    act(() => screen.getByRole('button', { name: 'Show' }).click());
    expect(await screen.findByText('Enregistré.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Fermer' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await act(() => i18n.changeLanguage('en'));
    expect(await screen.findByRole('button', { name: 'Close' })).toBeTruthy();
    await act(() => i18n.changeLanguage('fr'));
  });
});
