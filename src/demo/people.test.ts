import { describe, expect, it } from 'vitest';
import { CreateActivitySchema, CreateCampaignSchema } from '../modules/activities/contract';
import { ALL_STATUSES, findTransition, isTerminal, workflowOf } from '../modules/cases/workflow';
import {
  CreateEmployerSchema,
  CreateOpeningSchema,
  RecordFollowUpSchema,
  SaveProfileSchema,
} from '../modules/employment/contract';
import { consentCoverage, officeNames } from '../modules/referrals/consent-coverage';
import {
  DEFAULT_SECTIONS,
  normaliseSections,
  REFERRAL_SECTIONS,
  sectionOfNeed,
  withheldSections,
} from '../modules/referrals/sections';
import { SPECIFIC_NEED_CODES } from '../modules/registry/specific-needs';
import {
  AddPlanItemSchema,
  AssessmentInputSchema,
  DeliveryInputSchema,
} from '../modules/reintegration/contract';
import { type Currency, formatMinor } from '../platform/money';
import { type Permission, ROLE_DEFINITIONS } from '../platform/permissions';
import { DEMO_ALLOWANCES, DEMO_BUDGET_LINES, DEMO_EXCHANGE_RATES, eurCentsOn } from './finance';
import {
  DEMO_STAFF,
  DEMO_TODAY,
  type DemoCase,
  type DemoReferral,
  generateDemoData,
  type StaffRef,
} from './people';
import { generateProgrammeData } from './programmes';
import type { DemoPlan } from './reintegration';
import { DEMO_ACCOUNTS, DEMO_OFFICES, DEMO_PROJECTS } from './seed';
import { addMonthsTo } from './timeline';

const data = generateDemoData();
const day = (iso: string) => iso.slice(0, 10);
const days = (from: string, to: string) =>
  Math.round((Date.parse(day(to)) - Date.parse(day(from))) / 86_400_000);
const DAY_MS = 86_400_000;
/** The end of the demo's today: nothing happens later. */
const NOW = Date.parse(`${DEMO_TODAY}T16:30:00Z`);
/** Events that record a referral without changing the case row. */
const referralOnly = new Set(['referred', 'referral_answered']);
const accounts = new Map(DEMO_ACCOUNTS.map((a) => [a.email, a]));
const can = (email: string | undefined, permission: Permission, office: string) => {
  const a = email ? accounts.get(email) : undefined;
  return (
    !!a &&
    a.office === office &&
    (ROLE_DEFINITIONS[a.role].permissions as readonly string[]).includes(permission)
  );
};
const officeOf = (code: string) => {
  const office = DEMO_OFFICES.find((o) => o.code === code);
  if (!office) throw new Error(code);
  return office;
};
const staffOfOffice = (office: string, ref: StaffRef) => {
  const staff = DEMO_STAFF[office];
  if (!staff) return false;
  const same = (s: StaffRef) => (ref.email ? s.email === ref.email : s.name === ref.name);
  return same(staff.caseworker) || same(staff.protection) || same(staff.supervisor);
};
const caseOf = (r: DemoReferral) => data.cases[r.case] as DemoCase;
const personOf = (r: DemoReferral) => data.people[caseOf(r).person];

