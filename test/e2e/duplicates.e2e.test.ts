/**
 * Resolving a duplicate as the Paris supervisor lives it: the same man was registered twice, as "Mohammed
 * Al-Hassan" (born 12 March 1990, with an assisted-return case) and as "Muhamad Alhasan" (born 3 December
 * 1990: day and month swapped, with a consent). Searching his name in Arabic finds both, with the reasons;
 * a duplicate scan of Paris proposes the pair; she merges it keeping the first record, which then holds the
 * case, the consent and the other spelling as an alias, while the merged record is gone; then she undoes
 * the merge from the kept record's history and both records are back as they were.
 *
 * The two records are prepared through the domain use cases; everything after that is done in the
 * browser. The tests run in order and share the records.
 */
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenCaseSchema } from '../../src/modules/cases/contract';
import { openCase } from '../../src/modules/cases/open-case';
import { cases } from '../../src/modules/cases/tables';
import { identityRepository } from '../../src/modules/identity';
import { registerPerson } from '../../src/modules/registry';
import { AddConsentSchema, CreatePersonSchema } from '../../src/modules/registry/contract';
import { addConsent } from '../../src/modules/registry/person-records';
import {
  actingAs,
  type E2E,
  expectNoSeriousAxeViolations,
  setupE2E,
  signIn,
  waitForDialogs,
  waitForIdle,
} from './harness';

const PARIS_CASEWORKER = 'caseworker.paris@passerelle.test';
const PARIS_SUPERVISOR = 'supervisor.paris@passerelle.test';

const FIRST = { givenName: 'Mohammed', familyName: 'Al-Hassan', birthDate: '1990-03-12' };
const SECOND = { givenName: 'Muhamad', familyName: 'Alhasan', birthDate: '1990-12-03' };
const FIRST_NAME = `${FIRST.givenName} ${FIRST.familyName}`;
const SECOND_NAME = `${SECOND.givenName} ${SECOND.familyName}`;
const CONSENT_RECIPIENT = 'Association Retour et Avenir';

let e2e: E2E;
/** The Paris supervisor (French), signed in once. */
let page: Page;
/** Set by the preconditions. */
let first = { id: '', reference: '' };
let second = { id: '', reference: '' };
let caseReference = '';

beforeAll(async () => {
  e2e = await setupE2E();
  const prepared = await prepareDuplicate();
  first = prepared.first;
  second = prepared.second;
  caseReference = prepared.caseReference;
  page = await e2e.newPage();
  await signIn(page, PARIS_SUPERVISOR);
});
afterEach(() => e2e.expectNoPageProblems());
afterAll(async () => {
  await e2e?.close();
});

// ---- preconditions, through the use cases ------------------------------------------------------------

/** A day relative to today (UTC), as YYYY-MM-DD. */
function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** One Iraqi man registered twice in Paris (the second time despite the matches): a case, then a consent. */
async function prepareDuplicate() {
  const caseworker = await actingAs(e2e.database, PARIS_CASEWORKER);
  const paris = await identityRepository.findOfficeByCode(e2e.database.db, 'PAR');
  if (!paris) throw new Error('the demo data has no Paris office');
  const register = async (names: typeof FIRST) => {
    const { person } = await registerPerson(
      caseworker,
      CreatePersonSchema.parse({
        ...names,
        sex: 'male',
        nationalities: ['IQ'],
        languages: ['ar'],
        officeId: paris.id,
        acknowledgeMatches: true,
      }),
    );
    if (!person) throw new Error(`${names.givenName} was not registered`);
    return { id: person.id, reference: person.reference };
  };
  const one = await register(FIRST);
  const two = await register(SECOND);
  const caseId = await openCase(
    caseworker,
    OpenCaseSchema.parse({
      personId: one.id,
      caseType: 'avrr',
      officeId: paris.id,
      hostCountry: 'FR',
      returnCountry: 'IQ',
    }),
  );
  await addConsent(
    caseworker,
    two.id,
    AddConsentSchema.parse({ purpose: 'reintegration', recipient: CONSENT_RECIPIENT, givenOn: isoDay(-10) }),
  );
  const [row] = await e2e.database.db
    .select({ reference: cases.reference })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) throw new Error('the case vanished');
  return { first: one, second: two, caseReference: row.reference };
}

