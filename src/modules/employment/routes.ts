import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../platform/actor';
import { IdParamsSchema } from '../../platform/contract';
import { notFound } from '../../platform/errors';
import { actorCtx, type ServerDeps } from '../../server/context';
import {
  CandidateListSchema,
  CreateEmployerSchema,
  CreateOpeningSchema,
  EmployerListQuerySchema,
  EmployerSchema,
  JobMatchListSchema,
  MatchQuerySchema,
  OpeningListQuerySchema,
  OpeningSchema,
  PlacementListQuerySchema,
  PlacementSchema,
  RecordFollowUpSchema,
  RecordPlacementSchema,
  SaveProfileSchema,
  SkillsProfileSchema,
  UpdateEmployerSchema,
  UpdateOpeningSchema,
  UpdatePlacementSchema,
} from './contract';
import { createEmployer, updateEmployer } from './manage-employers';
import { createOpening, updateOpening } from './manage-openings';
import { candidatesFor, jobMatches } from './match';
import { recordFollowUp } from './record-follow-up';
import { placementView, recordPlacement } from './record-placement';
import * as repo from './repository';
import { getProfile, saveProfile } from './save-profile';
import { updatePlacement } from './update-placement';
import { todayOf, toEmployer, toOpening, toPlacements } from './views';

const tags = ['employment'];

