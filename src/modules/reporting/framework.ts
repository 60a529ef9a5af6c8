/**
 * The results framework of a project: impact, outcomes and outputs, their indicators, baselines and targets
 * (overall and per period). Defined by the project manager; every change audited in its transaction.
 */
import type { z } from 'zod';
import type { ActorCtx } from '../../platform/actor';
import { type Changes, recordAudit } from '../../platform/audit/record';
import { isUniqueViolation } from '../../platform/db-errors';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { validationMessage } from '../../platform/i18n';
import { findDefinition } from './catalogue';
import {
  type Framework,
  type FrameworkNodeInputSchema,
  type FrameworkNodeUpdateSchema,
  type Indicator,
  type IndicatorInputSchema,
  type IndicatorUpdateSchema,
  splitSpec,
} from './contract';
import { reportAccess, requireManage } from './policy';
import { nodeView, periodView } from './report';
import * as repo from './repository';

type Framework_ = Awaited<ReturnType<typeof repo.frameworkOf>>;

export function indicatorView(row: repo.IndicatorRow, targets: Framework_['targets']): Indicator {
  return {
    id: row.id,
    nodeId: row.nodeId,
    code: row.code,
    title: row.title,
    unit: row.unit,
    kind: row.kind,
    definition:
      row.definitionId && row.definitionVersion
        ? { id: row.definitionId, version: row.definitionVersion }
        : null,
    baseline: row.baseline,
    target: row.target,
    periodTargets: Object.fromEntries(
      targets.filter((t) => t.indicatorId === row.id).map((t) => [t.periodId, t.target]),
    ),
    meansOfVerification: row.meansOfVerification,
    breakdowns: row.breakdowns,
    version: row.version,
  };
}

export function manualValueView(v: repo.ManualValueRow) {
  return {
    indicatorId: v.indicatorId,
    periodId: v.periodId,
    value: v.value,
    comment: v.comment,
    status: v.status,
    enteredByName: v.enteredByName,
    enteredAt: v.enteredAt.toISOString(),
    decidedByName: v.decidedByName,
    decidedAt: v.decidedAt?.toISOString() ?? null,
    decisionComment: v.decisionComment,
    evidence:
      v.evidenceFileName && v.evidenceContentType && v.evidenceSizeBytes !== null
        ? { fileName: v.evidenceFileName, contentType: v.evidenceContentType, sizeBytes: v.evidenceSizeBytes }
        : null,
    version: v.version,
  };
}

export async function getFramework(ctx: ActorCtx, projectId: string): Promise<Framework> {
  const access = await reportAccess(ctx, projectId);
  const f = await repo.frameworkOf(ctx.db, projectId);
  const snapshots = new Map(
    (
      await repo.snapshotsOf(
        ctx.db,
        f.periods.map((p) => p.id),
      )
    ).map((s) => [s.periodId, s.id]),
  );
  return {
    projectId,
    projectCode: access.project.code,
    nodes: f.nodes.map(nodeView),
    indicators: f.indicators.map((i) => indicatorView(i, f.targets)),
    periods: f.periods.map((p) => periodView(p, snapshots.get(p.id) ?? null)),
    manualValues: access.donor ? [] : f.values.map(manualValueView),
    can: { manage: access.canManage, enter: access.canEnter, export: true },
  };
}

const codeTaken = () => new AppError('framework_code_taken');

/** Which kind of node may hold which: outputs under outcomes, outcomes under the impact or at the top. */
async function checkParent(
  ctx: ActorCtx,
  projectId: string,
  kind: 'impact' | 'outcome' | 'output',
  parentId: string | null,
) {
  const allowed: (string | null)[] = { impact: [null], outcome: [null, 'impact'], output: ['outcome'] }[kind];
  const parent = parentId ? await repo.findNode(ctx.db, parentId) : null;
  if (parentId && (!parent || parent.projectId !== projectId)) throw new AppError('framework_parent_invalid');
  if (!allowed.includes(parent?.kind ?? null)) throw new AppError('framework_parent_invalid');
}

