/**
 * The TACT handover as both offices live it: the Paris protection officer (French) transfers a departed
 * trafficking case to Tirana with the safe default sections and the person's consent; the Tirana supervisor
 * (English) is notified, reads the summary without the person's name and accepts, assigning the case to
 * the Tirana protection officer; she continues it to arrival without ever seeing what Paris did not share
 * (the confidential note, the trafficking and medical needs); Paris follows the progress on the referral but
 * can no longer open the case.
 *
 * The case is prepared through the domain use cases (registration, consent, notes, the steps up to
 * departure); everything after that is done in the browser. The tests run in order and share the case.
 */

import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../src/modules/cases/case-work';
import { CreateNoteSchema, OpenCaseSchema, TransitionRequestSchema } from '../../src/modules/cases/contract';
import { openCase } from '../../src/modules/cases/open-case';
import { cases } from '../../src/modules/cases/tables';
import { transitionCase } from '../../src/modules/cases/transition-case';
import { identityRepository } from '../../src/modules/identity';
import { projects } from '../../src/modules/projects';
import { registerPerson } from '../../src/modules/registry';
import { AddConsentSchema, CreatePersonSchema } from '../../src/modules/registry/contract';
import { addConsent } from '../../src/modules/registry/person-records';
import type { ActorCtx } from '../../src/platform/actor';
import { systemClock } from '../../src/platform/clock';
import { wireReactions } from '../../src/server/reactions';
import { type E2E, expectNoSeriousAxeViolations, setupE2E, signIn, waitForIdle } from './harness';

const PARIS_PROTECTION = 'protection.paris@passerelle.test';
const PARIS_SUPERVISOR = 'supervisor.paris@passerelle.test';
const TIRANA_SUPERVISOR = 'supervisor.tirana@passerelle.test';
const TIRANA_PROTECTION = 'protection.tirana@passerelle.test';

const PERSON = { givenName: 'Vjollca', familyName: 'Hoxhaj', birthDate: '1996-03-14' };
const FULL_NAME = `${PERSON.givenName} ${PERSON.familyName}`;
const CONSENT_RECIPIENT = 'Bureau de Tirana';
const NOTE = 'Entretien de conseil en albanais avec une interprète.';
const CONFIDENTIAL_NOTE = 'Exploitée à Lyon ; craint des représailles du réseau.';
const SUMMARY =
  'Retour à Tirana le jour même. Merci de prendre le relais à son arrivée : accueil et plan de réintégration.';
const REINTEGRATION_NEEDS = 'Formation professionnelle en hôtellerie ; logement temporaire à Tirana.';

let e2e: E2E;
/** The Paris protection officer, signed in once (French). */
let paris: Page;
/** Set by the preconditions: the case's address and reference. */
let casePath = '';
let caseReference = '';
/** Set by the first journey: the transfer's address and reference. */
let referralPath = '';
let referralReference = '';
/** Set when Tirana accepts. */
let accepted = false;

beforeAll(async () => {
  e2e = await setupE2E();
  const prepared = await prepareDepartedTactCase();
  casePath = `/cases/${prepared.caseId}`;
  caseReference = prepared.reference;
  paris = await e2e.newPage();
  await signIn(paris, PARIS_PROTECTION);
});
afterEach(() => e2e.expectNoPageProblems());
afterAll(async () => {
  await e2e?.close();
});

// ---- preconditions, through the use cases ------------------------------------------------------------

/** The use-case context of a demo account, with its memberships as a signed-in request would have them. */
async function actingAs(email: string): Promise<ActorCtx> {
  const db = e2e.database.db;
  const user = await identityRepository.findUserByEmail(db, email);
  if (!user) throw new Error(`no demo account ${email}`);
  const memberships = (await identityRepository.membershipsOf(db, [user.id])).get(user.id) ?? [];
  return {
    db,
    clock: systemClock,
    actor: {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      memberships: memberships.map((m) => ({ officeId: m.officeId, role: m.role })),
    },
    requestId: null,
    ip: null,
    lang: 'fr',
    reactions: wireReactions(),
  };
}

/** A day relative to today (UTC), as YYYY-MM-DD. */
function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A Paris TACT trafficking case of an Albanian woman, departed today: her specific needs include a
 * trafficking (TR-) and a medical (SM-) code, the case has a note and a confidential note, and she consented
 * to a referral to the Tirana office.
 */
