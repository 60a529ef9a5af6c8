/**
 * Issue 13's journey, as the Paris office lives it: the caseworker submits a selection mission's batch of
 * two Syrian households and records the decisions with their letters; a medical officer records fitness to
 * travel; the caseworker clears health and orientation, records exit permits and visas, plans a movement,
 * books the households (one refused first: a visa that has run out), prints the manifest, records boarding
 * with a no-show, the arrival and the handover to reception services with a link for the reception partner,
 * who opens it without an account, sees the arrival section only and confirms the reception.
 *
 * The households are prepared through the domain use cases up to the submission stage (registered,
 * referred with the agency's document, interviewed, submission approved); the two documents go through the
 * API, as the browser would send them. Everything after that is done in the browser. The tests run in order
 * and share the households.
 */

import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenCaseSchema, TransitionRequestSchema } from '../../src/modules/cases/contract';
import { openCase } from '../../src/modules/cases/open-case';
import { cases } from '../../src/modules/cases/tables';
import { transitionCase } from '../../src/modules/cases/transition-case';
import { identityRepository } from '../../src/modules/identity';
import { projects } from '../../src/modules/projects';
import { registerPerson } from '../../src/modules/registry';
import { CreatePersonSchema } from '../../src/modules/registry/contract';
import { RecordReferralSchema } from '../../src/modules/resettlement/contract';
import { recordReferral } from '../../src/modules/resettlement/record-referral';
import type { ActorCtx } from '../../src/platform/actor';
import { hashPassword } from '../../src/platform/crypto';
import {
  actingAs,
  DEMO_PASSWORD,
  type E2E,
  expectNoSeriousAxeViolations,
  setupE2E,
  signIn,
  waitForDialogs,
  waitForIdle,
} from './harness';

const CASEWORKER = 'caseworker.paris@passerelle.test';
const SUPERVISOR = 'supervisor.paris@passerelle.test';
/** The demo has no medical account of its own here: the journey makes one. */
const MEDICAL = 'rst.medical.journey@passerelle.test';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600, 0x41)]);
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });

/** The server's day (UTC) moved by `n` days, as YYYY-MM-DD: movements and validities are judged on it. */
function day(n = 0): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

type Household = { caseId: string; reference: string; principal: string; members: string[] };

let e2e: E2E;
/** The caseworker, signed in once (French). */
let cw: Page;
let samir: Household;
let mariam: Household;
let batchReached = false;
/** The demo's own households that reached arrival in the project, before the journey adds one. */
let arrivedBefore = { households: 0, persons: 0 };
let movementPath = '';
/** The reception partner's link, as the handover showed it once. */
let receptionPath = '';

beforeAll(async () => {
  e2e = await setupE2E();
  const db = e2e.database.db;
  const paris = await identityRepository.findOfficeByCode(db, 'PAR');
  if (!paris) throw new Error('the demo data has no Paris office');
  const medical = await identityRepository.insertUser(db, {
    email: MEDICAL,
    displayName: 'Claire Moreau',
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  await identityRepository.replaceMemberships(db, medical.id, [
    { officeId: paris.id, role: 'medical_officer' },
  ]);

  cw = await e2e.newPage();
  await signIn(cw, CASEWORKER);
  arrivedBefore = await arrivedInFunnel();
  samir = await prepareHousehold(
    [
      { givenName: 'Samir', familyName: 'Haddad', sex: 'male', birthDate: '1979-04-02' },
      { givenName: 'Lina', familyName: 'Haddad', sex: 'female', birthDate: '2011-09-15' },
    ],
    'LEB-24C10001',
  );
  mariam = await prepareHousehold(
    [{ givenName: 'Mariam', familyName: 'Khalil', sex: 'female', birthDate: '1975-01-20' }],
    'LEB-24C10002',
  );
});
afterEach(() => e2e.expectNoPageProblems());
afterAll(async () => {
  await e2e?.close();
});

// ---- preconditions, through the use cases -------------------------------------------------------------

/** The project's funnel at the arrival stage, as the caseworker's browser reads it. */
async function arrivedInFunnel() {
  const [project] = await e2e.database.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.code, 'SYR-RST'));
  const response = await cw.request.get(`/api/resettlement/funnel?projectId=${project?.id}`);
  expect(response.status(), await response.text()).toBe(200);
  const funnel = (await response.json()) as { stages: { stage: string; reached: number; persons: number }[] };
  const arrived = funnel.stages.find((s) => s.stage === 'arrived');
  return { households: arrived?.reached ?? 0, persons: arrived?.persons ?? 0 };
}

