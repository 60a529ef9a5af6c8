/** User administration and office scoping, as the administrator and the people they manage see it. */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { identityRepository } from '../../src/modules/identity';
import { hashPassword } from '../../src/platform/crypto';
import {
  ADMIN,
  DEMO_PASSWORD,
  type E2E,
  expectNoSeriousAxeViolations,
  setupE2E,
  signIn,
  TIRANA_CASEWORKER,
} from './harness';

let e2e: E2E;

beforeAll(async () => {
  e2e = await setupE2E();
});
afterEach(() => e2e.expectNoPageProblems());
afterAll(async () => {
  await e2e?.close();
});

const h1 = (page: Page) => page.locator('h1');
const path = (page: Page) => new URL(page.url()).pathname;
const navLinks = async (page: Page, name: string) =>
  (await page.getByRole('navigation', { name }).getByRole('link').allTextContents()).map((s) => s.trim());

const NEW_USER = { email: 'amina.kola@passerelle.test', name: 'Amina Kola' };
const NEW_PASSWORD = 'une longue phrase de passe toute neuve';

describe('user administration', () => {
  it('creates a user with a temporary password, who must change it, and ends their session on disabling', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, ADMIN);
    await admin
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Utilisateurs' })
      .click();
    await h1(admin).getByText('Utilisateurs').waitFor();
    const table = admin.getByRole('table', { name: 'Liste des utilisateurs' });
    await table.getByRole('link', { name: 'Hélène Garnier' }).waitFor();

    // Create the account: one membership, no password (the server generates a temporary one).
    await admin.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const form = admin.getByRole('dialog', { name: 'Créer un utilisateur' });
    await form.waitFor();
    await form.locator('input[name=email]').fill(NEW_USER.email);
    await form.locator('input[name=displayName]').fill(NEW_USER.name);
    expect(await form.locator('select[name=locale]').inputValue()).toBe('fr');
    expect(await form.locator('input[name=password]').inputValue()).toBe('');
    await form.getByRole('button', { name: 'Ajouter une affectation' }).click();
    const row = form.getByRole('group', { name: 'Affectation 1' });
    await row.locator('select[name="memberships.0.officeId"]').selectOption({ label: 'Tirana' });
    await row.locator('select[name="memberships.0.role"]').selectOption({ label: 'Chargé de dossiers' });
    await form.getByRole('button', { name: 'Créer', exact: true }).click();

    // The temporary password, shown once in a read-only field.
    const shown = admin.getByRole('dialog', { name: 'Mot de passe temporaire' });
    await shown.waitFor();
    await shown.getByText(`Transmettez ce mot de passe à ${NEW_USER.name}`).waitFor();
    const field = shown.getByLabel('Mot de passe temporaire');
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const temporaryPassword = await field.inputValue();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    await shown.getByRole('button', { name: 'J’ai noté le mot de passe' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await form.count()).toBe(0);

    const created = table.getByRole('row').filter({ hasText: NEW_USER.name });
    await created.waitFor();
    expect(await created.textContent()).toContain(NEW_USER.email);
    expect(await created.textContent()).toContain('Tirana : Chargé de dossiers');
    expect(await created.textContent()).toContain('Actif');
    expect(await admin.content()).not.toContain(temporaryPassword);

    // The new user signs in with it and is held on the change-password screen until they change it.
    const newcomer = await e2e.newPage();
    await signIn(newcomer, NEW_USER.email, temporaryPassword);
    expect(path(newcomer)).toBe('/account/password');
    await h1(newcomer).getByText('Changer de mot de passe').waitFor();
    await newcomer.getByRole('note').getByText('vous devez choisir un nouveau mot de passe').waitFor();
    expect(await newcomer.getByRole('navigation').count()).toBe(0);
    await newcomer.goto('/projects');
    await h1(newcomer).getByText('Changer de mot de passe').waitFor();
    expect(path(newcomer)).toBe('/account/password');

    await newcomer.getByLabel('Mot de passe actuel').fill(temporaryPassword);
    await newcomer.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
    await newcomer.getByLabel('Confirmer le nouveau mot de passe').fill(NEW_PASSWORD);
    await newcomer.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await newcomer.waitForURL((url) => url.pathname === '/');
    await h1(newcomer).getByText(`Bienvenue, ${NEW_USER.name}`).waitFor();
    await newcomer.getByText('Votre mot de passe a été changé.').waitFor();
    await newcomer.getByRole('region', { name: 'Vos bureaux et rôles' }).getByText('Tirana (TIR)').waitFor();

    // The administrator disables the account...
    await created.getByRole('link', { name: NEW_USER.name }).click();
    await h1(admin).getByText(NEW_USER.name).waitFor();
    const account = admin.getByRole('region', { name: 'Compte et sécurité' });
    await account.getByRole('button', { name: 'Désactiver le compte' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Désactiver le compte' });
    await confirm.getByText(`Désactiver le compte de ${NEW_USER.name} ?`).waitFor();
    await confirm.getByRole('button', { name: 'Désactiver le compte' }).click();
    await admin.getByText('Le compte a été désactivé.').waitFor();
    await confirm.waitFor({ state: 'detached' });
    await account.getByRole('button', { name: 'Réactiver le compte' }).waitFor();
    await admin.getByRole('main').getByText('Désactivé', { exact: true }).waitFor();

    // ...and the user's very next step in the app takes them to the sign-in page.
    await newcomer
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Projets' })
      .click();
    await newcomer.waitForURL((url) => url.pathname === '/login');
    await newcomer.getByText('Votre session a expiré. Veuillez vous reconnecter.').waitFor();
    expect((await newcomer.request.get('/api/auth/me')).status()).toBe(401);
    // Nor can they sign in again.
    await newcomer.locator('input[name=email]').fill(NEW_USER.email);
    await newcomer.locator('input[name=password]').fill(NEW_PASSWORD);
    await newcomer.getByRole('button', { name: 'Se connecter' }).click();
    await newcomer.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    expect(path(newcomer)).toBe('/login');
  });
});

describe('office scoping', () => {
  it('shows a caseworker no user or audit administration, and refuses those pages politely', async () => {
    const page = await e2e.newPage();
    await signIn(page, TIRANA_CASEWORKER);
    // Arta Hoxha's account is in English and no language was chosen in this browser: English it is.
    await h1(page).getByText('Welcome, Arta Hoxha').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Casework, referrals, the job board, resettlement, and the office directory, which every caseworker may
    // read; no duplicates review, no trainings, no users, no audit log.
    expect(await navLinks(page, 'Main navigation')).toEqual([
      'Home',
      'Registry',
      'Cases',
      'My tasks',
      'Referrals',
      'Projects',
      'Employment',
      'Resettlement',
      'Offices',
    ]);

    for (const target of ['/admin/users', '/audit']) {
      await page.goto(target);
      await h1(page).getByText('Access denied').waitFor();
      await page.getByText('You are not allowed to view this page.').waitFor();
      expect(await page.getByText('This page could not be displayed').count()).toBe(0);
      expect(path(page)).toBe(target);
    }
    await page.goto('/offices');
    await h1(page).getByText('Offices').waitFor();
    await page.getByRole('table', { name: 'Office list' }).getByText('Tirana').first().waitFor();
    expect(await page.getByRole('button', { name: 'New office' }).count()).toBe(0);
  });

  it('lists only the projects a Tirana caseworker’s office runs', async () => {
    const page = await e2e.newPage();
    await signIn(page, TIRANA_CASEWORKER);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Projects' })
      .click();
    await h1(page).getByText('Projects').waitFor();
    const cards = page.getByRole('article');
    await cards.first().waitFor();
    const titles = (await cards.locator('h2').allTextContents()).join('\n');
    expect(await cards.count()).toBe(3);
    expect(titles).toContain('TACT');
    expect(titles).toContain('CARE');
    expect(titles).toContain('Calais');
    expect(titles).not.toContain('MAGNET');
    expect(titles).not.toContain('Syrian');
    // The summary is in the reader's language.
    await page.getByText('Transnational action supporting victims of trafficking').waitFor();
  });
});

describe('a second administrator', () => {
  it('approves the administrator role asked for a supervisor, who then holds both', async () => {
    // A second administrator, and the supervisor who is to become an administrator too.
    const db = e2e.database.db;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const paris = await identityRepository.findOfficeByCode(db, 'PAR');
    if (!paris) throw new Error('no Paris office');
    const second = await identityRepository.insertUser(db, {
      email: 'admin.two@passerelle.test',
      displayName: 'Paul Roche',
      passwordHash,
    });
    await identityRepository.replaceMemberships(db, second.id, [
      { officeId: paris.id, role: 'administrator' },
    ]);
    const target = await identityRepository.insertUser(db, {
      email: 'karim.supervisor@passerelle.test',
      displayName: 'Karim Haddad',
      passwordHash,
    });
    await identityRepository.replaceMemberships(db, target.id, [{ officeId: paris.id, role: 'supervisor' }]);

    // Hélène asks: the change waits, and says so.
    const helene = await e2e.newPage();
    await signIn(helene, ADMIN);
    await helene.goto(`/admin/users/${target.id}`);
    const roles = helene.getByRole('region', { name: 'Bureaux et rôles' });
    await roles.getByRole('button', { name: 'Ajouter une affectation' }).click();
    const row = roles.getByRole('group', { name: 'Affectation 2' });
    await row.locator('select[name="memberships.1.officeId"]').selectOption({ label: 'Paris' });
    await row.locator('select[name="memberships.1.role"]').selectOption({ label: 'Administrateur' });
    await roles.getByRole('button', { name: 'Enregistrer' }).click();
    const pending = roles.getByRole('alert').filter({ hasText: 'en attente d’un second administrateur' });
    await pending.waitFor();
    await pending.getByRole('button', { name: 'Retirer la demande' }).waitFor();
    expect(await pending.getByRole('button', { name: 'Approuver' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(helene, 'pending change of roles');

    // Paul sees it waiting on the users page, opens it and approves.
    const paul = await e2e.newPage();
    await signIn(paul, 'admin.two@passerelle.test');
    await paul.goto('/admin/users');
    const panel = paul.getByRole('region', { name: '1 changement de rôles en attente d’approbation' });
    await panel.getByRole('link', { name: 'Karim Haddad' }).click();
    const alert = paul.getByRole('alert').filter({ hasText: 'Hélène Garnier a demandé' });
    await alert.getByRole('button', { name: 'Approuver' }).click();
    await alert.waitFor({ state: 'detached' });
    const memberships = await identityRepository.membershipsOf(db, [target.id]);
    expect(
      memberships
        .get(target.id)
        ?.map((m) => m.role)
        .sort(),
    ).toEqual(['administrator', 'supervisor']);
  });
});
