import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, UuidSchema } from '../../platform/contract';
import { AppError } from '../../platform/errors';
import { actorCtx, type ServerDeps } from '../../server/context';
import { addAttachment, classifyAttachment, openAttachment } from './attachments';
import { addNote, addTask, bulkAssign, myTasks, updateTask } from './case-work';
import {
  AssignSchema,
  AttachmentSchema,
  AttachmentUploadQuerySchema,
  BulkAssignResultSchema,
  BulkAssignSchema,
  CaseDetailSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseSummarySchema,
  ClassifyAttachmentSchema,
  CreateNoteSchema,
  CreateTaskSchema,
  DecisionSchema,
  NoteSchema,
  OpenCaseSchema,
  RejectSchema,
  ReopenSchema,
  TaskListQuerySchema,
  TaskSchema,
  TransitionRequestSchema,
  UpdateCaseSchema,
  UpdateTaskSchema,
} from './contract';
import {
  assignCaseAndShow,
  assigneesOf,
  casesOfPerson,
  decideApprovalAndShow,
  getCase,
  listCases,
  openCaseAndShow,
  reopenCaseAndShow,
  transitionCaseAndShow,
  updateCaseAndShow,
} from './get-case';

const tags = ['cases'];

export function casesRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  r.get(
    '/api/cases',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags,
        summary: 'Cases in scope: filters, sort, keyset pagination, counts per status',
        querystring: CaseListQuerySchema,
        response: { 200: CaseListSchema },
      },
    },
    async (request) => listCases(ctxOf(request), deps.cipher, request.query),
  );

  r.get(
    '/api/cases/assignees',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags,
        summary: 'People a case or task of an office can be assigned to',
        querystring: z.strictObject({
          officeId: UuidSchema,
          /** For a trafficking case: only those who may open it. */
          sensitive: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .default(false),
        }),
        response: { 200: z.object({ items: z.array(z.object({ id: UuidSchema, name: z.string() })) }) },
      },
    },
    async (request) => assigneesOf(ctxOf(request), request.query.officeId, request.query.sensitive),
  );

  r.post(
    '/api/cases',
    {
      config: { permission: 'cases.write' },
      schema: { tags, summary: 'Open a case', body: OpenCaseSchema, response: { 201: CaseDetailSchema } },
    },
    async (request, reply) => {
      return reply.code(201).send(await openCaseAndShow(ctxOf(request), request.body));
    },
  );

  r.get(
    '/api/cases/:id',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags,
        summary: 'A case with timeline, notes, tasks and the actions open to you (404 outside scope)',
        params: IdParamsSchema,
        response: { 200: CaseDetailSchema },
      },
    },
    async (request) => getCase(ctxOf(request), request.params.id),
  );

  r.patch(
    '/api/cases/:id',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Edit case fields (optimistic concurrency)',
        params: IdParamsSchema,
        body: UpdateCaseSchema,
        response: { 200: CaseDetailSchema },
      },
    },
    async (request) => {
      return updateCaseAndShow(ctxOf(request), request.params.id, request.body);
    },
  );

  r.post(
    '/api/cases/:id/transitions',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Take a workflow step (or request its approval)',
        params: IdParamsSchema,
        body: TransitionRequestSchema,
        response: { 200: CaseDetailSchema },
      },
    },
    async (request) => {
      return transitionCaseAndShow(ctxOf(request), request.params.id, request.body);
    },
  );

  for (const [path, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    r.post(
      `/api/cases/:id/${path}`,
      {
        config: { permission: 'cases.approve' },
        schema: {
          tags,
          summary: `${approve ? 'Approve' : 'Reject'} the pending step`,
          params: IdParamsSchema,
          body: approve ? DecisionSchema : RejectSchema,
          response: { 200: CaseDetailSchema },
        },
      },
      async (request) => {
        return decideApprovalAndShow(ctxOf(request), request.params.id, request.body, approve);
      },
    );
  }

  r.post(
    '/api/cases/:id/reopen',
    {
      config: { permission: 'cases.reopen' },
      schema: {
        tags,
        summary: 'Reopen a closed case, with a reason',
        params: IdParamsSchema,
        body: ReopenSchema,
        response: { 200: CaseDetailSchema },
      },
    },
    async (request) => {
      return reopenCaseAndShow(ctxOf(request), request.params.id, request.body);
    },
  );

  r.put(
    '/api/cases/:id/assignee',
    {
      config: { permission: 'cases.assign' },
      schema: {
        tags,
        summary: 'Assign a case',
        params: IdParamsSchema,
        body: AssignSchema,
        response: { 200: CaseDetailSchema },
      },
    },
    async (request) => {
      return assignCaseAndShow(ctxOf(request), request.params.id, request.body);
    },
  );

  r.post(
    '/api/cases/bulk-assign',
    {
      config: { permission: 'cases.assign' },
      schema: {
        tags,
        summary: 'Assign selected cases',
        body: BulkAssignSchema,
        response: { 200: BulkAssignResultSchema },
      },
    },
    async (request) => bulkAssign(ctxOf(request), request.body),
  );

  r.post(
    '/api/cases/:id/notes',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Add a note (confidential needs cases.sensitive)',
        params: IdParamsSchema,
        body: CreateNoteSchema,
        response: { 201: NoteSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addNote(ctxOf(request), request.params.id, request.body)),
  );

  r.post(
    '/api/cases/:id/tasks',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Add a task',
        params: IdParamsSchema,
        body: CreateTaskSchema,
        response: { 201: TaskSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addTask(ctxOf(request), request.params.id, request.body)),
  );

  r.patch(
    '/api/tasks/:id',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Edit or complete a task',
        params: IdParamsSchema,
        body: UpdateTaskSchema,
        response: { 200: TaskSchema },
      },
    },
    async (request) => updateTask(ctxOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/cases/:id/attachments',
    {
      config: { permission: 'cases.write', multipart: true },
      schema: {
        tags,
        summary: 'Attach a file (multipart/form-data, one `file` field; `?documentKind=` says what it is)',
        params: IdParamsSchema,
        querystring: AttachmentUploadQuerySchema,
        response: { 201: AttachmentSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const file = await request.file();
      if (!file)
        throw new AppError('validation_failed', {
          fields: [{ path: 'file', code: 'required', message: 'file' }],
        });
      const attachment = await addAttachment(
        ctxOf(request),
        deps.attachments,
        request.params.id,
        {
          fileName: file.filename,
          contentType: file.mimetype,
          stream: file.file,
          truncated: () => file.file.truncated,
        },
        request.query.documentKind ?? null,
      );
      return reply.code(201).send(attachment);
    },
  );

  r.patch(
    '/api/cases/:id/attachments/:childId',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: 'Say what an attached file is (a step may require a document of a kind)',
        params: z.strictObject({ id: UuidSchema, childId: UuidSchema }),
        body: ClassifyAttachmentSchema,
        response: { 200: AttachmentSchema },
      },
    },
    async (request) =>
      classifyAttachment(
        ctxOf(request),
        request.params.id,
        request.params.childId,
        request.body.documentKind,
      ),
  );

  r.get(
    '/api/cases/:id/attachments/:childId',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags,
        summary: 'Download an attachment (audited)',
        params: z.strictObject({ id: UuidSchema, childId: UuidSchema }),
      },
    },
    async (request, reply) => {
      const { row, stream } = await openAttachment(
        ctxOf(request),
        deps.attachments,
        request.params.id,
        request.params.childId,
      );
      return reply
        .type(row.contentType)
        .header('content-length', row.sizeBytes)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .send(stream);
    },
  );

  r.get(
    '/api/tasks',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags,
        summary: 'My tasks (overdue first)',
        querystring: TaskListQuerySchema,
        response: { 200: z.object({ items: z.array(TaskSchema) }) },
      },
    },
    async (request) => myTasks(ctxOf(request), request.query),
  );

  r.get(
    '/api/persons/:id/cases',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags,
        summary: 'Cases of a person that you may see',
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(CaseSummarySchema) }) },
      },
    },
    async (request) => casesOfPerson(ctxOf(request), request.params.id),
  );
}
