/**
 * Casework as the Paris office lives it: a caseworker registers a person (names in two scripts, the
 * probable-matches step, a masked passport number), opens an assisted-return case and takes it step by
 * step; the supervisor approves travel preparation; the timeline, notes and overdue tasks follow. Then
 * what other people may not see: another office's caseworker, and trafficking cases for a caseworker.
 *
 * The tests run in order and share the case: each journey starts where the previous one left it.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, setupE2E, signIn, TIRANA_CASEWORKER } from './harness';

const CASEWORKER = 'caseworker.paris@passerelle.test';
const SUPERVISOR = 'supervisor.paris@passerelle.test';
const PROTECTION = 'protection.paris@passerelle.test';

const PERSON = {
  givenName: 'Fatima Zahra',
  familyName: 'El Idrissi',
  givenNameOriginal: 'فاطمة الزهراء',
  familyNameOriginal: 'الإدريسي',
  birthYear: '1994',
  passport: 'MA4829173',
};
const FULL_NAME = `${PERSON.givenName} ${PERSON.familyName}`;
const ORIGINAL_NAME = `${PERSON.givenNameOriginal} ${PERSON.familyNameOriginal}`;

let e2e: E2E;
/** The Paris caseworker, signed in once for every journey. */
let caseworker: Page;
/** Set by the first journey: the person's page. */
let personPath = '';
/** Set by the second journey: the case's address and reference. */
let casePath = '';
let caseReference = '';

beforeAll(async () => {
  e2e = await setupE2E();
  caseworker = await e2e.newPage();
  await signIn(caseworker, CASEWORKER);
});
afterEach(() => e2e.expectNoPageProblems());
afterAll(async () => {
  await e2e?.close();
});

// ---- helpers ------------------------------------------------------------------------------------------

const h1 = (page: Page) => page.locator('#main-content h1');
/** A titled section of a detail page. */
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const path = (page: Page) => new URL(page.url()).pathname;

/** A day relative to today in Paris, as YYYY-MM-DD (what a date field takes). */
function parisDay(offsetDays: number): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(day);
}

async function nav(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: /Navigation principale|Main navigation/ })
    .getByRole('link', { name, exact: true })
    .click();
}

