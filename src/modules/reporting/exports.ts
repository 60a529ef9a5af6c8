/**
 * Report exports (XLSX, CSV with HXL, PDF, IATI): asked for by a reader, made in the background by the
 * export worker with its progress recorded, kept downloadable until they expire. The request, each
 * download and the parameters are audited. The file is made with the requester's access as it is when the
 * work runs (someone who lost access meanwhile gets a failed export, not the figures).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ActorCtx, Ctx } from '../../platform/actor';
import { recordAudit } from '../../platform/audit/record';
import { AppError, notFound } from '../../platform/errors';
import type { FieldCipher } from '../../platform/field-crypto';
import { actorOf } from '../identity';
import type { ExportInputSchema, ReportExport } from './contract';
import { reportToCsv } from './export/csv-hxl';
import { reportToIati } from './export/iati';
import { reportToPdf } from './export/pdf';
import { reportToXlsx } from './export/xlsx';
import { type ReportAccess, reportAccess } from './policy';
import { buildReportFor } from './report';
import * as repo from './repository';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  iati: 'application/xml',
} as const;
const EXTENSIONS = { xlsx: 'xlsx', csv: 'csv', pdf: 'pdf', iati: 'xml' } as const;

type ExportParameters = z.infer<typeof ExportInputSchema> & { officeId?: string; via?: 'staff' | 'donor' };
type Via = 'staff' | 'donor';

export function exportView(row: repo.ExportRow): ReportExport {
  return {
    id: row.id,
    projectId: row.projectId,
    format: row.format,
    status: row.status,
    progress: row.progress,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    parameters: row.parameters,
    requestedByName: row.requestedByName,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
    error: row.error,
  };
}

export async function requestExport(
  ctx: ActorCtx,
  projectId: string,
  input: z.infer<typeof ExportInputSchema>,
  keepDays: number,
  via: Via = 'staff',
): Promise<ReportExport> {
  const access = await reportAccess(ctx, projectId, { via });
  // An export leaves the office: unsuppressed only when the reader may see every cell and asks for it.
  const parameters: ExportParameters = { ...input, shared: input.shared || access.forceSuppression, via };
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertExport(tx, {
      projectId,
      format: input.format,
      parameters,
      status: 'queued',
      requestedBy: ctx.actor.userId,
      requestedByName: ctx.actor.displayName,
      createdAt: now,
      expiresAt: new Date(now.getTime() + keepDays * 86_400_000),
    });
    await recordAudit(tx, ctx, {
      action: 'report.exported',
      officeId: access.project.owningOfficeId,
      recordType: 'report_export',
      recordId: row.id,
      metadata: { projectId, ...parameters, coverage: access.coverage },
    });
    return exportView(row);
  });
}

/**
 * Everyone sees their own exports; the project's other exports only those who may read every figure of the
 * project unsuppressed (an export holds what its requester could see, perhaps more than the reader).
 */
const seesAllExports = (access: ReportAccess) =>
  !access.donor && access.coverage === 'project' && !access.forceSuppression;

async function visibleExport(ctx: ActorCtx, exportId: string, via: Via) {
  const row = await repo.findExport(ctx.db, exportId);
  if (!row) throw notFound();
  const access = await reportAccess(ctx, row.projectId, { via });
  if (row.requestedBy !== ctx.actor.userId && !seesAllExports(access)) throw notFound();
  return { row, access };
}

export async function getExport(ctx: ActorCtx, exportId: string, via: Via = 'staff') {
  return exportView((await visibleExport(ctx, exportId, via)).row);
}

export async function listExports(ctx: ActorCtx, projectId: string, via: Via = 'staff') {
  const access = await reportAccess(ctx, projectId, { via });
  const rows = await repo.exportsOf(ctx.db, projectId, seesAllExports(access) ? undefined : ctx.actor.userId);
  return rows.map(exportView);
}

export async function openExport(ctx: ActorCtx, root: string, exportId: string, via: Via = 'staff') {
  const { row, access } = await visibleExport(ctx, exportId, via);
  if (row.expiresAt < ctx.clock.now()) throw new AppError('export_expired');
  if (row.status !== 'done' || !row.storageKey)
    throw new AppError('export_not_ready', { params: { status: row.status } });
  const file = path.join(root, row.storageKey);
  if (!fs.existsSync(file)) throw new AppError('export_expired');
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'report.export_downloaded',
      officeId: access.project.owningOfficeId,
      recordType: 'report_export',
      recordId: row.id,
      metadata: { projectId: row.projectId, format: row.format, fileName: row.fileName, sha256: row.sha256 },
    }),
  );
  return {
    fileName: row.fileName ?? `export.${EXTENSIONS[row.format]}`,
    contentType: row.contentType ?? CONTENT_TYPES[row.format],
    sizeBytes: row.sizeBytes ?? 0,
    stream: fs.createReadStream(file),
  };
}