describe('demo people and cases', () => {
  it('is deterministic', () => {
    expect(generateDemoData()).toEqual(data);
    expect(generateDemoData(7)).not.toEqual(data);
  });

  it('has a few hundred people and cases, with unique references', () => {
    expect(data.people.length).toBeGreaterThanOrEqual(250);
    expect(data.cases.length).toBeGreaterThanOrEqual(250);
    expect(new Set(data.people.map((p) => p.reference)).size).toBe(data.people.length);
    expect(new Set(data.cases.map((c) => c.reference)).size).toBe(data.cases.length);
    for (const p of data.people) expect(p.reference).toMatch(/^[A-Z]{3}-P\d{6}$/);
    for (const c of data.cases) expect(c.reference).toMatch(/^[A-Z]{3}-20(13|14|15|16)-\d{5}$/);
  });

  it('writes names in their original scripts, with transliterations', () => {
    const originals = data.people.map((p) => `${p.givenNameOriginal ?? ''} ${p.familyNameOriginal ?? ''}`);
    expect(originals.some((n) => /\p{Script=Arabic}/u.test(n))).toBe(true);
    expect(originals.some((n) => /\p{Script=Cyrillic}/u.test(n))).toBe(true);
    expect(data.people.some((p) => /[ëç]|xh/i.test(`${p.givenName} ${p.familyName}`))).toBe(true);
    for (const p of data.people)
      expect(`${p.givenName} ${p.familyName}`).toMatch(/^[\p{Script=Latin} '-]+$/u);
    expect(data.people.some((p) => p.aliases.length > 0)).toBe(true);
    // The demo's sign-in walkthrough searches Paris' registry for "hoxha".
    expect(data.people.filter((p) => p.office === 'PAR' && p.familyName === 'Hoxha').length).toBeGreaterThan(
      0,
    );
  });

  it('has approximate dates of birth and valid codes', () => {
    const approximate = data.people.filter(
      (p) => p.birthDatePrecision === 'year' || p.birthDatePrecision === 'estimated',
    );
    expect(approximate.length / data.people.length).toBeGreaterThan(0.12);
    expect(approximate.length / data.people.length).toBeLessThan(0.3);
    for (const p of approximate) expect(p.birthDate).toMatch(/-01-01$/);
    for (const p of data.people) {
      for (const need of p.specificNeeds) expect(SPECIFIC_NEED_CODES).toContain(need);
      expect(p.languages.length).toBeGreaterThan(0);
      for (const d of p.documents) expect(d.number).toMatch(/^[A-Za-z0-9 /-]{3,40}$/);
      for (const c of p.consents) if (c.withdrawnOn) expect(c.withdrawnOn >= c.givenOn).toBe(true);
    }
  });

  it('gives every case a status of its workflow, and the sensitive flag exactly to trafficking cases', () => {
    for (const c of data.cases) {
      expect(ALL_STATUSES).toContain(c.status);
      expect(workflowOf(c.caseType).states).toContain(c.status);
      expect(c.sensitive).toBe(c.caseType === 'avrr_vot');
    }
    const statuses = new Set(data.cases.map((c) => c.status));
    expect(statuses.size).toBeGreaterThan(12);
    expect(data.cases.some((c) => c.status === 'withdrawn')).toBe(true);
    expect(data.cases.some((c) => c.pendingTransition)).toBe(true);
    expect(new Set(data.cases.map((c) => c.caseType))).toEqual(
      new Set(['avrr_vot', 'avrr', 'labour_reintegration', 'resettlement']),
    );
  });

  it('tells each case history as a walk through its workflow', () => {
    for (const c of data.cases) {
      const workflow = workflowOf(c.caseType);
      const [opened, ...rest] = c.events;
      expect(opened?.kind).toBe('opened');
      expect(opened?.toStatus).toBe(workflow.initial);
      let status = workflow.initial;
      let previous = opened?.at ?? '';
      let requested: string | null = null;
      let changed = opened?.at ?? '';
      for (const e of rest) {
        expect(e.at > previous, `${c.reference} events in order`).toBe(true);
        previous = e.at;
        // The case row changes with every event but referral ones; a transfer is recorded 1 ms after it.
        if (!referralOnly.has(e.kind))
          changed = e.kind === 'transferred' ? new Date(Date.parse(e.at) - 1).toISOString() : e.at;
        if (e.kind === 'transition') {
          expect(e.fromStatus).toBe(status);
          const t = findTransition(workflow, status, e.toStatus ?? '');
          expect(t, `${c.reference}: ${status} → ${e.toStatus}`).toBeDefined();
          expect(t?.approval).toBeFalsy();
          status = e.toStatus ?? '';
        } else if (e.kind === 'approval_requested') {
          expect(findTransition(workflow, status, e.toStatus ?? '')?.approval).toBe(true);
          requested = e.toStatus;
        } else if (e.kind === 'approved') {
          expect(e.toStatus).toBe(requested);
          status = requested ?? '';
          requested = null;
        }
      }
      expect(status, c.reference).toBe(c.status);
      expect(c.pendingTransition?.to ?? null).toBe(requested);
      expect(c.updatedAt).toBe(changed);
      expect(Date.parse(previous) <= NOW).toBe(true);
      expect(day(c.updatedAt) <= DEMO_TODAY).toBe(true);
      expect(c.createdAt >= '2013-09-01').toBe(true);
      if (isTerminal(workflow, c.status)) {
        expect(c.closureReason).toBeTruthy();
        expect(c.statusBeforeClosure).toBeTruthy();
        expect(c.tasks.every((t) => t.doneAt)).toBe(true);
      }
      if (c.status === 'withdrawn') expect(c.closureReason).toBe('withdrawn');
    }
  });

  it('keeps the facts the workflow requires, and 20 to 90 days from request to departure', () => {
    const departed = (c: DemoCase) => c.events.find((e) => e.toStatus === 'departed');
    let returns = 0;
    for (const c of data.cases) {
      const reached = new Set(c.events.map((e) => e.toStatus));
      if (reached.has('ready_to_travel')) {
        expect(c.travelDocumentReady && c.medicalFitness === 'fit' && c.declarationSignedOn).toBeTruthy();
        expect(c.departureDate).toBeTruthy();
      }
      const departure = departed(c);
      if (departure) {
        returns++;
        expect(c.departureDate).toBe(day(departure.at));
        const wait = days(c.createdAt, departure.at);
        expect(wait).toBeGreaterThanOrEqual(20);
        expect(wait).toBeLessThanOrEqual(90);
      }
      // A resettlement household's papers are its members' exit permits and visas (resettlement.test.ts).
      if (reached.has('movement')) expect(c.caseType === 'resettlement' || c.travelDocumentReady).toBe(true);
      if (reached.has('movement')) expect(c.departureDate).toBeTruthy();
    }
    expect(returns).toBeGreaterThan(100);
  });

  it('follows the programmes: projects, periods, offices, households', () => {
    const projects = new Set<string>(DEMO_PROJECTS.map((p) => p.code));
    const offices = new Set<string>(DEMO_OFFICES.map((o) => o.code));
    for (const c of data.cases) {
      if (c.project) expect(projects).toContain(c.project);
      expect(offices).toContain(c.office);
      const opened = day(c.createdAt);
      if (c.project === 'CARE') expect(opened >= '2013-09-01' && opened <= '2015-12-31').toBe(true);
      if (c.project === 'TACT') expect(opened >= '2015-05-01').toBe(true);
      if (c.caseType === 'labour_reintegration') {
        expect(c.project).toBe('MAGNET2');
        expect(c.office).toBe('EBL');
        expect(opened >= '2014-04-01').toBe(true);
      }
      if (c.caseType === 'resettlement') {
        expect(c.household).not.toBeNull();
        const principal = data.households[c.household ?? -1]?.principal;
        expect(principal).toBe(c.person);
        expect(data.people[c.person]?.relationship).toBe('principal');
      }
      // A transfer that did not share the trafficking details sets the code aside from the new owner.
      const person = data.people[c.person];
      if (c.caseType === 'avrr_vot')
        expect([...(person?.specificNeeds ?? []), ...(person?.withheldNeeds ?? [])]).toContain('TR-PI');
    }
    const origin = data.cases.filter((c) => ['TIR', 'RAB', 'KYI', 'EBL'].includes(c.office));
    expect(origin.length).toBeGreaterThan(20);
    expect(data.cases.filter((c) => c.office === 'PAR').length).toBeGreaterThan(data.cases.length / 3);
    for (const h of data.households) {
      const members = data.people.filter((p) => p.household === data.households.indexOf(h));
      expect(members.filter((m) => m.relationship === 'principal')).toHaveLength(1);
    }
  });

  it('names only demo accounts, and never assigns a trafficking case to someone who cannot see it', () => {
    const check = (ref: StaffRef) => {
      if (ref.email) expect(accounts.has(ref.email), ref.email).toBe(true);
    };
    for (const staff of Object.values(DEMO_STAFF))
      [staff.caseworker, staff.protection, staff.supervisor].forEach(check);
    for (const c of data.cases) {
      for (const e of c.events) check(e.actor);
      if (c.assignee) {
        const account = accounts.get(c.assignee);
        expect(account?.office).toBe(c.office);
        if (c.sensitive) expect(['protection_officer', 'supervisor']).toContain(account?.role);
      }
      if (c.pendingTransition) expect(accounts.has(c.pendingTransition.requestedBy)).toBe(true);
      for (const n of c.notes) if (n.confidential) expect(c.sensitive).toBe(true);
    }
    for (const p of data.people) check(p.registeredBy);
  });

  it('has open tasks, some overdue at the end of the demo period', () => {
    const open = data.cases.flatMap((c) => c.tasks.filter((t) => !t.doneAt));
    expect(open.length).toBeGreaterThan(10);
    expect(open.some((t) => (t.dueDate ?? '') < DEMO_TODAY)).toBe(true);
    expect(open.some((t) => (t.dueDate ?? '') >= DEMO_TODAY)).toBe(true);
  });
});

describe('demo referrals and transfers', () => {
  const transfers = data.referrals.filter((r) => r.kind === 'transfer');
  const eventsOf = (r: DemoReferral) => caseOf(r).events.filter((e) => e.data?.reference === r.reference);
  const recipientOf = (r: DemoReferral) => ({
    names: r.partnerName ? [r.partnerName] : officeNames(officeOf(r.toOffice as string)),
  });

  it('lets Tirana accept and continue trafficking cases', () => {
    const supervisor = accounts.get('supervisor.tirana@passerelle.test');
    const protection = accounts.get('protection.tirana@passerelle.test');
    expect(supervisor).toMatchObject({ office: 'TIR', role: 'supervisor' });
    expect(protection).toMatchObject({ office: 'TIR', role: 'protection_officer' });
    expect(accounts.get('caseworker.tirana@passerelle.test')).toMatchObject({
      office: 'TIR',
      role: 'caseworker',
    });
    expect(DEMO_STAFF.TIR?.supervisor.email).toBe(supervisor?.email);
    expect(DEMO_STAFF.TIR?.protection.email).toBe(protection?.email);
    expect(can(supervisor?.email, 'referrals.respond', 'TIR')).toBe(true);
    expect(can(protection?.email, 'cases.sensitive', 'TIR')).toBe(true);
    // Some trafficking cases handed over to Tirana are continued by its protection officer.
    expect(
      data.cases.some(
        (c) => c.office === 'TIR' && c.sensitive && c.assignee === protection?.email && c.openedIn !== 'TIR',
      ),
    ).toBe(true);
  });

  it('rests every transferred case on exactly one accepted transfer, with a covering consent', () => {
    const transferred = data.cases.filter((c) => c.events.some((e) => e.kind === 'transferred'));
    expect(transferred.length).toBeGreaterThan(30);
    for (const c of transferred) {
      const index = data.cases.indexOf(c);
      const accepted = transfers.filter((r) => r.case === index && r.status === 'accepted');
      expect(accepted, c.reference).toHaveLength(1);
      const r = accepted[0] as DemoReferral;
      expect(r.fromOffice).toBe(c.openedIn);
      expect(r.toOffice).toBe(c.office);
      expect(officeOf(r.fromOffice).kind).toBe('host');
      expect(officeOf(c.office).kind).toBe('origin');
      expect(data.people[c.person]?.office).toBe(c.office);
      const consent = data.people[c.person]?.consents[r.consent ?? -1];
      expect(consent?.purpose).toBe('referral');
      expect(consent && consentCoverage(consent, recipientOf(r)), c.reference).toBe('covers');
      expect((consent?.givenOn ?? '') < day(r.requestedAt)).toBe(true);
      // Asked, answered 1 to 6 days later (at most a week), then the case moves.
      const requested = Date.parse(r.requestedAt);
      const responded = Date.parse(r.respondedAt ?? '');
      const moved = c.events.find((e) => e.kind === 'transferred');
      expect(responded - requested).toBeGreaterThan(0);
      expect(responded - requested).toBeLessThanOrEqual(7 * DAY_MS);
      expect(Date.parse(moved?.at ?? '')).toBe(responded + 1);
      expect(moved?.data).toEqual({
        reference: r.reference,
        fromOfficeId: r.fromOffice,
        toOfficeId: r.toOffice,
      });
      expect(r.respondedBy).toEqual(DEMO_STAFF[c.office]?.supervisor);
      expect(r.followUpMonths).toBe(12);
      const until = new Date(responded);
      until.setUTCMonth(until.getUTCMonth() + 12);
      expect(r.followUpUntil).toBe(until.toISOString());
      // Before the transfer the host office acts; after it, only the origin office's staff.
      const at = moved?.at ?? '';
      for (const e of c.events) {
        if (e.at > at) expect(staffOfOffice(c.office, e.actor), `${c.reference} ${e.kind}`).toBe(true);
        else if (e.kind !== 'referral_answered' && e.kind !== 'transferred' && e.kind !== 'approved')
          expect(staffOfOffice(c.openedIn, e.actor), `${c.reference} ${e.kind}`).toBe(true);
      }
      for (const n of c.notes)
        if (n.at > at) expect(staffOfOffice(c.office, n.author), `${c.reference} note`).toBe(true);
    }
    const spread = transferred.map((c) => {
      const r = transfers.find(
        (t) => t.case === data.cases.indexOf(c) && t.status === 'accepted',
      ) as DemoReferral;
      return (Date.parse(r.respondedAt ?? '') - Date.parse(r.requestedAt)) / DAY_MS;
    });
    expect(spread.filter((d) => d >= 1).length / spread.length).toBeGreaterThan(0.8);
  });

  it('withholds from the new owner exactly what the transfer did not share', () => {
    for (const [i, c] of data.cases.entries()) {
      const r = transfers.find((t) => t.case === i && t.status === 'accepted');
      const person = data.people[c.person];
      if (!r) {
        expect(c.withheldSections).toEqual([]);
        expect(c.withheldBefore).toBeNull();
        continue;
      }
      expect(c.withheldSections).toEqual(withheldSections(r.sections));
      expect([...c.withheldSections, ...r.sections].sort()).toEqual([...REFERRAL_SECTIONS].sort());
      expect(c.withheldBefore).toBe(r.respondedAt);
      for (const code of person?.specificNeeds ?? []) expect(r.sections).toContain(sectionOfNeed(code));
      for (const code of person?.withheldNeeds ?? []) expect(r.sections).not.toContain(sectionOfNeed(code));
      for (const d of person?.documents ?? []) expect(!!d.withheld).toBe(!r.sections.includes('documents'));
    }
    expect(data.people.some((p) => p.withheldNeeds.includes('TR-PI'))).toBe(true);
    expect(transfers.some((r) => r.sections.includes('trafficking_details'))).toBe(true);
    expect(data.people.some((p) => p.documents.some((d) => d.withheld))).toBe(true);
  });

  it('records every referral as the referrals module does', () => {
    const references = data.referrals.map((r) => r.reference);
    expect(new Set(references).size).toBe(references.length);
    // One sequence, in the order of sending: the loader moves referral_reference_seq past the last one.
    const numbers = [...data.referrals]
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
      .map((r) => Number(r.reference.slice(-5)));
    expect(numbers).toEqual(numbers.map((_, n) => n + 1));
    for (const r of data.referrals) {
      const c = caseOf(r);
      expect(r.reference).toMatch(new RegExp(`^REF-${r.requestedAt.slice(0, 4)}-\\d{5}$`));
      expect(r.sections).toEqual(normaliseSections(r.sections, r.kind));
      // The safe default, and more only by choice; confidential notes never.
      if (r.kind === 'transfer') for (const s of DEFAULT_SECTIONS) expect(r.sections).toContain(s);
      expect(r.sections).not.toContain('confidential_notes');
      expect(r.sections).toContain('identity');
      expect(r.summary.length).toBeGreaterThan(40);
      expect(r.toOffice === null).toBe(r.partnerName !== null);
      if (r.kind === 'transfer') expect(r.partnerName).toBeNull();
      expect(r.toOffice).not.toBe(r.fromOffice);
      expect(Date.parse(r.dueOn) - Date.parse(r.requestedAt)).toBe(7 * DAY_MS);
      expect(Date.parse(r.requestedAt) <= NOW).toBe(true);
      // Sent by the owning office's staff; trafficking details only by someone who may read them.
      expect(staffOfOffice(r.fromOffice, r.requestedBy), r.reference).toBe(true);
      if (r.sections.includes('trafficking_details') && r.requestedBy.email)
        expect(can(r.requestedBy.email, 'cases.sensitive', r.fromOffice)).toBe(true);
      // On a covering consent given before, or on a justified override by someone allowed to.
      const person = personOf(r);
      if (r.consent === null) {
        expect(r.overrideJustification?.length ?? 0).toBeGreaterThanOrEqual(20);
        expect(can(r.requestedBy.email, 'consents.override', r.fromOffice)).toBe(true);
      } else {
        expect(r.overrideJustification).toBeNull();
        const consent = person?.consents[r.consent];
        expect(consent && consentCoverage(consent, recipientOf(r)), r.reference).toBe('covers');
        expect((consent?.givenOn ?? '') < day(r.requestedAt)).toBe(true);
      }
      // The case's timeline: sent by the requester, answered by the receiving supervisor.
      const [sent, answered, ...others] = eventsOf(r);
      expect(sent).toMatchObject({ kind: 'referred', actor: r.requestedBy, at: r.requestedAt });
      expect(sent?.data).toMatchObject({ kind: r.kind, to: r.toOffice, partner: r.partnerName });
      expect(isTerminal(workflowOf(c.caseType), statusAtOf(c, r.requestedAt))).toBe(false);
      if (r.status === 'pending') {
        expect(r.respondedAt).toBeNull();
        expect(answered).toBeUndefined();
      } else {
        expect(Date.parse(r.respondedAt ?? '')).toBeGreaterThan(Date.parse(r.requestedAt));
        expect(Date.parse(r.respondedAt ?? '') <= NOW).toBe(true);
        expect(answered).toMatchObject({
          kind: 'referral_answered',
          at: r.respondedAt,
          actor: r.respondedBy,
        });
        expect(answered?.data?.accepted).toBe(r.status === 'accepted');
        expect(r.respondedBy).toEqual(DEMO_STAFF[r.toOffice ?? '']?.supervisor);
      }
      if (r.status === 'declined') {
        expect(r.declineReason?.length ?? 0).toBeGreaterThan(20);
        expect(answered?.comment).toBe(r.declineReason);
      } else expect(r.declineReason).toBeNull();
      expect(others.map((e) => e.kind)).toEqual(
        r.kind === 'transfer' && r.status === 'accepted' ? ['transferred'] : [],
      );
      expect(r.followUpUntil === null).toBe(!(r.kind === 'transfer' && r.status === 'accepted'));
    }
    // One waiting transfer per case at a time.
    const waiting = transfers.filter((r) => r.status === 'pending').map((r) => r.case);
    expect(new Set(waiting).size).toBe(waiting.length);
  });

  it('ends the demo period with waiting, overdue, declined and accepted referrals', () => {
    const pending = data.referrals.filter((r) => r.status === 'pending');
    const overdue = pending.filter((r) => Date.parse(r.dueOn) < NOW);
    const parisTransfers = pending.filter((r) => r.kind === 'transfer' && r.fromOffice === 'PAR');
    expect(parisTransfers.length).toBeGreaterThanOrEqual(3);
    expect(new Set(parisTransfers.map((r) => r.toOffice)).size).toBeGreaterThanOrEqual(2);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    for (const r of overdue) expect(r.overdueNotifiedAt && r.overdueNotifiedAt > r.dueOn).toBeTruthy();
    // A TACT victim's transfer waiting for Tirana, with the trafficking details and a covering consent.
    const tact = parisTransfers.find(
      (r) => r.toOffice === 'TIR' && caseOf(r).caseType === 'avrr_vot' && caseOf(r).project === 'TACT',
    );
    expect(tact?.sections).toContain('trafficking_details');
    expect(tact?.consent).not.toBeNull();
    const declined = data.referrals.filter((r) => r.status === 'declined');
    expect(declined.length).toBeGreaterThanOrEqual(2);
    expect(declined.length).toBeLessThanOrEqual(4);
    const accepted = data.referrals.filter((r) => r.kind === 'referral' && r.status === 'accepted');
    expect(accepted.length).toBeGreaterThanOrEqual(2);
    for (const r of accepted) expect(caseOf(r).office).toBe(r.fromOffice);
    expect(accepted.some((r) => r.fromOffice === 'PAR' && r.toOffice === 'EBL')).toBe(true);
    const partner = data.referrals.filter((r) => r.partnerName);
    expect(partner).toHaveLength(1);
    expect(partner[0]).toMatchObject({
      kind: 'referral',
      status: 'pending',
      fromOffice: 'TIR',
      toOffice: null,
    });
    expect(caseOf(partner[0] as DemoReferral).office).toBe('TIR');
    expect(data.referrals.filter((r) => r.consent === null).length).toBeGreaterThanOrEqual(1);
  });

  it('has thread messages from both sides, by each side’s staff', () => {
    const messages = data.referrals.flatMap((r) => r.messages.map((m) => ({ r, m })));
    expect(messages.length).toBeGreaterThanOrEqual(6);
    expect(new Set(messages.map(({ m }) => m.side))).toEqual(new Set(['sender', 'receiver']));
    for (const { r, m } of messages) {
      expect(['pending', 'accepted']).toContain(r.status);
      expect(staffOfOffice(m.side === 'sender' ? r.fromOffice : (r.toOffice ?? ''), m.author)).toBe(true);
      expect(m.at > r.requestedAt && Date.parse(m.at) <= NOW).toBe(true);
      expect(m.body).not.toMatch(/\{\w+\}/);
    }
  });

  it('notifies the demo accounts that have to act, as notify.ts does', () => {
    const all = data.referrals.flatMap((r) => r.notifications.map((n) => ({ r, n })));
    expect(all.length).toBeGreaterThan(10);
    for (const { r, n } of all) {
      expect(accounts.has(n.email), n.email).toBe(true);
      const office = accounts.get(n.email)?.office;
      expect([r.fromOffice, r.toOffice]).toContain(office);
      // The office shown is the other side.
      expect(n.office).toBe(office === r.fromOffice ? r.toOffice : r.fromOffice);
      expect(can(n.email, 'referrals.read', office ?? '')).toBe(true);
      expect(n.at >= r.requestedAt && Date.parse(n.at) <= NOW).toBe(true);
      if (n.readAt) expect(n.readAt >= n.at && Date.parse(n.readAt) <= NOW).toBe(true);
    }
    // Every waiting referral: unread, for each account of the receiving office that may answer it.
    for (const r of data.referrals.filter((x) => x.status === 'pending' && x.toOffice)) {
      for (const a of DEMO_ACCOUNTS.filter((x) => can(x.email, 'referrals.respond', r.toOffice ?? ''))) {
        const received = r.notifications.find((n) => n.email === a.email && n.kind === 'referral.received');
        expect(received?.readAt, `${r.reference} ${a.email}`).toBeNull();
      }
    }
    const tirana = all.filter(({ n }) => n.email === 'supervisor.tirana@passerelle.test' && !n.readAt);
    expect(tirana.length).toBeGreaterThanOrEqual(2);
  });
});

function statusAtOf(c: DemoCase, at: string): string {
  let status = '';
  for (const e of c.events)
    if (e.at <= at && (e.kind === 'opened' || e.kind === 'transition' || e.kind === 'approved'))
      status = e.toStatus ?? status;
  return status;
}

describe('demo programmes: budgets, reintegration, employment, trainings and campaigns', () => {
  const p = generateProgrammeData(data);
  const { plans, assessments } = p.reintegration;
  const e = p.employment;
  const UUID = '00000000-0000-4000-8000-000000000000';
  const lineOf = (code: string) => DEMO_BUDGET_LINES.find((l) => l.code === code);
  const caseOfPlan = (plan: DemoPlan) => data.cases[plan.case] as DemoCase;
  const firstReached = (c: DemoCase, statuses: string[]) =>
    c.events.find(
      (x) => (x.kind === 'transition' || x.kind === 'approved') && statuses.includes(x.toStatus ?? ''),
    )?.at ?? null;
  const projectOffices = (code: string) => {
    const project = DEMO_PROJECTS.find((x) => x.code === code);
    return project ? ['PAR', ...project.offices] : [];
  };
  /** The approved amount of an item in force at a moment (0 before its first approval). */
  const inForce = (plan: DemoPlan, item: number, at: string) => {
    let amount = 0;
    for (const v of plan.versions)
      if (v.approvedAt <= at) amount = v.items.find((x) => x.item === item)?.plannedMinor ?? 0;
    return amount;
  };

  it('is deterministic, on streams of its own', () => {
    expect(generateProgrammeData(generateDemoData())).toEqual(p);
    expect(generateProgrammeData(generateDemoData(), 7)).not.toEqual(p);
  });

  it('gives supervisors to Rabat, Kyiv and Erbil, who answer referrals there, and a project manager to Erbil', () => {
    for (const office of ['RAB', 'KYI', 'EBL']) {
      const supervisor = DEMO_STAFF[office]?.supervisor.email;
      expect(accounts.get(supervisor ?? '')).toMatchObject({ office, role: 'supervisor' });
      expect(can(supervisor, 'referrals.respond', office)).toBe(true);
      expect(can(supervisor, 'cases.approve', office)).toBe(true);
    }
    expect(accounts.get('pm.erbil@passerelle.test')).toMatchObject({
      office: 'EBL',
      role: 'project_manager',
    });
    const waiting = data.referrals.filter(
      (r) => r.status === 'pending' && ['RAB', 'KYI'].includes(r.toOffice ?? ''),
    );
    expect(waiting.length).toBeGreaterThan(0);
  });

  it('budgets every project in euros (and local currencies), with allowances and dated rates', () => {
    const codes = DEMO_BUDGET_LINES.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ['CARE', 'TACT', 'MAGNET2', 'SYR-RST', 'CALAIS'])
      expect(
        DEMO_BUDGET_LINES.filter((l) => l.project === code && l.currency === 'EUR').length,
      ).toBeGreaterThanOrEqual(3);
    for (const l of DEMO_BUDGET_LINES) {
      expect(DEMO_PROJECTS.map((x) => x.code)).toContain(l.project);
      expect(Number.isSafeInteger(l.amountMinor) && l.amountMinor > 0).toBe(true);
    }
    expect(DEMO_ALLOWANCES.CARE).toEqual({ minor: 200_000, currency: 'EUR' });
    expect(DEMO_ALLOWANCES.MAGNET2).toEqual({ minor: 250_000, currency: 'EUR' });
    for (const currency of ['ALL', 'MAD', 'UAH', 'IQD']) {
      const points = DEMO_EXCHANGE_RATES.filter((r) => r.currency === currency);
      expect(points.length).toBeGreaterThanOrEqual(4);
      expect(points.some((r) => r.rateDate <= '2013-09-02')).toBe(true);
      expect(points.some((r) => r.rateDate >= '2016-01-01')).toBe(true);
      for (const r of points) expect(r.eurPerUnit > 0 && r.eurPerUnit < 0.2).toBe(true);
    }
  });

  it('plans reintegration for CARE, TACT and MAGNET II cases once they reach it', () => {
    expect(plans.length).toBeGreaterThan(100);
    expect(new Set(plans.map((x) => x.case)).size).toBe(plans.length);
    expect(assessments.length).toBeGreaterThanOrEqual(plans.length);
    for (const a of assessments) {
      const c = data.cases[a.case] as DemoCase;
      const { economic, social, psychosocial, assessedOn } = a;
      expect(AssessmentInputSchema.safeParse({ economic, social, psychosocial, assessedOn }).success).toBe(
        true,
      );
      expect(a.createdAt > (firstReached(c, ['reintegration_planning', 'profiling']) ?? '~')).toBe(true);
      expect(Date.parse(a.createdAt) <= NOW).toBe(true);
      expect(staffOfOffice(c.office, a.assessedBy)).toBe(true);
    }
    for (const plan of plans) {
      const c = caseOfPlan(plan);
      expect(['CARE', 'TACT', 'MAGNET2']).toContain(c.project);
      expect(c.caseType === 'labour_reintegration').toBe(c.project === 'MAGNET2');
      const reached = firstReached(c, ['reintegration_planning', 'profiling']) ?? '~';
      expect(plan.createdAt > reached, c.reference).toBe(true);
      expect(assessments.some((a) => a.case === plan.case && a.createdAt <= plan.createdAt)).toBe(true);
      expect(Date.parse(plan.updatedAt) <= NOW).toBe(true);
      expect(plan.items.length).toBeGreaterThanOrEqual(1);
      expect(plan.items.filter((x) => !x.removed).length).toBeLessThanOrEqual(5);
      for (const item of plan.items) {
        const parsed = AddPlanItemSchema.safeParse({
          dimension: item.dimension,
          serviceType: item.serviceType,
          description: item.description,
          providerKind: item.providerKind,
          providerName: item.providerName,
          deliveryMode: item.deliveryMode,
          planned: { amount: formatMinor(item.plannedMinor, item.currency), currency: item.currency },
          plannedDate: item.plannedDate,
          budgetLineId: item.budgetLine ? UUID : null,
        });
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        if (item.budgetLine) {
          const line = lineOf(item.budgetLine);
          expect(line?.project).toBe(c.project);
          expect(line?.currency).toBe(item.currency);
        }
        expect(item.createdAt >= plan.createdAt && item.createdAt <= plan.updatedAt).toBe(true);
      }
      // Versions follow each other; the approved one is the last; approvals by the office's supervisor.
      expect(plan.versions.map((v) => v.number)).toEqual(plan.versions.map((_, n) => n + 1));
      expect(plan.approvedVersion).toBe(plan.versions.length === 0 ? null : plan.versions.length);
      for (const [n, v] of plan.versions.entries()) {
        expect(v.approvedBy).toEqual(DEMO_STAFF[c.office]?.supervisor);
        if (n > 0) expect(v.approvedAt > (plan.versions[n - 1]?.approvedAt ?? '')).toBe(true);
        expect(v.items.length).toBeGreaterThan(0);
      }
      if (plan.status === 'approved') {
        expect(plan.decidedAt).toBe(plan.versions[plan.versions.length - 1]?.approvedAt);
        // What is in force is what the plan holds.
        const latest = plan.versions[plan.versions.length - 1];
        const active = plan.items.flatMap((x, k) => (x.removed ? [] : [k]));
        expect(latest?.items.map((x) => x.item)).toEqual(active);
      }
      if (plan.status === 'submitted')
        expect(plan.submittedAt && plan.submittedAt >= plan.createdAt).toBeTruthy();
      if (plan.approvedVersion === null) expect(plan.deliveries).toEqual([]);
    }
    const status = (s: DemoPlan['status']) => plans.filter((x) => x.status === s).length;
    expect(status('approved')).toBeGreaterThan(100);
    expect(status('submitted')).toBeGreaterThanOrEqual(2);
    expect(status('draft')).toBeGreaterThanOrEqual(2);
    expect(plans.filter((x) => x.versions.length >= 2).length).toBeGreaterThanOrEqual(5);
    // Sent back with a comment, and a change after approval waiting for the supervisor.
    expect(plans.some((x) => x.status === 'draft' && x.decisionComment && x.approvedVersion === null)).toBe(
      true,
    );
    expect(plans.some((x) => x.status === 'submitted' && x.approvedVersion !== null)).toBe(true);
    expect(new Set(plans.map((x) => caseOfPlan(x).office))).toEqual(
      new Set(['TIR', 'RAB', 'KYI', 'EBL', 'PAR', 'ROM', 'ATH', 'MAD', 'WAW']),
    );
    expect(new Set(plans.flatMap((x) => x.items.map((i) => i.currency)))).toEqual(
      new Set(['EUR', 'ALL', 'MAD', 'UAH', 'IQD']),
    );
  });

  it('never delivers more than the version in force approved, per item', () => {
    let count = 0;
    for (const plan of plans) {
      const c = caseOfPlan(plan);
      const given = new Map<number, number>();
      for (const d of [...plan.deliveries].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
        count++;
        const item = plan.items[d.item];
        expect(item?.removed).toBe(false);
        expect(d.currency).toBe(item?.currency);
        expect(d.amountMinor).toBeGreaterThan(0);
        const total = (given.get(d.item) ?? 0) + d.amountMinor;
        given.set(d.item, total);
        expect(total, `${c.reference} item ${d.item}`).toBeLessThanOrEqual(
          inForce(plan, d.item, d.createdAt),
        );
        expect(
          DeliveryInputSchema.safeParse({
            planItemId: UUID,
            amount: { amount: formatMinor(d.amountMinor, d.currency), currency: d.currency },
            deliveredOn: d.deliveredOn,
            vendor: d.vendor,
            receiptConfirmedBy: d.receiptConfirmedBy,
          }).success,
        ).toBe(true);
        expect(d.deliveredOn <= DEMO_TODAY && Date.parse(d.createdAt) <= NOW).toBe(true);
        expect(d.deliveredOn >= (plan.versions[0]?.approvedAt.slice(0, 10) ?? '~')).toBe(true);
        expect(d.receiptConfirmedBy).toBeTruthy();
        expect(staffOfOffice(c.office, d.recordedBy)).toBe(true);
        // Delivered while the case was in reintegration (or until it was closed).
        const closed = firstReached(c, ['closed', 'withdrawn']);
        if (closed) expect(d.deliveredOn <= closed.slice(0, 10)).toBe(true);
      }
    }
    expect(count).toBeGreaterThan(300);
  });

  it('keeps what approved plans commit under each budget line, drafts included', () => {
    const committed = new Map<string, number>();
    for (const plan of plans)
      for (const i of plan.versions[plan.versions.length - 1]?.items ?? [])
        if (i.budgetLine) committed.set(i.budgetLine, (committed.get(i.budgetLine) ?? 0) + i.plannedMinor);
    for (const [code, total] of committed)
      expect(total, code).toBeLessThanOrEqual(lineOf(code)?.amountMinor ?? 0);
    expect(committed.size).toBeGreaterThan(15);
    // A plan waiting for approval would not be refused: others' commitments plus its own items still fit.
    for (const plan of plans.filter((x) => x.status !== 'approved')) {
      const own = new Map<string, number>();
      for (const i of plan.versions[plan.versions.length - 1]?.items ?? [])
        if (i.budgetLine) own.set(i.budgetLine, (own.get(i.budgetLine) ?? 0) + i.plannedMinor);
      const need = new Map<string, number>();
      for (const i of plan.items)
        if (!i.removed && i.budgetLine)
          need.set(i.budgetLine, (need.get(i.budgetLine) ?? 0) + i.plannedMinor);
      for (const [code, n] of need)
        expect((committed.get(code) ?? 0) - (own.get(code) ?? 0) + n).toBeLessThanOrEqual(
          lineOf(code)?.amountMinor ?? 0,
        );
    }
  });

  it('respects the per-person allowance, converted at the rates of the day of approval and of today', () => {
    let checked = 0;
    for (const plan of plans) {
      const allowance = DEMO_ALLOWANCES[caseOfPlan(plan).project ?? ''];
      if (!allowance) continue;
      const total = (items: { plannedMinor: number; currency: Currency }[], day: string) =>
        items.reduce((sum, i) => sum + eurCentsOn(i.plannedMinor, i.currency, day), 0);
      for (const v of plan.versions) {
        checked++;
        expect(total(v.items, v.approvedAt.slice(0, 10))).toBeLessThanOrEqual(allowance.minor);
      }
      const active = plan.items.filter((i) => !i.removed);
      expect(total(active, DEMO_TODAY)).toBeLessThanOrEqual(allowance.minor);
      expect(total(active, plan.updatedAt.slice(0, 10))).toBeLessThanOrEqual(allowance.minor);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('has Erbil employers and openings with valid skills and Kurdish, Arabic or English', () => {
    expect(e.employers.length).toBeGreaterThanOrEqual(12);
    expect(e.employers.length).toBeLessThanOrEqual(20);
    expect(new Set(e.employers.map((x) => x.location))).toEqual(new Set(['Erbil', 'Sulaymaniyah', 'Duhok']));
    for (const { createdAt, ...x } of e.employers) {
      const parsed = CreateEmployerSchema.safeParse({ ...x, country: 'IQ', officeId: UUID });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    expect(e.openings.length).toBeGreaterThanOrEqual(25);
    expect(e.openings.length).toBeLessThanOrEqual(45);
    expect(e.openings.filter((o) => o.status === 'closed').length).toBeGreaterThan(5);
    expect(e.openings.filter((o) => o.status === 'open').length).toBeGreaterThan(8);
    for (const o of e.openings) {
      const parsed = CreateOpeningSchema.safeParse({
        employerId: UUID,
        title: o.title,
        description: o.description,
        sector: o.sector,
        country: 'IQ',
        location: o.location,
        skills: o.skills,
        languages: o.languages,
        posts: o.posts,
        openedOn: o.openedOn,
      });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      // Tags as the contract normalises them.
      expect(parsed.data?.skills).toEqual(o.skills);
      for (const l of o.languages) expect(['ku', 'ar', 'en']).toContain(l);
      expect(o.employer).toBeLessThan(e.employers.length);
      expect(o.createdAt >= (e.employers[o.employer]?.createdAt ?? '~')).toBe(true);
      expect(o.openedOn <= DEMO_TODAY && Date.parse(o.updatedAt) <= NOW).toBe(true);
    }
  });

  it('profiles the Kurdish returnees once their case reached profiling', () => {
    expect(e.profiles.length).toBeGreaterThan(50);
    expect(new Set(e.profiles.map((x) => x.person)).size).toBe(e.profiles.length);
    for (const x of e.profiles) {
      const { person: _person, updatedAt: _updatedAt, ...fields } = x;
      const parsed = SaveProfileSchema.safeParse(fields);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(parsed.data?.skills).toEqual(x.skills);
      expect(x.languages).toContain('ku');
      const person = data.people[x.person];
      expect(person?.office).toBe('EBL');
      const labour = data.cases.find((c) => c.person === x.person && c.caseType === 'labour_reintegration');
      expect(x.updatedAt > (firstReached(labour as DemoCase, ['profiling']) ?? '~')).toBe(true);
    }
  });

  it('places returnees in open openings, never beyond their posts, with follow-ups only once due', () => {
    expect(e.placements.length).toBeGreaterThanOrEqual(35);
    const taken = new Map<number, number>();
    for (const x of e.placements) {
      const c = data.cases[x.case] as DemoCase;
      const o = e.openings[x.opening];
      expect(c.caseType).toBe('labour_reintegration');
      expect(c.person).toBe(x.person);
      if (x.outcome !== 'did_not_start') taken.set(x.opening, (taken.get(x.opening) ?? 0) + 1);
      // Open when recorded, after the placement was approved.
      expect(o && o.openedOn <= x.startDate).toBe(true);
      if (o?.status === 'closed') expect(x.createdAt < o.updatedAt).toBe(true);
      expect(x.createdAt > (firstReached(c, ['placement']) ?? '~')).toBe(true);
      expect(x.startDate <= DEMO_TODAY && Date.parse(x.createdAt) <= NOW).toBe(true);
      expect(x.outcome === 'ended').toBe(x.endedOn !== null);
      if (x.endedOn) expect(x.endedOn > x.startDate && x.endedOn <= DEMO_TODAY).toBe(true);
      for (const f of x.followUps) {
        const due = addMonthsTo(x.startDate, f.month);
        expect(f.checkedOn >= due, `${c.reference} ${f.month}`).toBe(true);
        expect(f.checkedOn <= DEMO_TODAY && Date.parse(f.createdAt) <= NOW).toBe(true);
        expect(x.outcome).not.toBe('did_not_start');
        if (x.endedOn) expect(x.endedOn >= due).toBe(true);
        expect(f.stillEmployed).toBe(!(x.endedOn && x.endedOn <= f.checkedOn));
        expect(
          RecordFollowUpSchema.safeParse({
            month: f.month,
            stillEmployed: f.stillEmployed,
            checkedOn: f.checkedOn,
            note: f.note,
          }).success,
        ).toBe(true);
      }
      expect(new Set(x.followUps.map((f) => f.month)).size).toBe(x.followUps.length);
    }
    for (const [opening, n] of taken) expect(n).toBeLessThanOrEqual(e.openings[opening]?.posts ?? 0);
    const outcomes = new Set(e.placements.map((x) => x.outcome));
    expect(outcomes).toEqual(new Set(['employed', 'ended', 'did_not_start']));
    const followUps = e.placements.flatMap((x) => x.followUps);
    expect(followUps.filter((f) => f.month === 6).length).toBeGreaterThan(10);
    expect(followUps.some((f) => !f.stillEmployed)).toBe(true);
  });

  it('trains authorities in Albania, Morocco and Ukraine, counting participants without names', () => {
    expect(p.activities.length).toBeGreaterThanOrEqual(10);
    // In the three origin countries, and two meetings in Paris with their authorities.
    expect(new Set(p.activities.map((a) => a.country))).toEqual(new Set(['AL', 'MA', 'UA', 'FR']));
    for (const a of p.activities) {
      const { office: _office, project: _project, createdAt: _createdAt, ...fields } = a;
      const parsed = CreateActivitySchema.safeParse({ ...fields, officeId: UUID, projectId: UUID });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(a.project).toBe('TACT');
      expect(projectOffices(a.project)).toContain(a.office);
      expect(officeOf(a.office).country).toBe(a.country);
      if (a.country === 'FR')
        for (const country of ['AL', 'MA', 'UA'])
          expect(a.participants.some((x) => x.country === country)).toBe(true);
      expect(a.startDate >= '2015-05-01' && a.endDate <= DEMO_TODAY).toBe(true);
      expect(a.createdAt.slice(0, 10) >= a.endDate && Date.parse(a.createdAt) <= NOW).toBe(true);
      expect(a.participants.length).toBeGreaterThan(0);
      for (const x of a.participants) expect(Number.isInteger(x.count) && x.count >= 1).toBe(true);
    }
    const roles = new Set(p.activities.flatMap((a) => a.participants.map((x) => x.role)));
    for (const role of ['police', 'judiciary', 'labour_inspection', 'social_services'])
      expect(roles).toContain(role);
  });

  it('runs information campaigns in countries of origin (TACT, Calais)', () => {
    expect(p.campaigns.length).toBeGreaterThanOrEqual(8);
    for (const x of p.campaigns) {
      const { office: _office, project: _project, createdAt: _createdAt, ...fields } = x;
      const parsed = CreateCampaignSchema.safeParse({ ...fields, officeId: UUID, projectId: UUID });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(projectOffices(x.project)).toContain(x.office);
      // In countries of origin; Calais also informs on voluntary return in the camp.
      for (const country of x.countries)
        expect(x.project === 'CALAIS' ? ['AL', 'IQ', 'FR'] : ['AL', 'MA', 'UA']).toContain(country);
      expect(x.reach).toBeGreaterThan(0);
      const project = DEMO_PROJECTS.find((y) => y.code === x.project);
      expect(x.startDate >= (project?.startDate ?? '~') && x.endDate <= DEMO_TODAY).toBe(true);
    }
    expect(new Set(p.campaigns.map((x) => x.project))).toEqual(new Set(['TACT', 'CALAIS']));
    expect(new Set(p.campaigns.flatMap((x) => x.countries))).toEqual(new Set(['AL', 'MA', 'UA', 'IQ', 'FR']));
  });
});
