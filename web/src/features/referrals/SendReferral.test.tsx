import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import type { Me } from '../../../../src/modules/identity/contract';
import { AppRoutes } from '../../App';
import { seriousViolations } from '../../test-utils/axe';
import { jsonResponse, problem, type RecordedRequest, stubFetch } from '../../test-utils/fetch';
import {
  CASE_ID,
  CONSENT_ID,
  CONSENT_ID_2,
  makeCaseDetail,
  makePersonDetail,
  makeSupervisor,
  PERSON_ID,
} from '../../test-utils/fixtures-cases';
import {
  makeReferralCaseworker,
  makeReferralSummary,
  makeReferralSupervisor,
  TARGETS,
  TIRANA_ID,
} from '../../test-utils/fixtures-referrals';
import { renderWithProviders } from '../../test-utils/render';

const route = `/cases/${CASE_ID}`;
const PERSON = makePersonDetail({
  consents: [
    {
      id: CONSENT_ID,
      purpose: 'assistance',
      recipient: 'Passerelle',
      givenBy: 'self',
      givenOn: '2025-02-01',
      withdrawnOn: null,
    },
    {
      id: CONSENT_ID_2,
      purpose: 'referral',
      recipient: 'Bureau de Tirana',
      givenBy: 'self',
      givenOn: '2025-02-02',
      withdrawnOn: null,
    },
  ],
});

function stub(
  options: { detail?: CaseDetail; send?: (request: RecordedRequest) => Response; referrals?: unknown[] } = {},
) {
  return stubFetch({
    [`GET /api/cases/${CASE_ID}`]: () => jsonResponse(200, options.detail ?? makeCaseDetail()),
    [`GET /api/cases/${CASE_ID}/referrals`]: () => jsonResponse(200, { items: options.referrals ?? [] }),
    [`GET /api/cases/${CASE_ID}/referral-targets`]: () => jsonResponse(200, { items: TARGETS }),
    [`GET /api/persons/${PERSON_ID}`]: () => jsonResponse(200, PERSON),
    'GET /api/notifications': () => jsonResponse(200, { items: [], unread: 0 }),
    [`POST /api/cases/${CASE_ID}/referrals`]:
      options.send ??
      (() => jsonResponse(201, { referral: makeReferralSummary({ side: 'sender' }), partnerPath: null })),
  });
}

async function openForm(me: Me = makeReferralSupervisor()) {
  const user = userEvent.setup();
  renderWithProviders(<AppRoutes />, { me, route });
  await user.click(await screen.findByRole('button', { name: 'Orienter / transférer' }));
  const dialog = await screen.findByRole('dialog', {
    name: 'Orienter ou transférer le dossier PAR-C-000045',
  });
  // The offices and the person's consents are loaded when the form opens.
  await within(dialog).findByRole('combobox', { name: /Bureau destinataire/ });
  await within(dialog).findByRole('combobox', { name: /Consentement/ });
  return { user, dialog };
}

const sentBodies = (requests: RecordedRequest[]) =>
  requests
    .filter((r) => r.method === 'POST' && r.url === `/api/cases/${CASE_ID}/referrals`)
    .map((r) => r.body);