async function prepareDepartedTactCase(): Promise<{ caseId: string; reference: string }> {
  const db = e2e.database.db;
  const protection = await actingAs(PARIS_PROTECTION);
  const supervisor = await actingAs(PARIS_SUPERVISOR);
  const paris = await identityRepository.findOfficeByCode(db, 'PAR');
  const [tact] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, 'TACT'));
  if (!paris || !tact) throw new Error('the demo data has no Paris office or TACT project');

  const { person } = await registerPerson(
    protection,
    CreatePersonSchema.parse({
      ...PERSON,
      sex: 'female',
      nationalities: ['AL'],
      languages: ['sq'],
      countryOfOrigin: 'AL',
      specificNeeds: ['TR-PI', 'SM-MI', 'WR-WR'],
      officeId: paris.id,
      acknowledgeMatches: true,
    }),
  );
  if (!person) throw new Error('the person was not registered');
  await addConsent(
    protection,
    person.id,
    AddConsentSchema.parse({ purpose: 'referral', recipient: CONSENT_RECIPIENT, givenOn: isoDay(-20) }),
  );
  const caseId = await openCase(
    protection,
    OpenCaseSchema.parse({
      personId: person.id,
      caseType: 'avrr_vot',
      projectId: tact.id,
      officeId: paris.id,
      assignedTo: protection.actor.userId,
      hostCountry: 'FR',
      returnCountry: 'AL',
    }),
  );
  await addNote(protection, caseId, CreateNoteSchema.parse({ body: NOTE }));
  await addNote(protection, caseId, CreateNoteSchema.parse({ body: CONFIDENTIAL_NOTE, confidential: true }));

  const step = async (ctx: ActorCtx, to: string, fields?: Record<string, unknown>) => {
    const [row] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    if (!row) throw new Error('the case vanished');
    await transitionCase(ctx, caseId, TransitionRequestSchema.parse({ version: row.version, to, fields }));
  };
  await step(protection, 'counselling');
  await step(protection, 'eligibility');
  await step(supervisor, 'travel_preparation'); // a supervisor takes the approval step directly
  await step(protection, 'ready_to_travel', {
    travelDocumentReady: true,
    medicalFitness: 'fit',
    declarationSignedOn: isoDay(-2),
  });
  await step(protection, 'departed', { departureDate: isoDay(0) });

  const [row] = await db.select({ reference: cases.reference }).from(cases).where(eq(cases.id, caseId));
  if (!row) throw new Error('the case vanished');
  return { caseId, reference: row.reference };
}

// ---- helpers ------------------------------------------------------------------------------------------

const h1 = (page: Page) => page.locator('#main-content h1');
const main = (page: Page) => page.locator('#main-content');
/** A titled section of a detail page. */
const region = (scope: Page | Locator, name: string) => scope.getByRole('region', { name, exact: true });

