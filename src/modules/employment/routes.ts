import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../platform/contract';
import { actorCtx, type ServerDeps } from '../../server/context';
import { recordRoutes } from '../../server/record-routes';
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
import { getEmployer, getOpening, listEmployers, listOpenings, listPlacements } from './queries';
import { recordFollowUp } from './record-follow-up';
import { placementView, recordPlacement } from './record-placement';
import { getProfile, saveProfile } from './save-profile';
import { updatePlacement } from './update-placement';

const tags = ['employment'];

export function employmentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  // ---- employers and job openings ---------------------------------------------------------------

  recordRoutes(app, deps, {
    path: '/api/employment/employers',
    tags,
    read: 'employment.read',
    write: 'employment.write',
    record: EmployerSchema,
    list: {
      summary: 'Employers of the offices where you work on employment',
      querystring: EmployerListQuerySchema,
      response: z.object({ items: z.array(EmployerSchema) }),
      run: listEmployers,
    },
    create: { summary: 'Record an employer', body: CreateEmployerSchema, run: createEmployer },
    get: {
      summary: 'An employer (404 outside scope)',
      run: getEmployer,
    },
    update: {
      summary: 'Edit an employer (optimistic concurrency)',
      body: UpdateEmployerSchema,
      run: updateEmployer,
    },
  });

  recordRoutes(app, deps, {
    path: '/api/employment/openings',
    tags,
    read: 'employment.read',
    write: 'employment.write',
    record: OpeningSchema,
    list: {
      summary: 'Job openings in scope: filters by status, sector, location, employer, office',
      querystring: OpeningListQuerySchema,
      response: z.object({ items: z.array(OpeningSchema) }),
      run: listOpenings,
    },
    create: { summary: 'Post a job opening of an employer', body: CreateOpeningSchema, run: createOpening },
    get: {
      summary: 'A job opening (404 outside scope)',
      run: getOpening,
    },
    update: {
      summary: 'Edit, close or reopen a job opening (optimistic concurrency)',
      body: UpdateOpeningSchema,
      run: updateOpening,
    },
  });

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

  recordRoutes(app, deps, {
    path: '/api/employment/placements',
    tags,
    read: 'employment.read',
    write: 'employment.write',
    record: PlacementSchema,
    list: {
      summary: 'Placements in scope, per opening or person, with the state of their follow-ups',
      querystring: PlacementListQuerySchema,
      response: z.object({ items: z.array(PlacementSchema) }),
      run: listPlacements,
    },
    create: {
      summary: 'Record a placement into an open job opening with a post left',
      body: RecordPlacementSchema,
      run: recordPlacement,
    },
    get: { summary: 'A placement with its follow-ups (404 outside scope)', run: placementView },
    update: {
      summary: 'Set the outcome of a placement: employed, ended (with the date) or did not start',
      body: UpdatePlacementSchema,
      run: updatePlacement,
    },
  });

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