/** Attaches a file of a kind to a case through the API, as the caseworker's browser would. */
async function attach(caseId: string, kind: string): Promise<string> {
  const me = await cw.request.get('/api/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await cw.request.post(`/api/cases/${caseId}/attachments?documentKind=${kind}`, {
    headers: { 'x-csrf-token': csrfToken },
    multipart: { file: pdf(`${kind}.pdf`) },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/**
 * A household of the Syrian resettlement project at the submission stage: its people registered, a case
 * opened on the principal, the referral recorded with its document, the interview held and the submission
 * approved (the registration form attached).
 */
async function prepareHousehold(
  people: { givenName: string; familyName: string; sex: string; birthDate: string }[],
  reference: string,
): Promise<Household> {
  const db = e2e.database.db;
  const caseworker = await actingAs(e2e.database, CASEWORKER);
  const supervisor = await actingAs(e2e.database, SUPERVISOR);
  const paris = await identityRepository.findOfficeByCode(db, 'PAR');
  const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, 'SYR-RST'));
  if (!paris || !project) throw new Error('the demo data has no Paris office or Syrian resettlement project');
  const ids: string[] = [];
  for (const p of people) {
    const { person } = await registerPerson(
      caseworker,
      CreatePersonSchema.parse({
        ...p,
        nationalities: ['SY'],
        languages: ['ar'],
        countryOfOrigin: 'SY',
        officeId: paris.id,
        acknowledgeMatches: true,
      }),
    );
    if (!person) throw new Error('the person was not registered');
    ids.push(person.id);
  }
  const [principal, ...others] = ids;
  if (!principal) throw new Error('no principal');
  const caseId = await openCase(
    caseworker,
    OpenCaseSchema.parse({
      personId: principal,
      caseType: 'resettlement',
      projectId: project.id,
      officeId: paris.id,
      assignedTo: caseworker.actor.userId,
    }),
  );
  const version = async () => {
    const [row] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    if (!row) throw new Error('the case vanished');
    return row.version;
  };
  const referralDocumentId = await attach(caseId, 'referral_document');
  await recordReferral(
    caseworker,
    caseId,
    RecordReferralSchema.parse({
      version: await version(),
      agency: 'UNHCR',
      reference,
      referralDocumentId,
      members: others.map((personId) => ({ personId, relationship: 'child' })),
    }),
  );
  const step = async (ctx: ActorCtx, to: string) =>
    transitionCase(ctx, caseId, TransitionRequestSchema.parse({ version: await version(), to }));
  await step(caseworker, 'interview');
  await attach(caseId, 'resettlement_registration_form');
  await step(supervisor, 'submission'); // a supervisor takes the approval step directly
  const [row] = await db.select({ reference: cases.reference }).from(cases).where(eq(cases.id, caseId));
  if (!row) throw new Error('the case vanished');
  return {
    caseId,
    reference: row.reference,
    principal: `${people[0]?.givenName} ${people[0]?.familyName}`,
    members: people.map((p) => `${p.givenName} ${p.familyName}`),
  };
}

// ---- helpers ------------------------------------------------------------------------------------------

const h1 = (page: Page) => page.locator('#main-content h1');
const region = (scope: Page | Locator, name: string) => scope.getByRole('region', { name, exact: true });
const dialogNamed = (page: Page, name: string) => page.getByRole('dialog', { name, exact: true });

