/**
 * What the programmes did besides case work, generated from the demo cases and loaded after them: budgets
 * and exchange rates, reintegration assessments, plans and deliveries (CARE, TACT, MAGNET II), employers,
 * job openings, skills profiles and placements (MAGNET II), trainings of authorities and information
 * campaigns (TACT, Calais).
 *
 * Pure and deterministic like `generateDemoData()`, on random streams of their own: the people and cases do
 * not change when this part does.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { activityParticipants, campaigns, capacityActivities } from '../modules/activities/tables';
import {
  employers,
  jobOpenings,
  placementFollowUps,
  placements,
  skillsProfiles,
} from '../modules/employment/tables';
import { budgetLines, exchangeRates } from '../modules/finance/tables';
import {
  deliveries,
  needsAssessments,
  type PlanItemSnapshot,
  planItems,
  planVersions,
  reintegrationPlans,
} from '../modules/reintegration/tables';
import { type DemoActivity, type DemoCampaign, generateActivities } from './activities';
import { type DemoEmployment, generateEmployment } from './employment';
import { DEMO_BUDGET_LINES, DEMO_EXCHANGE_RATES, type DemoBudgetLine, type DemoRate } from './finance';
import { DEMO_SEED, DEMO_TODAY, type DemoData, type DemoRefs, Rng, type StaffRef } from './people';
import { type DemoReintegration, generateReintegration } from './reintegration';

export type DemoProgrammes = {
  budgetLines: DemoBudgetLine[];
  exchangeRates: DemoRate[];
  reintegration: DemoReintegration;
  employment: DemoEmployment;
  activities: DemoActivity[];
  campaigns: DemoCampaign[];
};

/** Budgets, reintegration, employment, trainings and campaigns that go with the demo cases. */
export function generateProgrammeData(data: DemoData, seed = DEMO_SEED): DemoProgrammes {
  // Streams apart from the cases' (seed, seed + 1), one per part.
  const employment = generateEmployment(new Rng(seed + 2), data);
  const reintegration = generateReintegration(new Rng(seed + 3), data, employment);
  const { activities, campaigns } = generateActivities(new Rng(seed + 4), DEMO_TODAY);
  return {
    budgetLines: DEMO_BUDGET_LINES,
    exchangeRates: DEMO_EXCHANGE_RATES,
    reintegration,
    employment,
    activities,
    campaigns,
  };
}

export type ProgrammeCounts = {
  budgetLines: number;
  exchangeRates: number;
  assessments: number;
  plans: number;
  planItems: number;
  deliveries: number;
  employers: number;
  openings: number;
  skillsProfiles: number;
  placements: number;
  activities: number;
  campaigns: number;
};