export function employmentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  // ---- employers ---------------------------------------------------------------------------------

  r.get(
    '/api/employment/employers',
    {
      config: { permission: 'employment.read' },
      schema: {
        tags,
        summary: 'Employers of the offices where you work on employment',
        querystring: EmployerListQuerySchema,
        response: { 200: z.object({ items: z.array(EmployerSchema) }) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const rows = await repo.listEmployers(ctx.db, scopeOf(ctx.actor, 'employment.read'), request.query);
      return { items: rows.map(toEmployer) };
    },
  );

  r.post(
    '/api/employment/employers',
    {
      config: { permission: 'employment.write' },
      schema: {
        tags,
        summary: 'Record an employer',
        body: CreateEmployerSchema,
        response: { 201: EmployerSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createEmployer(ctxOf(request), request.body)),
  );

  r.get(
    '/api/employment/employers/:id',
    {
      config: { permission: 'employment.read' },
      schema: {
        tags,
        summary: 'An employer (404 outside scope)',
        params: IdParamsSchema,
        response: { 200: EmployerSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const found = await repo.findEmployer(ctx.db, scopeOf(ctx.actor, 'employment.read'), request.params.id);
      if (!found) throw notFound();
      return toEmployer(found);
    },
  );

  r.patch(
    '/api/employment/employers/:id',
    {
      config: { permission: 'employment.write' },
      schema: {
        tags,
        summary: 'Edit an employer (optimistic concurrency)',
        params: IdParamsSchema,
        body: UpdateEmployerSchema,
        response: { 200: EmployerSchema },
      },
    },
    async (request) => updateEmployer(ctxOf(request), request.params.id, request.body),
  );

  // ---- job openings ------------------------------------------------------------------------------

  r.get(
    '/api/employment/openings',
    {
      config: { permission: 'employment.read' },
      schema: {
        tags,
        summary: 'Job openings in scope: filters by status, sector, location, employer, office',
        querystring: OpeningListQuerySchema,
        response: { 200: z.object({ items: z.array(OpeningSchema) }) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const rows = await repo.listOpenings(ctx.db, scopeOf(ctx.actor, 'employment.read'), request.query);
      return { items: rows.map(toOpening) };
    },
  );

  r.post(
    '/api/employment/openings',
    {
      config: { permission: 'employment.write' },
      schema: {
        tags,
        summary: 'Post a job opening of an employer',
        body: CreateOpeningSchema,
        response: { 201: OpeningSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createOpening(ctxOf(request), request.body)),
  );

  r.get(
    '/api/employment/openings/:id',
    {
      config: { permission: 'employment.read' },
      schema: {
        tags,
        summary: 'A job opening (404 outside scope)',
        params: IdParamsSchema,
        response: { 200: OpeningSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const found = await repo.findOpening(ctx.db, scopeOf(ctx.actor, 'employment.read'), request.params.id);
      if (!found) throw notFound();
      return toOpening(found);
    },
  );

  r.patch(
    '/api/employment/openings/:id',
    {
      config: { permission: 'employment.write' },
      schema: {
        tags,
        summary: 'Edit, close or reopen a job opening (optimistic concurrency)',
        params: IdParamsSchema,
        body: UpdateOpeningSchema,
        response: { 200: OpeningSchema },
      },
    },
    async (request) => updateOpening(ctxOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/employment/openings/:id/candidates',
    {
      config: { permission: 'employment.read' },
      schema: {
        tags,
        summary: 'Returnees with a skills profile you may see, ranked for the opening, with the reasons',
        params: IdParamsSchema,
        querystring: MatchQuerySchema,
        response: { 200: CandidateListSchema },
      },
    },
    async (request) => candidatesFor(ctxOf(request), request.params.id, request.query.limit),
  );

  // ---- skills profiles and matching --------------------------------------------------------------

  r.get(
    '/api/persons/:id/skills-profile',
    {
      config: { permission: 'employment.read' },
      schema: {
        tags,
        summary: 'The skills profile of a person (404 when out of reach or not recorded yet)',
        params: IdParamsSchema,
        response: { 200: SkillsProfileSchema },
      },
    },
    async (request) => getProfile(ctxOf(request), request.params.id),
  );

  r.put(
    '/api/persons/:id/skills-profile',
    {
      config: { permission: 'employment.write' },
      schema: {
        tags,
        summary: 'Create (without version) or replace (with version) the skills profile of a person',
        params: IdParamsSchema,
        body: SaveProfileSchema,
        response: { 200: SkillsProfileSchema },
      },
    },
    async (request) => saveProfile(ctxOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/persons/:id/job-matches',
    {
      config: { permission: 'employment.read' },
      schema: {
        tags,
        summary: 'Open job openings ranked for a person, with the reasons (closed or full ones excluded)',
        params: IdParamsSchema,
        querystring: MatchQuerySchema,
        response: { 200: JobMatchListSchema },
      },
    },
    async (request) => jobMatches(ctxOf(request), request.params.id, request.query.limit),
  );

  // ---- placements --------------------------------------------------------------------------------

  r.get(
    '/api/employment/placements',
    {
      config: { permission: 'employment.read' },
      schema: {
        tags,
        summary: 'Placements in scope, per opening or person, with the state of their follow-ups',
        querystring: PlacementListQuerySchema,
        response: { 200: z.object({ items: z.array(PlacementSchema) }) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const today = todayOf(ctx);
      const rows = await repo.listPlacements(
        ctx.db,
        scopeOf(ctx.actor, 'employment.read'),
        scopeOf(ctx.actor, 'persons.read'),
        { ...request.query, today },
      );
      return { items: await toPlacements(ctx.db, rows, today) };
    },
  );

  r.post(
    '/api/employment/placements',
    {
      config: { permission: 'employment.write' },
      schema: {
        tags,
        summary: 'Record a placement into an open job opening with a post left',
        body: RecordPlacementSchema,
        response: { 201: PlacementSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await recordPlacement(ctxOf(request), request.body)),
  );

  r.get(
    '/api/employment/placements/:id',
    {
      config: { permission: 'employment.read' },
      schema: {
        tags,
        summary: 'A placement with its follow-ups (404 outside scope)',
        params: IdParamsSchema,
        response: { 200: PlacementSchema },
      },
    },
    async (request) => placementView(ctxOf(request), request.params.id),
  );

  r.patch(
    '/api/employment/placements/:id',
    {
      config: { permission: 'employment.write' },
      schema: {
        tags,
        summary: 'Set the outcome of a placement: employed, ended (with the date) or did not start',
        params: IdParamsSchema,
        body: UpdatePlacementSchema,
        response: { 200: PlacementSchema },
      },
    },
    async (request) => updatePlacement(ctxOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/employment/placements/:id/follow-ups',
    {
      config: { permission: 'employment.write' },
      schema: {
        tags,
        summary: 'Record the 3- or 6-month "still employed?" follow-up (once each, from its due date)',
        params: IdParamsSchema,
        body: RecordFollowUpSchema,
        response: { 201: PlacementSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordFollowUp(ctxOf(request), request.params.id, request.body)),
  );
}
