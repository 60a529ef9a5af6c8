/**
 * Deny by default, checked over the route catalogue itself: every route that is not public answers 401
 * without a session and 403 to a signed-in user without the permission, and the server refuses to start
 * with a route that declares no access rule.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offices, users } from '../../src/modules/identity';
import { auditEvents } from '../../src/platform/audit/tables';
import { isPermission } from '../../src/platform/permissions';
import { buildApp } from '../../src/server/app';
import { routeCatalog } from '../../src/server/auth';
import { createTestApp, type TestApp } from '../harness/app';
import { auditAfter, countRows, expectProblem, lastAuditSeq } from './helpers';

type Access = { public?: boolean; authenticated?: boolean; permission?: string };
type Route = { method: string; url: string; access: Access };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Every route except HEAD duplicates (Fastify adds one per GET, with the same config). */
function catalogue(): Route[] {
  return routeCatalog(t.app)
    .filter((r) => r.method !== 'HEAD')
    .map((r) => ({ method: r.method, url: r.url, access: (r.config ?? {}) as Access }));
}
const protectedRoutes = () => catalogue().filter((r) => r.access.public !== true);
const fillParams = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID());
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The access rule of every protected route: changing one, or adding a route, must update this table. */
const EXPECTED_PROTECTED: Record<string, Access> = {
  'GET /api/auth/me': { authenticated: true },
  'POST /api/auth/change-password': { authenticated: true },
  'GET /api/offices': { permission: 'offices.read' },
  'POST /api/offices': { permission: 'offices.manage' },
  'PATCH /api/offices/:id': { permission: 'offices.manage' },
  'GET /api/users': { permission: 'users.read' },
  'GET /api/users/:id': { permission: 'users.read' },
  'POST /api/users': { permission: 'users.manage' },
  'PATCH /api/users/:id': { permission: 'users.manage' },
  'PUT /api/users/:id/memberships': { permission: 'users.manage' },
  'POST /api/users/:id/reset-password': { permission: 'users.manage' },
  'POST /api/users/:id/unlock': { permission: 'users.manage' },
  'GET /api/membership-requests': { permission: 'users.manage' },
  'POST /api/membership-requests/:id/approve': { permission: 'users.manage' },
  'POST /api/membership-requests/:id/reject': { permission: 'users.manage' },
  'POST /api/membership-requests/:id/cancel': { permission: 'users.manage' },
  'GET /api/projects': { permission: 'projects.read' },
  'GET /api/projects/:id': { permission: 'projects.read' },
  'GET /api/audit': { permission: 'audit.read' },
  'GET /api/persons': { permission: 'persons.read' },
  'POST /api/persons': { permission: 'persons.write' },
  'GET /api/persons/:id': { permission: 'persons.read' },
  'PATCH /api/persons/:id': { permission: 'persons.write' },
  'POST /api/persons/:id/documents': { permission: 'persons.write' },
  'GET /api/persons/:id/documents/:childId/number': { permission: 'persons.read' },
  'DELETE /api/persons/:id/documents/:childId': { permission: 'persons.write' },
  'POST /api/persons/:id/consents': { permission: 'persons.write' },
  'POST /api/persons/:id/consents/:childId/withdraw': { permission: 'persons.write' },
  'PUT /api/persons/:id/household': { permission: 'persons.write' },
  'DELETE /api/persons/:id/household': { permission: 'persons.write' },
  'GET /api/persons/:id/cases': { permission: 'cases.read' },
  'GET /api/cases': { permission: 'cases.read' },
  'POST /api/cases': { permission: 'cases.write' },
  'GET /api/cases/:id': { permission: 'cases.read' },
  'PATCH /api/cases/:id': { permission: 'cases.write' },
  'POST /api/cases/:id/transitions': { permission: 'cases.write' },
  'POST /api/cases/:id/approve': { permission: 'cases.approve' },
  'POST /api/cases/:id/reject': { permission: 'cases.approve' },
  'POST /api/cases/:id/reopen': { permission: 'cases.reopen' },
  'PUT /api/cases/:id/assignee': { permission: 'cases.assign' },
  'POST /api/cases/bulk-assign': { permission: 'cases.assign' },
  'POST /api/cases/:id/notes': { permission: 'cases.write' },
  'POST /api/cases/:id/tasks': { permission: 'cases.write' },
  'PATCH /api/tasks/:id': { permission: 'cases.write' },
  'GET /api/tasks': { permission: 'cases.read' },
  'GET /api/cases/assignees': { permission: 'cases.read' },
  'POST /api/cases/:id/attachments': { permission: 'cases.write' },
  'GET /api/cases/:id/attachments/:childId': { permission: 'cases.read' },
  'PATCH /api/cases/:id/attachments/:childId': { permission: 'cases.write' },
  'POST /api/cases/:id/referrals': { permission: 'referrals.send' },
  'GET /api/cases/:id/referrals': { permission: 'referrals.read' },
  'GET /api/cases/:id/referral-targets': { permission: 'referrals.send' },
  'GET /api/referrals': { permission: 'referrals.read' },
  'GET /api/referrals/dashboard': { permission: 'referrals.read' },
  'GET /api/referrals/:id': { permission: 'referrals.read' },
  'POST /api/referrals/:id/accept': { permission: 'referrals.respond' },
  'POST /api/referrals/:id/decline': { permission: 'referrals.respond' },
  'POST /api/referrals/:id/revoke': { permission: 'referrals.send' },
  'POST /api/referrals/:id/messages': { permission: 'referrals.read' },
  'POST /api/referrals/:id/partner-link': { permission: 'referrals.send' },
  'POST /api/referrals/:id/partner-link/revoke': { permission: 'referrals.send' },
  'GET /api/projects/:id/budget': { permission: 'budgets.read' },
  'POST /api/projects/:id/budget-lines': { permission: 'projects.manage' },
  'PATCH /api/budget-lines/:id': { permission: 'projects.manage' },
  'PUT /api/projects/:id/allowance': { permission: 'projects.manage' },
  'GET /api/exchange-rates': { permission: 'budgets.read' },
  'PUT /api/exchange-rates': { permission: 'projects.manage' },
  'GET /api/cases/:id/reintegration': { permission: 'cases.read' },
  'POST /api/cases/:id/needs-assessments': { permission: 'cases.write' },
  'POST /api/cases/:id/reintegration-plan/items': { permission: 'cases.write' },
  'PATCH /api/reintegration-plan-items/:id': { permission: 'cases.write' },
  'POST /api/reintegration-plan-items/:id/remove': { permission: 'cases.write' },
  'POST /api/cases/:id/reintegration-plan/submit': { permission: 'cases.write' },
  'POST /api/cases/:id/reintegration-plan/approve': { permission: 'cases.approve' },
  'POST /api/cases/:id/reintegration-plan/return': { permission: 'cases.approve' },
  'POST /api/cases/:id/deliveries': { permission: 'cases.write' },
  'GET /api/cases/:id/resettlement': { permission: 'cases.read' },
  'POST /api/cases/:id/resettlement/referral': { permission: 'resettlement.write' },
  'POST /api/cases/:id/resettlement/members': { permission: 'resettlement.write' },
  'POST /api/cases/:id/resettlement/split': { permission: 'resettlement.write' },
  'POST /api/cases/:id/resettlement/merge': { permission: 'resettlement.write' },
  'POST /api/cases/:id/resettlement/decision': { permission: 'resettlement.write' },
  'POST /api/cases/:id/resettlement/health': { permission: 'health.write' },
  'GET /api/cases/:id/resettlement/health/:childId/findings': { permission: 'health.read' },
  'POST /api/cases/:id/resettlement/clearances': { permission: 'resettlement.write' },
  'POST /api/cases/:id/resettlement/clear-health': { permission: 'resettlement.write' },
  'POST /api/cases/:id/resettlement/complete-orientation': { permission: 'resettlement.write' },
  'POST /api/cases/:id/resettlement/handover': { permission: 'resettlement.write' },
  'POST /api/cases/:id/resettlement/reception-links': { permission: 'resettlement.write' },
  'POST /api/cases/:id/resettlement/reception-links/:childId/revoke': { permission: 'resettlement.write' },
  'GET /api/resettlement/pipeline': { permission: 'resettlement.read' },
  'GET /api/resettlement/funnel': { permission: 'resettlement.read' },
  'GET /api/resettlement/batches': { permission: 'resettlement.read' },
  'POST /api/resettlement/batches': { permission: 'resettlement.write' },
  'GET /api/resettlement/batches/:id': { permission: 'resettlement.read' },
  'PUT /api/resettlement/batches/:id/households': { permission: 'resettlement.write' },
  'POST /api/resettlement/batches/:id/submit': { permission: 'resettlement.write' },
  'POST /api/resettlement/batches/:id/decisions': { permission: 'resettlement.write' },
  'GET /api/resettlement/orientation-sessions': { permission: 'resettlement.read' },
  'POST /api/resettlement/orientation-sessions': { permission: 'resettlement.write' },
  'GET /api/resettlement/orientation-sessions/:id': { permission: 'resettlement.read' },
  'PUT /api/resettlement/orientation-sessions/:id/attendance': { permission: 'resettlement.write' },
  'GET /api/resettlement/movements': { permission: 'resettlement.read' },
  'POST /api/resettlement/movements': { permission: 'resettlement.write' },
  'GET /api/resettlement/movements/:id': { permission: 'resettlement.read' },
  'PATCH /api/resettlement/movements/:id': { permission: 'resettlement.write' },
  'POST /api/resettlement/movements/:id/bookings': { permission: 'resettlement.write' },
  'POST /api/resettlement/movements/:id/bookings/:childId/cancel': { permission: 'resettlement.write' },
  'PUT /api/resettlement/movements/:id/boarding': { permission: 'resettlement.write' },
  'POST /api/resettlement/movements/:id/arrival': { permission: 'resettlement.write' },
  'GET /api/resettlement/movements/:id/manifest.pdf': { permission: 'resettlement.read' },
  'GET /api/resettlement/movements/:id/manifest.xlsx': { permission: 'resettlement.read' },
  'GET /api/employment/employers': { permission: 'employment.read' },
  'POST /api/employment/employers': { permission: 'employment.write' },
  'GET /api/employment/employers/:id': { permission: 'employment.read' },
  'PATCH /api/employment/employers/:id': { permission: 'employment.write' },
  'GET /api/employment/openings': { permission: 'employment.read' },
  'POST /api/employment/openings': { permission: 'employment.write' },
  'GET /api/employment/openings/:id': { permission: 'employment.read' },
  'PATCH /api/employment/openings/:id': { permission: 'employment.write' },
  'GET /api/employment/openings/:id/candidates': { permission: 'employment.read' },
  'GET /api/persons/:id/skills-profile': { permission: 'employment.read' },
  'PUT /api/persons/:id/skills-profile': { permission: 'employment.write' },
  'GET /api/persons/:id/job-matches': { permission: 'employment.read' },
  'GET /api/employment/placements': { permission: 'employment.read' },
  'POST /api/employment/placements': { permission: 'employment.write' },
  'GET /api/employment/placements/:id': { permission: 'employment.read' },
  'PATCH /api/employment/placements/:id': { permission: 'employment.write' },
  'POST /api/employment/placements/:id/follow-ups': { permission: 'employment.write' },
  'GET /api/activities': { permission: 'activities.read' },
  'GET /api/activities/indicators': { permission: 'activities.read' },
  'POST /api/activities': { permission: 'activities.write' },
  'GET /api/activities/:id': { permission: 'activities.read' },
  'PATCH /api/activities/:id': { permission: 'activities.write' },
  'GET /api/campaigns': { permission: 'activities.read' },
  'POST /api/campaigns': { permission: 'activities.write' },
  'GET /api/campaigns/:id': { permission: 'activities.read' },
  'PATCH /api/campaigns/:id': { permission: 'activities.write' },
  'GET /api/projects/:id/indicators': { permission: 'reports.read' },
  'POST /api/persons/match-check': { permission: 'persons.read' },
  'GET /api/persons/:id/matches': { permission: 'persons.read' },
  'GET /api/duplicates': { permission: 'persons.merge' },
  'GET /api/duplicates/scans': { permission: 'persons.merge' },
  'POST /api/duplicates/scans': { permission: 'persons.merge' },
  'POST /api/duplicates/:id/different': { permission: 'persons.merge' },
  'POST /api/duplicates/:id/merge': { permission: 'persons.merge' },
  'POST /api/persons/merge': { permission: 'persons.merge' },
  'GET /api/persons/:id/merges': { permission: 'persons.read' },
  'POST /api/person-merges/:id/undo': { permission: 'persons.merge' },
  // Donor reporting (src/modules/reporting/routes.ts): readers, managers, M&E officers, donor accounts.
  'GET /api/reporting/catalogue': { permission: 'reports.read' },
  'GET /api/reporting/portfolio': { permission: 'reports.read' },
  'GET /api/projects/:id/framework': { permission: 'reports.read' },
  'POST /api/projects/:id/framework/nodes': { permission: 'reports.manage' },
  'PATCH /api/framework-nodes/:id': { permission: 'reports.manage' },
  'DELETE /api/framework-nodes/:id': { permission: 'reports.manage' },
  'POST /api/projects/:id/framework/indicators': { permission: 'reports.manage' },
  'PATCH /api/report-indicators/:id': { permission: 'reports.manage' },
  'POST /api/projects/:id/reporting-periods': { permission: 'reports.manage' },
  'POST /api/reporting-periods/:id/close': { permission: 'reports.manage' },
  'GET /api/reporting-periods/:id/snapshot': { permission: 'reports.read' },
  'PUT /api/report-indicators/:id/values/:periodId': { permission: 'reports.enter' },
  'POST /api/report-indicators/:id/values/:periodId/decision': { permission: 'reports.manage' },
  'POST /api/report-indicators/:id/values/:periodId/evidence': { permission: 'reports.enter' },
  'GET /api/report-indicators/:id/values/:periodId/evidence': { permission: 'reports.read' },
  'GET /api/projects/:id/report': { permission: 'reports.read' },
  'GET /api/projects/:id/report-exports': { permission: 'reports.read' },
  'POST /api/projects/:id/report-exports': { permission: 'reports.read' },
  'GET /api/report-exports/:id': { permission: 'reports.read' },
  'GET /api/report-exports/:id/file': { permission: 'reports.read' },
  'GET /api/projects/:id/report-viewers': { permission: 'reports.manage' },
  'POST /api/projects/:id/report-viewers': { permission: 'reports.manage' },
  'DELETE /api/projects/:id/report-viewers/:userId': { permission: 'reports.manage' },
  // Donor accounts: only these routes, never the staff ones above.
  'GET /api/donor/projects': { permission: 'reports.shared' },
  'GET /api/donor/projects/:id/report': { permission: 'reports.shared' },
  'GET /api/donor/projects/:id/exports': { permission: 'reports.shared' },
  'POST /api/donor/projects/:id/exports': { permission: 'reports.shared' },
  'GET /api/donor/exports/:id': { permission: 'reports.shared' },
  'GET /api/donor/exports/:id/file': { permission: 'reports.shared' },
  'GET /api/notifications': { authenticated: true },
  'POST /api/notifications/read': { authenticated: true },
  // The public site's content (src/modules/content/routes.ts): communications writes and publishes, a second
  // person reviews, project managers read and review.
  'GET /api/content': { permission: 'content.read' },
  'POST /api/content': { permission: 'content.write' },
  'GET /api/content/figures': { permission: 'content.write' },
  'GET /api/content/:id': { permission: 'content.read' },
  'PUT /api/content/:id': { permission: 'content.write' },
  'POST /api/content/:id/submit': { permission: 'content.write' },
  'POST /api/content/:id/review': { permission: 'content.review' },
  'POST /api/content/:id/publish': { permission: 'content.publish' },
  'POST /api/content/:id/unpublish': { permission: 'content.publish' },
  'GET /api/content/:id/revisions': { permission: 'content.read' },
  'GET /api/content/:id/revisions/:number': { permission: 'content.read' },
  'POST /api/content/:id/revisions/:number/restore': { permission: 'content.write' },
  'POST /api/content/:id/images': { permission: 'content.write' },
  'PATCH /api/content/:id/images/:imageId': { permission: 'content.write' },
  'DELETE /api/content/:id/images/:imageId': { permission: 'content.write' },
  'POST /api/content/:id/file': { permission: 'content.write' },
  'GET /api/content/:id/media/:name': { permission: 'content.read' },
};

