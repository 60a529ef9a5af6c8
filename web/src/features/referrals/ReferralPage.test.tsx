import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { BOB_ID, CASE_ID } from '../../test-utils/fixtures-cases';
import {
  makeReferralDetail,
  makeReferralSummary,
  makeReferralSupervisor,
  makeTiranaSupervisor,
  REFERRAL_ID,
  TIRANA_ID,
} from '../../test-utils/fixtures-referrals';
import { renderWithProviders } from '../../test-utils/render';
import type { ReferralDetail } from './api';

const route = `/referrals/${REFERRAL_ID}`;

function stub(detail: ReferralDetail, extra: Parameters<typeof stubFetch>[0] = {}) {
  let current = detail;
  const stubbed = stubFetch({
    [`GET /api/referrals/${REFERRAL_ID}`]: () => jsonResponse(200, current),
    'GET /api/notifications': () => jsonResponse(200, { items: [], unread: 0 }),
    'GET /api/cases/assignees': () => jsonResponse(200, { items: [{ id: BOB_ID, name: 'Besa Hoxha' }] }),
    ...extra,
  });
  return { ...stubbed, set: (next: ReferralDetail) => (current = next) };
}

const SHARED: ReferralDetail['shared'] = {
  identity: {
    givenName: 'Amina',
    familyName: 'Hoxha',
    fatherName: null,
    givenNameOriginal: null,
    familyNameOriginal: null,
    sex: 'female',
    birthDate: '1990-05-04',
    birthDatePrecision: 'exact',
    nationalities: ['AL'],
    languages: ['sq'],
    placeOfOrigin: 'Shkodër',
    countryOfOrigin: 'AL',
    phone: null,
    email: null,
  },
  needsSummary: ['SC-CH'],
  reintegrationNeeds: 'Formation professionnelle en couture.',
};