async function audited<T>(
  ctx: ActorCtx,
  officeId: string,
  projectId: string,
  changes: Changes,
  work: (tx: ActorCtx['db']) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const out = await work(tx);
      await recordAudit(tx, ctx, {
        action: 'framework.changed',
        officeId,
        recordType: 'project',
        recordId: projectId,
        changes,
      });
      return out;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

export async function addNode(
  ctx: ActorCtx,
  projectId: string,
  input: z.infer<typeof FrameworkNodeInputSchema>,
) {
  const access = await reportAccess(ctx, projectId);
  requireManage(access);
  await checkParent(ctx, projectId, input.kind, input.parentId);
  const now = ctx.clock.now();
  const row = await audited(ctx, access.project.owningOfficeId, projectId, { node: { new: input } }, (tx) =>
    repo.insertNode(tx, { projectId, ...input, createdAt: now, updatedAt: now }),
  );
  return nodeView(row);
}

async function nodeOf(ctx: ActorCtx, nodeId: string) {
  const node = await repo.findNode(ctx.db, nodeId);
  if (!node) throw notFound();
  const access = await reportAccess(ctx, node.projectId);
  return { node, access };
}

export async function updateNode(
  ctx: ActorCtx,
  nodeId: string,
  input: z.infer<typeof FrameworkNodeUpdateSchema>,
) {
  const { node, access } = await nodeOf(ctx, nodeId);
  requireManage(access);
  const { version, ...patch } = input;
  const row = await audited(
    ctx,
    access.project.owningOfficeId,
    node.projectId,
    { node: { old: { code: node.code, title: node.title }, new: patch } },
    (tx) => repo.updateNodeAt(tx, nodeId, version, { ...patch, updatedAt: ctx.clock.now() }),
  );
  if (!row) throw versionConflict(nodeView(node));
  return nodeView(row);
}

export async function removeNode(ctx: ActorCtx, nodeId: string) {
  const { node, access } = await nodeOf(ctx, nodeId);
  requireManage(access);
  await audited(
    ctx,
    access.project.owningOfficeId,
    node.projectId,
    { node: { old: nodeView(node) } },
    async (tx) => {
      if (await repo.nodeInUse(tx, nodeId)) throw new AppError('framework_node_in_use');
      await repo.deleteNode(tx, nodeId);
    },
  );
}

/** The definition exists, can be computed, and supports every breakdown asked. */
function checkDefinition(
  ctx: ActorCtx,
  input: {
    code: string;
    kind: 'computed' | 'manual';
    unit: string;
    definition: { id: string; version: number } | null;
    breakdowns: string[];
  },
) {
  if (input.kind === 'manual') {
    if (input.breakdowns.length)
      throw new AppError('breakdown_not_supported', {
        params: { indicator: input.code, breakdown: input.breakdowns[0] ?? '' },
      });
    return;
  }
  const def = input.definition;
  const entry = def ? findDefinition(def.id, def.version) : undefined;
  if (!def || !entry)
    throw new AppError('definition_unknown', { params: { id: def?.id ?? '', version: def?.version ?? 0 } });
  if (!entry.units) throw new AppError('definition_unavailable', { params: { id: def.id } });
  // The unit is the definition's: suppression and formats follow it.
  if (input.unit !== entry.unit)
    throw new AppError('validation_failed', {
      fields: [
        {
          path: 'unit',
          code: 'unit_of_definition',
          message: validationMessage(ctx.lang, 'unit_of_definition', { unit: entry.unit }),
        },
      ],
    });
  for (const spec of input.breakdowns)
    for (const d of splitSpec(spec))
      if (!entry.breakdowns.includes(d))
        throw new AppError('breakdown_not_supported', { params: { indicator: input.code, breakdown: d } });
}

export async function addIndicator(
  ctx: ActorCtx,
  projectId: string,
  input: z.infer<typeof IndicatorInputSchema>,
) {
  const access = await reportAccess(ctx, projectId);
  requireManage(access);
  const node = await repo.findNode(ctx.db, input.nodeId);
  if (!node || node.projectId !== projectId) throw new AppError('framework_parent_invalid');
  checkDefinition(ctx, input);
  const now = ctx.clock.now();
  const row = await audited(
    ctx,
    access.project.owningOfficeId,
    projectId,
    { indicator: { new: input } },
    (tx) =>
      repo.insertIndicator(tx, {
        projectId,
        nodeId: input.nodeId,
        code: input.code,
        title: input.title,
        unit: input.unit,
        kind: input.kind,
        definitionId: input.definition?.id ?? null,
        definitionVersion: input.definition?.version ?? null,
        baseline: input.baseline,
        target: input.target,
        meansOfVerification: input.meansOfVerification,
        breakdowns: [...new Set(input.breakdowns)],
        createdAt: now,
        updatedAt: now,
      }),
  );
  return indicatorView(row, []);
}

export async function updateIndicator(
  ctx: ActorCtx,
  indicatorId: string,
  input: z.infer<typeof IndicatorUpdateSchema>,
) {
  const current = await repo.findIndicator(ctx.db, indicatorId);
  if (!current) throw notFound();
  const access = await reportAccess(ctx, current.projectId);
  requireManage(access);
  const { version, periodTargets, ...patch } = input;
  checkDefinition(ctx, {
    code: patch.code ?? current.code,
    kind: current.kind,
    unit: current.unit,
    definition:
      current.definitionId && current.definitionVersion
        ? { id: current.definitionId, version: current.definitionVersion }
        : null,
    breakdowns: patch.breakdowns ?? current.breakdowns,
  });
  const f = await repo.frameworkOf(ctx.db, current.projectId);
  for (const periodId of Object.keys(periodTargets ?? {})) {
    const period = f.periods.find((p) => p.id === periodId);
    if (!period) throw notFound();
    if (period.status === 'closed') throw new AppError('period_closed');
  }
  const row = await audited(
    ctx,
    access.project.owningOfficeId,
    current.projectId,
    { indicator: { old: indicatorView(current, f.targets), new: input } },
    async (tx) => {
      const row = await repo.updateIndicatorAt(tx, indicatorId, version, {
        ...patch,
        ...(patch.breakdowns ? { breakdowns: [...new Set(patch.breakdowns)] } : {}),
        updatedAt: ctx.clock.now(),
      });
      if (!row) return undefined;
      for (const [periodId, target] of Object.entries(periodTargets ?? {}))
        await repo.setTarget(tx, indicatorId, periodId, target);
      return row;
    },
  );
  if (!row) throw versionConflict(indicatorView(current, f.targets));
  const after = await repo.frameworkOf(ctx.db, current.projectId);
  return indicatorView(row, after.targets);
}
