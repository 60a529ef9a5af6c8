import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { makePersonDetail, PERSON_ID } from '../../test-utils/fixtures-cases';
import {
  KARZAN_ID,
  makeCandidates,
  makeEmployer,
  makeErbilCaseworker,
  makeJobMatch,
  makeOpening,
  makePlacement,
  makeProfile,
  OPENING_ID,
  PLACEMENT_ID,
} from '../../test-utils/fixtures-employment';
import { renderWithProviders } from '../../test-utils/render';

const OPENING = makeOpening();

function stubEmployment(extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    'GET /api/employment/openings': () => jsonResponse(200, { items: [OPENING] }),
    [`GET /api/employment/openings/${OPENING_ID}`]: () => jsonResponse(200, OPENING),
    [`GET /api/employment/openings/${OPENING_ID}/candidates`]: () =>
      jsonResponse(200, { openingAvailable: true, items: makeCandidates() }),
    'GET /api/employment/employers': () => jsonResponse(200, { items: [makeEmployer()] }),
    'GET /api/employment/placements': () => jsonResponse(200, { items: [makePlacement()] }),
    ...extra,
  });
}

describe('employment', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('ranks the candidates of an opening and explains each score', async () => {
    stubEmployment();
    renderWithProviders(<AppRoutes />, {
      me: makeErbilCaseworker(),
      route: `/employment/openings/${OPENING_ID}`,
    });
    const table = await screen.findByRole(
      'table',
      { name: 'Candidats classés par score' },
      { timeout: 5000 },
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['1', '2']);
    const karzan = rows[0] as HTMLElement;
    expect(within(karzan).getByRole('link', { name: 'Karzan Hamad' })).toBeTruthy();
    expect(within(karzan).getByText('82 / 100')).toBeTruthy();
    const text = karzan.textContent ?? '';
    expect(text).toContain(
      'Compétences : correspondantes : welding · suggérées par un emploi occupé : forklift-driving · manquantes : blueprint-reading',
    );
    expect(text).toContain('Secteur : Bâtiment et travaux publics, un secteur déjà exercé');
    expect(text).toContain('Lieu : Erbil, son lieu d’origine');
    expect(text).toContain('Langues : parlées : kurde et arabe');
    expect(text).toContain('22/45 pts');
    const amina = (rows[1] as HTMLElement).textContent ?? '';
    expect(amina).toContain('Lieu : Irak, son pays d’origine');
    expect(amina).toContain('non parlées : kurde');
    expect(await seriousViolations()).toEqual([]);
  });

  it('places a candidate and says clearly when the opening filled up meanwhile', async () => {
    const { requests } = stubEmployment({
      'POST /api/employment/placements': () =>
        problem(409, 'opening_full', 'Tous les postes de cette offre sont pourvus.'),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, {
      me: makeErbilCaseworker(),
      route: `/employment/openings/${OPENING_ID}`,
    });
    await user.click(await screen.findByRole('button', { name: 'Placer Karzan Hamad' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Placer Karzan Hamad : Soudeur' });
    const start = within(dialog).getByLabelText(/Date de début/) as HTMLInputElement;
    await user.clear(start);
    await user.type(start, '2025-03-01');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le placement' }));
    expect(await within(dialog).findByText('Tous les postes de cette offre sont pourvus.')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      personId: KARZAN_ID,
      openingId: OPENING_ID,
      startDate: '2025-03-01',
      caseId: null,
    });
  });

  it('lists placements with their follow-ups and shows why a follow-up cannot be recorded yet', async () => {
    const { requests } = stubEmployment({
      [`POST /api/employment/placements/${PLACEMENT_ID}/follow-ups`]: () =>
        problem(422, 'follow_up_not_due', 'Le suivi à 6 mois est possible à partir du 2025-07-05.'),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeErbilCaseworker(), route: '/employment/placements' });
    const table = await screen.findByRole('table', { name: 'Placements' }, { timeout: 5000 });
    const row = within(table).getByRole('row', { name: /Karzan Hamad/ });
    expect(row.textContent).toContain('3 mois :');
    expect(within(row).getByText('Fait')).toBeTruthy();
    expect(within(row).getByText('toujours en emploi')).toBeTruthy();
    expect(within(row).getByText('À venir')).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Emploi' }))
        .getByRole('link', { name: 'Placements' })
        .getAttribute('aria-current'),
    ).toBe('page');

    await user.click(within(row).getByRole('button', { name: 'Enregistrer un suivi : Karzan Hamad' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suivi du placement : Soudeur' });
    expect((within(dialog).getByLabelText(/^Suivi/) as HTMLSelectElement).value).toBe('6');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le suivi' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: 'Oui' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le suivi' }));
    expect(await within(dialog).findByText(/Le suivi à 6 mois est possible à partir du/)).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      month: 6,
      stillEmployed: true,
      note: null,
    });
    expect(await seriousViolations()).toEqual([]);
  });

  it('filters the job board and posts an opening with normalised skills', async () => {
    const { requests } = stubEmployment({
      'POST /api/employment/openings': () => jsonResponse(201, makeOpening({ title: 'Cariste' })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeErbilCaseworker(), route: '/employment' });
    expect(await screen.findByRole('link', { name: 'Soudeur' }, { timeout: 5000 })).toBeTruthy();
    expect(requests[0]?.url).toContain('status=open');
    await user.selectOptions(screen.getByLabelText('Secteur'), 'construction');
    await waitFor(() => expect(requests.some((r) => r.url.includes('sector=construction'))).toBe(true));

    await user.click(screen.getByRole('button', { name: 'Publier une offre' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publier une offre d’emploi' });
    await user.selectOptions(within(dialog).getByLabelText(/^Employeur/), makeEmployer().id);
    await user.type(within(dialog).getByLabelText(/^Intitulé du poste/), 'Cariste');
    await user.type(within(dialog).getByLabelText('Compétence à ajouter'), 'Forklift  Driving{Enter}');
    expect(within(dialog).getByText('forklift-driving')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      employerId: makeEmployer().id,
      title: 'Cariste',
      skills: ['forklift-driving'],
      languages: [],
      posts: 1,
    });
  });

  it('lists employers and records one in the only office the user may write in', async () => {
    const { requests } = stubEmployment({
      'POST /api/employment/employers': () => jsonResponse(201, makeEmployer({ name: 'Duhok Foods' })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeErbilCaseworker(), route: '/employment/employers' });
    const table = await screen.findByRole('table', { name: 'Employeurs' }, { timeout: 5000 });
    const row = within(table).getByRole('row', { name: /Hawler Steel/ });
    expect(within(row).getByRole('link', { name: 'Voir les offres ouvertes (1)' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Nouvel employeur' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer un employeur' });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect((await within(dialog).findAllByText('Ce champ est obligatoire.')).length).toBe(4);
    expect(await seriousViolations()).toEqual([]);
    await user.type(within(dialog).getByLabelText(/^Nom de l’employeur/), 'Duhok Foods');
    await user.selectOptions(within(dialog).getByLabelText(/^Secteur/), 'manufacturing');
    await user.selectOptions(within(dialog).getByLabelText(/^Pays/), 'IQ');
    await user.type(within(dialog).getByLabelText(/^Ville/), 'Duhok');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      officeId: makeEmployer().officeId,
      name: 'Duhok Foods',
      sector: 'manufacturing',
      country: 'IQ',
      location: 'Duhok',
      contactName: null,
      phone: null,
      email: null,
    });
  });

  it('shows the matching jobs of a person with their reasons, and saves the skills profile', async () => {
    const { requests } = stubFetch({
      [`GET /api/persons/${PERSON_ID}`]: () => jsonResponse(200, makePersonDetail()),
      [`GET /api/persons/${PERSON_ID}/skills-profile`]: () => jsonResponse(200, makeProfile()),
      [`GET /api/persons/${PERSON_ID}/job-matches`]: () =>
        jsonResponse(200, { hasProfile: true, items: [makeJobMatch()] }),
      [`PUT /api/persons/${PERSON_ID}/skills-profile`]: () => jsonResponse(200, makeProfile({ version: 3 })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeErbilCaseworker(), route: `/registry/${PERSON_ID}` });
    const section = await screen.findByRole('region', { name: 'Emploi' }, { timeout: 5000 });
    const matches = await within(section).findByRole('table', { name: 'Offres ouvertes classées par score' });
    const row = within(matches).getByRole('row', { name: /Soudeur/ });
    expect(within(row).getByText('35 / 100')).toBeTruthy();
    expect(row.textContent).toContain('Secteur : Bâtiment et travaux publics, un secteur souhaité');

    const form = within(section).getByRole('form', { name: 'Profil de compétences' });
    await user.type(within(form).getByLabelText('Compétence à ajouter'), 'Scaffolding');
    await user.click(within(form).getByRole('button', { name: 'Ajouter (Compétences)' }));
    await user.click(within(form).getByRole('button', { name: 'Enregistrer le profil' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      educationLevel: 'secondary',
      workExperience: [{ title: 'Welder', sector: 'construction', years: 4 }],
      skills: ['welding', 'scaffolding'],
      languages: ['ar'],
      preferredSectors: ['construction'],
      preferredLocations: ['Duhok'],
      version: 2,
    });
    expect(await seriousViolations()).toEqual([]);
  });
});
