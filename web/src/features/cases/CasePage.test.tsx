import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { AppRoutes } from '../../App';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import { makeUser, PARIS_ID } from '../../test-utils/fixtures';
import {
  BOB_ID,
  CASE_ID,
  makeCaseDetail,
  makeSupervisor,
  makeTask,
  TASK_ID,
} from '../../test-utils/fixtures-cases';
import { renderWithProviders } from '../../test-utils/render';

const route = `/cases/${CASE_ID}`;
const BOB = makeUser({
  id: BOB_ID,
  memberships: [{ officeId: PARIS_ID, officeCode: 'PARIS', officeName: 'Paris', role: 'caseworker' }],
});

function stubCase(detail: CaseDetail, extra: Parameters<typeof stubFetch>[0] = {}) {
  let current = detail;
  const stub = stubFetch({
    [`GET /api/cases/${CASE_ID}`]: () => jsonResponse(200, current),
    'GET /api/users': () => jsonResponse(200, { items: [BOB] }),
    'GET /api/cases/assignees': () => jsonResponse(200, { items: [{ id: BOB.id, name: BOB.displayName }] }),
    ...extra,
  });
  return { ...stub, set: (next: CaseDetail) => (current = next) };
}

describe('case page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('offers only the available transitions and highlights the current step', async () => {
    stubCase(makeCaseDetail());
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const progress = await screen.findByRole('region', { name: 'Parcours' });
    const actions = within(progress)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(actions).toEqual(['Passer à : Prêt au départ', 'Passer à : Désistement']);
    const steps = within(progress).getByRole('list', { name: 'Étapes du parcours' });
    const current = within(steps)
      .getAllByRole('listitem')
      .find((li) => li.getAttribute('aria-current') === 'step');
    expect(current?.textContent).toContain('Préparation du voyage');
    expect(current?.textContent).toContain('(étape actuelle)');
  });

  it('asks for exactly the missing fields and sends them with the transition', async () => {
    const moved = makeCaseDetail({
      status: 'ready_to_travel',
      travelDocumentReady: true,
      declarationSignedOn: '2025-03-01',
      availableTransitions: [],
      version: 8,
    });
    const { requests } = stubCase(makeCaseDetail(), {
      [`POST /api/cases/${CASE_ID}/transitions`]: () => jsonResponse(200, moved),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    await user.click(await screen.findByRole('button', { name: 'Passer à : Prêt au départ' }));
    const dialog = await screen.findByRole('dialog', { name: 'Passer à l’étape : Prêt au départ' });
    expect(within(dialog).getByRole('checkbox', { name: 'Document de voyage prêt' })).toBeTruthy();
    expect(within(dialog).getByLabelText(/Déclaration de retour volontaire signée le/)).toBeTruthy();
    // Medical fitness is already "fit": not asked again.
    expect(within(dialog).queryByLabelText(/Aptitude médicale/)).toBeNull();
    expect(within(dialog).queryByLabelText(/Date de départ/)).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    expect((await within(dialog).findAllByText('Ce champ est obligatoire.')).length).toBe(2);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.click(within(dialog).getByRole('checkbox', { name: 'Document de voyage prêt' }));
    await user.type(
      within(dialog).getByLabelText(/Déclaration de retour volontaire signée le/),
      '2025-03-01',
    );
    await user.type(within(dialog).getByLabelText(/Commentaire/), 'Billet réservé.');
    await user.click(within(dialog).getByRole('button', { name: 'Confirmer' }));

    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/transitions'))?.body).toEqual({
        version: 7,
        to: 'ready_to_travel',
        comment: 'Billet réservé.',
        fields: { travelDocumentReady: true, declarationSignedOn: '2025-03-01' },
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const header = screen.getByRole('heading', { level: 1, name: 'PAR-C-000045' }).parentElement
      ?.parentElement;
    expect(within(header as HTMLElement).getByText('Prêt au départ')).toBeTruthy();
  });

  it('refuses a medical fitness other than “fit to travel” before asking the server', async () => {
    const detail = makeCaseDetail({
      medicalFitness: 'unfit',
      availableTransitions: [
        {
          to: 'ready_to_travel',
          approval: false,
          requires: ['travelDocumentReady', 'medicalFitness', 'declarationSignedOn'],
          missing: ['medicalFitness'],
        },
      ],
    });
    const { requests } = stubCase(detail);
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    await user.click(await screen.findByRole('button', { name: 'Passer à : Prêt au départ' }));
    const dialog = await screen.findByRole('dialog', { name: 'Passer à l’étape : Prêt au départ' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    expect(
      await within(dialog).findByText('Cette étape exige que la personne soit apte au voyage.'),
    ).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('says the case is not found when the server answers 404, without offering to retry', async () => {
    stubFetch({ [`GET /api/cases/${CASE_ID}`]: () => problem(404, 'not_found', 'Introuvable.') });
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dossier introuvable' })).toBeTruthy();
    expect(
      screen.getByText('Ce dossier n’existe pas, ou vous n’êtes pas autorisé(e) à le consulter.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Réessayer' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Retour aux dossiers' })).toBeTruthy();
  });

  it('asks for a closure reason and shows the server’s per-field requirement errors', async () => {
    const detail = makeCaseDetail({
      status: 'monitoring',
      availableTransitions: [
        { to: 'closed', approval: false, requires: ['closureReason'], missing: ['closureReason'] },
      ],
    });
    const { requests } = stubCase(detail, {
      [`POST /api/cases/${CASE_ID}/transitions`]: () =>
        problem(422, 'transition_requirements', 'Des informations manquent.', {
          errors: [
            { path: 'closureReason', code: 'required', message: 'Le motif « autre » doit être précisé.' },
          ],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    await user.click(await screen.findByRole('button', { name: 'Passer à : Clos' }));
    const dialog = await screen.findByRole('dialog', { name: 'Passer à l’étape : Clos' });
    await user.selectOptions(within(dialog).getByLabelText(/Motif de clôture/), 'other');
    await user.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    expect(await within(dialog).findByText('Le motif « autre » doit être précisé.')).toBeTruthy();
    expect(requests.find((r) => r.url.endsWith('/transitions'))?.body).toEqual({
      version: 7,
      to: 'closed',
      closureReason: 'other',
    });
  });

  it('labels a transition needing approval as a request', async () => {
    stubCase(
      makeCaseDetail({
        status: 'eligibility',
        availableTransitions: [{ to: 'travel_preparation', approval: true, requires: [], missing: [] }],
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    await user.click(
      await screen.findByRole('button', { name: 'Demander l’approbation : Préparation du voyage' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Demander l’approbation : Préparation du voyage',
    });
    expect(within(dialog).getByText(/doit être approuvée par un superviseur/)).toBeTruthy();
  });

  it('shows the pending approval and lets a supervisor approve or reject it', async () => {
    const pending = makeCaseDetail({
      status: 'eligibility',
      pendingTransitionTo: 'travel_preparation',
      pendingTransition: {
        to: 'travel_preparation',
        requestedByName: 'Bob Diallo',
        requestedAt: '2025-02-07T10:00:00.000Z',
        comment: 'Dossier complet.',
      },
      availableTransitions: [],
    });
    const { requests } = stubCase(pending, {
      [`POST /api/cases/${CASE_ID}/approve`]: () =>
        jsonResponse(200, makeCaseDetail({ status: 'travel_preparation', version: 8 })),
      [`POST /api/cases/${CASE_ID}/reject`]: () => jsonResponse(200, { ...pending, pendingTransition: null }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const banner = await screen.findByRole('region', {
      name: 'Approbation en attente : Préparation du voyage',
    });
    expect(
      within(banner).getByText(/Bob Diallo a demandé le passage à l’étape « Préparation du voyage »/),
    ).toBeTruthy();
    expect(within(banner).getByText('Commentaire : Dossier complet.')).toBeTruthy();
    expect(screen.getByText('Aucune action n’est possible à cette étape.')).toBeTruthy();

    // Rejecting needs a reason.
    await user.click(within(banner).getByRole('button', { name: 'Refuser' }));
    const reject = await screen.findByRole('dialog', {
      name: 'Refuser le passage à : Préparation du voyage',
    });
    await user.click(within(reject).getByRole('button', { name: 'Refuser' }));
    expect(await within(reject).findByText('Ce champ est obligatoire.')).toBeTruthy();
    await user.click(within(reject).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(within(banner).getByRole('button', { name: 'Approuver' }));
    const approve = await screen.findByRole('dialog', {
      name: 'Approuver le passage à : Préparation du voyage',
    });
    await user.click(within(approve).getByRole('button', { name: 'Approuver' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/approve'))?.body).toEqual({ version: 7 }),
    );
    await waitFor(() => expect(screen.queryByRole('region', { name: /Approbation en attente/ })).toBeNull());
    expect(requests.some((r) => r.url.endsWith('/reject'))).toBe(false);
  });

  it('shows a pending approval without decision buttons to someone who may not approve', async () => {
    stubCase(
      makeCaseDetail({
        canApprove: false,
        pendingTransition: {
          to: 'travel_preparation',
          requestedByName: 'Bob Diallo',
          requestedAt: '2025-02-07T10:00:00.000Z',
          comment: null,
        },
        availableTransitions: [],
      }),
    );
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const banner = await screen.findByRole('region', { name: /Approbation en attente/ });
    expect(within(banner).getByText('Le dossier attend la décision d’un superviseur.')).toBeTruthy();
    expect(within(banner).queryByRole('button')).toBeNull();
  });

  it('reopens a closed case with a reason', async () => {
    const closed = makeCaseDetail({
      status: 'closed',
      closureReason: 'completed',
      availableTransitions: [],
      canReopen: true,
    });
    const { requests } = stubCase(closed, {
      [`POST /api/cases/${CASE_ID}/reopen`]: () =>
        jsonResponse(200, makeCaseDetail({ status: 'monitoring', version: 8 })),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    expect(await screen.findByText('Parcours achevé')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Rouvrir le dossier' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rouvrir le dossier PAR-C-000045' });
    await user.type(within(dialog).getByLabelText(/Motif de la réouverture/), 'Nouvelle demande.');
    await user.click(within(dialog).getByRole('button', { name: 'Rouvrir' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.endsWith('/reopen'))?.body).toEqual({
        version: 7,
        reason: 'Nouvelle demande.',
      }),
    );
  });

  it('shows timeline, confidential notes, overdue tasks and attachments, and marks a task done', async () => {
    const { requests, set } = stubCase(makeCaseDetail(), {
      [`PATCH /api/tasks/${TASK_ID}`]: () => {
        set(makeCaseDetail({ tasks: [makeTask({ done: true, version: 2 })] }));
        return jsonResponse(200, makeTask({ done: true, version: 2 }));
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const timeline = await screen.findByRole('list', { name: 'Historique du dossier' });
    expect(within(timeline).getByText('Changement d’étape')).toBeTruthy();
    expect(within(timeline).getByText('Éligible.')).toBeTruthy();

    const notes = screen.getByRole('list', { name: 'Notes du dossier' });
    const confidential = within(notes).getByText('Risque signalé.').closest('li') as HTMLElement;
    expect(within(confidential).getByText('Confidentielle')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Note confidentielle/ })).toBeTruthy();

    const tasks = screen.getByRole('table', { name: 'Tâches du dossier' });
    const row = within(tasks)
      .getByRole('rowheader', { name: 'Réserver le billet' })
      .closest('tr') as HTMLElement;
    expect(within(row).getByText('En retard')).toBeTruthy();

    const download = screen.getByRole('link', { name: 'Télécharger declaration.pdf' });
    expect(download.getAttribute('href')).toBe(
      `/api/cases/${CASE_ID}/attachments/eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee`,
    );

    await user.click(within(row).getByRole('checkbox', { name: 'Marquer comme faite : Réserver le billet' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ version: 1, done: true }),
    );
    await waitFor(() => expect(within(row).queryByText('En retard')).toBeNull());
  });

  it('uploads an attachment as multipart form data', async () => {
    const { requests } = stubCase(makeCaseDetail(), {
      [`POST /api/cases/${CASE_ID}/attachments`]: () =>
        jsonResponse(201, {
          id: 'efefefef-efef-4efe-8efe-efefefefefef',
          fileName: 'billet.pdf',
          contentType: 'application/pdf',
          sizeBytes: 4,
          uploadedByName: 'Alice Martin',
          createdAt: '2025-02-08T10:00:00.000Z',
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const input = await screen.findByLabelText(/Fichier à joindre/);
    await user.upload(input, new File(['%PDF'], 'billet.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: 'Joindre le fichier' }));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/attachments'))).toBe(true));
    const body = requests.find((r) => r.url.endsWith('/attachments'))?.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe('billet.pdf');
  });

  it('says what an attached file is, when a step requires a document of its kind', async () => {
    const { requests } = stubCase(
      makeCaseDetail({
        availableTransitions: [
          {
            to: 'submission',
            approval: true,
            requires: [],
            requiresDocuments: ['resettlement_registration_form'],
            missing: ['document:resettlement_registration_form'],
          },
        ],
      }),
      {
        [`POST /api/cases/${CASE_ID}/attachments`]: () =>
          jsonResponse(201, {
            id: 'efefefef-efef-4efe-8efe-efefefefefef',
            fileName: 'formulaire.pdf',
            contentType: 'application/pdf',
            sizeBytes: 4,
            documentKind: 'resettlement_registration_form',
            uploadedByName: 'Alice Martin',
            createdAt: '2025-02-08T10:00:00.000Z',
          }),
      },
    );
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    await user.click(
      await screen.findByRole('button', { name: 'Demander l’approbation : Soumission du dossier' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        'Un document joint au dossier : Formulaire d’enregistrement (à joindre dans les pièces jointes, avec son type)',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await user.upload(
      await screen.findByLabelText(/Fichier à joindre/),
      new File(['%PDF'], 'formulaire.pdf', { type: 'application/pdf' }),
    );
    await user.selectOptions(screen.getByLabelText(/^Type de document/), 'resettlement_registration_form');
    await user.click(screen.getByRole('button', { name: 'Joindre le fichier' }));
    await waitFor(() =>
      expect(
        requests.some(
          (r) => r.url === `/api/cases/${CASE_ID}/attachments?documentKind=resettlement_registration_form`,
        ),
      ).toBe(true),
    );
  });

  it('saves changed case fields with the version and shows a conflict instead of overwriting', async () => {
    const theirs = makeCaseDetail({ departureDate: '2025-04-02', version: 8 });
    const { requests } = stubCase(makeCaseDetail(), {
      [`PATCH /api/cases/${CASE_ID}`]: () =>
        problem(409, 'version_conflict', 'Ce dossier a été modifié entre-temps.', { current: theirs }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { me: makeSupervisor(), route });
    const fields = await screen.findByRole('region', { name: 'Préparation du voyage' });
    await user.type(within(fields).getByLabelText('Date de départ'), '2025-04-01');
    await user.click(within(fields).getByRole('button', { name: 'Enregistrer' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Quelqu’un d’autre a modifié cet enregistrement',
    });
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      version: 7,
      departureDate: '2025-04-01',
    });
    const row = within(dialog)
      .getByRole('rowheader', { name: 'Date de départ' })
      .closest('tr') as HTMLElement;
    expect(row.textContent).toContain('2 avril 2025');
    expect(row.textContent).toContain('1 avril 2025');
    await user.click(within(dialog).getByRole('button', { name: 'Charger la version actuelle' }));
    await waitFor(() =>
      expect((within(fields).getByLabelText('Date de départ') as HTMLInputElement).value).toBe('2025-04-02'),
    );
  });
});
