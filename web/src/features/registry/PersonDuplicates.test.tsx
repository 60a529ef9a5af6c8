import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import {
  makeCaseworker,
  makePersonDetail,
  makeSupervisor,
  OTHER_PERSON_ID,
  PERSON_ID,
} from '../../test-utils/fixtures-cases';
import { MERGE_ID, makeMatch, makeMergeRecord } from '../../test-utils/fixtures-duplicates';
import { renderWithProviders } from '../../test-utils/render';

const REVIEWER = makeSupervisor({ permissions: [...makeSupervisor().permissions, 'persons.merge'] });
const MOHAMMED = makePersonDetail({
  givenName: 'Mohammed',
  familyName: 'Al-Hassan',
  givenNameOriginal: 'محمد',
  familyNameOriginal: 'الحسن',
  sex: 'male',
  birthDate: '1990-03-12',
  birthDatePrecision: 'exact',
  nationalities: ['IQ'],
});
const route = `/registry/${PERSON_ID}`;

function personRoutes(extra: Record<string, Parameters<typeof stubFetch>[0][string]> = {}) {
  return {
    [`GET /api/persons/${PERSON_ID}`]: () => jsonResponse(200, MOHAMMED),
    [`GET /api/persons/${PERSON_ID}/cases`]: () => jsonResponse(200, { items: [] }),
    [`GET /api/persons/${PERSON_ID}/matches`]: () => jsonResponse(200, { matches: [makeMatch()] }),
    [`GET /api/persons/${PERSON_ID}/merges`]: () => jsonResponse(200, { items: [] }),
    ...extra,
  };
}

/** The person's page, once its code and the record have loaded (slow on a busy machine). */
async function pageLoaded() {
  await screen.findByRole('heading', { level: 1, name: 'Mohammed Al-Hassan' }, { timeout: 5000 });
}