/** The description of a term in the page's `<dl>`s, e.g. the case's "Statut". */
function described(scope: Page | Locator, term: string): Locator {
  return scope
    .locator('dl > dt', { hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

const caseStatus = (page: Page) => described(region(page, 'Informations du dossier'), 'Statut');

/** Waits until the case page shows this status (and no pending approval unless `pending`). */
async function expectStatus(page: Page, label: string, pending = false) {
  await caseStatus(page).getByText(label, { exact: true }).waitFor();
  const pendingBadge = caseStatus(page).getByText('Approbation en attente', { exact: true });
  if (pending) await pendingBadge.waitFor();
  else expect(await pendingBadge.count()).toBe(0);
  // The workflow's steps mark the current one.
  const current = page.getByRole('list', { name: 'Étapes du parcours' }).locator('[aria-current=step]');
  expect(await current.textContent()).toContain(label);
}

/** Clicks a transition button and returns its dialog. */
async function openTransition(page: Page, button: string, dialogTitle: string): Promise<Locator> {
  await region(page, 'Parcours').getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.waitFor();
  return dialog;
}

async function confirmDialog(dialog: Locator, submit = 'Confirmer') {
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The timeline, oldest event first: "kind | from → to | actor". */
async function timeline(page: Page): Promise<string[]> {
  const items = page.getByRole('list', { name: 'Historique du dossier' }).getByRole('listitem');
  const rows: string[] = [];
  for (const item of await items.all()) {
    const kind = (await item.locator('p').first().textContent())?.trim() ?? '';
    const badges = (await item.locator('.mantine-Badge-root').allTextContents()).map((s) => s.trim());
    const by = (await item.getByText(/ · par /).textContent())?.replace(/^.* · par /, '').trim() ?? '';
    rows.push([kind, badges.join(' → '), by].join(' | '));
  }
  return rows.reverse();
}

// ---- the journeys -------------------------------------------------------------------------------------

describe('a caseworker registers a person and opens an assisted-return case', () => {
  it('registers her with names in two scripts, meets the probable-matches step, and sees her passport masked', async () => {
    const page = caseworker;
    await nav(page, 'Registre');
    await h1(page).getByText('Registre des personnes').waitFor();
    await page.getByRole('table', { name: 'Personnes du registre' }).waitFor();

    // Nobody by that name in Paris yet.
    const search = page.getByRole('search', { name: 'Rechercher dans le registre' }).getByRole('searchbox');
    await search.fill('El Idrissi');
    await page.getByText('Aucune personne ne correspond à cette recherche.').waitFor();
    await search.fill('');
    await page.getByRole('table', { name: 'Personnes du registre' }).waitFor();

    await page.getByRole('button', { name: 'Enregistrer une personne' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enregistrer une personne' });
    await dialog.waitFor();
    // Her office is preselected: the only one she may register people in.
    const office = dialog.locator('select[name=officeId]');
    expect(await office.locator('option:checked').textContent()).toBe('Paris');
    await fillPerson(dialog);
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();

    // No probable match: straight to her new record.
    await dialog.waitFor({ state: 'detached' });
    await page.waitForURL(/\/registry\/[0-9a-f-]{36}$/);
    await h1(page).getByText(FULL_NAME, { exact: true }).waitFor();
    const notice = page.getByText(new RegExp(`^${FULL_NAME} a été enregistré\\(e\\) sous la référence PAR-`));
    await notice.waitFor();
    personPath = path(page);
    const reference = (await described(page, 'Référence').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^PAR-/);
    expect((await notice.textContent())?.trim()).toContain(reference);
    // The name in Arabic script under the heading, laid out right to left.
    const original = page.getByText(ORIGINAL_NAME, { exact: true });
    await original.waitFor();
    expect(await original.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // The identity as recorded.
    const identity = region(page, 'Identité');
    expect(await identity.locator('input[name=givenNameOriginal]').inputValue()).toBe(
      PERSON.givenNameOriginal,
    );
    expect(await identity.locator('input[name=birthDate]').inputValue()).toBe(`${PERSON.birthYear}-01-01`);
    expect(await identity.locator('select[name=birthDatePrecision] option:checked').textContent()).toBe(
      'Année seulement',
    );
    await identity.getByRole('list').getByText('Maroc', { exact: true }).waitFor();

    // Registering her again: the probable-matches step lists her record, then "back" keeps the form.
    await page.getByRole('link', { name: 'Retour au registre' }).click();
    await h1(page).getByText('Registre des personnes').waitFor();
    await page.getByRole('button', { name: 'Enregistrer une personne' }).click();
    await dialog.waitFor();
    await fillPerson(dialog);
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await dialog.getByRole('alert').getByText('Cette personne est peut-être déjà enregistrée').waitFor();
    const matches = dialog.getByRole('list', { name: 'Correspondances possibles' });
    const match = matches.getByRole('listitem').filter({ hasText: reference });
    await match.waitFor();
    expect(await match.textContent()).toContain(FULL_NAME);
    expect(await match.textContent()).toContain(ORIGINAL_NAME);
    expect(await match.textContent()).toContain(`${PERSON.birthYear} (année seulement)`);
    // Why: the same names in both scripts, and the same year of birth; scored as likely.
    expect(await match.textContent()).toMatch(/Probable · \d+/);
    await match.getByRole('link', { name: 'C’est la même personne : ouvrir sa fiche' }).waitFor();
    await dialog.getByRole('button', { name: 'Revenir au formulaire' }).click();
    await dialog.locator('input[name=givenName]').waitFor();
    expect(await dialog.locator('input[name=givenName]').inputValue()).toBe(PERSON.givenName);
    expect(await dialog.locator('input[name=familyNameOriginal]').inputValue()).toBe(
      PERSON.familyNameOriginal,
    );
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Found by her Arabic name too; one record only.
    await search.fill(PERSON.familyNameOriginal);
    const rows = page.getByRole('table', { name: 'Personnes du registre' }).locator('tbody tr');
    await page.getByRole('status').getByText('Personnes affichées : 1', { exact: true }).waitFor();
    expect(await rows.count()).toBe(1);
    await rows.getByRole('link', { name: FULL_NAME }).click();
    await page.waitForURL((url) => url.pathname === personPath);
    await h1(page).getByText(FULL_NAME, { exact: true }).waitFor();

    // Her passport: the number is masked, and shown in full only on request.
    const documents = region(page, 'Documents d’identité');
    await documents.getByText('Aucun document enregistré.').waitFor();
    await documents.getByRole('button', { name: 'Ajouter un document' }).click();
    const add = page.getByRole('dialog', { name: 'Ajouter un document d’identité' });
    await add.waitFor();
    await add.getByLabel('Type').selectOption({ label: 'Passeport' });
    await add.getByLabel('Numéro').fill(PERSON.passport);
    await add.getByLabel('Pays de délivrance').selectOption({ label: 'Maroc' });
    await add.getByLabel('Date d’expiration').fill(parisDay(3 * 365));
    await add.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await add.waitFor({ state: 'detached' });
    await page.getByText('Le document a été ajouté.').waitFor();
    const passport = documents.getByRole('table', { name: 'Documents d’identité' }).getByRole('row', {
      name: /Passeport/,
    });
    await passport.getByText(`•••••${PERSON.passport.slice(-4)}`, { exact: true }).waitFor();
    expect(await page.locator('#main-content').textContent()).not.toContain(PERSON.passport);
    await documents.getByText('Chaque affichage d’un numéro complet est enregistré').waitFor();
    await passport.getByRole('button', { name: 'Afficher le numéro complet : Passeport' }).click();
    await passport.getByText(PERSON.passport, { exact: true }).waitFor();
    await passport.getByRole('button', { name: 'Masquer le numéro : Passeport' }).click();
    await passport.getByText(`•••••${PERSON.passport.slice(-4)}`, { exact: true }).waitFor();
    expect(await page.locator('#main-content').textContent()).not.toContain(PERSON.passport);
  });

  it('opens an AVRR case for her, takes it to eligibility and asks for approval of travel preparation', async ({
    skip,
  }) => {
    skip(!personPath, 'the person was not registered');
    const page = caseworker;
    if (path(page) !== personPath) await page.goto(personPath);
    const cases = region(page, 'Dossiers');
    await cases.getByText('Aucun dossier pour cette personne.').waitFor();
    await cases.getByRole('button', { name: 'Ouvrir un dossier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir un dossier' });
    await dialog.waitFor();
    await dialog.getByText(`Nouveau dossier pour ${FULL_NAME}.`).waitFor();
    // A caseworker may not open trafficking cases: they are reserved to protection staff.
    const types = await dialog.locator('select[name=caseType] option').allTextContents();
    expect(types).toContain('Retour volontaire et réintégration');
    expect(types.join('\n')).not.toContain('traite');
    await dialog.locator('select[name=caseType]').selectOption('avrr');
    expect(await dialog.locator('select[name=officeId] option:checked').textContent()).toBe('Paris');
    const tact = await dialog
      .locator('select[name=projectId] option', { hasText: /^TACT/ })
      .getAttribute('value');
    await dialog.locator('select[name=projectId]').selectOption(tact ?? 'TACT not offered');
    const assignee = dialog.locator('select[name=assignedTo]');
    await assignee.locator('option', { hasText: 'Sophie Laurent' }).waitFor({ state: 'attached' });
    await assignee.selectOption({ label: 'Sophie Laurent' });
    await dialog.locator('select[name=hostCountry]').selectOption({ label: 'France' });
    await dialog.locator('select[name=returnCountry]').selectOption({ label: 'Maroc' });
    await dialog.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The case page, at its first step.
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    casePath = path(page);
    caseReference = ((await h1(page).textContent()) ?? '').trim();
    expect(caseReference).toMatch(/^PAR-\d{4}-\d+$/);
    await page.getByText(`Le dossier ${caseReference} a été ouvert.`).waitFor();
    await expectStatus(page, 'Accueil');
    const summary = region(page, 'Informations du dossier');
    await described(summary, 'Personne').getByRole('link', { name: FULL_NAME }).waitFor();
    expect(await described(summary, 'Personne').textContent()).toContain(ORIGINAL_NAME);
    expect(await described(summary, 'Type').textContent()).toBe('Retour volontaire et réintégration');
    expect(await described(summary, 'Bureau').textContent()).toBe('PAR');
    expect(await described(summary, 'Attribué à').textContent()).toContain('Sophie Laurent');
    expect(await described(summary, 'Projet').textContent()).toBe('TACT');

    // Counselling, then eligibility: no approval needed.
    let step = await openTransition(page, 'Passer à : Conseil', 'Passer à l’étape : Conseil');
    await step.getByLabel('Commentaire (facultatif)').fill('Premier entretien de conseil au bureau.');
    await confirmDialog(step);
    await page.getByText('Le dossier est passé à l’étape : Conseil.').waitFor();
    await expectStatus(page, 'Conseil');
    step = await openTransition(page, 'Passer à : Éligibilité', 'Passer à l’étape : Éligibilité');
    await confirmDialog(step);
    await expectStatus(page, 'Éligibilité');

    // Travel preparation needs a supervisor: the button says it is a request.
    const progress = region(page, 'Parcours');
    expect(await progress.getByRole('button', { name: 'Passer à : Préparation du voyage' }).count()).toBe(0);
    step = await openTransition(
      page,
      'Demander l’approbation : Préparation du voyage',
      'Demander l’approbation : Préparation du voyage',
    );
    await step.getByText('Cette étape doit être approuvée par un superviseur.').waitFor();
    await step.getByLabel('Commentaire (facultatif)').fill('Éligibilité vérifiée, passeport valide.');
    await confirmDialog(step);
    await page.getByText('L’approbation a été demandée.').waitFor();

    // Still at eligibility, waiting for the decision; nothing else to do meanwhile.
    const banner = page.getByRole('region', { name: 'Approbation en attente : Préparation du voyage' });
    await banner
      .getByText(/^Sophie Laurent a demandé le passage à l’étape « Préparation du voyage » le /)
      .waitFor();
    await banner.getByText('Commentaire : Éligibilité vérifiée, passeport valide.').waitFor();
    await banner.getByText('Le dossier attend la décision d’un superviseur.').waitFor();
    expect(await banner.getByRole('button').count()).toBe(0);
    await expectStatus(page, 'Éligibilité', true);
    await progress.getByText('Aucune action n’est possible à cette étape.').waitFor();
  });
});

describe('the supervisor approves, and the caseworker takes the case to departure', () => {
  it('lets the supervisor find the case by the person’s name and approve travel preparation', async ({
    skip,
  }) => {
    skip(!casePath, 'the case was not opened');
    const supervisor = await e2e.newPage();
    await signIn(supervisor, SUPERVISOR);
    await nav(supervisor, 'Dossiers');
    await h1(supervisor).getByText('Dossiers', { exact: true }).waitFor();
    const filters = supervisor.getByRole('search', { name: 'Filtrer les dossiers' });
    await filters.getByLabel('Rechercher (référence, nom ou document)').fill(FULL_NAME);
    await supervisor.getByRole('status').getByText('Dossiers correspondants : 1', { exact: true }).waitFor();
    const row = supervisor.getByRole('table', { name: 'Liste des dossiers' }).locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Approbation en attente');
    expect(await row.textContent()).toContain('Sophie Laurent');
    await row.getByRole('link', { name: caseReference }).click();
    await supervisor.waitForURL((url) => url.pathname === casePath);
    await h1(supervisor).getByText(caseReference).waitFor();

    const banner = supervisor.getByRole('region', { name: 'Approbation en attente : Préparation du voyage' });
    await banner.getByRole('button', { name: 'Approuver' }).click();
    const dialog = supervisor.getByRole('dialog', { name: 'Approuver le passage à : Préparation du voyage' });
    await dialog.waitFor();
    await dialog.getByLabel('Commentaire (facultatif)').fill('Accord pour la préparation du voyage.');
    await confirmDialog(dialog, 'Approuver');
    await supervisor.getByText('Le passage a été approuvé.').waitFor();
    await banner.waitFor({ state: 'detached' });
    await expectStatus(supervisor, 'Préparation du voyage');
  });

  it('asks the caseworker for what each step requires, up to departure, and records every step in order', async ({
    skip,
  }) => {
    skip(!casePath, 'the case was not opened');
    const page = caseworker;
    await page.reload();
    await h1(page).getByText(caseReference).waitFor();
    await expectStatus(page, 'Préparation du voyage');
    expect(await page.getByRole('region', { name: /^Approbation en attente/ }).count()).toBe(0);

    // Ready to travel: the travel document, fitness to travel and the signed declaration.
    let step = await openTransition(page, 'Passer à : Prêt au départ', 'Passer à l’étape : Prêt au départ');
    await step.getByText('Ces informations sont nécessaires pour passer à cette étape :').waitFor();
    expect(await step.getByRole('listitem').allTextContents()).toEqual([
      'Document de voyage prêt',
      'Aptitude médicale',
      'Déclaration de retour volontaire signée le',
    ]);
    await step.getByRole('button', { name: 'Confirmer' }).click();
    await step.getByText('Ce champ est obligatoire.').first().waitFor();
    await step.getByRole('checkbox', { name: 'Document de voyage prêt' }).check();
    // Assessed is not enough: she must be fit to travel.
    await step.getByLabel('Aptitude médicale').selectOption({ label: 'Inapte au voyage' });
    await step.getByRole('button', { name: 'Confirmer' }).click();
    await step.getByText('Cette étape exige que la personne soit apte au voyage.').waitFor();
    await step.getByLabel('Aptitude médicale').selectOption({ label: 'Apte au voyage' });
    await step.getByLabel('Déclaration de retour volontaire signée le').fill(parisDay(-1));
    await confirmDialog(step);
    await page.getByText('Le dossier est passé à l’étape : Prêt au départ.').waitFor();
    await expectStatus(page, 'Prêt au départ');

    // Departed: the departure date.
    step = await openTransition(page, 'Passer à : Parti', 'Passer à l’étape : Parti');
    expect(await step.getByRole('listitem').allTextContents()).toEqual(['Date de départ']);
    await step.getByLabel('Date de départ').fill(parisDay(0));
    await confirmDialog(step);
    await expectStatus(page, 'Parti');

    // Every step, oldest first, with who took it: the supervisor for the approval.
    const events = await timeline(page);
    expect(events).toEqual([
      'Dossier ouvert | Accueil | Sophie Laurent',
      'Changement d’étape | Accueil → Conseil | Sophie Laurent',
      'Changement d’étape | Conseil → Éligibilité | Sophie Laurent',
      'Approbation demandée | Éligibilité → Préparation du voyage | Sophie Laurent',
      'Approbation accordée | Éligibilité → Préparation du voyage | Julien Moreau',
      'Changement d’étape | Préparation du voyage → Prêt au départ | Sophie Laurent',
      'Changement d’étape | Prêt au départ → Parti | Sophie Laurent',
    ]);
    const list = page.getByRole('list', { name: 'Historique du dossier' });
    await list.getByText('Accord pour la préparation du voyage.').waitFor();
    await list.getByText('Premier entretien de conseil au bureau.').waitFor();
  });

  it('adds a note and an overdue task, which “My tasks” shows as overdue', async ({ skip }) => {
    skip(!casePath, 'the case was not opened');
    const page = caseworker;
    const notes = region(page, 'Notes');
    await notes.getByRole('button', { name: 'Ajouter la note' }).click();
    await notes.getByText('Ce champ est obligatoire.').waitFor();
    const note = 'Départ confirmé ; accueil prévu à l’aéroport de Casablanca.';
    await notes.getByLabel('Nouvelle note').fill(note);
    await notes.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.getByText('La note a été ajoutée.').waitFor();
    const noteItem = notes.getByRole('list', { name: 'Notes du dossier' }).getByRole('listitem');
    await noteItem.getByText(note).waitFor();
    expect(await noteItem.textContent()).toContain('Sophie Laurent');
    expect(await notes.getByLabel('Nouvelle note').inputValue()).toBe('');

    const tasks = region(page, 'Tâches');
    const title = 'Envoyer la déclaration signée au partenaire de Rabat';
    await tasks.getByLabel('Intitulé de la tâche').fill(title);
    const dueDate = parisDay(-3);
    await tasks.getByLabel('Échéance').fill(dueDate);
    expect(await tasks.getByLabel('Attribuée à').locator('option:checked').textContent()).toBe(
      'Sophie Laurent',
    );
    await tasks.getByRole('button', { name: 'Ajouter la tâche' }).click();
    await page.getByText('La tâche a été ajoutée.').waitFor();
    const task = tasks.getByRole('table', { name: 'Tâches du dossier' }).getByRole('row', { name: title });
    await task.getByText('En retard', { exact: true }).waitFor();
    expect(await task.textContent()).toContain('Sophie Laurent');

    await nav(page, 'Mes tâches');
    await h1(page).getByText('Mes tâches', { exact: true }).waitFor();
    const mine = page.getByRole('table', { name: 'Mes tâches à faire' });
    const row = mine.getByRole('row', { name: title });
    await row.waitFor();
    await row.getByText('En retard', { exact: true }).waitFor();
    await row.getByRole('link', { name: caseReference }).waitFor();
    // Among the overdue tasks only, still there.
    await page.getByRole('checkbox', { name: 'Seulement les tâches en retard' }).check();
    const onTime = mine.locator('tbody tr').filter({ hasNotText: 'En retard' });
    await expect.poll(() => onTime.count()).toBe(0);
    await row.getByText('En retard', { exact: true }).waitFor();
    await row.getByRole('link', { name: caseReference }).click();
    await page.waitForURL((url) => url.pathname === casePath);
    await h1(page).getByText(caseReference).waitFor();
  });
});

describe('what others may not see', () => {
  it('shows the Tirana caseworker neither the case nor the person', async ({ skip }) => {
    skip(!casePath, 'the case was not opened');
    const page = await e2e.newPage();
    await signIn(page, TIRANA_CASEWORKER);
    const response = page.waitForResponse((r) => new URL(r.url()).pathname === `/api${casePath}`);
    await page.goto(casePath);
    expect((await response).status()).toBe(404);
    await h1(page).getByText('Case not found').waitFor();
    await page.getByText('This case does not exist, or you are not allowed to see it.').waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(await page.locator('#main-content').textContent()).not.toContain(FULL_NAME);

    await page.getByRole('link', { name: 'Back to cases' }).click();
    await h1(page).getByText('Cases', { exact: true }).waitFor();
    await page.getByLabel('Search (reference, name or document)').fill(PERSON.familyName);
    await page.getByRole('status').getByText('Matching cases: 0', { exact: true }).waitFor();
    await page.getByText('No case matches these criteria.').waitFor();
    await page.getByLabel('Search (reference, name or document)').fill(caseReference);
    await page.getByRole('status').getByText('Matching cases: 0', { exact: true }).waitFor();

    await nav(page, 'Registry');
    await h1(page).getByText('Registry of people').waitFor();
    await page.getByRole('searchbox', { name: 'Name or document number' }).fill(FULL_NAME);
    await page.getByText('Nobody matches this search.').waitFor();
    await page.getByRole('searchbox', { name: 'Name or document number' }).fill(PERSON.passport);
    await page.getByText('Nobody matches this search.').waitFor();
  });

  it('shows trafficking cases to the protection officer, never to the caseworker', async ({ skip }) => {
    skip(!casePath, 'the case was not opened');
    const casesOfType = async (page: Page, type: string) => {
      await page.goto('/cases');
      await h1(page).getByText('Dossiers', { exact: true }).waitFor();
      await page.getByLabel('Type de dossier').selectOption({ label: type });
      await page.waitForURL((url) => url.searchParams.has('caseType'));
    };
    const badge = 'Confidentiel – traite';

    // The caseworker: the type is not even offered as a filter, and her whole list has none.
    await caseworker.goto('/cases');
    await h1(caseworker).getByText('Dossiers', { exact: true }).waitFor();
    const typeOptions = await caseworker.getByLabel('Type de dossier').locator('option').allTextContents();
    expect(typeOptions).toContain('Retour volontaire et réintégration');
    expect(typeOptions).not.toContain('Retour volontaire – victime de la traite');
    // A hand-made URL filtering on the type still shows nothing.
    await caseworker.goto('/cases?caseType=avrr_vot');
    await caseworker.getByRole('status').getByText('Dossiers correspondants : 0', { exact: true }).waitFor();
    await caseworker.goto('/cases');
    const table = caseworker.getByRole('table', { name: 'Liste des dossiers' });
    await table.getByRole('link', { name: caseReference }).waitFor();
    expect(await table.getByText(badge).count()).toBe(0);
    expect(await table.textContent()).not.toContain('victime de la traite');

    // The protection officer: the same list has them, each marked confidential.
    const protection = await e2e.newPage();
    await signIn(protection, PROTECTION);
    await casesOfType(protection, 'Retour volontaire – victime de la traite');
    const rows = protection.getByRole('table', { name: 'Liste des dossiers' }).locator('tbody tr');
    // The previous results stay on screen until the filtered ones arrive (and an empty table may come
    // between): wait until there are rows and every one of them is a trafficking case.
    const allTrafficking = async () => {
      const shown = await rows.count();
      const ofType = await rows.filter({ hasText: 'Retour volontaire – victime de la traite' }).count();
      return shown > 0 && ofType === shown;
    };
    await expect.poll(allTrafficking).toBe(true);
    expect(await rows.filter({ hasNotText: badge }).count()).toBe(0);
    expect(await protection.getByRole('status').textContent()).toMatch(/^Dossiers correspondants : [1-9]/);
    // Their cases open, the badge on the case page too.
    await rows.first().getByRole('link', { name: /^PAR-/ }).click();
    await protection.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await protection.locator('#main-content').getByText(badge).first().waitFor();
  });
});

/** Fills the registration form: Latin and Arabic names, birth year only, Moroccan. */
async function fillPerson(dialog: Locator) {
  await dialog.locator('input[name=givenName]').fill(PERSON.givenName);
  await dialog.locator('input[name=familyName]').fill(PERSON.familyName);
  await dialog.getByLabel('Écriture', { exact: true }).selectOption({ label: 'Arabe' });
  await dialog.getByLabel('Prénom(s) dans l’écriture d’origine').fill(PERSON.givenNameOriginal);
  await dialog.getByLabel('Nom de famille dans l’écriture d’origine').fill(PERSON.familyNameOriginal);
  await dialog.getByLabel('Sexe').selectOption({ label: 'Femme' });
  await dialog.getByLabel('Date de naissance').fill(`${PERSON.birthYear}-01-01`);
  await dialog.getByLabel('Précision de la date').selectOption({ label: 'Année seulement' });
  await dialog.getByLabel('Nationalité à ajouter').selectOption({ label: 'Maroc' });
  await dialog.getByRole('button', { name: 'Ajouter (Nationalités)' }).click();
  await dialog.getByRole('list').getByText('Maroc', { exact: true }).waitFor();
}
