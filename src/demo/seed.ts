/**
 * Demo data: the offices, projects and accounts of the 2015 news page of the Paris office, the people and
 * cases of its programmes (people.ts), the Syrian households taken through resettlement (resettlement.ts),
 * what the programmes did around them: budgets, reintegration plans, jobs, trainings and campaigns
 * (programmes.ts), and how they reported on it: results frameworks, quarters closed with their signed
 * snapshots, the EU's access to its projects (frameworks.ts, reporting.ts). Loaded only into an empty
 * database, and only on the embedded database or when PASSERELLE_DEMO=1.
 */

import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { identityRepository, offices } from '../modules/identity';
import { insertProject } from '../modules/projects';
import { refreshStaleMatchKeys } from '../modules/registry';
import { recordAudit } from '../platform/audit/record';
import { type Clock, fixedClock } from '../platform/clock';
import { hashPassword } from '../platform/crypto';
import { createFieldCipher, type FieldCipher } from '../platform/field-crypto';
import { systemCtx } from '../server/reactions';
import { DEMO_ACCOUNTS } from './accounts';
import { DEMO_ALLOWANCES } from './finance';
import { generateDemoData, insertDemoCaseWork, insertDemoPeople } from './people';
import { generateProgrammeData, insertProgrammeData } from './programmes';
import { replayCases } from './replay';
import { loadReporting } from './reporting';
import { loadResettlement } from './resettlement';

export { DEMO_ACCOUNTS } from './accounts';

export const DEMO_OFFICES = [
  { code: 'PAR', name: 'Paris', country: 'FR', city: 'Paris', region: 'Île-de-France', kind: 'host' },
  { code: 'MAD', name: 'Madrid', country: 'ES', city: 'Madrid', region: null, kind: 'host' },
  { code: 'ATH', name: 'Athènes / Athens', country: 'GR', city: 'Athens', region: null, kind: 'host' },
  { code: 'ROM', name: 'Rome', country: 'IT', city: 'Rome', region: null, kind: 'host' },
  { code: 'WAW', name: 'Varsovie / Warsaw', country: 'PL', city: 'Warsaw', region: null, kind: 'host' },
  { code: 'TIR', name: 'Tirana', country: 'AL', city: 'Tirana', region: null, kind: 'origin' },
  { code: 'RAB', name: 'Rabat', country: 'MA', city: 'Rabat', region: null, kind: 'origin' },
  { code: 'KYI', name: 'Kyiv', country: 'UA', city: 'Kyiv', region: null, kind: 'origin' },
  { code: 'EBL', name: 'Erbil', country: 'IQ', city: 'Erbil', region: 'Kurdistan Region', kind: 'origin' },
] as const;

const EU = { donor: 'European Union', cofunding: 'Projet co-financé par l’Union européenne' };