// ---- helpers ------------------------------------------------------------------------------------------

const h1 = (scope: Page) => scope.locator('#main-content h1');
/** A titled section of a page. */
const region = (scope: Page | Locator, name: string) => scope.getByRole('region', { name, exact: true });
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

async function nav(scope: Page, name: string) {
  await scope
    .getByRole('navigation', { name: /Navigation principale|Main navigation/ })
    .getByRole('link', { name, exact: true })
    .click();
}

/**
 * Waits for the page and any dialog to settle, then runs axe (toasts included: their close button is
 * named now).
 */
async function axe(scope: Page, label: string) {
  await waitForIdle(scope);
  await waitForDialogs(scope);
  await expectNoSeriousAxeViolations(scope, label);
}

/** The row of the registry's result table showing this reference. */
const resultRow = (scope: Page, reference: string) =>
  scope
    .getByRole('table', { name: 'Personnes du registre' })
    .locator('tbody tr')
    .filter({ hasText: reference });

/** The candidate pair of the two records, whichever is on the left. */
const pairCard = (scope: Page) =>
  scope.getByRole('article').filter({ hasText: first.reference }).filter({ hasText: second.reference });

/** A row of a pair's comparison table, by the field it compares. */
const comparisonRow = (card: Locator, field: string) =>
  card.getByRole('row').filter({ has: card.page().getByRole('rowheader', { name: field, exact: true }) });

// ---- the journey --------------------------------------------------------------------------------------