describe('referring or transferring a case', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists the case’s referrals with recipient, status and due date', async () => {
    const base = makeCaseDetail();
    stub({
      detail: makeCaseDetail({
        timeline: [
          ...base.timeline,
          {
            id: 'cececece-cece-4cec-8cec-cececececece',
            kind: 'referral_answered',
            fromStatus: null,
            toStatus: null,
            actorName: 'Besa Hoxha',
            comment: 'Pas de place.',
            data: {
              referralId: 'aeaeaeae-aeae-4aea-8aea-aeaeaeaeaeae',
              reference: 'REF-2025-00013',
              accepted: false,
            },
            at: '2025-02-08T09:00:00.000Z',
          },
        ],
      }),
      referrals: [
        makeReferralSummary({ side: 'sender', overdue: true }),
        makeReferralSummary({
          id: 'aeaeaeae-aeae-4aea-8aea-aeaeaeaeaeae',
          reference: 'REF-2025-00013',
          kind: 'referral',
          status: 'declined',
          toOffice: null,
          partnerName: 'Shelter Different and Equal',
          side: 'sender',
        }),
      ],
    });
    renderWithProviders(<AppRoutes />, { me: makeReferralSupervisor(), route });
    // The case page is long: give it time to render, then the referrals load.
    const table = await screen.findByRole(
      'table',
      { name: 'Orientations et transferts du dossier' },
      { timeout: 5000 },
    );
    const transfer = within(table)
      .getByRole('rowheader', { name: 'REF-2025-00012' })
      .closest('tr') as HTMLElement;
    expect(within(transfer).getByText('Transfert')).toBeTruthy();
    expect(within(transfer).getByText('Tirana (TIRANA)')).toBeTruthy();
    expect(within(transfer).getByText('En attente')).toBeTruthy();
    expect(within(transfer).getByText('En retard')).toBeTruthy();
    expect(within(transfer).getByRole('link', { name: 'REF-2025-00012' }).getAttribute('href')).toBe(
      '/referrals/abababab-abab-4aba-8aba-abababababab',
    );
    const partner = within(table)
      .getByRole('rowheader', { name: 'REF-2025-00013' })
      .closest('tr') as HTMLElement;
    expect(within(partner).getByText('Partenaire : Shelter Different and Equal')).toBeTruthy();
    expect(within(partner).getByText('Refusée')).toBeTruthy();
    // The timeline names the referral an event is about.
    const timeline = screen.getByRole('list', { name: 'Historique du dossier' });
    const answered = within(timeline).getByRole('link', { name: 'Orientation REF-2025-00013' });
    expect(answered.getAttribute('href')).toBe('/referrals/aeaeaeae-aeae-4aea-8aea-aeaeaeaeaeae');
    expect(answered.closest('p')?.textContent).toBe('Orientation REF-2025-00013 · refusée');
    expect(await seriousViolations()).toEqual([]);
  }, 20_000);

  it('offers the form only to those who may send, and not for a closed case', async () => {
    stub();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    await screen.findByRole('heading', { level: 1, name: 'PAR-C-000045' });
    // Without referrals.read, no section at all.
    expect(screen.queryByRole('region', { name: 'Orientations et transferts' })).toBeNull();
    cleanup();

    stub({ detail: makeCaseDetail({ status: 'closed', availableTransitions: [] }) });
    renderWithProviders(<AppRoutes />, { me: makeReferralSupervisor(), route });
    const section = await screen.findByRole('region', { name: 'Orientations et transferts' });
    expect(await within(section).findByText('Ce dossier n’a jamais été orienté ni transféré.')).toBeTruthy();
    expect(within(section).getByText('Un dossier clos ne peut pas être orienté ni transféré.')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Orienter / transférer' })).toBeNull();
  }, 20_000);

  it('pre-checks the safe default sections and warns when a sensitive one is added', async () => {
    stub();
    const { user, dialog } = await openForm();
    const box = (name: RegExp) => within(dialog).getByRole('checkbox', { name });
    const checked = within(dialog)
      .getAllByRole('checkbox')
      .filter((c) => (c as HTMLInputElement).checked)
      .map((c) => (c as HTMLInputElement).value);
    expect(checked).toEqual(['identity', 'needs_summary', 'reintegration_needs', 'case_history']);
    const trafficking = box(/Éléments relatifs à la traite/);
    expect((trafficking as HTMLInputElement).checked).toBe(false);
    // Sensitive sections are marked as such, with what they contain.
    expect(trafficking.closest('label, .mantine-Checkbox-root')?.textContent).toContain('Sensible');
    expect(within(dialog).getByText(/victime de la traite, et les besoins qui s’y rapportent/)).toBeTruthy();
    expect(within(dialog).queryByText(/données particulièrement sensibles/)).toBeNull();

    await user.click(trafficking);
    expect(within(dialog).getByRole('alert').textContent).toMatch(
      /données particulièrement sensibles \(Éléments relatifs à la traite\)/,
    );
    expect(await seriousViolations(dialog)).toEqual([]);
  }, 20_000);

  it('keeps the identity in a transfer and sends the chosen consent and defaults', async () => {
    const { requests } = stub();
    const { user, dialog } = await openForm();
    await user.click(within(dialog).getByRole('radio', { name: /Transfert/ }));
    const identity = within(dialog).getByRole('checkbox', { name: 'Identité' }) as HTMLInputElement;
    expect(identity.checked).toBe(true);
    expect(identity.disabled).toBe(true);
    // A transfer only goes to an office.
    expect(
      (within(dialog).getByRole('radio', { name: /organisation partenaire/ }) as HTMLInputElement).disabled,
    ).toBe(true);
    expect(within(dialog).getByRole('textbox', { name: /Suivi après le transfert/ })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Envoyer la demande' }));
    expect(await within(dialog).findAllByText('Ce champ est obligatoire.')).toHaveLength(3);
    expect(sentBodies(requests)).toEqual([]);

    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: /Bureau destinataire/ }),
      TIRANA_ID,
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: /Résumé pour le destinataire/ }),
      'Retour en Albanie.',
    );
    const consent = within(dialog).getByRole('combobox', { name: /Consentement/ });
    // Consents for referral or data sharing come first.
    const options = within(consent)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options[1]).toMatch(/^Orientation vers un partenaire – Bureau de Tirana/);
    expect(options[2]).toMatch(/^Assistance – Passerelle/);
    await user.selectOptions(consent, CONSENT_ID_2);
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer la demande' }));

    await waitFor(() =>
      expect(sentBodies(requests)).toEqual([
        {
          kind: 'transfer',
          toOfficeId: TIRANA_ID,
          sections: ['identity', 'needs_summary', 'reintegration_needs', 'case_history'],
          summary: 'Retour en Albanie.',
          consentId: CONSENT_ID_2,
          responseDays: 7,
          followUpMonths: 12,
          linkValidDays: 30,
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }, 20_000);

  it('offers sharing without consent only with consents.override, and then requires a justification', async () => {
    stub();
    const { dialog } = await openForm(makeReferralCaseworker());
    const options = within(within(dialog).getByRole('combobox', { name: /Consentement/ }))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).not.toContain('Partager sans consentement (dérogation)');
    expect(within(dialog).queryByRole('textbox', { name: /Justification de la dérogation/ })).toBeNull();
    cleanup();

    const { requests } = stub();
    const { user, dialog: again } = await openForm();
    await user.selectOptions(
      again.querySelector('select[name="toOfficeId"]') as HTMLSelectElement,
      TIRANA_ID,
    );
    await user.type(within(again).getByRole('textbox', { name: /Résumé pour le destinataire/ }), 'Urgence.');
    await user.selectOptions(within(again).getByRole('combobox', { name: /Consentement/ }), 'override');
    expect(
      within(again).getByText(/enregistrée dans le journal d’audit et la demande est signalée/),
    ).toBeTruthy();
    const justification = within(again).getByRole('textbox', { name: /Justification de la dérogation/ });
    await user.type(justification, 'Trop court.');
    await user.click(within(again).getByRole('button', { name: 'Envoyer la demande' }));
    expect(await within(again).findByText('Au moins 20 caractères.')).toBeTruthy();
    expect(sentBodies(requests)).toEqual([]);

    await user.type(justification, ' La personne est en danger immédiat.');
    await user.click(within(again).getByRole('button', { name: 'Envoyer la demande' }));
    await waitFor(() => expect(sentBodies(requests)).toHaveLength(1));
    const body = sentBodies(requests)[0] as Record<string, unknown>;
    expect(body.overrideJustification).toBe('Trop court. La personne est en danger immédiat.');
    expect(body.consentId).toBeUndefined();
  }, 20_000);

  it('shows the server’s refusal, e.g. a consent that does not cover the recipient', async () => {
    stub({
      send: () =>
        problem(
          422,
          'referral_consent_not_covering',
          'Ce consentement ne couvre pas ce partage : il ne nomme pas ce destinataire.',
        ),
    });
    const { user, dialog } = await openForm();
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: /Bureau destinataire/ }),
      TIRANA_ID,
    );
    await user.type(within(dialog).getByRole('textbox', { name: /Résumé pour le destinataire/ }), 'Suivi.');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Consentement/ }), CONSENT_ID);
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer la demande' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Ce consentement ne couvre pas ce partage : il ne nomme pas ce destinataire.',
    );
    expect(screen.getByRole('dialog', { name: /Orienter ou transférer/ })).toBeTruthy();
  }, 20_000);

  it('shows a partner link once, with a copy button, after a partner referral', async () => {
    const { requests } = stub({
      send: () =>
        jsonResponse(201, {
          referral: makeReferralSummary({
            kind: 'referral',
            toOffice: null,
            partnerName: 'Shelter Different and Equal',
            side: 'sender',
          }),
          partnerPath: '/partner/secret-token-0123456789',
        }),
    });
    const { user, dialog } = await openForm();
    await user.click(within(dialog).getByRole('radio', { name: /organisation partenaire/ }));
    expect(within(dialog).queryByRole('combobox', { name: /Bureau destinataire/ })).toBeNull();
    await user.type(
      within(dialog).getByRole('textbox', { name: /Nom de l’organisation/ }),
      'Shelter Different and Equal',
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: /Résumé pour le destinataire/ }),
      'Hébergement.',
    );
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Consentement/ }), CONSENT_ID_2);
    const validity = within(dialog).getByRole('textbox', { name: /Validité du lien/ });
    await user.clear(validity);
    await user.type(validity, '14');
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer la demande' }));

    const linkDialog = await screen.findByRole('dialog', { name: 'Lien pour le partenaire' });
    const body = sentBodies(requests)[0] as Record<string, unknown>;
    expect(body.partner).toEqual({ name: 'Shelter Different and Equal', contact: null });
    expect(body.toOfficeId).toBeUndefined();
    expect(body.linkValidDays).toBe(14);
    const field = within(linkDialog).getByRole('textbox', { name: 'Lien partenaire' }) as HTMLInputElement;
    expect(field.value).toBe(`${window.location.origin}/partner/secret-token-0123456789`);
    expect(within(linkDialog).getByRole('button', { name: 'Copier le lien' })).toBeTruthy();
    expect(within(linkDialog).getByText(/ne sera plus jamais affiché/)).toBeTruthy();
    expect(await seriousViolations(linkDialog)).toEqual([]);

    await user.click(within(linkDialog).getByRole('button', { name: 'J’ai copié le lien' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.innerHTML).not.toContain('secret-token-0123456789');
  }, 20_000);
});
