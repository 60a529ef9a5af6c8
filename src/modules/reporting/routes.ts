import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, UuidSchema } from '../../platform/contract';
import { AppError } from '../../platform/errors';
import { actorCtx, type ServerDeps } from '../../server/context';
import { catalogue } from './catalogue';
import {
  ClosePeriodSchema,
  DefinitionSchema,
  DonorViewerInputSchema,
  ExportInputSchema,
  ExportSchema,
  FrameworkNodeInputSchema,
  FrameworkNodeSchema,
  FrameworkNodeUpdateSchema,
  FrameworkSchema,
  IndicatorInputSchema,
  IndicatorSchema,
  IndicatorUpdateSchema,
  ManualValueDecisionSchema,
  ManualValueInputSchema,
  ManualValueSchema,
  PeriodInputSchema,
  PeriodSchema,
  PortfolioQuerySchema,
  PortfolioSchema,
  ReportQuerySchema,
  ReportSchema,
} from './contract';
import { exportRootOf, getExport, listExports, openExport, requestExport } from './exports';
import { addIndicator, addNode, getFramework, removeNode, updateIndicator, updateNode } from './framework';
import { attachEvidence, decideManualValue, enterManualValue, openEvidence } from './manual-values';
import { closePeriod, createPeriod, getSnapshot } from './periods';
import { portfolio } from './portfolio';
import { buildReport } from './report';
import { donorProjects, grantViewer, listViewers, revokeViewer } from './viewers';

const tags = ['reporting'];
const ValueParams = z.strictObject({ id: UuidSchema, periodId: UuidSchema });
const ViewerParams = z.strictObject({ id: UuidSchema, userId: UuidSchema });
const ViewersSchema = z.object({
  viewers: z.array(
    z.object({ userId: UuidSchema, displayName: z.string(), email: z.string(), createdAt: z.string() }),
  ),
  candidates: z.array(z.object({ userId: UuidSchema, displayName: z.string(), email: z.string() })),
});
const DonorProjectSchema = z.object({
  id: UuidSchema,
  code: z.string(),
  name: z.string(),
  donor: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

/** Sends a stored file as a download that no cache keeps. */
function sendFile(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; sizeBytes: number; stream: NodeJS.ReadableStream },
) {
  return reply
    .type(file.contentType)
    .header('content-length', file.sizeBytes)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.stream);
}