export const DEMO_PROJECTS = [
  {
    code: 'TACT',
    name: 'TACT – Transnational Action for victims of trafficking',
    summary: {
      fr: "Action transnationale visant à soutenir les personnes victimes de traite bénéficiaires de l'aide au retour volontaire, depuis l'Espagne, la France, la Grèce, l'Italie et la Pologne vers l'Albanie, le Maroc et l'Ukraine ; coopération transnationale et renforcement des capacités des autorités des trois pays prioritaires.",
      en: 'Transnational action supporting victims of trafficking who return voluntarily from Spain, France, Greece, Italy and Poland to Albania, Morocco and Ukraine; transnational cooperation and capacity building of the authorities of the three priority countries.',
    },
    kind: 'avrr_vot',
    ...EU,
    startDate: '2015-05-01',
    endDate: null,
    hostCountries: ['ES', 'FR', 'GR', 'IT', 'PL'],
    originCountries: ['AL', 'MA', 'UA'],
    targetPersons: null,
    offices: ['MAD', 'ATH', 'ROM', 'WAW', 'TIR', 'RAB', 'KYI'],
  },
  {
    code: 'CARE',
    name: 'CARE – Tailored reintegration of victims of trafficking',
    summary: {
      fr: "Accompagnement sur-mesure aux personnes victimes de la traite bénéficiant de l'aide au retour volontaire, afin de soutenir leur réinsertion dans leur pays d'origine ; retours depuis l'Autriche, l'Espagne, la France, la Grèce, l'Italie, la Pologne, le Portugal et le Royaume-Uni.",
      en: 'Tailored support to victims of trafficking who return voluntarily, for their reintegration in their country of origin; returns from Austria, Spain, France, Greece, Italy, Poland, Portugal and the United Kingdom.',
    },
    kind: 'avrr_vot',
    ...EU,
    startDate: '2013-09-01',
    endDate: '2015-12-31',
    hostCountries: ['AT', 'ES', 'FR', 'GR', 'IT', 'PL', 'PT', 'GB'],
    originCountries: [],
    targetPersons: 130,
    offices: ['MAD', 'ATH', 'ROM', 'WAW', 'TIR', 'RAB', 'KYI'],
  },
  {
    code: 'MAGNET2',
    name: 'MAGNET II – Return to employment in the Kurdistan Region of Iraq',
    summary: {
      fr: "Soutien au retour à l'emploi de ressortissants irakiens rentrant volontairement dans la Région du Kurdistan d'Irak depuis l'Allemagne, la Belgique, la Finlande, la France, les Pays-Bas et le Royaume-Uni ; s'appuie sur le projet pilote MAGNET (jusqu'en juin 2013).",
      en: 'Return-to-employment support for Iraqi nationals returning voluntarily to the Kurdistan Region of Iraq from Germany, Belgium, Finland, France, the Netherlands and the United Kingdom; builds on the MAGNET pilot (to June 2013).',
    },
    kind: 'labour_reintegration',
    ...EU,
    startDate: '2014-04-01',
    endDate: null,
    hostCountries: ['DE', 'BE', 'FI', 'FR', 'NL', 'GB'],
    originCountries: ['IQ'],
    targetPersons: 300,
    offices: ['EBL'],
  },
  {
    code: 'CALAIS',
    name: 'Calais – Protection of vulnerable migrants and information in countries of origin',
    summary: {
      fr: "Protection des migrants vulnérables à Calais, information sur l'aide au retour volontaire et à la réinsertion, campagnes d'information dans les pays d'origine sur les risques encourus, lutte contre la traite des êtres humains et le trafic de migrants.",
      en: 'Protection of vulnerable migrants in Calais, information on assisted voluntary return and reintegration, information campaigns in countries of origin on the risks of the journey, counter-trafficking and counter-smuggling.',
    },
    kind: 'protection',
    donor: null,
    cofunding: null,
    startDate: '2015-09-01',
    endDate: null,
    hostCountries: ['FR'],
    originCountries: ['AL', 'IQ'],
    targetPersons: null,
    offices: ['TIR', 'EBL'],
  },
  {
    code: 'SYR-RST',
    name: 'Syrian refugee resettlement',
    summary: {
      fr: 'Réinstallation en France de réfugiés syriens : orientation des ménages, sélection, bilan de santé, orientation avant le départ, voyage et accueil.',
      en: 'Resettlement of Syrian refugees to France: household referrals, selection, health assessment, pre-departure orientation, movement and arrival.',
    },
    kind: 'resettlement',
    donor: null,
    cofunding: null,
    startDate: '2014-01-01',
    endDate: null,
    hostCountries: ['FR'],
    originCountries: ['SY'],
    targetPersons: null,
    offices: [],
  },
] as const;

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(offices);
  return (row?.n ?? 0) === 0;
}

/**
 * Loads the demo into an empty database. The embedded database has a thread of its own (ADR 0014): the load
 * runs there (`seedDemoInDatabaseThread`), as its thousands of use-case steps would otherwise each wait for
 * a message round trip per query. The clock is read once: the load happens at that moment. The files the
 * story attaches to cases (referral documents, forms, decision letters) go under `dataDir`, where the
 * server keeps attachments.
 */
export async function seedDemo(
  database: Database,
  clock: Clock,
  password: string,
  encryptionKey: Buffer,
  dataDir: string,
): Promise<void> {
  if (database.runInDatabaseThread) {
    const args: Parameters<typeof seedDemoInDatabaseThread> extends [unknown, ...infer A] ? A : never = [
      clock.now().toISOString(),
      password,
      encryptionKey.toString('base64'),
      dataDir,
    ];
    await database.runInDatabaseThread(import.meta.url, 'seedDemoInDatabaseThread', args);
    return;
  }
  await load(database, clock, password, createFieldCipher(encryptionKey), dataDir);
}

