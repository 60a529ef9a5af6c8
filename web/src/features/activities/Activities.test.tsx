import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { ACTIVITY_ID, makeActivity, makeCampaign, makeMeOfficer } from '../../test-utils/fixtures-activities';
import { makeProject } from '../../test-utils/fixtures-more';
import { TIRANA_ID } from '../../test-utils/fixtures-referrals';
import { renderWithProviders } from '../../test-utils/render';

const page = (items: unknown[]) => ({ items, nextCursor: null, total: items.length });
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function stubActivities(extra: Parameters<typeof stubFetch>[0] = {}) {
  const { participants: _, ...summary } = makeActivity();
  return stubFetch({
    'GET /api/activities': () => jsonResponse(200, page([summary])),
    [`GET /api/activities/${ACTIVITY_ID}`]: () => jsonResponse(200, makeActivity()),
    'GET /api/campaigns': () => jsonResponse(200, page([makeCampaign()])),
    'GET /api/projects': () => jsonResponse(200, { items: [makeProject()] }),
    ...extra,
  });
}

describe('activities and campaigns', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('records a training with participant groups, keeping a running total per sex', async () => {
    const { requests } = stubActivities({
      'POST /api/activities': () => jsonResponse(201, makeActivity()),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMeOfficer(), route: '/activities' });
    const table = await screen.findByRole('table', { name: 'Formations et ateliers' }, { timeout: 5000 });
    expect(within(table).getByRole('row', { name: /Identification des victimes/ }).textContent).toContain(
      '18',
    );

    await user.click(screen.getByRole('button', { name: 'Enregistrer une activité' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer une formation ou un atelier' });
    await user.selectOptions(within(dialog).getByLabelText(/^Type d’activité/), 'workshop');
    await user.type(within(dialog).getByLabelText(/^Intitulé/), 'Atelier transfrontalier');
    await user.type(within(dialog).getByLabelText(/^Thème/), 'Coopération');
    await user.type(within(dialog).getByLabelText(/^Date de début/), '2025-05-12');
    await user.type(within(dialog).getByLabelText(/^Date de fin/), '2025-05-10');
    await user.type(within(dialog).getByLabelText(/^Lieu/), 'Shkodër');
    await user.selectOptions(within(dialog).getByLabelText(/^Pays/), 'AL');

    await user.click(within(dialog).getByRole('button', { name: 'Ajouter un groupe de participants' }));
    const first = within(dialog).getByRole('group', { name: 'Groupe de participants 1' });
    await user.type(within(first).getByLabelText(/Institution/), 'Inspection du travail');
    await user.selectOptions(within(first).getByLabelText(/Pays/), 'AL');
    await user.selectOptions(within(first).getByLabelText(/Sexe/), 'female');
    await user.selectOptions(within(first).getByLabelText(/Rôle/), 'labour_inspection');
    await user.type(within(first).getByLabelText(/Nombre/), '4');
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter un groupe de participants' }));
    const second = within(dialog).getByRole('group', { name: 'Groupe de participants 2' });
    // A new group starts with the previous one's institution, country and role.
    expect((within(second).getByLabelText(/Institution/) as HTMLInputElement).value).toBe(
      'Inspection du travail',
    );
    await user.selectOptions(within(second).getByLabelText(/Sexe/), 'male');
    await user.type(within(second).getByLabelText(/Nombre/), '3');
    expect(plain(within(dialog).getByRole('status').textContent)).toBe(
      'Total des participants : 7 (Femme : 4, Homme : 3)',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(
      await within(dialog).findByText('La date de fin doit être postérieure à la date de début.'),
    ).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    const end = within(dialog).getByLabelText(/^Date de fin/);
    await user.clear(end);
    await user.type(end, '2025-05-13');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      officeId: TIRANA_ID,
      kind: 'workshop',
      title: 'Atelier transfrontalier',
      topic: 'Coopération',
      startDate: '2025-05-12',
      endDate: '2025-05-13',
      place: 'Shkodër',
      country: 'AL',
      projectId: null,
      participants: [
        {
          institution: 'Inspection du travail',
          country: 'AL',
          sex: 'female',
          role: 'labour_inspection',
          count: 4,
        },
        {
          institution: 'Inspection du travail',
          country: 'AL',
          sex: 'male',
          role: 'labour_inspection',
          count: 3,
        },
      ],
    });
  });

  it('edits an activity from its participants as recorded', async () => {
    stubActivities();
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMeOfficer(), route: '/activities' });
    await user.click(
      await screen.findByRole(
        'button',
        { name: 'Modifier l’activité Identification des victimes de la traite' },
        { timeout: 5000 },
      ),
    );
    const dialog = await screen.findByRole('dialog', { name: /^Modifier : Identification/ });
    expect(await within(dialog).findByRole('group', { name: 'Groupe de participants 2' })).toBeTruthy();
    expect(plain(within(dialog).getByRole('status').textContent)).toBe(
      'Total des participants : 18 (Femme : 7, Homme : 11)',
    );
    expect(await seriousViolations()).toEqual([]);
  });

  it('lists campaigns with their countries, languages and reach, and shows server field errors', async () => {
    stubActivities({
      'POST /api/campaigns': () =>
        problem(400, 'validation_failed', 'Certains champs ne sont pas valides.', {
          errors: [{ path: 'languages.0', code: 'language_code', message: 'Code de langue invalide.' }],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeMeOfficer(), route: '/activities/campaigns' });
    const table = await screen.findByRole('table', { name: 'Campagnes d’information' }, { timeout: 5000 });
    const row = within(table).getByRole('row', { name: /Les risques de la migration/ });
    expect(plain(row.textContent)).toContain('Albanie et Maroc');
    expect(plain(row.textContent)).toContain('albanais et arabe');
    expect(plain(row.textContent)).toContain('250 000');
    expect(
      within(screen.getByRole('navigation', { name: 'Formations et campagnes' }))
        .getByRole('link', { name: 'Campagnes d’information' })
        .getAttribute('aria-current'),
    ).toBe('page');

    await user.click(screen.getByRole('button', { name: 'Enregistrer une campagne' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer une campagne d’information' });
    await user.selectOptions(within(dialog).getByLabelText(/^Canal/), 'social_media');
    await user.type(within(dialog).getByLabelText(/^Intitulé/), 'Info retour');
    await user.selectOptions(within(dialog).getByLabelText('Pays à ajouter'), 'UA');
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter (Pays)' }));
    await user.selectOptions(within(dialog).getByLabelText('Langue à ajouter'), 'uk');
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter (Langues)' }));
    await user.type(within(dialog).getByLabelText(/^Date de début/), '2025-06-01');
    await user.type(within(dialog).getByLabelText(/^Date de fin/), '2025-06-30');
    await user.type(within(dialog).getByLabelText(/^Personnes touchées/), '12000');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Code de langue invalide.')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
