import type { ReintegrationView } from '../features/reintegration/api';
import { CASE_ID } from './fixtures-cases';

export const PROJECT_ID = '55555555-5555-4555-8555-555555555555';
export const LINE_ID = '5a5a5a5a-5a5a-45a5-85a5-5a5a5a5a5a5a';
export const ITEM_GRANT_ID = '6a6a6a6a-6a6a-46a6-86a6-6a6a6a6a6a6a';
export const ITEM_TRAINING_ID = '6b6b6b6b-6b6b-46b6-86b6-6b6b6b6b6b6b';
export const DELIVERY_ID = '6c6c6c6c-6c6c-46c6-86c6-6c6c6c6c6c6c';
export const RECEIPT_ID = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';

type Plan = NonNullable<ReintegrationView['plan']>;

/**
 * A CARE case in reintegration: a plan approved once (version 1: a 2 000 € start-up grant), then changed (the
 * grant raised to 2 300 € and a 500 € training added) so it is a draft again, over the 2 000 € allowance.
 */
export function makePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    caseId: CASE_ID,
    status: 'draft',
    approvedVersion: 1,
    lastDecision: 'approved',
    items: [
      {
        id: ITEM_GRANT_ID,
        dimension: 'economic',
        serviceType: 'business_start_up',
        description: 'Atelier de couture',
        providerKind: 'partner',
        providerName: 'Caritas Tirana',
        deliveryMode: 'in_kind',
        planned: { minor: 230_000, currency: 'EUR' },
        plannedDate: '2025-04-01',
        budgetLineId: LINE_ID,
        budgetLineCode: 'R1',
        approved: { minor: 200_000, currency: 'EUR' },
        delivered: { minor: 50_000, currency: 'EUR' },
        removed: false,
        changedSinceApproval: true,
      },
      {
        id: ITEM_TRAINING_ID,
        dimension: 'social',
        serviceType: 'vocational_training',
        description: null,
        providerKind: 'in_house',
        providerName: null,
        deliveryMode: 'voucher',
        planned: { minor: 50_000, currency: 'EUR' },
        plannedDate: null,
        budgetLineId: null,
        budgetLineCode: null,
        approved: null,
        delivered: { minor: 0, currency: 'EUR' },
        removed: false,
        changedSinceApproval: true,
      },
    ],
    totals: {
      planned: [{ minor: 280_000, currency: 'EUR' }],
      approved: [{ minor: 200_000, currency: 'EUR' }],
      delivered: [{ minor: 50_000, currency: 'EUR' }],
    },
    allowance: { minor: 200_000, currency: 'EUR' },
    warnings: [
      { code: 'allowance_exceeded', params: { total: '2800.00', limit: '2000.00', currency: 'EUR' } },
    ],
    versions: [
      {
        number: 1,
        approvedByName: 'Alice Martin',
        approvedAt: '2025-03-10T10:00:00.000Z',
        total: [{ minor: 200_000, currency: 'EUR' }],
      },
    ],
    submittedByName: 'Bob Diallo',
    submittedAt: '2025-03-09T10:00:00.000Z',
    decidedByName: 'Alice Martin',
    decidedAt: '2025-03-10T10:00:00.000Z',
    decisionComment: null,
    deliveries: [
      {
        id: DELIVERY_ID,
        planItemId: ITEM_GRANT_ID,
        amount: { minor: 50_000, currency: 'EUR' },
        deliveredOn: '2025-03-20',
        vendor: 'Tekstil Sh.p.k.',
        receipt: { id: RECEIPT_ID, fileName: 'declaration.pdf' },
        receiptConfirmedBy: 'Elira K.',
        recordedByName: 'Bob Diallo',
        createdAt: '2025-03-20T15:00:00.000Z',
      },
    ],
    version: 4,
    ...overrides,
  };
}

export function makeReintegrationView(overrides: Partial<ReintegrationView> = {}): ReintegrationView {
  return {
    caseId: CASE_ID,
    caseStatus: 'reintegration_assistance',
    inReintegration: true,
    projectId: PROJECT_ID,
    assessment: {
      id: '6d6d6d6d-6d6d-46d6-86d6-6d6d6d6d6d6d',
      economic: { level: 'high', notes: 'Pas de revenu.' },
      social: { level: 'medium', notes: null },
      psychosocial: { level: 'low', notes: null },
      assessedOn: '2025-03-01',
      assessedByName: 'Bob Diallo',
      createdAt: '2025-03-01T10:00:00.000Z',
    },
    assessments: 1,
    plan: makePlan(),
    budgetLines: [{ id: LINE_ID, code: 'R1', label: 'Aides à la réintégration', currency: 'EUR' }],
    canEdit: true,
    canApprove: false,
    ...overrides,
  };
}