function described(scope: Page | Locator, term: string): Locator {
  return scope
    .locator('dl > dt', { hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

/**
 * Toasts are closed first (Mantine's close button has no name, which axe would report on every page that
 * just saved; closing them beats waiting seconds for them to go), then the page settles and axe runs.
 */
async function axe(page: Page, label: string) {
  const toasts = page.locator('.mantine-Notification-root');
  // A toast that arrives while the others close is closed on the next pass.
  await expect
    .poll(
      async () => {
        for (const close of await toasts.locator('button').all()) await close.click().catch(() => undefined);
        return toasts.count();
      },
      { timeout: 15_000, interval: 300 },
    )
    .toBe(0);
  await waitForIdle(page);
  await expectNoSeriousAxeViolations(page, label);
}

/** Submits the dialog with its button and waits for it to close and for the confirmation. */
async function save(dialog: Locator, button: string, confirmation: string | RegExp) {
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await dialog.page().getByText(confirmation).first().waitFor();
}

async function openHousehold(page: Page, household: Household) {
  await page.goto(`/cases/${household.caseId}?tab=resettlement`);
  await h1(page).getByText(household.reference, { exact: true }).waitFor();
  await region(page, 'Étape et actions').waitFor();
}

async function expectStage(page: Page, label: string) {
  await described(region(page, 'Étape et actions'), 'Étape actuelle')
    .getByText(label, { exact: true })
    .waitFor();
}

/** Records an exit permit or a visa from the household's papers. */
async function recordClearance(
  page: Page,
  kind: 'exit_permit' | 'visa',
  name: string,
  fields: { number: string; country: string; from: string; until: string },
) {
  const papers = region(page, 'Autorisations de sortie et visas');
  const label =
    kind === 'visa' ? `Enregistrer le visa de ${name}` : `Enregistrer l’autorisation de sortie de ${name}`;
  await papers.getByRole('button', { name: label }).click();
  const dialog = dialogNamed(page, kind === 'visa' ? `Visa de ${name}` : `Autorisation de sortie de ${name}`);
  await dialog.getByLabel(/^Numéro/).fill(fields.number);
  await dialog.getByLabel(/^Pays de délivrance/).selectOption({ label: fields.country });
  await dialog.getByLabel(/^Valable à partir du/).fill(fields.from);
  await dialog.getByLabel(/^Valable jusqu’au/).fill(fields.until);
  await save(
    dialog,
    'Enregistrer',
    kind === 'visa'
      ? `Le visa de ${name} est enregistré.`
      : `L’autorisation de sortie de ${name} est enregistrée.`,
  );
}

// ---- the journey --------------------------------------------------------------------------------------

describe('resettlement of two Syrian households from Lebanon', () => {
  it('lets the caseworker submit a selection mission’s batch and record the decisions with their letters', async () => {
    const page = cw;
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Réinstallation', exact: true })
      .click();
    await h1(page).getByText('Ménages en cours', { exact: true }).waitFor();
    const pipeline = page.getByRole('table', { name: 'Ménages du projet' });
    for (const h of [samir, mariam]) {
      const row = pipeline.getByRole('row').filter({ hasText: h.reference });
      await row.getByText('Soumission du dossier', { exact: true }).waitFor();
      await row.getByText('Soumettre dans un lot', { exact: true }).waitFor();
      await row.getByText(h.principal).waitFor();
    }
    await axe(page, 'pipeline');

    await page
      .getByRole('navigation', { name: 'Réinstallation' })
      .getByRole('link', { name: 'Lots de soumission' })
      .click();
    await h1(page).getByText('Lots de soumission', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nouveau lot' }).click();
    const create = dialogNamed(page, 'Nouveau lot de soumission');
    await create.getByLabel(/^Nom de la mission de sélection/).fill('Mission OFPRA Beyrouth');
    expect(await create.getByLabel(/^Pays de réinstallation/).inputValue()).toBe('FR');
    await create.getByLabel(/^Début de la mission/).fill(day(-3));
    await create.getByLabel(/^Fin de la mission/).fill(day(1));
    await create.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL(/\/resettlement\/batches\/[0-9a-f-]{36}$/);
    await h1(page)
      .getByText(/^Lot SUB-\d{4}-\d{4}$/)
      .waitFor();

    const households = region(page, 'Ménages du lot');
    await households.getByRole('button', { name: 'Choisir les ménages' }).click();
    const choose = dialogNamed(page, 'Ménages du lot');
    for (const h of [samir, mariam])
      await choose.getByRole('checkbox', { name: new RegExp(h.reference) }).check();
    await save(choose, 'Enregistrer', 'Le lot compte 2 ménages.');
    await households.getByRole('button', { name: 'Soumettre le lot' }).click();
    const submit = dialogNamed(page, 'Soumettre le lot');
    await submit.getByText('Les 2 ménages du lot passent à l’étape de décision.', { exact: false }).waitFor();
    await save(submit, 'Soumettre le lot', /^Le lot SUB-\d{4}-\d{4} est soumis\.$/);
    await page.getByText('Soumis, décisions attendues', { exact: true }).waitFor();

    const table = page.getByRole('table', { name: 'Ménages du lot et décisions' });
    for (const h of [samir, mariam]) {
      const row = table.getByRole('row').filter({ hasText: h.reference });
      await row.getByText('Décision', { exact: true }).waitFor(); // the case's stage
      await row.getByRole('button', { name: `Enregistrer la décision pour ${h.reference}` }).click();
      const decision = dialogNamed(page, `Décision pour ${h.reference}`);
      await decision.getByRole('radio', { name: 'Accepté' }).check();
      await decision.getByLabel(/^Fichier : Lettre de décision/).setInputFiles(pdf('decision-ofpra.pdf'));
      if (h === samir) {
        await waitForDialogs(page);
        await expectNoSeriousAxeViolations(page, 'decision dialog');
      }
      await save(decision, 'Enregistrer la décision', `La décision pour ${h.reference} est enregistrée.`);
      await row.getByText('Accepté', { exact: true }).waitFor();
      await row.getByText('Évaluation médicale', { exact: true }).waitFor();
    }
    await page.getByText('Décidé', { exact: true }).waitFor();
    await axe(page, 'batch page, decided');
    batchReached = true;
  });

  it('lets the medical officer record fitness to travel, findings sealed from the caseworker', async ({
    skip,
  }) => {
    skip(!batchReached, 'the households were not accepted');
    const page = await e2e.newPage();
    await signIn(page, MEDICAL);
    // Resettlement is in her navigation (she reads households); the case's steps are not hers.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Réinstallation', exact: true })
      .waitFor();
    for (const h of [samir, mariam]) {
      await openHousehold(page, h);
      const health = region(page, 'Santé et aptitude au voyage');
      for (const name of h.members) {
        await health.getByRole('button', { name: `Enregistrer un bilan de santé pour ${name}` }).click();
        const dialog = dialogNamed(page, `Bilan de santé de ${name}`);
        await dialog.getByLabel(/^Résultat/).selectOption({ label: 'Apte au voyage' });
        await dialog.getByLabel(/^Valable jusqu’au/).fill(day(200));
        if (name === 'Samir Haddad') {
          await dialog.getByLabel(/^Constats médicaux/).fill('Hypertension traitée, suivi à l’arrivée.');
        }
        await save(dialog, 'Enregistrer', `Le bilan de santé de ${name} est enregistré.`);
        await health.getByRole('row').filter({ hasText: name }).getByText('Apte au voyage').waitFor();
      }
    }
    // Her own findings, read on request (audited).
    await openHousehold(page, samir);
    const health = region(page, 'Santé et aptitude au voyage');
    await health.getByRole('button', { name: 'Afficher les constats médicaux de Samir Haddad' }).click();
    await health.getByText('Hypertension traitée, suivi à l’arrivée.').waitFor();
    await axe(page, 'household tab, medical officer');
  });

  it('lets the caseworker clear health and orientation and record exit permits and visas', async ({
    skip,
  }) => {
    skip(!batchReached, 'the households were not accepted');
    const page = cw;
    let first = true;
    for (const h of [samir, mariam]) {
      await openHousehold(page, h);
      await expectStage(page, 'Évaluation médicale');
      if (h === samir) {
        // The findings are there, sealed: restricted for her.
        const health = region(page, 'Santé et aptitude au voyage');
        await health.getByText('Restreint', { exact: true }).waitFor();
        expect(await page.locator('#main-content').textContent()).not.toContain('Hypertension');
      }
      const steps = region(page, 'Étape et actions');
      await steps.getByRole('button', { name: 'Valider l’aptitude au voyage' }).click();
      await save(
        dialogNamed(page, 'Valider l’aptitude au voyage'),
        'Valider',
        'Aptitude validée : le ménage passe à l’orientation avant le départ.',
      );
      await expectStage(page, 'Orientation avant le départ');

      await region(page, 'Orientation avant le départ')
        .getByRole('button', { name: 'Enregistrer une présence' })
        .click();
      const attendance = dialogNamed(page, 'Présence à une session d’orientation');
      if (first) {
        // A new session (the demo's sessions in the project were held years ago).
        await attendance.getByLabel('Session').selectOption('new');
        await attendance.getByLabel(/^Date/).fill(day(-1));
        await attendance.getByLabel(/^Lieu/).fill('Beyrouth, centre du HCR');
        await attendance.getByLabel(/^Langue/).selectOption({ label: 'arabe' });
        await attendance.getByLabel(/^Animateur ou animatrice/).fill('Nour Saleh');
      } else {
        // The session held for both households.
        expect(await attendance.getByLabel('Session').locator('option:checked').textContent()).toContain(
          'Beyrouth, centre du HCR',
        );
      }
      for (const name of h.members)
        expect(await attendance.getByRole('checkbox', { name }).isChecked()).toBe(true);
      await save(attendance, 'Enregistrer', 'La présence est enregistrée.');
      await steps.getByRole('button', { name: 'Valider l’orientation' }).click();
      await save(
        dialogNamed(page, 'Valider l’orientation avant le départ'),
        'Valider',
        'Orientation validée : le ménage passe aux autorisations de sortie.',
      );
      await expectStage(page, 'Autorisations de sortie');

      for (const [i, name] of h.members.entries()) {
        await recordClearance(page, 'exit_permit', name, {
          number: `LB-EXIT-${h.reference.slice(-4)}${i}`,
          country: 'Liban',
          from: day(-5),
          until: day(120),
        });
        // Mariam's visa has run out: the booking will refuse her household until a new one is recorded.
        await recordClearance(page, 'visa', name, {
          number: `FRV${h.reference.slice(-4)}${i}7`,
          country: 'France',
          from: h === mariam ? day(-90) : day(-5),
          until: h === mariam ? day(-1) : day(90),
        });
      }
      first = false;
    }
    // Mariam's expired visa is a blocker, said with its date.
    await page
      .getByRole('alert')
      .filter({ hasText: 'Ce qui empêche le voyage' })
      .getByText(/Mariam Khalil — visa : expirée le /)
      .waitFor();
    await axe(page, 'household tab, exit permits with a blocker');
  });

  it('lets the caseworker plan a movement and book both households, the expired visa refused first', async ({
    skip,
  }) => {
    skip(!batchReached, 'the households were not accepted');
    const page = cw;
    await page.goto('/resettlement/movements');
    await h1(page).getByText('Mouvements', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nouveau mouvement' }).click();
    const create = dialogNamed(page, 'Nouveau mouvement');
    await create.getByLabel(/^Nombre de places/).fill('6');
    const leg1 = create.getByRole('group', { name: 'Étape 1' });
    await leg1.getByLabel(/^Compagnie/).fill('Turkish Airlines');
    await leg1.getByLabel(/^Numéro de vol/).fill('TK827');
    await leg1.getByLabel(/^De/).fill('BEY');
    await leg1.getByLabel(/^Vers/).fill('IST');
    // Local times (Paris) early on the server's day, so that the movement leaves today.
    await leg1.getByLabel(/^Départ/).fill(`${day(0)}T07:00`);
    await leg1.getByLabel(/^Arrivée/).fill(`${day(0)}T09:30`);
    await create.getByRole('button', { name: 'Ajouter une étape' }).click();
    const leg2 = create.getByRole('group', { name: 'Étape 2' });
    await leg2.getByLabel(/^Compagnie/).fill('Turkish Airlines');
    await leg2.getByLabel(/^Numéro de vol/).fill('TK1821');
    await leg2.getByLabel(/^De/).fill('IST');
    await leg2.getByLabel(/^Vers/).fill('CDG');
    await leg2.getByLabel(/^Départ/).fill(`${day(0)}T11:00`);
    await leg2.getByLabel(/^Arrivée/).fill(`${day(0)}T14:15`);
    await waitForDialogs(page);
    await expectNoSeriousAxeViolations(page, 'new movement dialog');
    await create.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL(/\/resettlement\/movements\/[0-9a-f-]{36}$/);
    movementPath = new URL(page.url()).pathname;
    await h1(page)
      .getByText(/^Mouvement MOV-\d{4}-\d{4}$/)
      .waitFor();
    const summary = region(page, 'Le mouvement');
    expect(await described(summary, 'Places').textContent()).toBe('0 prises sur 6 (6 libres)');

    const bookings = region(page, 'Ménages réservés');
    const book = async (h: Household) => {
      await bookings.getByRole('button', { name: 'Réserver un ménage' }).click();
      const dialog = page.getByRole('dialog', { name: /^Réserver un ménage sur MOV-/ });
      const select = dialog.getByLabel(/^Ménage/);
      const option = select.locator('option', { hasText: h.reference });
      await option.waitFor({ state: 'attached' });
      await select.selectOption((await option.getAttribute('value')) ?? 'no such household');
      return dialog;
    };
    let dialog = await book(samir);
    await save(dialog, 'Réserver', 'Le ménage est réservé.');
    await bookings
      .getByRole('row')
      .filter({ hasText: samir.reference })
      .getByText('Réservé', { exact: true })
      .waitFor();

    // Mariam's visa does not cover the flight: refused, said member by member, with what to do.
    dialog = await book(mariam);
    await dialog.getByText(/Mariam Khalil — visa : expirée le /).waitFor(); // already reported
    await dialog.getByRole('button', { name: 'Réserver', exact: true }).click();
    const refusal = dialog.getByRole('alert');
    await refusal
      .getByText(/Les documents ou l’aptitude au voyage d’un membre ne couvrent pas le vol du/)
      .waitFor();
    await refusal.getByText(/^Mariam Khalil: Expiré le /).waitFor();
    await dialog.getByText(/Enregistrez un nouveau visa/).waitFor();
    await waitForIdle(page);
    await expectNoSeriousAxeViolations(page, 'booking refused (validity)');
    await dialog.getByRole('link', { name: 'Ouvrir le ménage' }).click();

    await page.waitForURL((url) => url.pathname === `/cases/${mariam.caseId}`);
    await region(page, 'Autorisations de sortie et visas').waitFor();
    await recordClearance(page, 'visa', 'Mariam Khalil', {
      number: 'FRV55501',
      country: 'France',
      from: day(-1),
      until: day(90),
    });
    await page.goto(movementPath);
    dialog = await book(mariam);
    await save(dialog, 'Réserver', 'Le ménage est réservé.');
    await bookings
      .getByRole('row')
      .filter({ hasText: mariam.reference })
      .getByText('Réservé', { exact: true })
      .waitFor();
    expect(await described(summary, 'Places').textContent()).toBe('3 prises sur 6 (3 libres)');
    await axe(page, 'movement page, two households booked');
  });

  it('lets the caseworker print the manifest, record boarding with a no-show, the arrival and the handover', async ({
    skip,
  }) => {
    skip(!movementPath, 'the movement was not planned');
    const page = cw;
    await page.goto(movementPath);
    const manifest = region(page, 'Manifeste');
    // Whole numbers are not hers to print.
    expect(await manifest.getByRole('checkbox').count()).toBe(0);
    const downloading = page.waitForEvent('download');
    await manifest.getByRole('link', { name: 'Télécharger le manifeste (PDF)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');

    const bookings = region(page, 'Ménages réservés');
    await bookings.getByRole('button', { name: 'Enregistrer l’embarquement' }).click();
    const boarding = page.getByRole('dialog', { name: /^Embarquement – MOV-/ });
    await boarding
      .getByRole('radiogroup', { name: new RegExp(samir.reference) })
      .getByRole('radio', { name: 'Embarqué' })
      .check();
    await boarding
      .getByRole('radiogroup', { name: new RegExp(mariam.reference) })
      .getByRole('radio', { name: 'Non présenté' })
      .check();
    await boarding.getByLabel(/^Motif de l’absence/).fill('Hospitalisée la veille du départ.');
    await save(boarding, 'Enregistrer l’embarquement', 'L’embarquement est enregistré.');
    await page.getByText('Parti', { exact: true }).first().waitFor();
    const samirRow = bookings.getByRole('row').filter({ hasText: samir.reference });
    await samirRow.getByText('Embarqué', { exact: true }).waitFor();
    const passengers = samirRow.getByRole('list', { name: `Passagers de ${samir.reference}` });
    expect(await passengers.getByRole('listitem').allTextContents()).toEqual([
      'Samir Haddad — une place — Embarqué',
      'Lina Haddad — une place — Embarqué',
    ]);
    const mariamRow = bookings.getByRole('row').filter({ hasText: mariam.reference });
    await mariamRow.getByText('Non présenté', { exact: true }).first().waitFor();
    await mariamRow
      .getByText('Mariam Khalil — une place — Non présenté (Hospitalisée la veille du départ.)')
      .waitFor();

    await bookings.getByRole('button', { name: 'Enregistrer l’arrivée' }).click();
    await save(
      page.getByRole('dialog', { name: /^Arrivée – MOV-/ }),
      'Enregistrer l’arrivée',
      'L’arrivée est enregistrée.',
    );
    await page.locator('#main-content').getByText('Arrivé', { exact: true }).first().waitFor();
    await bookings
      .getByRole('button', { name: `Remettre ${samir.reference} aux services d’accueil` })
      .click();
    const handover = dialogNamed(page, `Remise de ${samir.reference} aux services d’accueil`);
    await handover.getByLabel(/^Reçu par/).fill('Forum Réfugiés, Lyon — Mme Garnier');
    await handover.getByLabel(/^Fichier : Reçu de remise/).setInputFiles(pdf('recu-remise.pdf'));
    // The reception partner's link, issued with the handover and shown once.
    await handover
      .getByRole('checkbox', { name: 'Émettre en même temps un lien pour le partenaire d’accueil' })
      .check();
    await handover.getByLabel(/^Organisation d’accueil/).fill('Forum Réfugiés');
    await handover.getByLabel(/^Contact sur place/).fill('Hélène Garnier, +33 4 78 00 00 00');
    await handover.getByLabel(/^Lieu d’accueil/).fill('CADA Villeurbanne');
    await save(
      handover,
      'Enregistrer la remise',
      `La remise de ${samir.reference} est enregistrée : le dossier est clos.`,
    );
    const shown = dialogNamed(page, 'Lien pour le partenaire d’accueil');
    receptionPath = new URL(await shown.getByLabel('Lien d’accueil').inputValue()).pathname;
    expect(receptionPath).toMatch(/^\/reception\/[A-Za-z0-9_-]{40,}$/);
    await shown.getByRole('button', { name: 'J’ai copié le lien' }).click();
    await shown.waitFor({ state: 'detached' });
    await axe(page, 'movement page, arrived');

    // Samir's household closed, its milestones complete; Mariam's back at exit permits with the reason.
    await openHousehold(page, samir);
    await expectStage(page, 'Clos');
    const milestones = region(page, 'Jalons');
    for (const term of ['Accepté', 'Départ', 'Arrivée', 'Remise aux services d’accueil'])
      await described(milestones, term).waitFor();
    await described(region(page, 'Voyage et accueil'), 'Remise aux services d’accueil')
      .getByText(/Forum Réfugiés, Lyon — Mme Garnier/)
      .waitFor();
    await openHousehold(page, mariam);
    await expectStage(page, 'Autorisations de sortie');

    await page.goto('/resettlement/funnel');
    await h1(page).getByText('Entonnoir de la réinstallation', { exact: true }).waitFor();
    const funnel = page.getByRole('table', { name: 'Étapes atteintes, conversion et jours médians' });
    const arrived = funnel
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Arrivé', exact: true }) });
    await arrived.waitFor();
    // Samir's household (two persons) joins the demo's households that had arrived.
    expect((await arrived.getByRole('cell').allTextContents()).slice(0, 2)).toEqual([
      String(arrivedBefore.households + 1),
      String(arrivedBefore.persons + 2),
    ]);
    await axe(page, 'funnel');
  });

  it('lets the reception partner see the arrival without an account and confirm the reception, which the office then sees', async ({
    skip,
  }) => {
    skip(!receptionPath, 'no reception link was issued');
    // A fresh browser: no session, only the link.
    const partner = await e2e.newPage();
    await partner.goto(receptionPath);
    await h1(partner).getByText(`Arrivée du ménage ${samir.reference}`, { exact: true }).waitFor();
    expect(await partner.getByRole('navigation').count()).toBe(0);
    const members = partner.getByRole('table', { name: 'Membres du ménage' });
    for (const name of samir.members) await members.getByRole('row', { name: new RegExp(name) }).waitFor();
    await members
      .getByRole('row', { name: /Lina Haddad/ })
      .getByText('2011', { exact: true })
      .waitFor();
    await described(region(partner, 'L’accueil'), 'Lieu d’accueil').getByText('CADA Villeurbanne').waitFor();
    await region(partner, 'Voyage et arrivée').getByText('TK1821', { exact: false }).waitFor();
    // The arrival section only: no document numbers, no health findings.
    const text = (await partner.locator('#main-content').textContent()) ?? '';
    for (const absent of ['LB-EXIT', 'FRV', 'Hypertension', 'Apte au voyage'])
      expect(text, absent).not.toContain(absent);
    await axe(partner, 'reception partner page');

    const confirm = region(partner, 'Confirmer l’accueil');
    await confirm.getByLabel(/^Nom de la personne qui a reçu le ménage/).fill('Hélène Garnier');
    await confirm.getByLabel(/^Commentaire/).fill('Famille installée au CADA, chambre 12.');
    await confirm.getByRole('button', { name: 'Confirmer l’accueil' }).click();
    await confirm.getByText('Accueil confirmé', { exact: true }).waitFor();
    await confirm.getByText(/^Reçu le .+ par Hélène Garnier/).waitFor();
    expect(await confirm.getByRole('button').count()).toBe(0);

    // Back at the office: the household shows the partner's confirmation.
    await openHousehold(cw, samir);
    const link = region(cw, 'Partenaire d’accueil').getByRole('article', {
      name: 'Forum Réfugiés — CADA Villeurbanne',
    });
    await link.getByText('Actif', { exact: true }).waitFor();
    await described(link, 'Confirmation de l’accueil')
      .getByText(/^Reçu le .+ par Hélène Garnier/)
      .waitFor();
    await described(link, 'Confirmation de l’accueil')
      .getByText('Famille installée au CADA, chambre 12.')
      .waitFor();
    expect(await described(link, 'Dernière consultation').textContent()).not.toBe('Jamais consulté');
  });
});
