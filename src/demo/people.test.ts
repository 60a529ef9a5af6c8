import { describe, expect, it } from 'vitest';
import { ALL_STATUSES, findTransition, isTerminal, workflowOf } from '../modules/cases/workflow';
import { SPECIFIC_NEED_CODES } from '../modules/registry/specific-needs';
import { DEMO_STAFF, DEMO_TODAY, type DemoCase, generateDemoData, type StaffRef } from './people';
import { DEMO_ACCOUNTS, DEMO_OFFICES, DEMO_PROJECTS } from './seed';

const data = generateDemoData();
const day = (iso: string) => iso.slice(0, 10);
const days = (from: string, to: string) =>
  Math.round((Date.parse(day(to)) - Date.parse(day(from))) / 86_400_000);

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
      for (const e of rest) {
        expect(e.at > previous, `${c.reference} events in order`).toBe(true);
        previous = e.at;
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
      expect(c.updatedAt).toBe(previous);
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
      if (reached.has('movement')) expect(c.travelDocumentReady && c.departureDate).toBeTruthy();
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
      if (c.caseType === 'avrr_vot') expect(data.people[c.person]?.specificNeeds).toContain('TR-PI');
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
    const accounts = new Map(DEMO_ACCOUNTS.map((a) => [a.email, a]));
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