describe('duplicates on the person page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows a reader the possible duplicates with score and reasons, without merge actions', async () => {
    stubFetch(
      personRoutes({
        [`GET /api/persons/${PERSON_ID}/merges`]: () => jsonResponse(200, { items: [makeMergeRecord()] }),
      }),
    );
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route });
    await pageLoaded();
    const section = await screen.findByRole('region', { name: 'Doublons possibles' });
    const match = await within(section).findByRole('listitem', { name: 'Muhamad Alhasan' });
    expect(within(match).getByText(/^Probable · 93\s%$/)).toBeTruthy();
    expect(within(match).getByText('Nom translittéré : Al-Hassan ↔ Alhasan')).toBeTruthy();
    expect(within(match).getByRole('link', { name: 'Ouvrir la fiche' }).getAttribute('href')).toBe(
      `/registry/${OTHER_PERSON_ID}`,
    );
    expect(within(match).queryByRole('button', { name: /Même personne/ })).toBeNull();
    const merges = await screen.findByRole('region', { name: 'Fiches fusionnées' });
    expect(within(merges).getByText('Muhamad Alhasan')).toBeTruthy();
    expect(within(merges).queryByRole('button', { name: /Annuler la fusion/ })).toBeNull();
  });

  it('hides the merge history when nothing was merged', async () => {
    stubFetch(
      personRoutes({ [`GET /api/persons/${PERSON_ID}/matches`]: () => jsonResponse(200, { matches: [] }) }),
    );
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    await pageLoaded();
    const section = await screen.findByRole('region', { name: 'Doublons possibles' });
    expect(await within(section).findByText('Aucune autre fiche ne ressemble à celle-ci.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Fiches fusionnées' })).toBeNull();
  });

  it('merges a possible duplicate into this record after a confirmation', async () => {
    let merged = false;
    const { requests } = stubFetch(
      personRoutes({
        [`GET /api/persons/${PERSON_ID}/matches`]: () =>
          jsonResponse(200, { matches: merged ? [] : [makeMatch()] }),
        [`GET /api/persons/${PERSON_ID}/merges`]: () =>
          jsonResponse(200, { items: merged ? [makeMergeRecord()] : [] }),
        'POST /api/persons/merge': () => {
          merged = true;
          return jsonResponse(200, { mergeId: MERGE_ID });
        },
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    await pageLoaded();
    const match = await screen.findByRole('listitem', { name: 'Muhamad Alhasan' });
    await user.click(within(match).getByRole('button', { name: 'Même personne : garder cette fiche…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fusionner les deux fiches ?' });
    expect(
      within(dialog).getByText(
        /^La fiche de Muhamad Alhasan \(PAR-P-000200\) sera fusionnée dans celle de Mohammed Al-Hassan \(PAR-P-000123\)/,
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Fusionner' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url === '/api/persons/merge')?.body).toEqual({
        keepId: PERSON_ID,
        mergeId: OTHER_PERSON_ID,
      }),
    );
    expect(await screen.findByRole('region', { name: 'Fiches fusionnées' })).toBeTruthy();
    expect(await screen.findByText('Aucune autre fiche ne ressemble à celle-ci.')).toBeTruthy();
  }, 15_000);

  it('undoes a merge after a confirmation, saying clearly when it cannot be undone', async () => {
    let attempts = 0;
    let undone = false;
    const { requests } = stubFetch(
      personRoutes({
        [`GET /api/persons/${PERSON_ID}/matches`]: () => jsonResponse(200, { matches: [] }),
        [`GET /api/persons/${PERSON_ID}/merges`]: () =>
          jsonResponse(200, {
            items: [makeMergeRecord(undone ? { undoneAt: '2025-03-03T10:00:00.000Z' } : {})],
          }),
        [`POST /api/person-merges/${MERGE_ID}/undo`]: () => {
          attempts++;
          if (attempts === 1)
            return problem(
              409,
              'unmerge_not_possible',
              'Cette fusion ne peut pas être annulée : elle l’a déjà été, ou une fiche a changé de bureau depuis.',
            );
          undone = true;
          return jsonResponse(200, { ok: true });
        },
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    await pageLoaded();
    const merges = await screen.findByRole('region', { name: 'Fiches fusionnées' });
    const table = within(merges).getByRole('table', { name: 'Fiches fusionnées dans celle-ci' });
    const record = within(table)
      .getByRole('rowheader', { name: /Muhamad Alhasan/ })
      .closest('tr') as HTMLElement;
    expect(within(record).getByText('PAR-P-000200')).toBeTruthy();
    expect(within(record).getByText('Alice Martin')).toBeTruthy();
    expect(
      within(record).getByText('Dossiers : 1 · documents : 0 · consentements : 1 · alias : 1'),
    ).toBeTruthy();
    expect(within(record).getByText('En vigueur')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await user.click(
      within(record).getByRole('button', { name: 'Annuler la fusion de la fiche PAR-P-000200' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Annuler la fusion ?' });
    expect(
      within(dialog).getByText(/^La fiche de Muhamad Alhasan \(PAR-P-000200\) sera rétablie/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler la fusion' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Cette fusion ne peut pas être annulée');
    expect(await seriousViolations()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Annuler la fusion' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.filter((r) => r.url === `/api/person-merges/${MERGE_ID}/undo`)).toHaveLength(2);
    expect(await within(merges).findByText(/^Annulée le /)).toBeTruthy();
    // The restored record can be opened again.
    expect(within(merges).getByRole('link', { name: 'Muhamad Alhasan' }).getAttribute('href')).toBe(
      `/registry/${OTHER_PERSON_ID}`,
    );
  }, 15_000);

  it('checks an edit against the registry before saving, and saves anyway on request', async () => {
    const { requests } = stubFetch(
      personRoutes({
        [`GET /api/persons/${PERSON_ID}/matches`]: () => jsonResponse(200, { matches: [] }),
        'POST /api/persons/match-check': () =>
          jsonResponse(200, {
            matches: [
              makeMatch(),
              makeMatch({
                likely: false,
                score: 0.6,
                person: {
                  ...makeMatch().person,
                  id: 'f4f4f4f4-f4f4-4f4f-8f4f-f4f4f4f4f4f4',
                  givenName: 'Mahmoud',
                },
              }),
            ],
          }),
        [`PATCH /api/persons/${PERSON_ID}`]: () =>
          jsonResponse(200, { ...MOHAMMED, birthDate: '1990-12-03', version: 4 }),
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    await pageLoaded();
    const identity = await screen.findByRole('region', { name: 'Identité' });
    const birth = within(identity).getByLabelText(/^Date de naissance/);
    await user.clear(birth);
    await user.type(birth, '1990-12-03');
    await user.click(within(identity).getByRole('button', { name: 'Enregistrer' }));

    const dialog = await screen.findByRole('dialog', { name: 'Cette fiche ressemble à une autre' });
    const check = requests.find((r) => r.url === '/api/persons/match-check');
    expect(check?.body).toMatchObject({
      personId: PERSON_ID,
      givenName: 'Mohammed',
      familyName: 'Al-Hassan',
      birthDate: '1990-12-03',
      sex: 'male',
    });
    expect(check?.body).not.toHaveProperty('officeId');
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
    // Only the likely matches are shown.
    const list = within(dialog).getByRole('list', { name: 'Fiches probablement identiques' });
    expect(list.querySelectorAll(':scope > li')).toHaveLength(1);
    const match = within(list).getByRole('listitem', { name: 'Muhamad Alhasan' });
    expect(within(match).getByRole('link', { name: 'Ouvrir l’autre fiche' }).getAttribute('href')).toBe(
      `/registry/${OTHER_PERSON_ID}`,
    );
    expect(
      within(match).getByRole('button', { name: 'Même personne : fusionner dans cette fiche…' }),
    ).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer quand même' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
        version: 3,
        birthDate: '1990-12-03',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }, 20_000);

  it('saves an edit the matcher does not read without checking', async () => {
    const { requests } = stubFetch(
      personRoutes({
        [`PATCH /api/persons/${PERSON_ID}`]: () =>
          jsonResponse(200, { ...MOHAMMED, phone: '+33 6 12 34 56 78', version: 4 }),
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    await pageLoaded();
    const identity = await screen.findByRole('region', { name: 'Identité' });
    await user.type(within(identity).getByLabelText(/^Téléphone/), '+33 6 12 34 56 78');
    await user.click(within(identity).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.some((r) => r.url === '/api/persons/match-check')).toBe(false);
  }, 15_000);

  it('from the edit check, merges the other record into this one after saving the edits', async () => {
    const { requests } = stubFetch(
      personRoutes({
        [`GET /api/persons/${PERSON_ID}/matches`]: () => jsonResponse(200, { matches: [] }),
        'POST /api/persons/match-check': () => jsonResponse(200, { matches: [makeMatch()] }),
        [`PATCH /api/persons/${PERSON_ID}`]: () =>
          jsonResponse(200, { ...MOHAMMED, fatherName: 'Ali', version: 4 }),
        'POST /api/persons/merge': () => jsonResponse(200, { mergeId: MERGE_ID }),
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    await pageLoaded();
    const identity = screen.getByRole('region', { name: 'Identité' });
    const father = within(identity).getByLabelText(/^Nom du père\s*$/);
    await user.clear(father);
    await user.type(father, 'Ali');
    await user.click(within(identity).getByRole('button', { name: 'Enregistrer' }));
    const check = await screen.findByRole('dialog', { name: 'Cette fiche ressemble à une autre' });
    await user.click(
      within(check).getByRole('button', { name: 'Même personne : fusionner dans cette fiche…' }),
    );
    const confirm = await screen.findByRole('dialog', { name: 'Fusionner les deux fiches ?' });
    expect(within(confirm).getByText(/Vos modifications seront d’abord enregistrées\.$/)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Fusionner' }));

    await waitFor(() => expect(requests.some((r) => r.url === '/api/persons/merge')).toBe(true));
    const writes = requests.filter((r) => r.method !== 'GET' && r.url !== '/api/persons/match-check');
    expect(writes.map((r) => [r.method, r.url, r.body])).toEqual([
      ['PATCH', `/api/persons/${PERSON_ID}`, { version: 3, fatherName: 'Ali' }],
      ['POST', '/api/persons/merge', { keepId: PERSON_ID, mergeId: OTHER_PERSON_ID }],
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }, 20_000);
});
