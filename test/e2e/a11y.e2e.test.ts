/**
 * Accessibility of every page and dialog with axe-core (WCAG 2.1 A and AA; serious and critical
 * violations fail), in French and English, with `<html lang>` matching the language shown.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  type E2E,
  expectNoSeriousAxeViolations,
  setupE2E,
  signIn,
  TIRANA_CASEWORKER,
  waitForIdle,
} from './harness';

let e2e: E2E;
/** The administrator, signed in once, in French. */
let admin: Page;

beforeAll(async () => {
  e2e = await setupE2E();
  admin = await e2e.newPage();
  await signIn(admin, ADMIN);
});
afterEach(() => e2e.expectNoPageProblems());
afterAll(async () => {
  await e2e?.close();
});

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** Opens a page, waits for its heading and for it to settle, checks the language and runs axe. */
async function check(page: Page, path: string | null, heading: string, language: 'fr' | 'en' = 'fr') {
  if (path !== null) await page.goto(path);
  await page.locator('h1').getByText(heading, { exact: true }).waitFor();
  await waitForIdle(page);
  expect(await htmlLang(page)).toBe(language);
  await expectNoSeriousAxeViolations(page, `${path ?? page.url()} (${language})`);
}

async function checkDialog(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await waitForIdle(page);
  await expectNoSeriousAxeViolations(page, `dialog “${name}” on ${page.url()}`);
  return dialog;
}

describe('in French', () => {
  it('sign-in page, also with its error messages', async () => {
    const page = await e2e.newPage();
    await check(page, '/login', 'Connexion');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Ce champ est obligatoire.').first().waitFor();
    await expectNoSeriousAxeViolations(page, 'sign-in with field errors');
    await page.locator('input[name=email]').fill(ADMIN);
    await page.locator('input[name=password]').fill('wrong password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await expectNoSeriousAxeViolations(page, 'sign-in with a wrong password');
  });

  it('home page', async () => {
    await check(admin, '/', 'Bienvenue, Hélène Garnier');
  });

  it('users list', async () => {
    await check(admin, '/admin/users', 'Utilisateurs');
  });

  it('user detail', async () => {
    await admin.goto('/admin/users');
    await admin.getByRole('link', { name: 'Sophie Laurent' }).click();
    await check(admin, null, 'Sophie Laurent');
  });

  it('create-user dialog, empty and with its errors', async () => {
    await check(admin, '/admin/users', 'Utilisateurs');
    await admin.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const dialog = await checkDialog(admin, 'Créer un utilisateur');
    await dialog.getByRole('button', { name: 'Ajouter une affectation' }).click();
    await dialog.getByRole('button', { name: 'Créer', exact: true }).click();
    await dialog.getByText('Ce champ est obligatoire.').first().waitFor();
    await waitForIdle(admin);
    await expectNoSeriousAxeViolations(admin, 'create-user dialog with errors');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('offices, and the edit-office dialog', async () => {
    await check(admin, '/offices', 'Bureaux');
    await admin.getByRole('button', { name: 'Modifier le bureau Erbil' }).click();
    const dialog = await checkDialog(admin, 'Modifier le bureau Erbil');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('projects', async () => {
    await check(admin, '/projects', 'Projets');
  });

  it('audit log', async () => {
    await check(admin, '/audit', 'Journal d’audit');
  });

  it('change password', async () => {
    await check(admin, '/account/password', 'Changer de mot de passe');
  });

  it('page not found', async () => {
    await check(admin, '/no/such/page', 'Page introuvable');
  });
});

describe('in English', () => {
  it('sign-in page', async () => {
    const page = await e2e.newPage();
    await page.goto('/login');
    await page.getByLabel('Langue').selectOption('en');
    await check(page, null, 'Sign in', 'en');
  });

  it('home page, and the pages a caseworker may not see', async () => {
    const page = await e2e.newPage();
    // The Tirana caseworker's account is in English.
    await signIn(page, TIRANA_CASEWORKER);
    await check(page, null, 'Welcome, Arta Hoxha', 'en');
    await check(page, '/projects', 'Projects', 'en');
    await check(page, '/admin/users', 'Access denied', 'en');
  });
});
