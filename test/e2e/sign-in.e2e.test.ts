/** Sign-in, language, sign-out and keyboard-only sign-in, in a real browser against the real server. */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, DEMO_PASSWORD, type E2E, setupE2E, signOut } from './harness';

let e2e: E2E;

beforeAll(async () => {
  e2e = await setupE2E();
});
afterEach(() => e2e.expectNoPageProblems());
afterAll(async () => {
  await e2e?.close();
});

const h1 = (page: Page) => page.locator('h1');
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
/** What has the keyboard focus, described the way a test can compare it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('name');
    if (el.id === 'main-content') return 'main';
    if (el.classList.contains('skip-link')) return 'skip-link';
    if (name) return `${el.tagName.toLowerCase()}[name=${name}]`;
    if (el.tagName === 'BUTTON') return `button:${(el as HTMLButtonElement).type}:${el.textContent?.trim()}`;
    return el.tagName.toLowerCase();
  });

describe('signing in', () => {
  it('is in French, refuses a wrong password, and lands on the home page with name, office and role', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await h1(page).getByText('Connexion').waitFor();
    expect(await htmlLang(page)).toBe('fr');
    expect(await page.title()).toBe('Connexion · Passerelle');
    await page.getByLabel('Adresse e-mail').waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();

    await page.getByLabel('Adresse e-mail').fill(ADMIN);
    await page.locator('input[name=password]').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('input[name=email]').inputValue()).toBe(ADMIN);

    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await h1(page).getByText('Bienvenue, Hélène Garnier').waitFor();
    // The header: the current office (labelled for screen readers) and the role there.
    const header = page.getByRole('banner');
    await header.getByText('Bureau actuel : Paris').waitFor();
    await header.getByText('Administrateur', { exact: true }).waitFor();
    const offices = page.getByRole('region', { name: 'Vos bureaux et rôles' });
    await offices.getByText('Paris (PAR)').waitFor();
    await offices.getByText('Administrateur').waitFor();
    expect(await page.getByRole('button', { name: 'Menu de Hélène Garnier' }).isVisible()).toBe(true);
  });

  it('switches to English, keeps it after a reload, and signs out for good', async () => {
    const page = await e2e.newPage();
    await page.goto('/login');
    await page.locator('input[name=email]').fill(ADMIN);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await h1(page).getByText('Bienvenue, Hélène Garnier').waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Accueil' }).waitFor();

    await page.getByLabel('Langue').selectOption('en');
    await h1(page).getByText('Welcome, Hélène Garnier').waitFor();
    expect(await htmlLang(page)).toBe('en');
    const navEn = page.getByRole('navigation', { name: 'Main navigation' });
    const links = async () => (await navEn.getByRole('link').allTextContents()).map((s) => s.trim());
    expect(await links()).toEqual(['Home', 'Projects', 'Users', 'Offices', 'Audit log']);
    await navEn.getByText('Administration').waitFor();
    await page.getByRole('region', { name: 'Your offices and roles' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('passerelle.language'))).toBe('en');

    await page.reload();
    await h1(page).getByText('Welcome, Hélène Garnier').waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await links()).toEqual(['Home', 'Projects', 'Users', 'Offices', 'Audit log']);
    expect(await page.getByLabel('Language').inputValue()).toBe('en');

    // English all the way through another page.
    await navEn.getByRole('link', { name: 'Offices' }).click();
    await h1(page).getByText('Offices').waitFor();
    expect(await page.title()).toBe('Offices · Passerelle');

    await signOut(page);
    await h1(page).getByText('Sign in').waitFor();
    await page.getByText('You are signed out.').waitFor();
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    // The signed-out browser cannot get back in with the back button or a bookmark.
    await page.goto('/admin/users');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/users');
  });

  it('works with the keyboard alone: skip link, fields, submit button, Enter', async () => {
    const page = await e2e.newPage();
    await page.goto('/login');
    await h1(page).getByText('Connexion').waitFor();

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('skip-link');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    expect(await page.locator('.skip-link').textContent()).toBe('Aller au contenu principal');

    // The tab order: skip link, language, e-mail, password, submit (Mantine keeps the show-password
    // toggle out of the tab order).
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order).toEqual([
      'select[name=language]',
      'input[name=email]',
      'input[name=password]',
      'button:submit:Se connecter',
    ]);

    // Back to the skip link: it jumps over the header to the main content, then Tab reaches the form.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input[name=email]');

    await page.keyboard.type(ADMIN);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input[name=password]');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === '/');
    await h1(page).getByText('Bienvenue, Hélène Garnier').waitFor();
    // Signed in, the skip link is still the first stop and still leads past header and navigation.
    await page.reload();
    await h1(page).getByText('Bienvenue, Hélène Garnier').waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('main');
  });
});