export function reportingRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);
  const exportRoot = exportRootOf(deps.config.dataDir);
  const worker = deps.reportExports;

  r.get(
    '/api/reporting/catalogue',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'The catalogue of computed indicator definitions: what each counts, its unit and breakdowns',
        response: { 200: z.array(DefinitionSchema) },
      },
    },
    async () => catalogue(),
  );

  r.get(
    '/api/reporting/portfolio',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary:
          'Portfolio dashboard: every project reported on (the mission or one office), progress and burn',
        querystring: PortfolioQuerySchema,
        response: { 200: PortfolioSchema },
      },
    },
    async (request) => portfolio(ctxOf(request), deps.cipher, request.query.officeId),
  );

  r.get(
    '/api/projects/:id/framework',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'The project’s results framework, indicators, targets, periods and manual values',
        params: IdParamsSchema,
        response: { 200: FrameworkSchema },
      },
    },
    async (request) => getFramework(ctxOf(request), request.params.id),
  );

  r.post(
    '/api/projects/:id/framework/nodes',
    {
      config: { permission: 'reports.manage' },
      schema: {
        tags,
        summary: 'Add an impact, outcome or output to the results framework',
        params: IdParamsSchema,
        body: FrameworkNodeInputSchema,
        response: { 201: FrameworkNodeSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addNode(ctxOf(request), request.params.id, request.body)),
  );

  r.patch(
    '/api/framework-nodes/:id',
    {
      config: { permission: 'reports.manage' },
      schema: {
        tags,
        summary: 'Change an outcome’s or output’s code or wording',
        params: IdParamsSchema,
        body: FrameworkNodeUpdateSchema,
        response: { 200: FrameworkNodeSchema },
      },
    },
    async (request) => updateNode(ctxOf(request), request.params.id, request.body),
  );

  r.delete(
    '/api/framework-nodes/:id',
    {
      config: { permission: 'reports.manage' },
      schema: { tags, summary: 'Remove an empty outcome or output', params: IdParamsSchema },
    },
    async (request, reply) => {
      await removeNode(ctxOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/projects/:id/framework/indicators',
    {
      config: { permission: 'reports.manage' },
      schema: {
        tags,
        summary: 'Add an indicator (computed from a catalogue definition, or manual)',
        params: IdParamsSchema,
        body: IndicatorInputSchema,
        response: { 201: IndicatorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addIndicator(ctxOf(request), request.params.id, request.body)),
  );

  r.patch(
    '/api/report-indicators/:id',
    {
      config: { permission: 'reports.manage' },
      schema: {
        tags,
        summary: 'Change an indicator: wording, baseline, targets (overall and per open period), breakdowns',
        params: IdParamsSchema,
        body: IndicatorUpdateSchema,
        response: { 200: IndicatorSchema },
      },
    },
    async (request) => updateIndicator(ctxOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/projects/:id/reporting-periods',
    {
      config: { permission: 'reports.manage' },
      schema: {
        tags,
        summary: 'Add a reporting period (periods of one kind do not overlap)',
        params: IdParamsSchema,
        body: PeriodInputSchema,
        response: { 201: PeriodSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPeriod(ctxOf(request), request.params.id, request.body)),
  );

  r.post(
    '/api/reporting-periods/:id/close',
    {
      config: { permission: 'reports.manage' },
      schema: {
        tags,
        summary: 'Close a period: its figures are frozen in a signed snapshot',
        params: IdParamsSchema,
        body: ClosePeriodSchema,
        response: { 200: PeriodSchema },
      },
    },
    async (request) => closePeriod(ctxOf(request), deps.cipher, request.params.id, request.body),
  );

  r.get(
    '/api/reporting-periods/:id/snapshot',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'A closed period’s snapshot with the check of its digest and signature',
        params: IdParamsSchema,
      },
    },
    async (request) => getSnapshot(ctxOf(request), deps.cipher, request.params.id),
  );

  r.put(
    '/api/report-indicators/:id/values/:periodId',
    {
      config: { permission: 'reports.enter' },
      schema: {
        tags,
        summary: 'Enter a manual indicator’s value for a period (submitted for validation)',
        params: ValueParams,
        body: ManualValueInputSchema,
        response: { 200: ManualValueSchema },
      },
    },
    async (request) =>
      enterManualValue(ctxOf(request), request.params.id, request.params.periodId, request.body),
  );

  r.post(
    '/api/report-indicators/:id/values/:periodId/decision',
    {
      config: { permission: 'reports.manage' },
      schema: {
        tags,
        summary: 'Validate a submitted value, or return it with a reason',
        params: ValueParams,
        body: ManualValueDecisionSchema,
        response: { 200: ManualValueSchema },
      },
    },
    async (request) =>
      decideManualValue(ctxOf(request), request.params.id, request.params.periodId, request.body),
  );

  r.post(
    '/api/report-indicators/:id/values/:periodId/evidence',
    {
      config: { permission: 'reports.enter', multipart: true },
      schema: {
        tags,
        summary: 'Attach the evidence file of a manual value (multipart/form-data, one `file` field)',
        params: ValueParams,
        response: { 200: ManualValueSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const file = await request.file();
      if (!file)
        throw new AppError('validation_failed', {
          fields: [{ path: 'file', code: 'required', message: 'file' }],
        });
      return attachEvidence(ctxOf(request), deps.attachments, request.params.id, request.params.periodId, {
        fileName: file.filename,
        contentType: file.mimetype,
        stream: file.file,
        truncated: () => file.file.truncated,
      });
    },
  );

  r.get(
    '/api/report-indicators/:id/values/:periodId/evidence',
    {
      config: { permission: 'reports.read' },
      schema: { tags, summary: 'Download a manual value’s evidence (audited)', params: ValueParams },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await openEvidence(ctxOf(request), deps.attachments, request.params.id, request.params.periodId),
      ),
  );

  r.get(
    '/api/projects/:id/report',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'The donor report of a period: indicators vs targets, breakdowns, series, changes (audited)',
        params: IdParamsSchema,
        querystring: ReportQuerySchema,
        response: { 200: ReportSchema },
      },
    },
    async (request) => buildReport(ctxOf(request), deps.cipher, request.params.id, request.query),
  );

  r.get(
    '/api/projects/:id/report-exports',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'The project’s report exports (recent first)',
        params: IdParamsSchema,
        response: { 200: z.array(ExportSchema) },
      },
    },
    async (request) => listExports(ctxOf(request), request.params.id),
  );

  r.post(
    '/api/projects/:id/report-exports',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'Ask for an export (XLSX, CSV with HXL, PDF, IATI): made in the background (audited)',
        params: IdParamsSchema,
        body: ExportInputSchema,
        response: { 202: ExportSchema },
      },
    },
    async (request, reply) => {
      const made = await requestExport(
        ctxOf(request),
        request.params.id,
        request.body,
        deps.config.reportExportDays,
      );
      worker.kick();
      return reply.code(202).send(made);
    },
  );

  r.get(
    '/api/report-exports/:id',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'An export’s progress',
        params: IdParamsSchema,
        response: { 200: ExportSchema },
      },
    },
    async (request) => getExport(ctxOf(request), request.params.id),
  );

  r.get(
    '/api/report-exports/:id/file',
    {
      config: { permission: 'reports.read' },
      schema: { tags, summary: 'Download an export’s file (audited)', params: IdParamsSchema },
    },
    async (request, reply) =>
      sendFile(reply, await openExport(ctxOf(request), exportRoot, request.params.id)),
  );

  r.get(
    '/api/projects/:id/report-viewers',
    {
      config: { permission: 'reports.manage' },
      schema: {
        tags,
        summary: 'Donor accounts that read the project’s suppressed figures, and those that could',
        params: IdParamsSchema,
        response: { 200: ViewersSchema },
      },
    },
    async (request) => listViewers(ctxOf(request), request.params.id),
  );

  r.post(
    '/api/projects/:id/report-viewers',
    {
      config: { permission: 'reports.manage' },
      schema: {
        tags,
        summary: 'Grant a donor account the project’s suppressed figures',
        params: IdParamsSchema,
        body: DonorViewerInputSchema,
        response: { 200: ViewersSchema },
      },
    },
    async (request) => grantViewer(ctxOf(request), request.params.id, request.body.userId),
  );

  r.delete(
    '/api/projects/:id/report-viewers/:userId',
    {
      config: { permission: 'reports.manage' },
      schema: { tags, summary: 'Take a donor account’s access back', params: ViewerParams },
    },
    async (request, reply) => {
      await revokeViewer(ctxOf(request), request.params.id, request.params.userId);
      return reply.code(204).send();
    },
  );

  // Donor staff: the projects granted to them, suppressed, never a name.
  r.get(
    '/api/donor/projects',
    {
      config: { permission: 'reports.shared' },
      schema: {
        tags,
        summary: 'Projects whose figures this donor account reads',
        response: { 200: z.array(DonorProjectSchema) },
      },
    },
    async (request) => donorProjects(ctxOf(request)),
  );

  r.get(
    '/api/donor/projects/:id/report',
    {
      config: { permission: 'reports.shared' },
      schema: {
        tags,
        summary: 'A funded project’s report, small cells suppressed (audited)',
        params: IdParamsSchema,
        querystring: ReportQuerySchema,
        response: { 200: ReportSchema },
      },
    },
    async (request) =>
      buildReport(
        ctxOf(request),
        deps.cipher,
        request.params.id,
        { ...request.query, shared: true },
        'donor',
      ),
  );

  r.get(
    '/api/donor/projects/:id/exports',
    {
      config: { permission: 'reports.shared' },
      schema: {
        tags,
        summary: 'This donor account’s exports of a project',
        params: IdParamsSchema,
        response: { 200: z.array(ExportSchema) },
      },
    },
    async (request) => listExports(ctxOf(request), request.params.id, 'donor'),
  );

  r.post(
    '/api/donor/projects/:id/exports',
    {
      config: { permission: 'reports.shared' },
      schema: {
        tags,
        summary: 'Ask for an export of a funded project’s suppressed report',
        params: IdParamsSchema,
        body: ExportInputSchema,
        response: { 202: ExportSchema },
      },
    },
    async (request, reply) => {
      const made = await requestExport(
        ctxOf(request),
        request.params.id,
        { ...request.body, shared: true },
        deps.config.reportExportDays,
        'donor',
      );
      worker.kick();
      return reply.code(202).send(made);
    },
  );

  r.get(
    '/api/donor/exports/:id',
    {
      config: { permission: 'reports.shared' },
      schema: {
        tags,
        summary: 'An export’s progress',
        params: IdParamsSchema,
        response: { 200: ExportSchema },
      },
    },
    async (request) => getExport(ctxOf(request), request.params.id, 'donor'),
  );

  r.get(
    '/api/donor/exports/:id/file',
    {
      config: { permission: 'reports.shared' },
      schema: { tags, summary: 'Download an export’s file (audited)', params: IdParamsSchema },
    },
    async (request, reply) =>
      sendFile(reply, await openExport(ctxOf(request), exportRoot, request.params.id, 'donor')),
  );
}