/** `seedDemo` in the database's own thread, called there by name with plain data. */
export async function seedDemoInDatabaseThread(
  database: Database,
  at: string,
  password: string,
  encryptionKey: string,
  dataDir: string,
): Promise<void> {
  await load(
    database,
    fixedClock(at),
    password,
    createFieldCipher(Buffer.from(encryptionKey, 'base64')),
    dataDir,
  );
}

async function load(
  database: Database,
  clock: Clock,
  password: string,
  cipher: FieldCipher,
  dataDir: string,
): Promise<void> {
  // One hash for every demo account: they share a published password anyway, and it keeps start-up fast.
  const passwordHash = await hashPassword(password);
  const ctx = systemCtx(database.db, clock, 'fr');
  await database.db.transaction(async (tx) => {
    const officeIds = new Map<string, string>();
    for (const office of DEMO_OFFICES) {
      const row = await identityRepository.insertOffice(tx, { ...office });
      officeIds.set(office.code, row.id);
    }
    const id = (code: string) => {
      const value = officeIds.get(code);
      if (!value) throw new Error(`unknown demo office ${code}`);
      return value;
    };
    const projectIds = new Map<string, string>();
    for (const { offices: partners, ...project } of DEMO_PROJECTS) {
      const allowance = DEMO_ALLOWANCES[project.code];
      const row = await insertProject(
        tx,
        {
          ...project,
          hostCountries: [...project.hostCountries],
          originCountries: [...project.originCountries],
          allowanceMinor: allowance?.minor ?? null,
          allowanceCurrency: allowance?.currency ?? null,
          owningOfficeId: id('PAR'),
        },
        partners.map(id),
      );
      projectIds.set(project.code, row.id);
    }
    const users = new Map<string, { id: string; name: string }>();
    for (const account of DEMO_ACCOUNTS) {
      const user = await identityRepository.insertUser(tx, {
        email: account.email,
        displayName: account.displayName,
        locale: account.locale,
        passwordHash,
      });
      users.set(account.email, { id: user.id, name: user.displayName });
      await identityRepository.replaceMemberships(
        tx,
        user.id,
        [account.office, ...(account.alsoIn ?? [])].map((office) => ({
          officeId: id(office),
          role: account.role,
        })),
      );
    }
    const refs = {
      office: id,
      user(email: string) {
        const user = users.get(email);
        if (!user) throw new Error(`unknown demo account ${email}`);
        return user;
      },
      project(code: string) {
        const project = projectIds.get(code);
        if (!project) throw new Error(`unknown demo project ${code}`);
        return project;
      },
    };
    const data = generateDemoData();
    const people = await insertDemoPeople(tx, cipher, refs, data);
    // Cases, their histories, referrals and transfers: through the cases and referrals modules.
    const { cases } = await replayCases(tx, refs, data, people, ctx.reactions);
    // The Syrian households past identification: through the resettlement module's use cases.
    const resettlement = await loadResettlement(
      tx,
      refs,
      data,
      { persons: people.persons, cases },
      cipher,
      ctx.reactions,
      dataDir,
    );
    await insertDemoCaseWork(tx, refs, data, cases);
    const ids = { persons: people.persons, cases };
    const programmes = await insertProgrammeData(tx, refs, ids, generateProgrammeData(data));
    // Results frameworks, quarters closed with their signed snapshots, donor access: through the reporting module.
    const reporting = await loadReporting(tx, refs, cipher, ctx.reactions, data, cases, DEMO_PROJECTS);
    // Name keys for search and duplicate detection, as registration would have written them.
    while ((await refreshStaleMatchKeys(tx, 1000)) > 0);
    await recordAudit(tx, ctx, {
      action: 'system.demo_loaded',
      metadata: {
        offices: DEMO_OFFICES.length,
        projects: DEMO_PROJECTS.length,
        accounts: DEMO_ACCOUNTS.length,
        persons: data.people.length,
        households: data.households.length,
        cases: data.cases.length,
        referrals: data.referrals.length,
        ...resettlement,
        ...programmes,
        ...reporting,
      },
    });
  });
}