/** The description of a term in the `<dl>`s in scope, e.g. the case's "Statut". */
function described(scope: Page | Locator, term: string): Locator {
  return scope
    .locator('dl > dt', { hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

async function nav(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: /Navigation principale|Main navigation/ })
    .getByRole('link', { name, exact: true })
    .click();
}

/** The header's bell; its name carries the unread count. */
const bell = (page: Page) => page.locator('header').getByRole('button', { name: /^Notifications/ });

/**
 * Waits for the page to settle, then runs axe. Toasts are let close first: Mantine's toast close button
 * has no accessible name (reported), which axe would otherwise report on every page that just saved.
 */
async function axe(page: Page, label: string) {
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' });
  await waitForIdle(page);
  await expectNoSeriousAxeViolations(page, label);
}

/** The case page's words for its status, in each language. */
const CASE_PAGE = {
  fr: { summary: 'Informations du dossier', status: 'Statut', steps: 'Étapes du parcours' },
  en: { summary: 'Case information', status: 'Status', steps: 'Steps of the process' },
} as const;

/** Waits until the case page shows this status, in its summary and as the workflow's current step. */
async function expectCaseStatus(page: Page, language: 'fr' | 'en', label: string) {
  const words = CASE_PAGE[language];
  await described(region(page, words.summary), words.status).getByText(label, { exact: true }).waitFor();
  const current = page.getByRole('list', { name: words.steps }).locator('[aria-current=step]');
  expect(await current.textContent()).toContain(label);
}

// ---- the journeys -------------------------------------------------------------------------------------

describe('Paris → Tirana transfer of a TACT case', () => {
  it('lets the Paris protection officer transfer the departed case with the safe default sections and the covering consent', async () => {
    const page = paris;
    await page.goto(casePath);
    await h1(page).getByText(caseReference, { exact: true }).waitFor();
    await expectCaseStatus(page, 'fr', 'Parti');
    const summary = region(page, 'Informations du dossier');
    expect(await text(described(summary, 'Type'))).toBe('Retour volontaire – victime de la traite');
    expect(await text(described(summary, 'Projet'))).toBe('TACT');
    expect(await text(described(summary, 'Bureau'))).toBe('PAR');
    // What must not travel is there for her to see.
    const notes = page.getByRole('list', { name: 'Notes du dossier' });
    await notes.getByText(CONFIDENTIAL_NOTE).waitFor();
    await notes.getByText(NOTE).waitFor();

    const referrals = region(page, 'Orientations et transferts');
    await referrals.getByText('Ce dossier n’a jamais été orienté ni transféré.').waitFor();
    await referrals.getByRole('button', { name: 'Orienter / transférer' }).click();
    const dialog = page.getByRole('dialog', { name: `Orienter ou transférer le dossier ${caseReference}` });
    await dialog.waitFor();
    const office = dialog.getByRole('combobox', { name: /^Bureau destinataire/ });
    await office.locator('option', { hasText: 'Tirana (TIR)' }).waitFor({ state: 'attached' });
    await axe(page, 'send dialog, as opened');

    // A transfer: always to an office, and the identity always travels with it.
    await dialog.getByRole('radio', { name: 'Transfert' }).check();
    await expect
      .poll(() => dialog.getByRole('radio', { name: /^Une organisation partenaire/ }).isDisabled())
      .toBe(true);
    await office.selectOption({ label: 'Tirana (TIR) – Albanie' });

    // The safe default: neither the trafficking details nor the confidential notes.
    const sections = dialog.getByRole('group', { name: 'Informations partagées' });
    const checked = () =>
      sections
        .locator('input[name=sections]:checked')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(await checked()).toEqual(['identity', 'needs_summary', 'reintegration_needs', 'case_history']);
    const identity = sections.getByRole('checkbox', { name: 'Identité', exact: true });
    expect(await identity.isChecked()).toBe(true);
    expect(await identity.isDisabled()).toBe(true);
    for (const name of [/^Éléments relatifs à la traite/, /^Notes confidentielles/, /^Aptitude médicale/]) {
      const box = sections.getByRole('checkbox', { name });
      expect(await box.isChecked(), String(name)).toBe(false);
      expect(await box.isEnabled(), String(name)).toBe(true); // she could share them: she may read them
    }
    expect(await sections.getByRole('alert').count()).toBe(0);

    await dialog.getByRole('textbox', { name: /^Résumé pour le destinataire/ }).fill(SUMMARY);
    await dialog.getByRole('textbox', { name: /^Besoins de réintégration/ }).fill(REINTEGRATION_NEEDS);
    // Her consent to a referral to the Tirana office is offered among those that cover a referral.
    const consent = dialog.getByRole('combobox', { name: /^Consentement/ });
    const covering = consent.locator('optgroup[label="Orientation ou partage de données"] option', {
      hasText: CONSENT_RECIPIENT,
    });
    expect(await covering.count()).toBe(1);
    expect(await text(covering)).toMatch(
      new RegExp(`^Orientation vers un partenaire – ${CONSENT_RECIPIENT} \\(donné le .+\\)$`),
    );
    await consent.selectOption((await covering.getAttribute('value')) ?? 'no consent offered');
    expect(await dialog.getByRole('textbox', { name: /^Justification de la dérogation/ }).count()).toBe(0);
    await axe(page, 'send dialog, filled in');

    await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
    await dialog.waitFor({ state: 'detached' });
    const sent = page.getByText(/^La demande REF-\d{4}-\d{5} a été envoyée\.$/);
    await sent.waitFor();
    referralReference = (await text(sent)).match(/REF-\d{4}-\d{5}/)?.[0] ?? '';

    // Listed on the case, pending, with a link to the request.
    const table = referrals.getByRole('table', { name: 'Orientations et transferts du dossier' });
    const row = table.getByRole('row').filter({ hasText: referralReference });
    await row.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    await row.getByText('Transfert', { exact: true }).waitFor();
    await row.getByText('Tirana (TIR)', { exact: true }).waitFor();
    await row.getByText('En attente', { exact: true }).waitFor();
    const link = row.getByRole('link', { name: referralReference });
    referralPath = (await link.getAttribute('href')) ?? '';
    expect(referralPath).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
    // Still hers until Tirana accepts.
    expect(await text(described(summary, 'Bureau'))).toBe('PAR');
    await axe(page, 'case page with a pending transfer');
  });

  it('notifies the Tirana supervisor, who reads the summary without the name and accepts for Blerina Dervishi', async ({
    skip,
  }) => {
    skip(!referralPath, 'the transfer was not sent');
    const page = await e2e.newPage();
    await signIn(page, TIRANA_SUPERVISOR);

    // The bell counts what is unread; the new request is among the notifications.
    const unreadBell = page.locator('header').getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await unreadBell.waitFor();
    const unread = Number((await unreadBell.getAttribute('aria-label'))?.match(/\d+/)?.[0]);
    expect(unread).toBeGreaterThan(0);
    await unreadBell.click();
    const popover = page.getByRole('dialog', { name: 'Notifications' });
    await popover.waitFor();
    const item = popover.getByRole('link').filter({ hasText: referralReference });
    await item.getByText(`New request received · ${referralReference}`, { exact: true }).waitFor();
    expect(await text(item)).toMatch(/PAR · .* · unread$/);
    await waitForIdle(page);
    await expectNoSeriousAxeViolations(page, 'notifications popover (en)');
    await item.click();
    await page.waitForURL((url) => url.pathname === referralPath);
    await h1(page).getByText(referralReference, { exact: true }).waitFor();
    // Opening it marked it read.
    await expect
      .poll(async () => bell(page).getAttribute('aria-label'))
      .toBe(unread > 1 ? `Notifications, ${unread - 1} unread` : 'Notifications');

    // The summary: the person by initials only, the case as plain AVRR, what would travel, the request.
    const request = region(page, 'The request');
    await request.waitFor();
    expect(await text(described(request, 'Kind'))).toBe('Transfer');
    expect(await text(described(request, 'Status'))).toBe('Pending');
    expect(await text(described(request, 'Case'))).toBe(caseReference);
    expect(await described(request, 'Case').getByRole('link').count()).toBe(0);
    expect(await text(described(request, 'Case type'))).toBe('Assisted voluntary return and reintegration');
    expect(await text(described(request, 'Sending office'))).toBe('Paris (PAR)');
    expect(await text(described(request, 'Recipient'))).toBe('Tirana (TIR)');
    expect(await text(described(request, 'Person'))).toMatch(/^V\. H\. · Female · age \d+ · Albania$/);
    expect(await text(described(request, 'Return country'))).toBe('Albania');
    expect(await described(request, 'Shared information').getByRole('listitem').allTextContents()).toEqual([
      'Identity',
      'Specific needs',
      'Reintegration needs',
      'Case history',
    ]);
    expect(await text(described(request, 'Summary'))).toBe(SUMMARY);
    expect(await text(described(request, 'Basis for sharing'))).toBe('Recorded consent');
    expect(await text(described(request, 'Requested'))).toMatch(/^Nadia Benali, on /);
    await page.getByText('You will see the shared information once the request is accepted.').waitFor();
    const content = await text(main(page));
    for (const secret of [PERSON.givenName, PERSON.familyName, REINTEGRATION_NEEDS, NOTE, CONFIDENTIAL_NOTE])
      expect(content, secret).not.toContain(secret);
    expect(content).not.toMatch(/traffick/i);
    expect(await region(page, 'Shared information').count()).toBe(0);
    const decision = region(page, 'Decision');
    await decision.getByRole('button', { name: 'Accept', exact: true }).waitFor();
    await decision.getByRole('button', { name: 'Decline', exact: true }).waitFor();
    await axe(page, 'referral page, pending, receiver (en)');

    // Accepting the transfer, the case assigned to the protection officer.
    await decision.getByRole('button', { name: 'Accept', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Accept ${referralReference}` });
    await dialog.waitFor();
    await dialog.getByText('The case and the person’s record become your office’s responsibility.').waitFor();
    const assignee = dialog.getByRole('combobox', { name: 'Assign the case to' });
    await assignee.locator('option', { hasText: 'Blerina Dervishi' }).waitFor({ state: 'attached' });
    await assignee.selectOption({ label: 'Blerina Dervishi' });
    await axe(page, 'accept dialog (en)');
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('The request has been accepted.').waitFor();
    accepted = true;

    await described(request, 'Status').getByText('Accepted', { exact: true }).waitFor();
    await decision.waitFor({ state: 'detached' });
    expect(await text(described(request, 'Answer'))).toMatch(/^Ilir Shehu, on /);
    await page.getByText('The case is now followed by your office.').waitFor();
    await page.getByRole('link', { name: `Open case ${caseReference}` }).waitFor();

    // Now the shared sections, and only those: her name, the needs without the TR-/SM- codes, the
    // reintegration needs, the history with the note but not the confidential one.
    const shared = region(page, 'Shared information');
    await shared.waitFor();
    expect(await shared.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Identity',
      'Specific needs',
      'Reintegration needs',
      'Case history',
    ]);
    expect(await text(described(region(shared, 'Identity'), 'Name'))).toBe(FULL_NAME);
    expect(await region(shared, 'Specific needs').getByRole('listitem').allTextContents()).toEqual([
      'Single woman at risk (WR-WR)',
    ]);
    await region(shared, 'Reintegration needs').getByText(REINTEGRATION_NEEDS).waitFor();
    await region(shared, 'Case history').getByText(NOTE).waitFor();
    const sharedText = await text(shared);
    for (const secret of [CONFIDENTIAL_NOTE, 'TR-PI', 'SM-MI'])
      expect(sharedText, secret).not.toContain(secret);
    await axe(page, 'referral page, accepted transfer, receiver (en)');
  });

  it('lets the Tirana protection officer continue the case to arrival, without what Paris did not share', async ({
    skip,
  }) => {
    skip(!accepted, 'the transfer was not accepted');
    const page = await e2e.newPage();
    await signIn(page, TIRANA_PROTECTION);

    // Among Tirana's cases now, assigned to her.
    await nav(page, 'Cases');
    await h1(page).getByText('Cases', { exact: true }).waitFor();
    await page.getByLabel('Search (reference, name or document)').fill(caseReference);
    await page.getByRole('status').getByText('Matching cases: 1', { exact: true }).waitFor();
    const row = page.getByRole('table', { name: 'List of cases' }).locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Blerina Dervishi');
    await row.getByRole('link', { name: caseReference }).click();
    await page.waitForURL((url) => url.pathname === casePath);
    await h1(page).getByText(caseReference, { exact: true }).waitFor();

    const summary = region(page, 'Case information');
    await expectCaseStatus(page, 'en', 'Departed');
    expect(await text(described(summary, 'Office'))).toBe('TIR');
    expect(await text(described(summary, 'Assigned to'))).toContain('Blerina Dervishi');
    expect(await text(described(summary, 'Project'))).toBe('TACT');
    await described(summary, 'Person').getByRole('link', { name: FULL_NAME }).waitFor();

    // The transfer on the timeline, with its reference.
    const history = page.getByRole('list', { name: 'Case history' });
    const transferred = history.getByRole('listitem').filter({ hasText: 'Case transferred' });
    await transferred.waitFor();
    await transferred.getByRole('link', { name: `Transfer ${referralReference}` }).waitFor();
    // The note travelled with the case history; the confidential note did not.
    const notes = page.getByRole('list', { name: 'Case notes' });
    await notes.getByText(NOTE).waitFor();
    expect(await notes.getByRole('listitem').count()).toBe(1);
    expect(await text(main(page))).not.toContain(CONFIDENTIAL_NOTE);
    await axe(page, 'case page after the transfer, new owner (en)');

    // Her record, now Tirana's: the specific needs without the trafficking and medical codes.
    await described(summary, 'Person').getByRole('link', { name: FULL_NAME }).click();
    await page.waitForURL(/\/registry\/[0-9a-f-]{36}$/);
    await h1(page).getByText(FULL_NAME, { exact: true }).waitFor();
    expect(await text(described(page, 'Office'))).toBe('TIR');
    const needs = region(page, 'Specific needs');
    await needs.getByText('Needs selected: 1', { exact: true }).waitFor();
    expect(await needs.getByRole('checkbox', { name: 'Single woman at risk' }).isChecked()).toBe(true);
    expect(await needs.getByRole('checkbox', { name: 'Identified victim of trafficking' }).isChecked()).toBe(
      false,
    );
    expect(await needs.getByRole('checkbox', { name: 'Mental illness' }).isChecked()).toBe(false);
    await axe(page, 'person page after the transfer, new owner (en)');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === casePath);
    await h1(page).getByText(caseReference, { exact: true }).waitFor();

    // She arrived.
    await region(page, 'Progress').getByRole('button', { name: 'Move to: Arrived', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Move to step: Arrived' });
    await dialog.waitFor();
    await dialog.getByLabel('Comment (optional)').fill('Met at Tirana airport by the office.');
    await axe(page, 'transition dialog (en)');
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('The case moved to step: Arrived.').waitFor();
    await expectCaseStatus(page, 'en', 'Arrived');
    const arrival = history.getByRole('listitem').filter({ hasText: 'Met at Tirana airport by the office.' });
    await arrival.getByText('Step change', { exact: true }).waitFor();
    expect(await arrival.textContent()).toContain('Blerina Dervishi');
  });

  it('shows Paris the progress on the referral, while the case itself is no longer Paris’s to open', async ({
    skip,
  }) => {
    skip(!accepted, 'the transfer was not accepted');
    const page = paris;

    // The case has left Paris.
    const response = page.waitForResponse((r) => new URL(r.url()).pathname === `/api${casePath}`);
    await page.goto(casePath);
    expect((await response).status()).toBe(404);
    await h1(page).getByText('Dossier introuvable', { exact: true }).waitFor();
    expect(await text(main(page))).not.toContain(FULL_NAME);
    await axe(page, 'case not found (fr)');

    // Told of the acceptance.
    await bell(page).click();
    const popover = page.getByRole('dialog', { name: 'Notifications' });
    await popover
      .getByRole('link')
      .filter({ hasText: referralReference })
      .getByText(`Demande acceptée · ${referralReference}`, { exact: true })
      .waitFor();
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });

    // The request among those sent.
    await nav(page, 'Orientations');
    await h1(page).getByText('Orientations et transferts', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Envoyées' }).click();
    await page.waitForURL((url) => url.searchParams.get('direction') === 'outgoing');
    const sent = page.getByRole('table', { name: 'Orientations et transferts envoyés' });
    const row = sent.getByRole('row').filter({ hasText: referralReference });
    await row.getByText('Acceptée', { exact: true }).waitFor();
    await axe(page, 'referrals sent (fr)');
    await row.getByRole('link', { name: referralReference }).click();
    await page.waitForURL((url) => url.pathname === referralPath);
    await h1(page).getByText(referralReference, { exact: true }).waitFor();

    const request = region(page, 'La demande');
    await described(request, 'Statut').getByText('Acceptée', { exact: true }).waitFor();
    expect(await text(described(request, 'Dossier'))).toBe(caseReference);
    expect(await described(request, 'Dossier').getByRole('link').count()).toBe(0);
    expect(await text(described(request, 'Réponse'))).toMatch(/^Ilir Shehu, le /);
    await described(request, 'Suivi jusqu’au').waitFor();

    // Progress, read-only: the step reached and the milestone since the transfer; no content.
    const progress = region(page, 'Avancement après le transfert');
    await described(progress, 'Étape actuelle').getByText('Arrivé', { exact: true }).waitFor();
    const milestones = await progress.getByRole('listitem').allTextContents();
    expect(milestones).toEqual([expect.stringMatching(/^Arrivé · \S+/)]);
    await progress.getByText('Pas encore de suivi de la réintégration.').waitFor();
    expect(await region(page, 'Ce qui est partagé').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Décision' }).count()).toBe(0);
    await axe(page, 'referral page, accepted transfer, sender with progress (fr)');
  });
});
