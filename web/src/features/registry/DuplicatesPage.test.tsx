import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { PARIS_ID } from '../../test-utils/fixtures';
import { makeCaseworker, makeSupervisor, PERSON_ID } from '../../test-utils/fixtures-cases';
import { CANDIDATE_ID, makeCandidate, makeScan, SCAN_ID } from '../../test-utils/fixtures-duplicates';
import { renderWithProviders } from '../../test-utils/render';

const REVIEWER = makeSupervisor({ permissions: [...makeSupervisor().permissions, 'persons.merge'] });
const route = '/registry/duplicates';
const PAIR = 'Mohammed Al-Hassan et Muhamad Alhasan';

/** The row of a comparison table whose header is `field`. */
function row(table: HTMLElement, field: string): HTMLElement {
  return within(table).getByRole('rowheader', { name: field }).closest('tr') as HTMLElement;
}

describe('duplicate review', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('runs a scan of an office, follows it while it runs, then lists the pairs it found', async () => {
    let started = false;
    let polls = 0;
    const { requests } = stubFetch({
      'GET /api/duplicates/scans': () => {
        if (!started) return jsonResponse(200, { items: [], reachingOutside: 0 });
        polls++;
        const scan =
          polls < 2
            ? makeScan({
                status: 'running',
                finishedAt: null,
                persons: null,
                comparisons: null,
                candidates: null,
                newCandidates: null,
              })
            : makeScan();
        return jsonResponse(200, { items: [scan] });
      },
      'POST /api/duplicates/scans': () => {
        started = true;
        return jsonResponse(202, { scanId: SCAN_ID });
      },
      'GET /api/duplicates': () =>
        jsonResponse(200, { items: started && polls >= 2 ? [makeCandidate()] : [], reachingOutside: 2 }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    expect(await screen.findByRole('heading', { level: 1, name: 'Doublons' })).toBeTruthy();
    expect(await screen.findByText('Aucune recherche de doublons n’a encore été lancée.')).toBeTruthy();
    expect(screen.getByText('Aucune paire à examiner. Lancez une recherche pour en trouver.')).toBeTruthy();
    // Pairs reaching into offices this reviewer does not review are counted, not shown.
    expect(
      screen.getByText(
        '2 doublons possibles associent une fiche de vos bureaux à celle d’un autre bureau. Un chargé du registre des deux bureaux en décide.',
      ),
    ).toBeTruthy();
    // The registry's sub-navigation and the main navigation lead here.
    expect(
      within(screen.getByRole('navigation', { name: 'Registre' }))
        .getByRole('link', { name: 'Doublons' })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(await seriousViolations()).toEqual([]);

    const office = screen.getByLabelText('Bureau à examiner') as HTMLSelectElement;
    expect([...office.options].map((o) => o.text)).toEqual(['Tous mes bureaux', 'Paris']);
    await user.selectOptions(office, PARIS_ID);
    await user.click(screen.getByRole('button', { name: 'Rechercher les doublons' }));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ officeId: PARIS_ID });

    const running = await screen.findByText(/^Recherche en cours \(Paris\), lancée par Alice Martin/);
    expect(running.closest('[role=status]')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Rechercher les doublons' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    // Asked again every 2 s while it runs; the pairs are listed when it is done.
    expect(
      await screen.findByText(
        /^Dernière recherche \(Paris\) terminée le .*\. Fiches examinées : 1\s200 ; comparaisons : 5\s400 ; paires trouvées : 3 \(nouvelles : 1\)\.$/,
        undefined,
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(await screen.findByRole('article', { name: PAIR })).toBeTruthy();
    expect(requests.filter((r) => r.url === '/api/duplicates/scans').length).toBeGreaterThanOrEqual(3);
  }, 20_000);

  it('names an automatic scan as such, and says the registry is also scanned on its own', async () => {
    stubFetch({
      'GET /api/duplicates/scans': () =>
        jsonResponse(200, {
          items: [
            makeScan({
              status: 'running',
              officeId: null,
              automatic: true,
              startedByName: 'Passerelle (automatic)',
            }),
          ],
        }),
      'GET /api/duplicates': () => jsonResponse(200, { items: [], reachingOutside: 0 }),
    });
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    expect(
      await screen.findByText(
        /^Recherche en cours \(tout le registre\), lancée par Passerelle \(recherche automatique\) le /,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/recherche aussi les doublons dans tout le registre, d’elle-même/)).toBeTruthy();
  });

  it('says when a scan failed', async () => {
    stubFetch({
      'GET /api/duplicates/scans': () =>
        jsonResponse(200, { items: [makeScan({ status: 'failed', officeId: null })] }),
      'GET /api/duplicates': () => jsonResponse(200, { items: [], reachingOutside: 0 }),
    });
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    expect(
      await screen.findByText(/^La recherche \(Tous mes bureaux\) lancée le .* a échoué\./),
    ).toBeTruthy();
  });

  it('compares a pair side by side and merges it, keeping the left record, after a confirmation', async () => {
    let merged = false;
    const { requests } = stubFetch({
      'GET /api/duplicates/scans': () => jsonResponse(200, { items: [makeScan()] }),
      'GET /api/duplicates': () =>
        jsonResponse(200, { items: merged ? [] : [makeCandidate()], reachingOutside: 0 }),
      [`POST /api/duplicates/${CANDIDATE_ID}/merge`]: () => {
        merged = true;
        return jsonResponse(200, { mergeId: 'e3e3e3e3-e3e3-4e3e-8e3e-e3e3e3e3e3e3' });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    const pair = await screen.findByRole('article', { name: PAIR });
    expect(within(pair).getByText(/^Probable · 93\s%$/)).toBeTruthy();
    const table = within(pair).getByRole('table', { name: PAIR });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Élément', 'Fiche de gauche', 'Fiche de droite', 'Correspondance']);
    const name = row(table, 'Nom');
    expect(within(name).getByRole('link', { name: 'Mohammed Al-Hassan' }).getAttribute('href')).toBe(
      `/registry/${PERSON_ID}`,
    );
    expect(within(name).getByText('Prénom écrit autrement : Mohammed ↔ Muhamad')).toBeTruthy();
    expect(within(name).getByText('Nom translittéré : Al-Hassan ↔ Alhasan')).toBeTruthy();
    expect(within(row(table, 'Nom dans l’écriture d’origine')).getByText('محمد الحسن')).toBeTruthy();
    expect(within(row(table, 'Alias')).getByText('Abu Ali')).toBeTruthy();
    expect(within(row(table, 'Nom du père')).getByText('Ali')).toBeTruthy();
    const birth = row(table, 'Date de naissance');
    expect(within(birth).getByText('12 mars 1990')).toBeTruthy();
    expect(within(birth).getByText('3 décembre 1990')).toBeTruthy();
    expect(within(birth).getByText('Date de naissance : jour et mois inversés')).toBeTruthy();
    expect(within(row(table, 'Nationalités')).getByText('Même nationalité')).toBeTruthy();
    expect(
      within(row(table, 'Lieu d’origine')).getByText('Lieu d’origine différent : Mossoul ↔ Erbil'),
    ).toBeTruthy();
    expect(within(row(table, 'Référence')).getByText('PAR-P-000200')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await user.click(within(pair).getByRole('button', { name: 'Même personne — garder la fiche de gauche' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fusionner les deux fiches ?' });
    expect(
      within(dialog).getByText(
        /^La fiche de Muhamad Alhasan \(PAR-P-000200\) sera fusionnée dans celle de Mohammed Al-Hassan \(PAR-P-000123\) : tous ses dossiers, documents, consentements et alias passeront sur la fiche conservée.*peut être annulée/,
      ),
    ).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Fusionner' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe(`/api/duplicates/${CANDIDATE_ID}/merge`);
    expect(post?.body).toEqual({ keepId: PERSON_ID });
    expect(
      await screen.findByText('Aucune paire à examiner. Lancez une recherche pour en trouver.'),
    ).toBeTruthy();
  }, 20_000);

  it('records "different people" after a confirmation, and lists decided pairs without actions', async () => {
    let decided = false;
    let attempts = 0;
    const { requests } = stubFetch({
      'GET /api/duplicates/scans': () => jsonResponse(200, { items: [makeScan()] }),
      'GET /api/duplicates': (request) => {
        const status = new URL(request.url, 'http://x').searchParams.get('status');
        if (status === 'different')
          return jsonResponse(200, {
            items: decided ? [makeCandidate({ status: 'different', decidedByName: 'Alice Martin' })] : [],
            reachingOutside: 0,
          });
        return jsonResponse(200, { items: decided ? [] : [makeCandidate()], reachingOutside: 0 });
      },
      [`POST /api/duplicates/${CANDIDATE_ID}/different`]: () => {
        attempts++;
        if (attempts === 1)
          return problem(
            409,
            'merge_not_possible',
            'Ces fiches ne peuvent pas être fusionnées : l’une a déjà été fusionnée.',
          );
        decided = true;
        return jsonResponse(200, { ok: true });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    const pair = await screen.findByRole('article', { name: PAIR });
    await user.click(within(pair).getByRole('button', { name: 'Personnes différentes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deux personnes différentes ?' });
    expect(within(dialog).getByText(/cette paire ne sera plus proposée/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Personnes différentes' }));
    // A refusal is said in the dialog, which stays open.
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(within(dialog).getByText(/l’une a déjà été fusionnée/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Personnes différentes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.filter((r) => r.url === `/api/duplicates/${CANDIDATE_ID}/different`)).toHaveLength(2);

    await user.click(screen.getByRole('tab', { name: 'Personnes différentes' }));
    const decidedPair = await screen.findByRole('article', { name: PAIR });
    expect(within(decidedPair).getByText('Décision de Alice Martin')).toBeTruthy();
    expect(within(decidedPair).queryByRole('button')).toBeNull();
    expect(requests.some((r) => r.url === '/api/duplicates?status=different')).toBe(true);
    expect(await seriousViolations()).toEqual([]);
  }, 20_000);

  it('names the kept record of a merged pair, with a link to its merge history to undo it', async () => {
    const merged = makeCandidate({ status: 'merged', decidedByName: 'Alice Martin' });
    stubFetch({
      'GET /api/duplicates/scans': () => jsonResponse(200, { items: [makeScan()] }),
      'GET /api/duplicates': (request) =>
        jsonResponse(200, {
          items:
            new URL(request.url, 'http://x').searchParams.get('status') === 'merged'
              ? [{ ...merged, keptId: merged.a.id }]
              : [],
          reachingOutside: 0,
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route });
    await user.click(await screen.findByRole('tab', { name: 'Fusionnées' }));
    const pair = await screen.findByRole('article', { name: PAIR });
    expect(
      within(pair).getByText(
        `Fiche conservée : ${merged.a.givenName} ${merged.a.familyName} (${merged.a.reference})`,
      ),
    ).toBeTruthy();
    expect(
      within(pair).getByRole('link', { name: 'Historique des fusions et annulation' }).getAttribute('href'),
    ).toBe(`/registry/${merged.a.id}#person-merges`);
    expect(within(pair).queryByRole('button')).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it('speaks English', async () => {
    stubFetch({
      'GET /api/duplicates/scans': () => jsonResponse(200, { items: [makeScan()] }),
      'GET /api/duplicates': () => jsonResponse(200, { items: [makeCandidate()], reachingOutside: 0 }),
    });
    renderWithProviders(<AppRoutes />, { me: REVIEWER, route, language: 'en' });
    const pair = await screen.findByRole('article', { name: 'Mohammed Al-Hassan and Muhamad Alhasan' });
    expect(within(pair).getByText(/^Likely · 93\s?%$/)).toBeTruthy();
    expect(within(pair).getByText('Birth date: day and month swapped')).toBeTruthy();
    expect(within(pair).getByRole('button', { name: 'Same person — keep left' })).toBeTruthy();
    expect(within(pair).getByRole('button', { name: 'Same person — keep right' })).toBeTruthy();
    expect(
      screen.getByText(/^Last scan \(Paris\) finished on .*\. Records examined: 1,200; comparisons: 5,400/),
    ).toBeTruthy();
  });

  it('is not offered to those who may not merge', async () => {
    stubFetch({ 'GET /api/persons': () => jsonResponse(200, { items: [], reachingOutside: 0 }) });
    renderWithProviders(<AppRoutes />, { me: makeCaseworker(), route: '/registry' });
    await screen.findByRole('heading', { level: 1, name: 'Registre des personnes' });
    expect(screen.queryByRole('link', { name: 'Doublons' })).toBeNull();
  });
});
