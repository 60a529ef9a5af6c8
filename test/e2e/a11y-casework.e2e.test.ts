/**
 * Accessibility of the casework screens with axe-core (WCAG 2.1 A and AA; serious and critical violations
 * fail): the registry, the registration dialog, a person, the case list with every filter shown, a case
 * with a transition dialog open, and "My tasks" — in French; the case list in English.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2E,
  expectNoSeriousAxeViolations,
  setupE2E,
  signIn,
  TIRANA_CASEWORKER,
  waitForIdle,
} from './harness';

let e2e: E2E;
/** The Paris caseworker, signed in once, in French. */
let page: Page;

beforeAll(async () => {
  e2e = await setupE2E();
  page = await e2e.newPage();
  await signIn(page, 'caseworker.paris@passerelle.test');
});
afterEach(() => e2e.expectNoPageProblems());
afterAll(async () => {
  await e2e?.close();
});

const h1 = (p: Page) => p.locator('#main-content h1');
const htmlLang = (p: Page) => p.evaluate(() => document.documentElement.lang);

/** Waits for the heading and for the page to settle, checks the language and runs axe. */
async function check(p: Page, heading: string | RegExp, label: string, language: 'fr' | 'en' = 'fr') {
  await h1(p).getByText(heading).waitFor();
  await waitForIdle(p);
  expect(await htmlLang(p)).toBe(language);
  await expectNoSeriousAxeViolations(p, `${label} (${language})`);
}

async function checkDialog(p: Page, name: string) {
  const dialog = p.getByRole('dialog', { name });
  await dialog.waitFor();
  await waitForIdle(p);
  await expectNoSeriousAxeViolations(p, `dialog “${name}” on ${p.url()}`);
  return dialog;
}

describe('in French', () => {
  it('registry list, and a search', async () => {
    await page.goto('/registry');
    await page.getByRole('table', { name: 'Personnes du registre' }).waitFor();
    await check(page, 'Registre des personnes', 'registry');
    await page.getByRole('searchbox', { name: 'Nom ou numéro de document' }).fill('Fatima');
    await page.waitForURL((url) => url.searchParams.get('q') === 'Fatima');
    await page.getByRole('table', { name: 'Personnes du registre' }).getByText('Fatima').first().waitFor();
    await check(page, 'Registre des personnes', 'registry search');
  });

  it('registration dialog, empty and with its errors, and the probable-matches step', async () => {
    await page.goto('/registry');
    await h1(page).getByText('Registre des personnes').waitFor();
    await page.getByRole('button', { name: 'Enregistrer une personne' }).click();
    const dialog = await checkDialog(page, 'Enregistrer une personne');
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await dialog.getByText('Ce champ est obligatoire.').first().waitFor();
    await waitForIdle(page);
    await expectNoSeriousAxeViolations(page, 'registration dialog with errors');

    // A demo person's names and birth date: the matches step.
    await dialog.locator('input[name=givenName]').fill('Fatima');
    await dialog.locator('input[name=familyName]').fill('Alaoui');
    await dialog.getByLabel('Sexe').selectOption({ label: 'Femme' });
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await dialog.getByRole('list', { name: 'Correspondances possibles' }).waitFor();
    await waitForIdle(page);
    await expectNoSeriousAxeViolations(page, 'registration dialog, probable matches');
    await dialog.getByRole('button', { name: 'Revenir au formulaire' }).click();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('person page, names in Arabic script, with a document number shown', async () => {
    await page.goto('/registry?q=Alaoui');
    const person = page.getByRole('table', { name: 'Personnes du registre' }).getByRole('link').first();
    const name = ((await person.textContent()) ?? '').trim();
    await person.click();
    await check(page, name, 'person page');
    await page
      .getByRole('button', { name: /^Afficher le numéro complet/ })
      .first()
      .click();
    await page
      .getByRole('button', { name: /^Masquer le numéro/ })
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(page, 'person page, number shown');
  });

  it('cases list, with every filter shown and a status chosen', async () => {
    await page.goto('/cases');
    await page.getByRole('table', { name: 'Liste des dossiers' }).waitFor();
    await page.getByRole('button', { name: 'Plus de filtres' }).click();
    await page.getByLabel('Besoin spécifique').waitFor();
    await check(page, 'Dossiers', 'cases list, more filters');
    await page.getByText(/^Préparation du voyage : \d+$/).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'travel_preparation');
    await check(page, 'Dossiers', 'cases list, filtered by status');
  });

  it('case page, and its transition dialog with the fields the step requires', async () => {
    await page.goto('/cases?status=travel_preparation');
    const rows = page.getByRole('table', { name: 'Liste des dossiers' }).locator('tbody tr');
    await expect.poll(() => rows.filter({ hasNotText: 'Préparation du voyage' }).count()).toBe(0);
    const link = rows.first().getByRole('link', { name: /^PAR-/ });
    const reference = ((await link.textContent()) ?? '').trim();
    await link.click();
    await check(page, reference, 'case page');
    await page.getByRole('button', { name: 'Passer à : Prêt au départ' }).click();
    const dialog = await checkDialog(page, 'Passer à l’étape : Prêt au départ');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await dialog.locator('[aria-invalid=true]').first().waitFor();
    await waitForIdle(page);
    await expectNoSeriousAxeViolations(page, 'transition dialog with errors');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('case page waiting for a supervisor’s approval', async () => {
    await page.goto('/cases');
    const row = page
      .getByRole('table', { name: 'Liste des dossiers' })
      .locator('tbody tr')
      .filter({ hasText: 'Approbation en attente' })
      .first();
    const link = row.getByRole('link', { name: /^PAR-/ });
    const reference = ((await link.textContent()) ?? '').trim();
    await link.click();
    await page.getByRole('region', { name: /^Approbation en attente : / }).waitFor();
    await check(page, reference, 'case page, approval pending');
  });

  it('my tasks, overdue ones highlighted', async () => {
    await page.goto('/tasks');
    await page.getByRole('table', { name: 'Mes tâches à faire' }).getByText('En retard').first().waitFor();
    await check(page, 'Mes tâches', 'my tasks');
  });
});

describe('in English', () => {
  it('cases list, with every filter shown', async () => {
    const tirana = await e2e.newPage();
    // The Tirana caseworker's account is in English.
    await signIn(tirana, TIRANA_CASEWORKER);
    await tirana.goto('/cases');
    await tirana.getByRole('table', { name: 'List of cases' }).waitFor();
    await tirana.getByRole('button', { name: 'More filters' }).click();
    await check(tirana, 'Cases', 'cases list, more filters', 'en');
  });
});
