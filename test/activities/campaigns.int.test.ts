/**
 * Information campaigns in countries of origin (Calais, TACT): recording with channel, countries,
 * languages and reach, listing, editing with optimistic concurrency, office scoping, bad input, permissions.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../../src/modules/activities/tables';
import {
  auditAfter,
  expectJson,
  expectNoEvent,
  expectOneEvent,
  expectProblem,
  lastAuditSeq,
} from '../api/helpers';
import { tickingClock } from '../cases/helpers';
import { createTestApp, type TestApp } from '../harness/app';
import { signIn } from '../registry/helpers';
import { type CampaignBody, campaignInput, createCampaign, listCampaigns, tableCounts } from './helpers';

const USERS = ['pm.tirana@x.test', 'com.tirana@x.test', 'sup.tirana@x.test', 'pm.paris@x.test'] as const;
type Email = (typeof USERS)[number];

let t: TestApp;
let as: (email: Email) => Awaited<ReturnType<TestApp['login']>>;
let TIR: string;
let PAR: string;
let TACT: string;
let CARE: string;
let radio: CampaignBody;
let school: CampaignBody;
let calais: CampaignBody;

beforeAll(async () => {
  t = await createTestApp();
  tickingClock(t.clock);
  PAR = await t.office('PAR');
  TIR = await t.office('TIR', 'origin', 'AL');
  TACT = (await t.project('TACT', 'PAR', ['TIR'])).id;
  CARE = (await t.project('CARE', 'PAR')).id;
  await t.user('pm.tirana@x.test', [['TIR', 'project_manager']]);
  await t.user('com.tirana@x.test', [['TIR', 'communications']]);
  await t.user('sup.tirana@x.test', [['TIR', 'supervisor']]);
  await t.user('pm.paris@x.test', [['PAR', 'project_manager']]);
  as = (await signIn(t, USERS)).as;
});
afterAll(() => t.close());

describe('recording a campaign', () => {
  it('records a radio campaign with its reach, audited field by field', async () => {
    const seq = await lastAuditSeq(t.db);
    radio = await createCampaign(
      as('pm.tirana@x.test'),
      campaignInput(TIR, { projectId: TACT, countries: ['AL', 'AL'], languages: ['sq'] }),
    );
    expect(radio).toMatchObject({
      officeId: TIR,
      officeCode: 'TIR',
      projectId: TACT,
      projectCode: 'TACT',
      channel: 'radio',
      countries: ['AL'],
      languages: ['sq'],
      reach: 120_000,
      version: 1,
    });
    const event = await expectOneEvent(t.db, seq, {
      action: 'campaign.created',
      officeId: TIR,
      recordType: 'campaign',
      recordId: radio.id,
    });
    expect(event.changes).toEqual({
      title: { new: radio.title },
      channel: { new: 'radio' },
      countries: { new: ['AL'] },
      languages: { new: ['sq'] },
      startDate: { new: '2015-11-02' },
      endDate: { new: '2015-11-29' },
      reach: { new: 120_000 },
      projectId: { new: TACT },
    });
    school = await createCampaign(
      as('pm.tirana@x.test'),
      campaignInput(TIR, {
        title: 'Trafficking awareness in schools',
        channel: 'school',
        countries: ['AL', 'MK'],
        languages: ['sq', 'mk'],
        startDate: '2016-02-01',
        endDate: '2016-02-01',
        reach: 0,
      }),
    );
    calais = await createCampaign(
      as('pm.paris@x.test'),
      campaignInput(PAR, {
        title: 'Information on AVRR in Calais',
        channel: 'community_event',
        countries: ['FR'],
        languages: ['ar', 'ckb'],
        reach: 350,
      }),
    );
  });
});

describe('reading and listing', () => {
  it('shows campaigns to readers of their office only', async () => {
    const read = expectJson<CampaignBody>(
      await as('com.tirana@x.test').inject({ method: 'GET', url: `/api/campaigns/${radio.id}` }),
    );
    expect(read).toEqual(radio);
    expectProblem(
      await as('pm.paris@x.test').inject({ method: 'GET', url: `/api/campaigns/${radio.id}` }),
      404,
      'not_found',
    );
    expect((await listCampaigns(as('pm.paris@x.test'))).items.map((c) => c.id)).toEqual([calais.id]);
    expect((await listCampaigns(as('pm.paris@x.test'), '?country=AL')).items).toEqual([]);
  });

  it('lists newest first, filtered by channel, country (any of the campaign’s), project and period', async () => {
    const com = as('com.tirana@x.test');
    const all = await listCampaigns(com);
    expect(all.items.map((c) => c.id)).toEqual([school.id, radio.id]);
    expect(all.total).toBe(2);
    expect((await listCampaigns(com, '?channel=radio')).items.map((c) => c.id)).toEqual([radio.id]);
    expect((await listCampaigns(com, '?country=MK')).items.map((c) => c.id)).toEqual([school.id]);
    expect((await listCampaigns(com, '?country=AL')).total).toBe(2);
    expect((await listCampaigns(com, `?projectId=${TACT}`)).items.map((c) => c.id)).toEqual([radio.id]);
    expect((await listCampaigns(com, '?from=2016-01-01&to=2016-12-31')).items.map((c) => c.id)).toEqual([
      school.id,
    ]);
    const first = await listCampaigns(com, '?limit=1');
    const second = await listCampaigns(com, `?limit=1&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual([school.id, radio.id]);
    expect(second.nextCursor).toBeNull();
    expectProblem(
      await com.inject({ method: 'GET', url: '/api/campaigns?channel=billboard' }),
      400,
      'validation_failed',
    );
  });
});

describe('editing', () => {
  it('updates the reach with a new version and the change in the audit', async () => {
    const seq = await lastAuditSeq(t.db);
    const updated = expectJson<CampaignBody>(
      await as('pm.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/campaigns/${radio.id}`,
        payload: { version: 1, reach: 135_000, languages: ['sq', 'en'] },
      }),
    );
    expect(updated).toMatchObject({ version: 2, reach: 135_000, languages: ['sq', 'en'], countries: ['AL'] });
    const event = await expectOneEvent(t.db, seq, {
      action: 'campaign.updated',
      recordId: radio.id,
      officeId: TIR,
    });
    expect(event.changes).toEqual({
      reach: { old: 120_000, new: 135_000 },
      languages: { old: ['sq'], new: ['sq', 'en'] },
    });
    radio = updated;
  });

  it('answers a stale version with 409 and the campaign as it is now; nothing changes', async () => {
    const seq = await lastAuditSeq(t.db);
    const conflict = expectProblem(
      await as('pm.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/campaigns/${radio.id}`,
        payload: { version: 1, reach: 1 },
      }),
      409,
      'version_conflict',
    );
    expect(conflict.current).toEqual(radio);
    await expectNoEvent(t.db, seq);
    const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, radio.id));
    expect(row).toMatchObject({ reach: 135_000, version: 2 });
  });

  it('refuses an end before the stored start, and another office’s campaign is not found', async () => {
    const seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await as('pm.tirana@x.test').inject({
        method: 'PATCH',
        url: `/api/campaigns/${radio.id}`,
        payload: { version: 2, endDate: '2015-11-01' },
      }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([['endDate', 'too_small']]);
    expectProblem(
      await as('pm.paris@x.test').inject({
        method: 'PATCH',
        url: `/api/campaigns/${radio.id}`,
        payload: { version: 2, reach: 1 },
      }),
      404,
      'not_found',
    );
    await expectNoEvent(t.db, seq);
  });
});

describe('bad input', () => {
  const base = () => campaignInput(TIR);
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    ['an unknown channel', () => ({ ...base(), channel: 'billboard' }), 'channel', 'invalid_value'],
    ['an end before the start', () => ({ ...base(), endDate: '2015-11-01' }), 'endDate', 'too_small'],
    ['a negative reach', () => ({ ...base(), reach: -5 }), 'reach', 'too_small'],
    ['a fractional reach', () => ({ ...base(), reach: 10.5 }), 'reach', 'invalid_type'],
    ['no country', () => ({ ...base(), countries: [] }), 'countries', 'too_small'],
    ['a country name', () => ({ ...base(), countries: ['Albania'] }), 'countries.0', 'invalid_format'],
    ['no language', () => ({ ...base(), languages: [] }), 'languages', 'too_small'],
    ['a language name', () => ({ ...base(), languages: ['Albanian'] }), 'languages.0', 'invalid_format'],
    ['an unknown field', () => ({ ...base(), audience: 'youth' }), 'audience', 'unknown_field'],
    ['a project outside scope', () => ({ ...base(), projectId: CARE }), 'projectId', 'not_found'],
  ];

  it.each(cases)('refuses %s: 400 with the field error, nothing saved', async (_name, body, path, code) => {
    const before = await tableCounts(t.db);
    const seq = await lastAuditSeq(t.db);
    const problem = expectProblem(
      await as('pm.tirana@x.test').inject({ method: 'POST', url: '/api/campaigns', payload: body() }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([[path, code]]);
    expect(await tableCounts(t.db)).toEqual(before);
    expect(await auditAfter(t.db, seq)).toEqual([]);
  });
});

describe('permissions', () => {
  it('refuses writing to a supervisor or communications officer (403)', async () => {
    const before = await tableCounts(t.db);
    for (const email of ['sup.tirana@x.test', 'com.tirana@x.test'] as const) {
      expectProblem(
        await as(email).inject({ method: 'POST', url: '/api/campaigns', payload: campaignInput(TIR) }),
        403,
        'forbidden',
      );
      expectProblem(
        await as(email).inject({
          method: 'PATCH',
          url: `/api/campaigns/${radio.id}`,
          payload: { version: radio.version, reach: 1 },
        }),
        403,
        'forbidden',
      );
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