/** Valid requests for each permission route, so a 403 cannot be mistaken for a validation error. */
const VALID_BODY: Record<string, unknown> = {
  'POST /api/offices': { code: 'NEWOFF', name: 'New', country: 'FR', city: 'Lyon', kind: 'host' },
  'PATCH /api/offices/:id': { version: 1, name: 'Renamed' },
  'POST /api/users': { email: 'intruder-made@x.test', displayName: 'Made by intruder' },
  'PATCH /api/users/:id': { version: 1, status: 'disabled' },
  'PUT /api/users/:id/memberships': { version: 1, memberships: [] },
  'POST /api/users/:id/reset-password': {},
  'POST /api/users/:id/unlock': {},
};

/** The public site's routes: pages by language, the sitemap, robots.txt, its stylesheet and published media. */
const SITE_ROUTES = [
  'GET /:lang(^[a-z]{2}$)',
  'GET /:lang(^[a-z]{2}$)/*',
  'GET /robots.txt',
  'GET /site/assets/*',
  'GET /site/media/*',
  'GET /sitemap.xml',
];

describe('route catalogue', () => {
  it('lists the expected API routes, each with exactly one access declaration', () => {
    const all = catalogue();
    const protectedOnes = Object.fromEntries(
      protectedRoutes().map((r) => [
        key(r),
        Object.fromEntries(
          Object.entries(r.access).filter(([k]) => ['public', 'authenticated', 'permission'].includes(k)),
        ),
      ]),
    );
    expect(protectedOnes).toEqual(EXPECTED_PROTECTED);
    expect(all.map(key)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/health',
        'GET /api/openapi.json',
        'GET /*',
        ...Object.keys(EXPECTED_PROTECTED),
      ]),
    );
    for (const route of all) {
      const { access } = route;
      const declared = [
        access.public === true,
        access.authenticated === true,
        access.permission !== undefined,
      ];
      expect(declared.filter(Boolean), key(route)).toHaveLength(1);
      if (access.permission !== undefined) expect(isPermission(access.permission), key(route)).toBe(true);
    }
  });

  it('keeps public routes to sign-in, health, the API description, the web app, partner links and the public site', () => {
    const publicOnes = catalogue()
      .filter((r) => r.access.public === true)
      .map(key)
      .filter((k) => !k.startsWith('GET /api/docs'));
    expect(publicOnes.sort()).toEqual(
      [
        'GET /*',
        'GET /api/health',
        'GET /api/openapi.json',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        // Partners without accounts: the link's token is the only credential (test/referrals/partner).
        'GET /api/partner/:token',
        'POST /api/partner/:token/accept',
        'POST /api/partner/:token/decline',
        'POST /api/partner/:token/messages',
        // The reception partner of a resettled household, the same way (test/resettlement/reception).
        'GET /api/reception/:token',
        'POST /api/reception/:token/confirm',
        // The public site (test/site): published content only, through the content module's site source.
        ...SITE_ROUTES,
      ].sort(),
    );
  });

  it('gives every HEAD route the access rule of its GET', () => {
    const all = routeCatalog(t.app);
    const heads = all.filter((r) => r.method === 'HEAD');
    expect(heads.length).toBeGreaterThan(0);
    for (const head of heads) {
      const get = all.find((r) => r.method === 'GET' && r.url === head.url);
      expect(get, head.url).toBeDefined();
      expect(head.config, head.url).toEqual(get?.config);
    }
  });
});

