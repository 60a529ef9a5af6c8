import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { makeMe } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { SignInPage } from './SignInPage';

function renderSignIn(language: 'fr' | 'en' = 'fr') {
  return renderWithProviders(<SignInPage />, { route: '/login', me: null, language });
}

describe('SignInPage', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows a localised field error next to an empty email and does not call the server', async () => {
    const { requests } = stubFetch({});
    const user = userEvent.setup();
    renderSignIn();

    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    const email = await screen.findByLabelText(/Adresse e-mail/);
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    const messages = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .filter(Boolean);
    expect(messages).toContain('Ce champ est obligatoire.');
    expect(requests.filter((r) => r.url.includes('/auth/login'))).toHaveLength(0);
  });

  it('has inputs named after the API fields', () => {
    stubFetch({});
    const { container } = renderSignIn();
    expect(container.querySelector('input[name=email]')).not.toBeNull();
    expect(container.querySelector('input[name=password]')).not.toBeNull();
  });

  it('shows the server field errors next to their fields', async () => {
    stubFetch({
      'POST /api/auth/login': () =>
        problem(400, 'validation_failed', 'Certaines valeurs sont invalides.', {
          errors: [{ path: 'email', code: 'too_big', message: 'Adresse trop longue.' }],
        }),
    });
    const user = userEvent.setup();
    renderSignIn();

    await user.type(screen.getByLabelText(/Adresse e-mail/), 'a@example.org');
    await user.type(screen.getByLabelText(/Mot de passe/), 'secret{Enter}');

    expect(await screen.findByText('Adresse trop longue.')).toBeTruthy();
    expect(screen.getByLabelText(/Adresse e-mail/).getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the localised detail of invalid credentials and sends the UI language', async () => {
    const { requests } = stubFetch({
      'POST /api/auth/login': () => problem(401, 'invalid_credentials', 'E-mail ou mot de passe incorrect.'),
    });
    const user = userEvent.setup();
    renderSignIn();

    await user.type(screen.getByLabelText(/Adresse e-mail/), 'alice@example.org');
    await user.type(screen.getByLabelText(/Mot de passe/), 'wrong password{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('E-mail ou mot de passe incorrect.');
    const login = requests.find((r) => r.url === '/api/auth/login');
    expect(login?.body).toEqual({ email: 'alice@example.org', password: 'wrong password' });
    expect(login?.headers['accept-language']).toBe('fr');
  });

  it('signs in on Enter', async () => {
    const { requests } = stubFetch({ 'POST /api/auth/login': () => jsonResponse(200, makeMe()) });
    const user = userEvent.setup();
    renderSignIn();

    await user.type(screen.getByLabelText(/Adresse e-mail/), 'Alice@Example.org');
    await user.type(screen.getByLabelText(/Mot de passe/), 'correct horse{Enter}');

    await waitFor(() => expect(requests.some((r) => r.url === '/api/auth/login')).toBe(true));
    const login = requests.find((r) => r.url === '/api/auth/login');
    expect(login?.body).toEqual({ email: 'alice@example.org', password: 'correct horse' });
  });

  it('is in English when the UI language is English', async () => {
    stubFetch({});
    const user = userEvent.setup();
    renderSignIn('en');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findAllByText('This field is required.')).toHaveLength(2);
    expect(screen.getByLabelText(/^Email/)).toBeTruthy();
  });
});
