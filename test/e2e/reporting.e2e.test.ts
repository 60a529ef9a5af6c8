/**
 * Donor reporting, as the project manager of Paris (Thomas Petit, French) uses it: from the portfolio of
 * the projects he reports on to CARE's dashboard, a drill-down into the "persons assisted" indicator (its
 * definition, its breakdowns as tables and a matrix), then the XLSX and PDF exports of the report, made in
 * the background and downloaded. axe checks the dashboard and the drill-down.
 *
 * Relies on the demo's results framework of CARE (src/demo): computed indicators including
 * `persons_assisted` (target 130) with breakdowns, a manual indicator, and quarters of 2015 (two closed
 * with their signed snapshots, one open). Everything is found by role and accessible name, never by id,
 * and the indicator by what its definition counts rather than by its wording in the demo.
 */

import fs from 'node:fs';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2E,
  expectNoSeriousAxeViolations,
  setupE2E,
  signIn,
  waitForDialogs,
  waitForIdle,
} from './harness';

/** Paris owns CARE: its project manager manages CARE's reporting. */
const PARIS_PROJECT_MANAGER = 'pm.paris@passerelle.test';
/** The French words of the catalogue's `persons_assisted` definition (src/modules/reporting/catalogue.ts). */
const PERSONS_ASSISTED_COUNTS = 'Personnes ayant un dossier du projet, comptées une fois';
/** Exports are made by a background worker: allow for a loaded machine. */
const EXPORT_TIMEOUT_MS = 45_000;

let e2e: E2E;
/** The project manager, signed in once; the tests run in order on the same page. */
let pm: Page;

beforeAll(async () => {
  e2e = await setupE2E();
  pm = await e2e.newPage({ acceptDownloads: true });
  await signIn(pm, PARIS_PROJECT_MANAGER);
});
afterEach(() => e2e.expectNoPageProblems());
afterAll(async () => {
  await e2e?.close();
});

const dashboardHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: /^CARE · Rapports au bailleur$/ });

/** The dashboard's card of the indicator computed by `persons_assisted`. */
const personsAssisted = (page: Page): Locator =>
  page.getByRole('article').filter({ hasText: PERSONS_ASSISTED_COUNTS }).first();

/** Chooses a format, asks for the export, waits for its link and downloads the file. */
async function exportAndDownload(page: Page, format: string, extension: string): Promise<Download> {
  const exports = page.getByRole('region', { name: 'Exports', exact: true });
  await exports.getByRole('radio', { name: format }).check();
  await exports.getByRole('button', { name: 'Exporter', exact: true }).click();
  const current = exports.getByRole('region', { name: `Dernier export demandé (${format})` });
  const link = current.getByRole('link', { name: new RegExp(`^Télécharger .+\\.${extension}$`) });
  await link.waitFor({ timeout: EXPORT_TIMEOUT_MS });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return download;
}

/** The downloaded file's bytes (Playwright keeps it until the context closes). */
async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  expect(file, 'the download was saved').toBeTruthy();
  return fs.readFileSync(file as string);
}

describe('donor reporting, as the project manager', () => {
  it('opens the portfolio from the navigation and CARE’s dashboard from it', async () => {
    await pm
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Rapports' })
      .click();
    await pm.getByRole('heading', { level: 1, name: 'Rapports' }).waitFor();
    const table = pm.getByRole('table', { name: /Chaque projet, son indicateur phare/ });
    await table.waitFor();
    // The chart of the portfolio is named, and its figures are the table's.
    await pm.getByRole('img', { name: /^Graphique : Temps écoulé/ }).waitFor();
    await waitForIdle(pm);
    await expectNoSeriousAxeViolations(pm, 'portfolio');
    await table.getByRole('link', { name: /^CARE : tableau de bord$/ }).click();

    await dashboardHeading(pm).waitFor();
    await personsAssisted(pm).waitFor();
    await waitForIdle(pm);
    expect(new URL(pm.url()).pathname).toMatch(/^\/projects\/[^/]+\/reporting$/);
    // What the period's figures are and whether they may be trusted.
    const settings = pm.getByRole('region', { name: 'Période et périmètre' });
    expect(await settings.getByLabel('Période').locator('option').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(pm, 'CARE reporting dashboard');
  });

  it('shows the persons assisted against the target of 130, with what the figure counts', async () => {
    const card = personsAssisted(pm);
    await card.getByText(/sur une cible de 130/).waitFor();
    await card.getByText('Ce que ce chiffre compte').waitFor();
    await card.getByRole('img', { name: /^Graphique : .+ valeur et cible par période$/ }).waitFor();
    await card.getByRole('button', { name: 'Afficher le tableau' }).click();
    await card.getByRole('table', { name: /^Valeur et cible de .+ par période$/ }).waitFor();
  });

  it('drills into the persons assisted: the definition and every breakdown, a pair as a matrix', async () => {
    await personsAssisted(pm)
      .getByRole('button', { name: /^Détails et ventilations/ })
      .click();
    const drawer = pm.getByRole('dialog');
    await drawer.waitFor();
    await drawer.getByRole('heading', { name: 'Définition' }).waitFor();
    await drawer.getByText(/définition persons_assisted, version 1/).waitFor();
    await drawer.getByRole('heading', { name: 'Moyens de vérification' }).waitFor();
    const tables = drawer.getByRole('table', { name: / par / });
    expect(await tables.count()).toBeGreaterThan(0);
    // A breakdown by sex and age band, if the framework asks for it, is a matrix with its totals.
    const matrix = drawer.getByRole('table', { name: /par Sexe × Tranche d’âge$/ });
    if ((await matrix.count()) > 0) {
      await matrix.first().getByRole('columnheader', { name: 'Total' }).waitFor();
      await matrix.first().getByRole('rowheader', { name: 'Total' }).waitFor();
    }
    await drawer
      .getByRole('img', { name: /^Graphique : / })
      .first()
      .waitFor();
    await waitForDialogs(pm);
    await expectNoSeriousAxeViolations(pm, 'drill-down of persons assisted');
    await pm.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('exports the report as XLSX and as PDF, and downloads both', async () => {
    const xlsx = await exportAndDownload(pm, 'Classeur XLSX', 'xlsx');
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = await bytesOf(xlsx);
    expect(workbook.length).toBeGreaterThan(1000);
    expect(workbook.subarray(0, 2).toString('latin1')).toBe('PK');

    const pdf = await exportAndDownload(pm, 'PDF', 'pdf');
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const document = await bytesOf(pdf);
    expect(document.length).toBeGreaterThan(1000);
    expect(document.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // Both are listed among the recent exports, with their expiry.
    const recent = pm.getByRole('region', { name: 'Exports récents' });
    await recent
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(xlsx.suggestedFilename())}`) })
      .waitFor();
    await recent
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(pdf.suggestedFilename())}`) })
      .waitFor();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