/** When each project's budget was entered: the week before it started. */
const LINES_ENTERED: Record<string, string> = {
  CARE: '2013-08-26',
  'SYR-RST': '2013-12-23',
  MAGNET2: '2014-03-24',
  TACT: '2015-04-24',
  CALAIS: '2015-08-24',
};

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Writes it inside the caller's transaction, after the people and cases (`ids` are theirs, by index). */
export async function insertProgrammeData(
  tx: Db,
  refs: DemoRefs,
  ids: { persons: string[]; cases: string[] },
  p: DemoProgrammes,
): Promise<ProgrammeCounts> {
  const actor = (staff: StaffRef) =>
    staff.email
      ? { id: refs.user(staff.email).id, name: refs.user(staff.email).name }
      : { id: null, name: staff.name ?? '' };
  const caseId = (i: number) => ids.cases[i] as string;
  const personId = (i: number) => ids.persons[i] as string;
  const at = (iso: string) => new Date(iso);

  // ---- money ----
  const lineIds = new Map(p.budgetLines.map((l) => [l.code, randomUUID()]));
  const lineId = (code: string | null) => {
    if (code === null) return null;
    const id = lineIds.get(code);
    if (!id) throw new Error(`unknown demo budget line ${code}`);
    return id;
  };
  await tx.insert(budgetLines).values(
    p.budgetLines.map((l) => {
      const created = new Date(`${LINES_ENTERED[l.project] ?? '2013-08-26'}T09:00:00Z`);
      return {
        id: lineId(l.code) as string,
        projectId: refs.project(l.project),
        code: l.code,
        label: l.label,
        currency: l.currency,
        amountMinor: l.amountMinor,
        createdAt: created,
        updatedAt: created,
      };
    }),
  );
  await tx
    .insert(exchangeRates)
    .values(p.exchangeRates.map((r) => ({ ...r, createdAt: new Date(`${r.rateDate}T09:00:00Z`) })));

  // ---- reintegration ----
  const { assessments, plans } = p.reintegration;
  await insertChunks(assessments, 500, (chunk) =>
    tx.insert(needsAssessments).values(
      chunk.map((a) => {
        const by = actor(a.assessedBy);
        return {
          caseId: caseId(a.case),
          economic: a.economic,
          social: a.social,
          psychosocial: a.psychosocial,
          assessedOn: a.assessedOn,
          assessedBy: by.id,
          assessedByName: by.name,
          createdAt: at(a.createdAt),
        };
      }),
    ),
  );
  const planIds = plans.map(() => randomUUID());
  const itemIds = plans.map((plan) => plan.items.map(() => randomUUID()));
  await insertChunks(
    plans.map((plan, n) => ({ plan, n })),
    500,
    (chunk) =>
      tx.insert(reintegrationPlans).values(
        chunk.map(({ plan, n }) => {
          const submitted = plan.submittedBy ? actor(plan.submittedBy) : null;
          return {
            id: planIds[n] as string,
            caseId: caseId(plan.case),
            status: plan.status,
            approvedVersion: plan.approvedVersion,
            submittedBy: submitted?.id ?? null,
            submittedByName: submitted?.name ?? null,
            submittedAt: plan.submittedAt ? at(plan.submittedAt) : null,
            decidedByName: plan.decidedBy ? actor(plan.decidedBy).name : null,
            decidedAt: plan.decidedAt ? at(plan.decidedAt) : null,
            decisionComment: plan.decisionComment,
            version: plan.version,
            createdAt: at(plan.createdAt),
            updatedAt: at(plan.updatedAt),
          };
        }),
      ),
  );
  const itemRows = plans.flatMap((plan, n) =>
    plan.items.map((item, k) => ({
      id: itemIds[n]?.[k] as string,
      planId: planIds[n] as string,
      dimension: item.dimension,
      serviceType: item.serviceType,
      description: item.description,
      providerKind: item.providerKind,
      providerName: item.providerName,
      deliveryMode: item.deliveryMode,
      plannedMinor: item.plannedMinor,
      currency: item.currency,
      plannedDate: item.plannedDate,
      budgetLineId: lineId(item.budgetLine),
      removed: item.removed,
      createdAt: at(item.createdAt),
    })),
  );
  await insertChunks(itemRows, 500, (chunk) => tx.insert(planItems).values(chunk));
  const versionRows = plans.flatMap((plan, n) =>
    plan.versions.map((v) => {
      const by = actor(v.approvedBy);
      return {
        planId: planIds[n] as string,
        number: v.number,
        // As snapshotOf() writes them.
        items: v.items.map(
          (s): PlanItemSnapshot => ({
            id: itemIds[n]?.[s.item] as string,
            dimension: s.dimension,
            serviceType: s.serviceType,
            description: s.description,
            providerKind: s.providerKind,
            providerName: s.providerName,
            deliveryMode: s.deliveryMode,
            plannedMinor: s.plannedMinor,
            currency: s.currency,
            plannedDate: s.plannedDate,
            budgetLineId: lineId(s.budgetLine),
          }),
        ),
        approvedBy: by.id,
        approvedByName: by.name,
        approvedAt: at(v.approvedAt),
      };
    }),
  );
  await insertChunks(versionRows, 300, (chunk) => tx.insert(planVersions).values(chunk));
  const deliveryRows = plans.flatMap((plan, n) =>
    plan.deliveries.map((d) => {
      const by = actor(d.recordedBy);
      return {
        planItemId: itemIds[n]?.[d.item] as string,
        caseId: caseId(plan.case),
        amountMinor: d.amountMinor,
        currency: d.currency,
        deliveredOn: d.deliveredOn,
        vendor: d.vendor,
        receiptConfirmedBy: d.receiptConfirmedBy,
        recordedBy: by.id,
        recordedByName: by.name,
        createdAt: at(d.createdAt),
      };
    }),
  );
  await insertChunks(deliveryRows, 500, (chunk) => tx.insert(deliveries).values(chunk));

  // ---- employment (Erbil) ----
  const e = p.employment;
  const erbil = refs.office('EBL');
  const employerIds = e.employers.map(() => randomUUID());
  if (e.employers.length > 0)
    await tx.insert(employers).values(
      e.employers.map((x, n) => ({
        id: employerIds[n] as string,
        officeId: erbil,
        name: x.name,
        sector: x.sector,
        country: 'IQ',
        location: x.location,
        contactName: x.contactName,
        phone: x.phone,
        email: x.email,
        createdAt: at(x.createdAt),
        updatedAt: at(x.createdAt),
      })),
    );
  const openingIds = e.openings.map(() => randomUUID());
  if (e.openings.length > 0)
    await tx.insert(jobOpenings).values(
      e.openings.map((o, n) => ({
        id: openingIds[n] as string,
        employerId: employerIds[o.employer] as string,
        officeId: erbil,
        title: o.title,
        description: o.description,
        sector: o.sector,
        country: 'IQ',
        location: o.location,
        skills: o.skills,
        languages: o.languages,
        posts: o.posts,
        status: o.status,
        openedOn: o.openedOn,
        version: o.version,
        createdAt: at(o.createdAt),
        updatedAt: at(o.updatedAt),
      })),
    );
  if (e.profiles.length > 0)
    await tx.insert(skillsProfiles).values(
      e.profiles.map((x) => ({
        personId: personId(x.person),
        educationLevel: x.educationLevel,
        workExperience: x.workExperience,
        skills: x.skills,
        languages: x.languages,
        preferredSectors: x.preferredSectors,
        preferredLocations: x.preferredLocations,
        updatedAt: at(x.updatedAt),
      })),
    );
  const placementIds = e.placements.map(() => randomUUID());
  if (e.placements.length > 0)
    await tx.insert(placements).values(
      e.placements.map((x, n) => {
        const by = actor(x.recordedBy);
        return {
          id: placementIds[n] as string,
          personId: personId(x.person),
          caseId: caseId(x.case),
          openingId: openingIds[x.opening] as string,
          officeId: erbil,
          startDate: x.startDate,
          outcome: x.outcome,
          endedOn: x.endedOn,
          recordedBy: by.id,
          recordedByName: by.name,
          version: x.version,
          createdAt: at(x.createdAt),
        };
      }),
    );
  const followUpRows = e.placements.flatMap((x, n) =>
    x.followUps.map((f) => ({
      placementId: placementIds[n] as string,
      month: f.month,
      stillEmployed: f.stillEmployed,
      checkedOn: f.checkedOn,
      note: f.note,
      recordedByName: actor(f.recordedBy).name,
      createdAt: at(f.createdAt),
    })),
  );
  if (followUpRows.length > 0) await tx.insert(placementFollowUps).values(followUpRows);

  // ---- trainings and campaigns ----
  const activityIds = p.activities.map(() => randomUUID());
  if (p.activities.length > 0) {
    await tx.insert(capacityActivities).values(
      p.activities.map((a, n) => ({
        id: activityIds[n] as string,
        officeId: refs.office(a.office),
        projectId: refs.project(a.project),
        kind: a.kind,
        title: a.title,
        topic: a.topic,
        startDate: a.startDate,
        endDate: a.endDate,
        place: a.place,
        country: a.country,
        createdAt: at(a.createdAt),
        updatedAt: at(a.createdAt),
      })),
    );
    await tx
      .insert(activityParticipants)
      .values(
        p.activities.flatMap((a, n) =>
          a.participants.map((x) => ({ activityId: activityIds[n] as string, ...x })),
        ),
      );
  }
  if (p.campaigns.length > 0)
    await tx.insert(campaigns).values(
      p.campaigns.map((c) => ({
        officeId: refs.office(c.office),
        projectId: refs.project(c.project),
        title: c.title,
        channel: c.channel,
        countries: c.countries,
        languages: c.languages,
        startDate: c.startDate,
        endDate: c.endDate,
        reach: c.reach,
        createdAt: at(c.createdAt),
        updatedAt: at(c.createdAt),
      })),
    );

  return {
    budgetLines: p.budgetLines.length,
    exchangeRates: p.exchangeRates.length,
    assessments: assessments.length,
    plans: plans.length,
    planItems: itemRows.length,
    deliveries: deliveryRows.length,
    employers: e.employers.length,
    openings: e.openings.length,
    skillsProfiles: e.profiles.length,
    placements: e.placements.length,
    activities: p.activities.length,
    campaigns: p.campaigns.length,
  };
}
