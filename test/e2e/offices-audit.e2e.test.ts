/** Office edits, version conflicts between two browsers, and the audit log that records them. */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, DPO, type E2E, setupE2E, signIn } from './harness';

let e2e: E2E;

beforeAll(async () => {
  e2e = await setupE2E();
});
afterEach(() => e2e.expectNoPageProblems());
afterAll(async () => {
  await e2e?.close();
});

const h1 = (page: Page) => page.locator('h1');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });
const officesTable = (page: Page) => page.getByRole('table', { name: 'Liste des bureaux' });
/** The separate pieces of text in a table cell: its paragraphs and codes (e.g. a label and its code). */
const parts = (cell: Locator) => cell.locator('p, code').allTextContents();
const auditRows = (page: Page) =>
  page.getByRole('table', { name: 'Événements du journal d’audit' }).locator('tbody tr');

async function openOfficeEditor(page: Page, office: string) {
  await nav(page).getByRole('link', { name: 'Bureaux' }).click();
  await h1(page).getByText('Bureaux').waitFor();
  await officesTable(page)
    .getByRole('button', { name: `Modifier le bureau ${office}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Modifier le bureau ${office}` });
  await dialog.locator('input[name=city]').waitFor();
  return dialog;
}

async function officeOnServer(page: Page, code: string) {
  const response = await page.request.get('/api/offices');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as {
    items: { code: string; city: string; region: string | null }[];
  };
  return items.find((o) => o.code === code);
}

describe('offices and the audit log', () => {
  it('records an office edit, shown old → new in the audit log filtered by record type', async () => {
    const page = await e2e.newPage();
    await signIn(page, ADMIN);
    const dialog = await openOfficeEditor(page, 'Rabat');
    expect(await dialog.locator('input[name=city]').inputValue()).toBe('Rabat');
    await dialog.locator('input[name=city]').fill('Rabat-Salé');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Le bureau Rabat a été enregistré.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await officesTable(page).getByRole('row', { name: /Rabat/ }).getByText('Rabat-Salé').waitFor();

    await nav(page).getByRole('link', { name: 'Journal d’audit' }).click();
    await h1(page).getByText('Journal d’audit').waitFor();
    await auditRows(page).first().waitFor();
    const filters = page.getByRole('search', { name: 'Filtrer le journal' });
    await filters.getByLabel('Type d’enregistrement').fill('office');
    await filters.getByRole('button', { name: 'Filtrer' }).click();
    await expect
      .poll(async () => (await auditRows(page).allTextContents()).every((r) => r.includes('office')))
      .toBe(true);

    const rows = auditRows(page);
    expect(await rows.count()).toBe(1);
    const row = rows.first();
    const cells = row.locator('td');
    // Human labels with their codes, the office by name, and the change as old → new.
    expect(await cells.nth(1).textContent()).toBe(ADMIN);
    expect(await parts(cells.nth(2))).toEqual(['Bureau modifié', 'office.updated']);
    expect((await parts(cells.nth(3))).slice(0, 2)).toEqual(['Bureau', 'office']);
    expect(await cells.nth(4).textContent()).toBe('Rabat'); // the office's name, not its city
    expect(await cells.nth(5).textContent()).toBe('city : Rabat → Rabat-Salé');
    await page.getByText('Tous les événements correspondants sont affichés.').waitFor();
  });

  it('shows a version conflict instead of overwriting a change saved in another browser', async () => {
    const first = await e2e.newPage();
    const second = await e2e.newPage();
    await signIn(first, ADMIN);
    await signIn(second, ADMIN);
    const firstDialog = await openOfficeEditor(first, 'Kyiv');
    const secondDialog = await openOfficeEditor(second, 'Kyiv');

    await firstDialog.locator('input[name=city]').fill('Kyiv-Centre');
    await firstDialog.getByRole('button', { name: 'Enregistrer' }).click();
    await first.getByText('Le bureau Kyiv a été enregistré.').waitFor();

    await secondDialog.locator('input[name=region]').fill('Kyiv Oblast');
    await secondDialog.getByRole('button', { name: 'Enregistrer' }).click();
    await secondDialog
      .getByRole('alert')
      .getByText('Quelqu’un d’autre a modifié cet enregistrement')
      .waitFor();
    const differences = secondDialog.getByRole('table', { name: 'Différences entre les versions' });
    const cityRow = differences.getByRole('row', { name: /^Ville/ });
    // When opened, now (marked as changed), and what this browser typed.
    expect(await cityRow.locator('td').allTextContents()).toEqual(['Kyiv', 'Kyiv-Centremodifié', 'Kyiv']);
    await cityRow.getByText('modifié', { exact: true }).waitFor();
    const regionRow = differences.getByRole('row', { name: /^Région/ });
    expect(await regionRow.locator('td').allTextContents()).toEqual(['—', '—', 'Kyiv Oblast']);
    // Only the fields that differ are listed.
    expect(await differences.locator('tbody tr').count()).toBe(2);

    // Nothing was overwritten.
    expect(await officeOnServer(second, 'KYI')).toMatchObject({ city: 'Kyiv-Centre', region: null });

    // Adopting the current version and saving again keeps both changes.
    await secondDialog.getByRole('button', { name: 'Charger la version actuelle' }).click();
    expect(await secondDialog.locator('input[name=city]').inputValue()).toBe('Kyiv-Centre');
    expect(await secondDialog.locator('input[name=region]').inputValue()).toBe('');
    await secondDialog.locator('input[name=region]').fill('Kyiv Oblast');
    await secondDialog.getByRole('button', { name: 'Enregistrer' }).click();
    await second.getByText('Le bureau Kyiv a été enregistré.').waitFor();
    expect(await officeOnServer(second, 'KYI')).toMatchObject({ city: 'Kyiv-Centre', region: 'Kyiv Oblast' });
  });

  it('lets the data protection officer read the audit log and filter it by actor', async () => {
    // Something for the administrator to have done.
    const admin = await e2e.newPage();
    await signIn(admin, ADMIN);

    const page = await e2e.newPage();
    await signIn(page, DPO);
    await h1(page).getByText('Bienvenue, Marc Lefèvre').waitFor();
    await nav(page).getByRole('link', { name: 'Journal d’audit' }).click();
    await h1(page).getByText('Journal d’audit').waitFor();
    await auditRows(page).first().waitFor();
    const actors = async () => auditRows(page).locator('td:nth-child(2)').allTextContents();
    expect(await actors()).toContain(DPO);
    expect(await actors()).toContain('Système');

    const filters = page.getByRole('search', { name: 'Filtrer le journal' });
    await filters.getByLabel('E-mail de l’auteur').fill(ADMIN);
    await filters.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(async () => new Set(await actors())).toEqual(new Set([ADMIN]));
    const actions = await Promise.all(
      (await auditRows(page).all()).map((row) => parts(row.locator('td').nth(2))),
    );
    expect(actions).toContainEqual(['Connexion', 'auth.login']);

    await filters.getByRole('button', { name: 'Effacer les filtres' }).click();
    await expect.poll(async () => (await actors()).includes(DPO)).toBe(true);
    // The DPO reads, but administers nothing.
    expect(await nav(page).getByRole('link', { name: 'Utilisateurs' }).count()).toBe(1);
    await page.goto('/offices');
    await h1(page).getByText('Bureaux').waitFor();
    expect(await page.getByRole('button', { name: 'Nouveau bureau' }).count()).toBe(0);
  });
});
