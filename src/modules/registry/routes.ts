import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, UuidSchema } from '../../platform/contract';
import { actorCtx, type ServerDeps } from '../../server/context';
import {
  AddConsentSchema,
  AddDocumentSchema,
  AddedDocumentSchema,
  ConsentSchema,
  CreatePersonResultSchema,
  CreatePersonSchema,
  LinkHouseholdSchema,
  PersonDetailSchema,
  PersonSchema,
  PersonSearchQuerySchema,
  PersonSummarySchema,
  UpdatePersonSchema,
  WithdrawConsentSchema,
} from './contract';
import { duplicatesRoutes } from './duplicates-routes';
import { findPeople } from './find-people';
import { getPerson } from './get-person';
import {
  addConsent,
  addDocument,
  joinHousehold,
  leaveHousehold,
  removeDocument,
  revealDocumentNumber,
  withdrawConsent,
} from './person-records';
import { registerPerson } from './register-person';
import { updatePerson } from './update-person';

const PersonChildParams = z.strictObject({ id: UuidSchema, childId: UuidSchema });
const tags = ['registry'];

export function registryRoutes(app: FastifyInstance, deps: ServerDeps): void {
  duplicatesRoutes(app, deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/persons',
    {
      config: { permission: 'persons.read' },
      schema: {
        tags,
        summary: 'Search people by name (any script, any alias) or exact document number',
        querystring: PersonSearchQuerySchema,
        response: { 200: z.object({ items: z.array(PersonSummarySchema) }) },
      },
    },
    async (request) => {
      const ctx = actorCtx(request, deps);
      return { items: await findPeople(ctx, deps.cipher, request.query) };
    },
  );

  r.post(
    '/api/persons',
    {
      config: { permission: 'persons.write' },
      schema: {
        tags,
        summary: 'Register a person; answers 200 with probable matches instead unless acknowledgeMatches',
        body: CreatePersonSchema,
        response: { 200: CreatePersonResultSchema, 201: CreatePersonResultSchema },
      },
    },
    async (request, reply) => {
      const result = await registerPerson(actorCtx(request, deps), request.body);
      return reply.code(result.person ? 201 : 200).send(result);
    },
  );

  r.get(
    '/api/persons/:id',
    {
      config: { permission: 'persons.read' },
      schema: {
        tags,
        summary: 'A person with documents (masked), consents and household',
        params: IdParamsSchema,
        response: { 200: PersonDetailSchema },
      },
    },
    async (request) => getPerson(actorCtx(request, deps), request.params.id),
  );

  r.patch(
    '/api/persons/:id',
    {
      config: { permission: 'persons.write' },
      schema: {
        tags,
        summary: 'Edit a person (optimistic concurrency)',
        params: IdParamsSchema,
        body: UpdatePersonSchema,
        response: { 200: PersonSchema },
      },
    },
    async (request) => updatePerson(actorCtx(request, deps), request.params.id, request.body),
  );

  r.post(
    '/api/persons/:id/documents',
    {
      config: { permission: 'persons.write' },
      schema: {
        tags,
        summary:
          'Add an identity or travel document (number encrypted at rest); records holding the same document are proposed for duplicate review',
        params: IdParamsSchema,
        body: AddDocumentSchema,
        response: { 201: AddedDocumentSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addDocument(actorCtx(request, deps), deps.cipher, request.params.id, request.body)),
  );

  r.get(
    '/api/persons/:id/documents/:childId/number',
    {
      config: { permission: 'persons.read' },
      schema: {
        tags,
        summary: 'Reveal a full document number (audited)',
        params: PersonChildParams,
        response: { 200: z.object({ number: z.string() }) },
      },
    },
    async (request) =>
      revealDocumentNumber(actorCtx(request, deps), deps.cipher, request.params.id, request.params.childId),
  );

  r.delete(
    '/api/persons/:id/documents/:childId',
    {
      config: { permission: 'persons.write' },
      schema: { tags, summary: 'Remove a document', params: PersonChildParams },
    },
    async (request, reply) => {
      await removeDocument(actorCtx(request, deps), request.params.id, request.params.childId);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/persons/:id/consents',
    {
      config: { permission: 'persons.write' },
      schema: {
        tags,
        summary: 'Record a consent (purpose, recipient)',
        params: IdParamsSchema,
        body: AddConsentSchema,
        response: { 201: ConsentSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addConsent(actorCtx(request, deps), request.params.id, request.body)),
  );

  r.post(
    '/api/persons/:id/consents/:childId/withdraw',
    {
      config: { permission: 'persons.write' },
      schema: {
        tags,
        summary: 'Withdraw a consent',
        params: PersonChildParams,
        body: WithdrawConsentSchema,
        response: { 200: ConsentSchema },
      },
    },
    async (request) =>
      withdrawConsent(
        actorCtx(request, deps),
        request.params.id,
        request.params.childId,
        request.body.withdrawnOn,
      ),
  );

  r.put(
    '/api/persons/:id/household',
    {
      config: { permission: 'persons.write' },
      schema: {
        tags,
        summary: 'Join a principal applicant’s household',
        params: IdParamsSchema,
        body: LinkHouseholdSchema,
        response: { 200: PersonDetailSchema },
      },
    },
    async (request) => joinHousehold(actorCtx(request, deps), request.params.id, request.body),
  );

  r.delete(
    '/api/persons/:id/household',
    {
      config: { permission: 'persons.write' },
      schema: { tags, summary: 'Leave the household', params: IdParamsSchema },
    },
    async (request, reply) => {
      await leaveHousehold(actorCtx(request, deps), request.params.id);
      return reply.code(204).send();
    },
  );
}