/** Where export files live under the data folder. */
export const exportRootOf = (dataDir: string) => path.join(dataDir, 'exports');

export type ExportDeps = {
  cipher: FieldCipher;
  /** Folder of the export files. */
  root: string;
  iatiOrganisation: { ref: string; name: string };
};

/** Makes one export's file; records progress as it goes. */
export async function produceExport(ctx: Ctx, deps: ExportDeps, exportId: string): Promise<void> {
  const row = await repo.findExport(ctx.db, exportId);
  if (!row) return;
  const progress = (n: number) => repo.updateExport(ctx.db, exportId, { progress: n });
  try {
    const actor = await actorOf(ctx.db, row.requestedBy);
    if (!actor) throw notFound();
    const asRequester: ActorCtx = { ...ctx, actor };
    const p = row.parameters as ExportParameters;
    const access: ReportAccess = await reportAccess(asRequester, row.projectId, {
      officeId: p.officeId,
      via: p.via ?? 'staff',
    });
    await progress(10);
    const report = await buildReportFor(asRequester, deps.cipher, access, {
      periodId: p.periodId,
      breakdowns: p.breakdowns ?? [],
      shared: p.shared || access.forceSuppression,
      language: p.language,
    });
    await progress(60);
    const body: Buffer =
      row.format === 'xlsx'
        ? await reportToXlsx(report)
        : row.format === 'pdf'
          ? await reportToPdf(report)
          : row.format === 'csv'
            ? Buffer.from(reportToCsv(report), 'utf8')
            : Buffer.from(reportToIati(report, deps.iatiOrganisation), 'utf8');
    await progress(90);
    const storageKey = `${row.createdAt.getUTCFullYear()}/${row.id}.${EXTENSIONS[row.format]}`;
    const file = path.join(deps.root, storageKey);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body, { mode: 0o600 });
    await repo.updateExport(ctx.db, exportId, {
      status: 'done',
      progress: 100,
      storageKey,
      fileName: `${report.project.code}-${report.period.label}.${EXTENSIONS[row.format]}`.replace(
        /[^\w.-]+/g,
        '_',
      ),
      contentType: CONTENT_TYPES[row.format],
      sizeBytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      finishedAt: ctx.clock.now(),
    });
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'internal_error';
    await repo.updateExport(ctx.db, exportId, { status: 'failed', error: code, finishedAt: ctx.clock.now() });
    if (!(error instanceof AppError)) throw error;
  }
}

/** Runs every queued export, one after the other. */
export async function drainExports(ctx: Ctx, deps: ExportDeps): Promise<number> {
  let done = 0;
  for (let id = await repo.claimQueuedExport(ctx.db); id; id = await repo.claimQueuedExport(ctx.db)) {
    await produceExport(ctx, deps, id);
    done += 1;
  }
  return done;
}

/** Expired export files and their rows are removed; exports a stopped server left running are queued again. */
export async function tidyExports(ctx: Ctx, root: string): Promise<number> {
  // An export takes seconds: one still running after ten minutes belongs to a server that stopped.
  await repo.requeueStaleExports(ctx.db, new Date(ctx.clock.now().getTime() - 10 * 60_000));
  const expired = await repo.expiredExports(ctx.db, ctx.clock.now());
  for (const e of expired) if (e.storageKey) fs.rmSync(path.join(root, e.storageKey), { force: true });
  await repo.deleteExports(
    ctx.db,
    expired.map((e) => e.id),
  );
  return expired.length;
}

/**
 * The in-process export worker: `kick` after a request starts draining the queue unless it already runs.
 * Several servers share the queue safely (each claims with SKIP LOCKED).
 */
export function createExportWorker(makeCtx: () => Ctx, deps: ExportDeps, log: (error: unknown) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    do {
      again = false;
      await drainExports(makeCtx(), deps).catch(log);
    } while (again);
    running = null;
  };
  return {
    kick() {
      if (running) again = true;
      else running = run();
    },
    async idle() {
      while (running) await running;
    },
  };
}