describe('a referral', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the receiver the summary only, with accept and decline while it may answer', async () => {
    stub(makeReferralDetail({ overdue: true, consentOverride: true }));
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route });
    expect(await screen.findByRole('heading', { level: 1, name: 'REF-2025-00012' })).toBeTruthy();
    const summary = screen.getByRole('region', { name: 'La demande' });
    expect(within(summary).getByText('Paris (PARIS)')).toBeTruthy();
    expect(within(summary).getByText('Tirana (TIRANA)')).toBeTruthy();
    expect(within(summary).getByText(/^A\. H\. · Femme · âge : 34 · Albanie$/)).toBeTruthy();
    expect(within(summary).getByText(/merci de prendre le relais/)).toBeTruthy();
    expect(within(summary).getByText('Besoins de réintégration')).toBeTruthy();
    expect(within(summary).getAllByText('Partagé sans consentement (dérogation)').length).toBeGreaterThan(0);
    expect(within(summary).getByText('En retard')).toBeTruthy();
    // The receiver cannot open a case that is not (yet) theirs.
    expect(within(summary).queryByRole('link', { name: 'PAR-C-000045' })).toBeNull();
    const decision = screen.getByRole('region', { name: 'Décision' });
    expect(within(decision).getByRole('button', { name: 'Accepter' })).toBeTruthy();
    expect(within(decision).getByRole('button', { name: 'Refuser' })).toBeTruthy();
    expect(within(decision).queryByRole('button', { name: 'Révoquer' })).toBeNull();
    // No shared section before accepting.
    expect(screen.queryByRole('region', { name: 'Informations partagées' })).toBeNull();
    expect(
      screen.getByText('Vous verrez les informations partagées une fois la demande acceptée.'),
    ).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  }, 15_000);

  it('offers no answer when the server says the reader may not answer', async () => {
    stub(makeReferralDetail({ canRespond: false, canMessage: false }));
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route });
    await screen.findByRole('heading', { level: 1, name: 'REF-2025-00012' });
    expect(screen.queryByRole('region', { name: 'Décision' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Accepter' })).toBeNull();
    // Read-only thread.
    const thread = screen.getByRole('region', { name: 'Messages' });
    expect(within(thread).getByText('Elle arrive avec sa sœur.')).toBeTruthy();
    expect(within(thread).queryByRole('textbox')).toBeNull();
  });

  it('declines with a required reason', async () => {
    const { requests, set } = stub(makeReferralDetail(), {
      [`POST /api/referrals/${REFERRAL_ID}/decline`]: () => {
        set(
          makeReferralDetail({
            status: 'declined',
            declineReason: 'Pas de capacité ce mois-ci.',
            canRespond: false,
            canMessage: false,
          }),
        );
        return jsonResponse(200, makeReferralSummary({ status: 'declined' }));
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route });
    await user.click(await screen.findByRole('button', { name: 'Refuser' }));
    const dialog = await screen.findByRole('dialog', { name: 'Refuser REF-2025-00012' });
    await user.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.type(within(dialog).getByRole('textbox', { name: /Motif/ }), 'Pas de capacité ce mois-ci.');
    await user.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/decline'))?.body).toEqual({
        reason: 'Pas de capacité ce mois-ci.',
      }),
    );
    expect(await screen.findByText('Motif du refus')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accepter' })).toBeNull();
  }, 15_000);

  it('accepts a transfer with an assignee, then leads to the case', async () => {
    const { requests, set } = stub(makeReferralDetail(), {
      [`POST /api/referrals/${REFERRAL_ID}/accept`]: () => {
        set(
          makeReferralDetail({
            status: 'accepted',
            respondedByName: 'Alice Martin',
            respondedAt: '2025-03-02T09:00:00.000Z',
            canRespond: false,
          }),
        );
        return jsonResponse(200, makeReferralSummary({ status: 'accepted' }));
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route });
    await user.click(await screen.findByRole('button', { name: 'Accepter' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accepter REF-2025-00012' });
    expect(within(dialog).getByText(/passent sous la responsabilité de votre bureau/)).toBeTruthy();
    await user.selectOptions(
      await within(dialog).findByRole('combobox', { name: 'Confier le dossier à' }),
      BOB_ID,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Accepter' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/accept'))?.body).toEqual({ assigneeId: BOB_ID }),
    );
    expect(requests.find((r) => r.url.startsWith('/api/cases/assignees'))?.url).toBe(
      `/api/cases/assignees?officeId=${TIRANA_ID}`,
    );
    const open = await screen.findByRole('link', { name: 'Ouvrir le dossier PAR-C-000045' });
    expect(open.getAttribute('href')).toBe(`/cases/${CASE_ID}`);
  }, 15_000);

  it('shows the server’s refusal of an answer and refreshes the referral', async () => {
    const { requests } = stub(makeReferralDetail({ kind: 'referral' }), {
      [`POST /api/referrals/${REFERRAL_ID}/accept`]: () =>
        problem(409, 'referral_not_pending', 'Cette demande a déjà reçu une réponse.'),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route });
    await user.click(await screen.findByRole('button', { name: 'Accepter' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accepter REF-2025-00012' });
    expect(within(dialog).queryByRole('combobox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Accepter' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Cette demande a déjà reçu une réponse.',
    );
    await waitFor(() =>
      expect(
        requests.filter((r) => r.method === 'GET' && r.url === `/api/referrals/${REFERRAL_ID}`),
      ).toHaveLength(2),
    );
  }, 15_000);

  it('renders exactly the shared sections that are present, and nothing else', async () => {
    stub(makeReferralDetail({ kind: 'referral', status: 'accepted', canRespond: false, shared: SHARED }));
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route });
    const shared = await screen.findByRole('region', { name: 'Informations partagées' });
    const titles = within(shared)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(titles).toEqual(['Identité', 'Besoins spécifiques', 'Besoins de réintégration']);
    expect(within(shared).getByText('Amina Hoxha')).toBeTruthy();
    expect(within(shared).getByText('Shkodër')).toBeTruthy();
    expect(within(shared).getByText('Formation professionnelle en couture.')).toBeTruthy();
    expect(within(shared).queryByText('Éléments relatifs à la traite')).toBeNull();
    expect(within(shared).queryByText('Notes confidentielles')).toBeNull();
    expect(within(shared).queryByText('Documents d’identité')).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  }, 15_000);

  it('marks sensitive shared sections and shows their content when they travel', async () => {
    stub(
      makeReferralDetail({
        kind: 'referral',
        status: 'accepted',
        canRespond: false,
        caseType: 'avrr_vot',
        sections: ['identity', 'trafficking_details', 'confidential_notes'],
        shared: {
          identity: SHARED?.identity,
          traffickingDetails: { victimOfTrafficking: true, needs: ['TR-TV'] },
          confidentialNotes: [
            {
              body: 'Menaces de l’ancien employeur.',
              authorName: 'Alice Martin',
              createdAt: '2025-02-20T10:00:00.000Z',
            },
          ],
        },
      }),
    );
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route });
    const trafficking = await screen.findByRole('region', { name: 'Éléments relatifs à la traite' });
    expect(within(trafficking).getByText('Sensible')).toBeTruthy();
    expect(within(trafficking).getByText('Oui')).toBeTruthy();
    const notes = screen.getByRole('region', { name: 'Notes confidentielles' });
    expect(within(notes).getByText('Menaces de l’ancien employeur.')).toBeTruthy();
  });

  it('shows the former owner the progress after a transfer, without the shared content', async () => {
    stub(
      makeReferralDetail({
        side: 'sender',
        status: 'accepted',
        canRespond: false,
        followUpUntil: '2026-03-02T09:00:00.000Z',
        progress: {
          status: 'arrived',
          milestones: [{ toStatus: 'arrived', at: '2025-03-12T09:00:00.000Z' }],
          monitoring: [],
          until: '2026-03-02T09:00:00.000Z',
        },
      }),
    );
    renderWithProviders(<AppRoutes />, { me: makeReferralSupervisor(), route });
    const progress = await screen.findByRole('region', { name: 'Avancement après le transfert' });
    expect(within(progress).getByText('Arrivé')).toBeTruthy();
    const milestones = within(progress)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(milestones).toEqual([expect.stringMatching(/^Arrivé · 12 mars 2025$/)]);
    expect(within(progress).getByText('Pas encore de suivi de la réintégration.')).toBeTruthy();
    expect(within(progress).getByText(/jusqu’au 2 mars 2026/)).toBeTruthy();
    // The case is no longer the sender's: no link to it.
    expect(screen.queryByRole('link', { name: 'PAR-C-000045' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Ce qui est partagé' })).toBeNull();
  });

  it('lets the sender follow the partner link, issue a new one (shown once) and revoke it', async () => {
    const partnerReferral = makeReferralDetail({
      kind: 'referral',
      side: 'sender',
      toOffice: null,
      partnerName: 'Shelter Different and Equal',
      canRespond: false,
      canRevoke: true,
      shared: { reintegrationNeeds: null },
      partnerLink: { expiresAt: '2099-01-01T00:00:00.000Z', revoked: false, lastVisitAt: null },
    });
    const { requests } = stub(partnerReferral, {
      [`POST /api/referrals/${REFERRAL_ID}/partner-link`]: () =>
        jsonResponse(201, {
          partnerPath: '/partner/new-token-abcdefghij',
          expiresAt: '2099-02-01T00:00:00.000Z',
        }),
      [`POST /api/referrals/${REFERRAL_ID}/partner-link/revoke`]: () => jsonResponse(200, { ok: true }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeReferralSupervisor(), route });
    const panel = await screen.findByRole('region', { name: 'Lien partenaire' });
    expect(within(panel).getByText('Actif')).toBeTruthy();
    expect(within(panel).getByText('Jamais consulté')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Ce qui est partagé' })).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: 'Émettre un nouveau lien' }));
    const issue = await screen.findByRole('dialog', { name: 'Émettre un nouveau lien partenaire' });
    await user.click(within(issue).getByRole('button', { name: 'Émettre un nouveau lien' }));
    const shown = await screen.findByRole('dialog', { name: 'Lien pour le partenaire' });
    expect((within(shown).getByRole('textbox', { name: 'Lien partenaire' }) as HTMLInputElement).value).toBe(
      `${window.location.origin}/partner/new-token-abcdefghij`,
    );
    expect(requests.find((r) => r.url.endsWith('/partner-link'))?.body).toEqual({ validDays: 30 });
    await user.click(within(shown).getByRole('button', { name: 'J’ai copié le lien' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.innerHTML).not.toContain('new-token-abcdefghij');

    await user.click(within(panel).getByRole('button', { name: 'Révoquer le lien' }));
    const confirm = await screen.findByRole('dialog', { name: 'Révoquer le lien' });
    await user.click(within(confirm).getByRole('button', { name: 'Révoquer le lien' }));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/partner-link/revoke'))).toBe(true));
  }, 15_000);

  it('posts on the thread', async () => {
    const { requests } = stub(makeReferralDetail(), {
      [`POST /api/referrals/${REFERRAL_ID}/messages`]: () => jsonResponse(201, { ok: true }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route });
    const thread = await screen.findByRole('region', { name: 'Messages' });
    expect(within(thread).getByText(/Alice Martin \(PARIS\)/)).toBeTruthy();
    await user.type(within(thread).getByRole('textbox', { name: /Votre message/ }), 'Bien reçu, merci.');
    await user.click(within(thread).getByRole('button', { name: 'Envoyer' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/messages'))?.body).toEqual({ body: 'Bien reçu, merci.' }),
    );
  }, 15_000);

  it('says the referral is not found on 404', async () => {
    stubFetch({
      [`GET /api/referrals/${REFERRAL_ID}`]: () => problem(404, 'not_found', 'Introuvable.'),
      'GET /api/notifications': () => jsonResponse(200, { items: [], unread: 0 }),
    });
    renderWithProviders(<AppRoutes />, { me: makeTiranaSupervisor(), route });
    expect(await screen.findByRole('heading', { level: 1, name: 'Orientation introuvable' })).toBeTruthy();
  });
});