describe('resolving a duplicate', () => {
  it('finds both records by the name in Arabic script, saying why each was found', async () => {
    await nav(page, 'Registre');
    await h1(page).getByText('Registre des personnes').waitFor();
    await page.getByRole('searchbox', { name: /Nom ou numéro de document/ }).fill('محمد الحسن');
    const why = page.getByRole('table', { name: 'Personnes du registre' }).getByRole('columnheader', {
      name: 'Pourquoi ce résultat',
    });
    await why.waitFor();
    for (const [record, name] of [
      [first, FIRST_NAME],
      [second, SECOND_NAME],
    ] as const) {
      const row = resultRow(page, record.reference);
      await row.getByRole('link', { name, exact: true }).waitFor();
      const reasons = await row.getByRole('listitem').allTextContents();
      // The Arabic given and family names, each read as a Latin spelling of this record.
      expect(reasons.join(' | ')).toMatch(
        new RegExp(`Prénom [^|]*: محمد ↔ ${record === first ? FIRST.givenName : SECOND.givenName}`),
      );
      expect(reasons.join(' | ')).toMatch(
        new RegExp(`Nom [^|]*: الحسن ↔ ${record === first ? FIRST.familyName : SECOND.familyName}`),
      );
      await row.getByText(/^Nom correspondant à \d+\s%$/).waitFor();
    }
    await axe(page, 'registry search in Arabic script');
  });

  it('scans Paris for duplicates and merges the pair, keeping the first record', async () => {
    await nav(page, 'Doublons');
    await h1(page).getByText('Doublons', { exact: true }).waitFor();
    await page.getByLabel('Bureau à examiner').selectOption({ label: 'Paris' });
    await page.getByRole('button', { name: 'Rechercher les doublons' }).click();
    await page
      .getByRole('status')
      .getByText(/^Dernière recherche \(Paris\) terminée le /)
      .waitFor({ timeout: 30_000 });
    const card = pairCard(page);
    await card.waitFor();
    await card.getByText(/^Probable · \d+\s%$/).waitFor();
    // The comparison says what matched, field by field.
    const birth = comparisonRow(card, 'Date de naissance');
    await birth.getByText('12 mars 1990').waitFor();
    await birth.getByText('3 décembre 1990').waitFor();
    await birth.getByText('Date de naissance : jour et mois inversés').waitFor();
    await comparisonRow(card, 'Sexe').getByText('Même sexe').waitFor();
    expect(await comparisonRow(card, 'Nationalités').locator('td').allTextContents()).toEqual([
      'Irak',
      'Irak',
      '',
    ]);
    expect(await text(comparisonRow(card, 'Nom'))).toMatch(
      /Prénom écrit autrement : (Mohammed ↔ Muhamad|Muhamad ↔ Mohammed)/,
    );
    await axe(page, 'duplicates review');

    // Keep the first record, whichever column it is in.
    const left = await text(comparisonRow(card, 'Référence').locator('td').first());
    const keep =
      left === first.reference
        ? 'Même personne — garder la fiche de gauche'
        : 'Même personne — garder la fiche de droite';
    await card.getByRole('button', { name: keep }).click();
    const dialog = page.getByRole('dialog', { name: 'Fusionner les deux fiches ?' });
    await dialog
      .getByText(
        `La fiche de ${SECOND_NAME} (${second.reference}) sera fusionnée dans celle de ${FIRST_NAME} (${first.reference})`,
        { exact: false },
      )
      .waitFor();
    await axe(page, 'merge confirmation');
    await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.waitFor({ state: 'detached' });
    await page
      .getByText(`Fiches fusionnées : ${SECOND_NAME} (${second.reference}) fait désormais partie`)
      .waitFor();
    await axe(page, 'duplicates review after the merge (with its toast)');

    // The decided pair is under "Fusionnées".
    await page.getByRole('tab', { name: 'Fusionnées' }).click();
    await pairCard(page)
      .getByText(/^Décision de /)
      .waitFor();
  });

  it('shows the kept record with the case, the consent and the other spelling; the merged one is gone', async () => {
    await page.goto(`/registry/${first.id}`);
    await h1(page).getByText(FIRST_NAME, { exact: true }).waitFor();
    const cases = region(page, 'Dossiers');
    await cases.getByRole('link', { name: caseReference }).first().waitFor();
    await region(page, 'Consentements').getByText(CONSENT_RECIPIENT).waitFor();
    const aliases = await region(page, 'Identité')
      .locator('input[name^="aliases."][name$=".name"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(aliases).toContain(SECOND_NAME);
    const merges = region(page, 'Fiches fusionnées');
    const record = merges.getByRole('row').filter({ hasText: second.reference });
    await record.getByText(SECOND_NAME).waitFor();
    await record.getByText('Dossiers : 0 · documents : 0 · consentements : 1 · alias : 1').waitFor();
    await record.getByText('En vigueur').waitFor();
    await axe(page, 'kept record after the merge');

    await page.goto(`/registry/${second.id}`);
    await h1(page).getByText('Personne introuvable').waitFor();
    await axe(page, 'merged record');
  });

  it('undoes the merge from the kept record: both records are back', async () => {
    await page.goto(`/registry/${first.id}`);
    const merges = region(page, 'Fiches fusionnées');
    await merges.getByRole('button', { name: `Annuler la fusion de la fiche ${second.reference}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Annuler la fusion ?' });
    await dialog
      .getByText(`La fiche de ${SECOND_NAME} (${second.reference}) sera rétablie`, { exact: false })
      .waitFor();
    await axe(page, 'undo confirmation');
    await dialog.getByRole('button', { name: 'Annuler la fusion', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const record = merges.getByRole('row').filter({ hasText: second.reference });
    await record.getByText(/^Annulée le /).waitFor();
    await page.getByText(`Fusion annulée : la fiche ${second.reference} est rétablie.`).waitFor();
    // The alias the merge brought is gone again; the case stays.
    await expect
      .poll(() =>
        region(page, 'Identité')
          .locator('input[name^="aliases."][name$=".name"]')
          .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
      )
      .not.toContain(SECOND_NAME);
    await region(page, 'Dossiers').getByRole('link', { name: caseReference }).first().waitFor();
    await axe(page, 'kept record after the undo');

    // The restored record, with its consent, from the history's link.
    await record.getByRole('link', { name: SECOND_NAME }).click();
    await page.waitForURL((url) => url.pathname === `/registry/${second.id}`);
    await h1(page).getByText(SECOND_NAME, { exact: true }).waitFor();
    await region(page, 'Consentements').getByText(CONSENT_RECIPIENT).waitFor();
    // And the two records look alike again.
    await region(page, 'Doublons possibles').getByRole('listitem', { name: FIRST_NAME }).waitFor();
    await axe(page, 'restored record');
  });
});
