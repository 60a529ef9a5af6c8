import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { today } from '../../shared/dates';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import {
  CONSENT_ID,
  DOC_ID,
  makeCaseSummary,
  makeCaseworker,
  makePersonDetail,
  makePersonSummary,
  makeSupervisor,
  PERSON_ID,
} from '../../test-utils/fixtures-cases';
import { renderWithProviders } from '../../test-utils/render';

const AMINA = makePersonDetail();
const route = `/registry/${PERSON_ID}`;

function baseRoutes(detail = AMINA) {
  return {
    [`GET /api/persons/${PERSON_ID}`]: () => jsonResponse(200, detail),
    [`GET /api/persons/${PERSON_ID}/cases`]: () =>
      jsonResponse(200, { items: [makeCaseSummary({ sensitive: true, caseType: 'avrr_vot' })] }),
    [`GET /api/persons/${PERSON_ID}/matches`]: () => jsonResponse(200, { matches: [] }),
    [`GET /api/persons/${PERSON_ID}/merges`]: () => jsonResponse(200, { items: [] }),
    'POST /api/persons/match-check': () => jsonResponse(200, { matches: [] }),
  };
}

describe('person page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('says the person is not found when the server answers 404', async () => {
    stubFetch({ [`GET /api/persons/${PERSON_ID}`]: () => problem(404, 'not_found', 'Introuvable.') });
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    expect(await screen.findByRole('heading', { level: 1, name: 'Personne introuvable' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Réessayer' })).toBeNull();
  });

  it('offers the trafficking codes only to those who may read them in the person’s office', async () => {
    stubFetch(baseRoutes());
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route });
    const needs = await screen.findByRole('region', { name: 'Besoins spécifiques' });
    expect(within(needs).getByRole('checkbox', { name: 'Maladie chronique' })).toBeTruthy();
    expect(within(needs).queryByText('Traite des êtres humains')).toBeNull();
    expect(within(needs).queryByRole('checkbox', { name: 'Victime de traite identifiée' })).toBeNull();
    cleanup();

    stubFetch(baseRoutes());
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const supervisorNeeds = await screen.findByRole('region', { name: 'Besoins spécifiques' });
    expect(
      within(supervisorNeeds).getByRole('checkbox', { name: 'Victime de traite identifiée' }),
    ).toBeTruthy();
  });

  it('shows masked document numbers and reveals one on request, saying the read is audited', async () => {
    const { requests } = stubFetch({
      ...baseRoutes(),
      [`GET /api/persons/${PERSON_ID}/documents/${DOC_ID}/number`]: () =>
        jsonResponse(200, { number: 'N01234567' }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const documents = await screen.findByRole('region', { name: 'Documents d’identité' });
    const table = within(documents).getByRole('table', { name: 'Documents d’identité' });
    expect(within(table).getByText('•••••4567')).toBeTruthy();
    expect(within(table).queryByText('N01234567')).toBeNull();
    expect(
      within(documents).getByText(
        'Chaque affichage d’un numéro complet est enregistré dans le journal d’audit.',
      ),
    ).toBeTruthy();
    // Nothing is read before the explicit click.
    expect(requests.some((r) => r.url.endsWith('/number'))).toBe(false);

    await user.click(within(table).getByRole('button', { name: 'Afficher le numéro complet : Passeport' }));
    expect(await within(table).findByText('N01234567')).toBeTruthy();
    expect(requests.filter((r) => r.url.endsWith('/number'))).toHaveLength(1);
    await user.click(within(table).getByRole('button', { name: 'Masquer le numéro : Passeport' }));
    expect(within(table).getByText('•••••4567')).toBeTruthy();
  });

  it('adds a document and, when another record holds it, names that record before closing', async () => {
    const holder = makePersonSummary({
      id: '00000000-0000-4000-8000-0000000000aa',
      reference: 'PAR-000099',
      givenName: 'Karwan',
      familyName: 'Rashid',
    });
    const { requests } = stubFetch({
      ...baseRoutes(),
      [`POST /api/persons/${PERSON_ID}/documents`]: () =>
        jsonResponse(201, {
          id: '00000000-0000-4000-8000-0000000000bb',
          type: 'passport',
          number: '•••••4567',
          issuingCountry: 'IQ',
          expiryDate: null,
          sameDocumentAs: [holder],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const documents = await screen.findByRole('region', { name: 'Documents d’identité' });
    await user.click(within(documents).getByRole('button', { name: 'Ajouter un document' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ajouter un document d’identité' });
    await user.selectOptions(within(dialog).getByLabelText(/Type/), 'passport');
    await user.type(within(dialog).getByLabelText(/Numéro/), 'A 1234567');
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter' }));

    expect(
      await within(dialog).findByText('Ce document est déjà enregistré pour une autre personne'),
    ).toBeTruthy();
    const list = within(dialog).getByRole('list', { name: 'Fiches portant le même document' });
    expect(within(list).getByRole('link', { name: 'Karwan Rashid' }).getAttribute('href')).toBe(
      `/registry/${holder.id}`,
    );
    expect(await seriousViolations()).toEqual([]);
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      type: 'passport',
      number: 'A 1234567',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Revenir à cette fiche' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows withdrawn consents struck through with their date, and withdraws one', async () => {
    const withdrawn = makePersonDetail({
      consents: AMINA.consents.map((c) => (c.id === CONSENT_ID ? { ...c, withdrawnOn: today() } : c)),
    });
    let current = AMINA;
    const { requests } = stubFetch({
      [`GET /api/persons/${PERSON_ID}`]: () => jsonResponse(200, current),
      [`GET /api/persons/${PERSON_ID}/cases`]: () => jsonResponse(200, { items: [] }),
      [`POST /api/persons/${PERSON_ID}/consents/${CONSENT_ID}/withdraw`]: () => {
        current = withdrawn;
        return jsonResponse(200, withdrawn.consents[0]);
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const consents = await screen.findByRole('region', { name: 'Consentements' });
    const table = within(consents).getByRole('table', { name: 'Consentements' });
    const mediaRow = within(table)
      .getByRole('rowheader', { name: 'Médias et communication' })
      .closest('tr') as HTMLElement;
    expect(within(mediaRow).getByText('Retiré le 10 février 2025')).toBeTruthy();
    expect((within(mediaRow).getByText('Médias et communication') as HTMLElement).style.textDecoration).toBe(
      'line-through',
    );
    // A withdrawn consent cannot be withdrawn again.
    expect(within(mediaRow).queryByRole('button')).toBeNull();

    await user.click(within(table).getByRole('button', { name: 'Retirer le consentement : Assistance' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retirer le consentement : Assistance' });
    expect((within(dialog).getByLabelText(/Date du retrait/) as HTMLInputElement).value).toBe(today());
    await user.click(within(dialog).getByRole('button', { name: 'Retirer le consentement' }));

    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/withdraw'))?.body).toEqual({ withdrawnOn: today() }),
    );
    const assistanceRow = (await within(table).findByRole('rowheader', { name: 'Assistance' })).closest(
      'tr',
    ) as HTMLElement;
    await waitFor(() => expect(within(assistanceRow).queryByText('En vigueur')).toBeNull());
  });

  it('lists the person’s cases with the confidential badge', async () => {
    stubFetch(baseRoutes());
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const cases = await screen.findByRole('region', { name: 'Dossiers' });
    const link = await within(cases).findByRole('link', { name: 'PAR-C-000045' });
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('Confidentiel – traite')).toBeTruthy();
    expect(within(row).getByText('Préparation du voyage')).toBeTruthy();
    expect(within(cases).getByRole('button', { name: 'Ouvrir un dossier' })).toBeTruthy();
  });

  it('saves only the changed identity fields with the version, and shows a conflict without overwriting', async () => {
    const theirs = { ...AMINA, fatherName: 'Omar Haddad', version: 4 };
    const { requests } = stubFetch({
      ...baseRoutes(),
      [`PATCH /api/persons/${PERSON_ID}`]: () =>
        problem(409, 'version_conflict', 'Cet enregistrement a été modifié entre-temps.', {
          current: theirs,
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const identity = await screen.findByRole('region', { name: 'Identité' });
    const father = within(identity).getByLabelText(/^Nom du père\s*$/);
    await user.clear(father);
    await user.type(father, 'Omar H.');
    await user.click(within(identity).getByRole('button', { name: 'Enregistrer' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Quelqu’un d’autre a modifié cet enregistrement',
    });
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ version: 3, fatherName: 'Omar H.' });
    const row = within(dialog).getByRole('rowheader', { name: 'Nom du père' }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Omar Haddad');
    expect(row.textContent).toContain('Omar H.');
    await user.click(within(dialog).getByRole('button', { name: 'Charger la version actuelle' }));
    await waitFor(() =>
      expect((within(identity).getByLabelText(/^Nom du père\s*$/) as HTMLInputElement).value).toBe(
        'Omar Haddad',
      ),
    );
  }, 15_000);
});
