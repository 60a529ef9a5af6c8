import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { PARIS_ID } from '../../test-utils/fixtures';
import {
  makePersonDetail,
  makePersonSummary,
  makeSupervisor,
  OTHER_PERSON_ID,
  PERSON_ID,
} from '../../test-utils/fixtures-cases';
import { makeMatch } from '../../test-utils/fixtures-duplicates';
import { renderWithProviders } from '../../test-utils/render';

const AMINA = makePersonSummary();
const AMINA_REASONS = [
  { code: 'name.same', part: 'family', a: 'حداد', b: 'حداد' },
  { code: 'birthDate.placeholder' },
];
const NEW_PERSON = {
  ...makePersonDetail({
    id: OTHER_PERSON_ID,
    reference: 'PAR-P-000200',
    givenName: 'Amina',
    familyName: 'Haddad',
  }),
};

describe('registry', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  it('searches by name and shows names in both scripts, birth-date precision and case count', async () => {
    const { requests } = stubFetch({
      'GET /api/persons': (request) =>
        jsonResponse(200, { items: request.url.includes('q=') ? [AMINA] : [] }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/registry' });
    await screen.findByRole('heading', { level: 1, name: 'Registre des personnes' });
    await user.type(screen.getByLabelText(/Nom ou numéro de document/), 'Haddad');

    const table = await screen.findByRole('table', { name: 'Personnes du registre' });
    expect(requests.some((r) => r.url === '/api/persons?q=Haddad')).toBe(true);
    const row = within(table).getByRole('link', { name: 'Amina Haddad' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('PAR-P-000123')).toBeTruthy();
    expect(within(row).getByText('أمينة حداد').getAttribute('dir')).toBe('auto');
    expect(within(row).getByText('1990 (année seulement)')).toBeTruthy();
    expect(within(row).getByText('Femme')).toBeTruthy();
    expect(within(row).getByText('Syrie')).toBeTruthy();
    expect(within(row).getByText('2')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Amina Haddad' }).getAttribute('href')).toBe(
      `/registry/${PERSON_ID}`,
    );
  });

  it('shows probable matches with score and reasons before registering, then registers anyway', async () => {
    let posts = 0;
    const { requests } = stubFetch({
      'GET /api/persons': () => jsonResponse(200, { items: [] }),
      'POST /api/persons': () => {
        posts++;
        return posts === 1
          ? jsonResponse(200, {
              matches: [{ person: AMINA, score: 0.72, likely: false, reasons: AMINA_REASONS }],
            })
          : jsonResponse(201, { person: NEW_PERSON, matches: [] });
      },
      [`GET /api/persons/${OTHER_PERSON_ID}`]: () => jsonResponse(200, NEW_PERSON),
      [`GET /api/persons/${OTHER_PERSON_ID}/cases`]: () => jsonResponse(200, { items: [] }),
      [`GET /api/persons/${OTHER_PERSON_ID}/matches`]: () => jsonResponse(200, { matches: [] }),
      [`GET /api/persons/${OTHER_PERSON_ID}/merges`]: () => jsonResponse(200, { items: [] }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/registry' });
    await user.click(await screen.findByRole('button', { name: 'Enregistrer une personne' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer une personne' });
    // The office defaults to the only one where the user may register people.
    expect((within(dialog).getByLabelText(/^Bureau/) as HTMLSelectElement).value).toBe(PARIS_ID);
    await user.type(within(dialog).getByLabelText(/^Prénom\(s\)\s*\*?$/), 'Amina');
    await user.type(within(dialog).getByLabelText(/^Nom de famille\s*\*?$/), 'Haddad');
    const original = within(dialog).getByLabelText(/^Nom de famille dans l’écriture d’origine/);
    expect(original.getAttribute('dir')).toBe('auto');
    await user.type(original, 'حداد');
    await user.selectOptions(within(dialog).getByLabelText(/^Sexe/), 'female');
    await user.type(within(dialog).getByLabelText(/^Date de naissance/), '1990-01-01');
    await user.selectOptions(within(dialog).getByLabelText(/^Précision de la date/), 'year');
    await user.selectOptions(within(dialog).getByLabelText('Nationalité à ajouter'), 'SY');
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter (Nationalités)' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Maladie chronique' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    expect(await within(dialog).findByText('Cette personne est peut-être déjà enregistrée')).toBeTruthy();
    const matches = within(dialog).getByRole('list', { name: 'Correspondances possibles' });
    const match = within(matches).getByRole('listitem', { name: 'Amina Haddad' });
    expect(within(match).getByText('PAR-P-000123')).toBeTruthy();
    expect(within(match).getByText(/^Possible · 72\s%$/)).toBeTruthy();
    expect(within(match).getByText('Nom identique : حداد')).toBeTruthy();
    expect(within(match).getByText('Date de naissance fictive (01-01), même année')).toBeTruthy();
    expect(
      within(match)
        .getByRole('link', { name: 'C’est la même personne : ouvrir sa fiche' })
        .getAttribute('href'),
    ).toBe(`/registry/${PERSON_ID}`);
    const first = requests.find((r) => r.method === 'POST');
    expect(first?.body).toEqual({
      officeId: PARIS_ID,
      givenName: 'Amina',
      familyName: 'Haddad',
      familyNameOriginal: 'حداد',
      sex: 'female',
      birthDate: '1990-01-01',
      birthDatePrecision: 'year',
      nationalities: ['SY'],
      languages: [],
      specificNeeds: ['SM-CI'],
      aliases: [],
      acknowledgeMatches: false,
    });

    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer quand même' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Amina Haddad' })).toBeTruthy();
    const second = requests.filter((r) => r.method === 'POST')[1];
    expect(second?.body).toEqual({ ...(first?.body as object), acknowledgeMatches: true });
  }, 20_000);

  it('opens the existing record instead of registering when it is the same person', async () => {
    const { requests } = stubFetch({
      'GET /api/persons': () => jsonResponse(200, { items: [] }),
      'POST /api/persons': () => jsonResponse(200, { matches: [makeMatch({ person: AMINA })] }),
      [`GET /api/persons/${PERSON_ID}`]: () => jsonResponse(200, makePersonDetail()),
      [`GET /api/persons/${PERSON_ID}/cases`]: () => jsonResponse(200, { items: [] }),
      [`GET /api/persons/${PERSON_ID}/matches`]: () => jsonResponse(200, { matches: [] }),
      [`GET /api/persons/${PERSON_ID}/merges`]: () => jsonResponse(200, { items: [] }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/registry' });
    await user.click(await screen.findByRole('button', { name: 'Enregistrer une personne' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer une personne' });
    await user.type(within(dialog).getByLabelText(/^Prénom\(s\)\s*\*?$/), 'Amina');
    await user.type(within(dialog).getByLabelText(/^Nom de famille\s*\*?$/), 'Haddad');
    await user.selectOptions(within(dialog).getByLabelText(/^Sexe/), 'female');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    const match = await within(dialog).findByRole('listitem', { name: 'Amina Haddad' });
    expect(within(match).getByText(/^Probable · 93\s%$/)).toBeTruthy();
    expect(within(match).getByText('Prénom écrit autrement : Mohammed ↔ Muhamad')).toBeTruthy();
    expect(within(match).getByText('Date de naissance : jour et mois inversés')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    await user.click(within(match).getByRole('link', { name: 'C’est la même personne : ouvrir sa fiche' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Amina Haddad' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  }, 20_000);

  it('says why each search result was found, in a column of its own', async () => {
    stubFetch({
      'GET /api/persons': () =>
        jsonResponse(200, {
          items: [
            {
              ...AMINA,
              match: {
                score: 0.91,
                reasons: [
                  { code: 'birthDate.missing' },
                  { code: 'name.transliteration', part: 'given', a: 'أمينة', b: 'Amina' },
                  { code: 'name.same', part: 'family', a: 'حداد', b: 'حداد' },
                  { code: 'place.newKind' },
                ],
              },
            },
          ],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/registry' });
    await user.type(await screen.findByLabelText(/Nom ou numéro de document/), 'أمينة حداد');
    const table = await screen.findByRole('table', { name: 'Personnes du registre' });
    await within(table).findByRole('columnheader', { name: 'Pourquoi ce résultat' });
    const row = within(table).getByRole('link', { name: 'Amina Haddad' }).closest('tr') as HTMLElement;
    expect(within(row).getByText(/^Nom correspondant à 91\s%$/)).toBeTruthy();
    expect(within(row).getByText('Prénom translittéré : أمينة ↔ Amina')).toBeTruthy();
    expect(within(row).getByText('Nom identique : حداد')).toBeTruthy();
    // Neither the missing birth date of a typed name nor evidence this version does not know.
    expect(within(row).queryByText(/Date de naissance/)).toBeNull();
    expect(within(row).queryByText('Autre élément')).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it('shows server errors next to the field they name', async () => {
    stubFetch({
      'GET /api/persons': () => jsonResponse(200, { items: [] }),
      'POST /api/persons': () =>
        problem(422, 'validation_failed', 'Certaines valeurs sont invalides.', {
          errors: [{ path: 'aliases.0.name', code: 'too_long', message: 'Alias trop long.' }],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route: '/registry' });
    await user.click(await screen.findByRole('button', { name: 'Enregistrer une personne' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer une personne' });
    await user.type(within(dialog).getByLabelText(/^Prénom\(s\)\s*\*?$/), 'Amina');
    await user.type(within(dialog).getByLabelText(/^Nom de famille\s*\*?$/), 'Haddad');
    await user.selectOptions(within(dialog).getByLabelText(/^Sexe/), 'female');
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter un alias' }));
    const alias = within(dialog).getByRole('group', { name: 'Alias 1' });
    await user.type(within(alias).getByLabelText(/^Nom/), 'Umm Omar');
    await user.selectOptions(within(alias).getByLabelText('Écriture'), 'latin');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    expect(await within(dialog).findByText('Alias trop long.')).toBeTruthy();
    await waitFor(() =>
      expect(within(alias).getByLabelText(/^Nom/).getAttribute('aria-invalid')).toBe('true'),
    );
  }, 20_000);

  it('hides registration without persons.write', async () => {
    stubFetch({ 'GET /api/persons': () => jsonResponse(200, { items: [AMINA] }) });
    const reader = makeSupervisor({
      permissions: ['offices.read', 'persons.read', 'cases.read'],
    });
    renderWithProviders(<AppRoutes />, { me: reader, route: '/registry' });
    await screen.findByRole('link', { name: 'Amina Haddad' });
    expect(screen.queryByRole('button', { name: 'Enregistrer une personne' })).toBeNull();
  });
});