describe('without a session', () => {
  it('answers 401 unauthenticated on every protected route', async () => {
    const routes = protectedRoutes();
    expect(routes.length).toBe(Object.keys(EXPECTED_PROTECTED).length);
    const usersBefore = await countRows(t.db, users);
    const officesBefore = await countRows(t.db, offices);
    const mismatches: string[] = [];
    for (const route of routes) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: fillParams(route.url),
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      const body = response.json<{ code?: string; status?: number }>();
      const problem = String(response.headers['content-type']).startsWith('application/problem+json');
      if (response.statusCode !== 401 || body.code !== 'unauthenticated' || body.status !== 401 || !problem) {
        mismatches.push(`${key(route)} -> ${response.statusCode} ${body.code}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(await countRows(t.db, users)).toBe(usersBefore);
    expect(await countRows(t.db, offices)).toBe(officesBefore);
  });

  it('answers 401 unauthenticated with an unknown session cookie, and on HEAD', async () => {
    const mismatches: string[] = [];
    for (const route of protectedRoutes().filter((r) => r.method === 'GET')) {
      for (const method of ['GET', 'HEAD'] as const) {
        const response = await t.app.inject({
          method,
          url: fillParams(route.url),
          cookies: { passerelle_session: 'not-a-session-token' },
        });
        const code = method === 'GET' ? response.json<{ code?: string }>().code : 'unauthenticated';
        if (response.statusCode !== 401 || code !== 'unauthenticated')
          mismatches.push(`${method} ${route.url} -> ${response.statusCode} ${code}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('signed in without the permission', () => {
  it('answers 403 forbidden on every permission route, records access.denied and changes nothing', async () => {
    const partner = await t.user('partner-only@x.test', [['PAR', 'partner']]);
    const session = await t.login('partner-only@x.test');
    expect(session.me.permissions).toEqual([]);
    // A real target for the :id routes, so nothing but the permission can stop them.
    const target = await t.user('target@x.test', [['PAR', 'caseworker']]);
    const parId = await t.office('PAR');
    const project = await t.project('TACT', 'PAR');
    const ids: Record<string, string> = {
      'PATCH /api/offices/:id': parId,
      'GET /api/projects/:id': project.id,
    };
    const usersBefore = await countRows(t.db, users);
    const officesBefore = await countRows(t.db, offices);
    const seq = await lastAuditSeq(t.db);

    const permissionRoutes = protectedRoutes().filter((r) => r.access.permission !== undefined);
    const mismatches: string[] = [];
    for (const route of permissionRoutes) {
      const url = route.url.replace(':id', ids[key(route)] ?? target.id);
      const response = await session.inject({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' ? {} : { payload: VALID_BODY[key(route)] as object }),
      });
      const body = response.json<{ code?: string }>();
      if (response.statusCode !== 403 || body.code !== 'forbidden')
        mismatches.push(`${key(route)} -> ${response.statusCode} ${body.code}`);
    }
    expect(mismatches).toEqual([]);

    const denied = await auditAfter(t.db, seq);
    expect(denied.map((e) => e.action)).toEqual(permissionRoutes.map(() => 'access.denied'));
    expect(denied.map((e) => e.metadata)).toEqual(
      permissionRoutes.map((r) => ({ permission: r.access.permission, method: r.method, route: r.url })),
    );
    for (const event of denied) {
      expect(event.actorUserId).toBe(partner.id);
      expect(event.actorEmail).toBe('partner-only@x.test');
    }
    expect(await countRows(t.db, users)).toBe(usersBefore);
    expect(await countRows(t.db, offices)).toBe(officesBefore);
    const [stillActive] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(stillActive).toMatchObject({ status: 'active', version: 1 });
  });

  it('lets any signed-in user reach the authenticated routes', async () => {
    await t.user('partner-two@x.test', [['PAR', 'partner']]);
    const session = await t.login('partner-two@x.test');
    const me = await session.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: 'partner-two@x.test' }, permissions: [] });
    const change = await session.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: 'not the password', newPassword: 'a brand new passphrase' },
    });
    // Reached the use case (not 401/403): the current password is checked.
    expectProblem(change, 422, 'wrong_password');
    const denied = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.actorEmail, 'partner-two@x.test')));
    expect(denied).toEqual([]);
  });
});

