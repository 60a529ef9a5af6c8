import canonicalize from 'canonicalize';
/** The reintegration tab of a case: latest assessment, the plan with planned/approved/delivered, warnings. */
import type { Db } from '../../db/client';
import { type Actor, can } from '../../platform/actor';
import { type Currency, type Money, sumByCurrency } from '../../platform/money';
import type { CaseRow } from '../cases';
import { allowanceOf, linesOf } from '../finance';
import { budgetWarnings } from './budget-check';
import { type Plan, REINTEGRATION_STATUSES, type ReintegrationView } from './contract';
import * as repo from './repository';
import type { PlanItemSnapshot } from './tables';

const money = (minor: number, currency: string): Money => ({ minor, currency: currency as Currency });

export function inReintegration(status: string): boolean {
  return (REINTEGRATION_STATUSES as readonly string[]).includes(status);
}

export function snapshotOf(item: repo.ItemRow): PlanItemSnapshot {
  return {
    id: item.id,
    dimension: item.dimension,
    serviceType: item.serviceType,
    description: item.description,
    providerKind: item.providerKind,
    providerName: item.providerName,
    deliveryMode: item.deliveryMode,
    plannedMinor: item.plannedMinor,
    currency: item.currency,
    plannedDate: item.plannedDate,
    budgetLineId: item.budgetLineId,
  };
}

/** The items of the approved version the deliveries rest on. */
export async function approvedItems(db: Db, plan: repo.PlanRow): Promise<Map<string, PlanItemSnapshot>> {
  if (plan.approvedVersion === null) return new Map();
  const versions = await repo.versionsOf(db, plan.id);
  const approved = versions.find((v) => v.number === plan.approvedVersion);
  return new Map((approved?.items ?? []).map((i) => [i.id, i]));
}

async function planView(db: Db, caseRow: CaseRow, plan: repo.PlanRow, day: string): Promise<Plan> {
  const [items, versions, deliveries, lines] = await Promise.all([
    repo.itemsOf(db, plan.id),
    repo.versionsOf(db, plan.id),
    repo.deliveriesOf(db, caseRow.id),
    caseRow.projectId ? linesOf(db, caseRow.projectId) : Promise.resolve([]),
  ]);
  const approved = new Map(
    (versions.find((v) => v.number === plan.approvedVersion)?.items ?? []).map((i) => [i.id, i]),
  );
  const delivered = await repo.deliveredOfItems(
    db,
    items.map((i) => i.id),
  );
  const lineCode = new Map(lines.map((l) => [l.id, l.code]));
  const active = items.filter((i) => !i.removed);
  return {
    caseId: caseRow.id,
    status: plan.status,
    approvedVersion: plan.approvedVersion,
    items: items.map((i) => {
      const a = approved.get(i.id);
      return {
        id: i.id,
        dimension: i.dimension,
        serviceType: i.serviceType as Plan['items'][number]['serviceType'],
        description: i.description,
        providerKind: i.providerKind,
        providerName: i.providerName,
        deliveryMode: i.deliveryMode,
        planned: money(i.plannedMinor, i.currency),
        plannedDate: i.plannedDate,
        budgetLineId: i.budgetLineId,
        budgetLineCode: i.budgetLineId ? (lineCode.get(i.budgetLineId) ?? null) : null,
        approved: a ? money(a.plannedMinor, a.currency) : null,
        delivered: money(delivered.get(i.id) ?? 0, i.currency),
        removed: i.removed,
        changedSinceApproval:
          plan.approvedVersion !== null &&
          // Canonical JSON: jsonb does not keep the snapshot's key order.
          canonicalize(a ?? null) !== canonicalize(i.removed ? null : snapshotOf(i)),
      };
    }),
    totals: {
      planned: sumByCurrency(active.map((i) => money(i.plannedMinor, i.currency))),
      approved: sumByCurrency([...approved.values()].map((i) => money(i.plannedMinor, i.currency))),
      delivered: sumByCurrency(deliveries.map((d) => money(d.row.amountMinor, d.row.currency))),
    },
    allowance: caseRow.projectId ? await allowanceOf(db, caseRow.projectId) : null,
    warnings: await budgetWarnings(db, plan.id, items, caseRow.projectId, day),
    versions: versions.map((v) => ({
      number: v.number,
      approvedByName: v.approvedByName,
      approvedAt: v.approvedAt.toISOString(),
      total: sumByCurrency(v.items.map((i) => money(i.plannedMinor, i.currency))),
    })),
    submittedByName: plan.submittedByName,
    submittedAt: plan.submittedAt?.toISOString() ?? null,
    decidedByName: plan.decidedByName,
    decidedAt: plan.decidedAt?.toISOString() ?? null,
    decisionComment: plan.decisionComment,
    lastDecision: !plan.decidedAt
      ? null
      : versions.some((v) => v.approvedAt.getTime() === plan.decidedAt?.getTime())
        ? 'approved'
        : 'returned',
    deliveries: deliveries.map((d) => ({
      id: d.row.id,
      planItemId: d.row.planItemId,
      amount: money(d.row.amountMinor, d.row.currency),
      deliveredOn: d.row.deliveredOn,
      vendor: d.row.vendor,
      receipt: d.row.receiptAttachmentId
        ? { id: d.row.receiptAttachmentId, fileName: d.receiptName ?? '' }
        : null,
      receiptConfirmedBy: d.row.receiptConfirmedBy,
      recordedByName: d.row.recordedByName,
      createdAt: d.row.createdAt.toISOString(),
    })),
    version: plan.version,
  };
}

export async function reintegrationView(
  db: Db,
  actor: Actor,
  caseRow: CaseRow,
  day: string,
): Promise<ReintegrationView> {
  const [{ row: assessment, count }, plan, lines] = await Promise.all([
    repo.latestAssessment(db, caseRow.id),
    repo.planOfCase(db, caseRow.id),
    caseRow.projectId ? linesOf(db, caseRow.projectId) : Promise.resolve([]),
  ]);
  return {
    caseId: caseRow.id,
    caseStatus: caseRow.status,
    inReintegration: inReintegration(caseRow.status),
    projectId: caseRow.projectId,
    assessment: assessment
      ? {
          id: assessment.id,
          economic: { level: assessment.economic.level, notes: assessment.economic.notes ?? null },
          social: { level: assessment.social.level, notes: assessment.social.notes ?? null },
          psychosocial: {
            level: assessment.psychosocial.level,
            notes: assessment.psychosocial.notes ?? null,
          },
          assessedOn: assessment.assessedOn,
          assessedByName: assessment.assessedByName,
          createdAt: assessment.createdAt.toISOString(),
        }
      : null,
    assessments: count,
    plan: plan ? await planView(db, caseRow, plan, day) : null,
    budgetLines: lines.map((l) => ({ id: l.id, code: l.code, label: l.label, currency: l.currency })),
    canEdit: can(actor, 'cases.write', caseRow.owningOfficeId) && inReintegration(caseRow.status),
    canApprove: can(actor, 'cases.approve', caseRow.owningOfficeId),
  };
}