describe('start-up guard', () => {
  const build = () => buildApp({ database: t.database, config: t.config, clock: t.clock, logger: false });

  it('refuses to become ready with a route that declares no access rule', async () => {
    const app = await build();
    app.get('/api/x', async () => 'x');
    await expect(app.ready()).rejects.toThrow(/GET \/api\/x must declare/);
    await app.close().catch(() => {});
  });

  it('refuses a route declaring authenticated: false, or two rules at once', async () => {
    const falsy = await build();
    falsy.post('/api/y', { config: { authenticated: false } }, async () => 'y');
    await expect(falsy.ready()).rejects.toThrow(/must declare exactly one/);
    await falsy.close().catch(() => {});

    const both = await build();
    both.get('/api/z', { config: { public: true, permission: 'users.read' } }, async () => 'z');
    await expect(both.ready()).rejects.toThrow(/must declare exactly one/);
    await both.close().catch(() => {});
  });

  it('becomes ready when the added route declares its rule, and enforces it', async () => {
    const app = await build();
    app.get('/api/declared', { config: { permission: 'audit.read' } }, async () => ({ ok: true }));
    await app.ready();
    expectProblem(await app.inject({ method: 'GET', url: '/api/declared' }), 401, 'unauthenticated');
    await app.close();
  });
});

describe('outside the API', () => {
  it('answers unknown /api paths with a problem+json 404, never the web app', async () => {
    for (const url of ['/api', '/api/', '/api/nothing/here', '/api/users/x/y/z']) {
      const response = await t.app.inject({ method: 'GET', url });
      expectProblem(response, 404, 'route_not_found');
    }
  });

  it('serves nothing outside the web app folder through encoded path traversal', async () => {
    for (const url of [
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2f..%2fpackage.json',
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).not.toBe(500);
      expect(response.body, url).not.toContain('"dependencies"');
    }
  });
});
