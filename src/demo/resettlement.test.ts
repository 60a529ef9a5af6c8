/**
 * The demo's Syrian resettlement story holds together before it reaches the database (resettlement-story.ts,
 * drawn by people.ts): every step in the order the workflow allows, after what it needs (the referral
 * document, the decision, the health assessments, the exit permits before the visas), the papers of every
 * booked household covering its flight, and the figures the project's report gives by hand matching it.
 */
import { describe, expect, it } from 'vitest';
import { findTransition, RESETTLEMENT_WORKFLOW } from '../modules/cases/workflow';
import { RecordClearanceSchema, RecordHealthSchema } from '../modules/resettlement/contract';
import { DEMO_FRAMEWORKS } from './frameworks';
import { DEMO_TODAY, type DemoCase, type DemoRstHousehold, generateDemoData } from './people';
import { demoPdf } from './resettlement';
import { RST_BATCHES, RST_HOUSEHOLDS, RST_MOVEMENTS, RST_SESSIONS } from './resettlement-story';

const data = generateDemoData();
const story = data.resettlement;
const day = (iso: string) => iso.slice(0, 10);
const caseOf = (h: DemoRstHousehold) => data.cases[h.case] as DemoCase;
const keyed = (key: string) => story.households.find((h) => h.key === key) as DemoRstHousehold;
const stepOf = (c: DemoCase, action: string) => c.events.find((e) => e.data?.action === action);
const stepsOf = (c: DemoCase, action: string) => c.events.filter((e) => e.data?.action === action);
const travelling = (h: DemoRstHousehold) => [caseOf(h).person, ...h.members.map((m) => m.person)];

describe('the demo resettlement story', () => {
  it('has 25 Syrian households of the project, one case each on its principal, at every stage', () => {
    expect(story.households).toHaveLength(25);
    const syrian = data.cases.filter((c) => c.caseType === 'resettlement');
    expect(syrian).toHaveLength(25);
    for (const h of story.households) {
      const c = caseOf(h);
      expect(c.project).toBe('SYR-RST');
      expect(c.office).toBe('PAR');
      expect(data.households[c.household ?? -1]?.principal).toBe(c.person);
      expect(h.members.map((m) => m.person)).not.toContain(c.person);
      for (const m of h.members) expect(data.people[m.person]?.household).toBe(c.household);
    }
    const stages = new Set(syrian.map((c) => c.status));
    for (const stage of [
      'identification',
      'verification',
      'interview',
      'submission',
      'decision',
      'health_assessment',
      'pre_departure_orientation',
      'exit_permits',
      'booked',
      'closed',
      'withdrawn',
    ])
      expect(stages, stage).toContain(stage);
    const sizes = story.households.map((h) => h.members.length + 1);
    expect(sizes.filter((n) => n >= 7).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBe(9);
  });

  it('writes only working days in the script, and nothing after the demo’s today but the July flight', () => {
    const days = [
      ...RST_HOUSEHOLDS.flatMap((p) => [
        p.opened,
        p.referred,
        p.interview,
        p.rrf,
        p.approved,
        ...(p.decisions ?? []).map((d) => d.on),
        p.withdrawn?.on,
        p.health?.on,
        p.cleared,
        p.oriented,
        p.exitPermits?.on,
        p.visas?.on,
        p.split?.on,
        p.movement?.booked,
        p.handover?.on,
      ]),
      ...RST_BATCHES.flatMap((b) => [b.created, b.set, b.submitted]),
      ...RST_SESSIONS.map((s) => s.heldOn),
      ...RST_MOVEMENTS.map((m) => m.created),
    ].filter((d): d is string => !!d);
    for (const d of days) {
      expect([0, 6], d).not.toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
      expect(d <= DEMO_TODAY, d).toBe(true);
    }
    for (const c of data.cases.filter((x) => x.caseType === 'resettlement'))
      for (const e of c.events) expect(day(e.at) <= DEMO_TODAY).toBe(true);
  });

  it('takes the module’s actions as the workflow defines them, the referral recorded in 2015 for every batch', () => {
    for (const h of story.households) {
      const c = caseOf(h);
      for (const e of c.events.filter((x) => x.kind === 'transition')) {
        const action = e.data?.action as string | undefined;
        const t = findTransition(RESETTLEMENT_WORKFLOW, e.fromStatus ?? '', e.toStatus ?? '', action);
        expect(t, `${h.key} ${e.fromStatus} → ${e.toStatus}`).toBeDefined();
        expect(t?.action ?? null, `${h.key} ${e.toStatus}`).toBe(action ?? null);
      }
      const referral = stepOf(c, 'record_referral');
      if (stepOf(c, 'submit_batch')) expect(referral?.at.slice(0, 4)).toBe('2015');
      // The files a step requires are attached before it.
      const needs = [
        ['record_referral', 'referral_document'],
        ['decide', 'decision_letter'],
        ['hand_over', 'handover_receipt'],
      ] as const;
      for (const [action, kind] of needs)
        for (const step of stepsOf(c, action))
          expect(
            h.documents.some((d) => d.kind === kind && d.at < step.at),
            `${h.key} ${kind}`,
          ).toBe(true);
      const asked = c.events.find((e) => e.kind === 'approval_requested');
      if (asked)
        expect(h.documents.some((d) => d.kind === 'resettlement_registration_form' && d.at < asked.at)).toBe(
          true,
        );
    }
  });

  it('submits in batches before deciding: one rejected, one resubmitted and accepted at the next mission', () => {
    expect(story.batches.map((b) => [b.kind, b.submittedOn.slice(0, 4)])).toEqual([
      ['selection_mission', '2015'],
      ['selection_mission', '2015'],
      ['dossier', '2016'],
    ]);
    for (const b of story.batches)
      for (const i of b.households) {
        const c = data.cases[i] as DemoCase;
        const submitted = c.events.find((e) => e.data?.action === 'submit_batch' && e.data.batch === b.key);
        expect(submitted?.at).toBe(b.submittedAt);
        const decided = c.events.find((e) => e.data?.action === 'decide' && e.data.batch === b.key);
        if (decided) expect(decided.at > b.submittedAt).toBe(true);
      }
    const outcomes = story.households.map((h) => stepsOf(caseOf(h), 'decide').map((e) => e.data?.outcome));
    expect(outcomes.filter((o) => o.includes('rejected'))).toHaveLength(1);
    expect(outcomes.filter((o) => o.join() === 'resubmit,accepted')).toHaveLength(1);
    const rejected = story.households.find((h) => caseOf(h).closureReason === 'not_eligible');
    expect(caseOf(rejected as DemoRstHousehold)).toMatchObject({
      status: 'closed',
      statusBeforeClosure: 'decision',
    });
  });

  it('assesses health after acceptance, papers after orientation, exit permits before visas', () => {
    for (const h of story.households) {
      const c = caseOf(h);
      const accepted = stepsOf(c, 'decide').find((e) => e.data?.outcome === 'accepted');
      for (const a of h.health) {
        expect(accepted && accepted.at < a.at, h.key).toBe(true);
        expect(a.assessedOn).toBe(day(a.at));
        const { person: _, at: __, ...fields } = a;
        const input = {
          ...fields,
          version: 1,
          personId: crypto.randomUUID(),
          findings: a.findings ?? undefined,
        };
        expect(() => RecordHealthSchema.parse(input)).not.toThrow();
      }
      const cleared = stepOf(c, 'clear_health');
      if (cleared) {
        expect(h.health.filter((a) => a.outcome !== 'deferred')).toHaveLength(travelling(h).length);
        for (const a of h.health) expect(a.at < cleared.at).toBe(true);
      }
      const oriented = stepOf(c, 'complete_orientation');
      for (const p of h.clearances) {
        expect(oriented && oriented.at < p.at, h.key).toBe(true);
        expect(p.validFrom <= p.validUntil).toBe(true);
        const { person: _, at: __, ...fields } = p;
        const input = { ...fields, version: 1, personId: crypto.randomUUID() };
        expect(() => RecordClearanceSchema.parse(input)).not.toThrow();
      }
      const permits = h.clearances.filter((p) => p.kind === 'exit_permit');
      for (const visa of h.clearances.filter((p) => p.kind === 'visa'))
        expect(
          permits.some((p) => p.person === visa.person && p.at < visa.at && p.validFrom <= visa.validFrom),
        ).toBe(true);
    }
    // The travel conditions: a wheelchair on the first flight, a medical escort for a household of the second.
    const conditions = (key: string) => keyed(key).health.flatMap((a) => a.travelConditions);
    expect(conditions('A3')).toContain('WCHR');
    expect(conditions('B3')).toContain('MEDICAL_ESCORT');
    const findings = story.households.flatMap((h) =>
      h.health.flatMap((a) => (a.findings ? [a.findings] : [])),
    );
    expect(findings.length).toBeGreaterThan(3);
    expect(keyed('B4').health.filter((a) => a.outcome === 'deferred')).toHaveLength(1);
    // Every adult assessed had agreed to it that day.
    for (const h of story.households)
      for (const a of h.health) {
        const person = data.people[a.person];
        const adult = Number(a.assessedOn.slice(0, 4)) - Number(person?.birthDate.slice(0, 4)) > 18;
        if (adult)
          expect(person?.consents.some((c) => c.purpose === 'medical' && c.givenOn === a.assessedOn)).toBe(
            true,
          );
      }
  });

  it('books households whose papers cover their flight, a medical escort for the one that needs it', () => {
    for (const m of story.movements) {
      const plan = RST_MOVEMENTS.find((x) => x.key === m.key);
      const departure = day(plan?.legs[0]?.departsAt ?? '');
      const arrival = day(plan?.legs.at(-1)?.arrivesAt ?? '');
      const booked = story.households.filter((h) =>
        stepsOf(caseOf(h), 'book').some((e) => e.data?.movement === m.key),
      );
      expect(booked.length).toBeGreaterThanOrEqual(4);
      for (const h of booked) {
        const bookedAt = stepsOf(caseOf(h), 'book').find((e) => e.data?.movement === m.key)?.at ?? '';
        expect(bookedAt > m.createdAt).toBe(true);
        const left = new Set(h.split && h.split.at < bookedAt ? h.split.members : []);
        for (const person of travelling(h).filter((p) => !left.has(p))) {
          const fit = h.health.find((a) => a.person === person && a.at < bookedAt);
          expect((fit?.validUntil ?? '') >= arrival, `${h.key} fitness`).toBe(true);
          const paper = (kind: string) => h.clearances.find((p) => p.person === person && p.kind === kind);
          expect((paper('exit_permit')?.validUntil ?? '') >= departure, `${h.key} exit permit`).toBe(true);
          expect((paper('visa')?.validUntil ?? '') >= arrival, `${h.key} visa`).toBe(true);
        }
        if (h.health.some((a) => a.travelConditions.includes('MEDICAL_ESCORT')))
          expect(m.escorts.some((e) => e.kind === 'medical' && e.forCase === h.case)).toBe(true);
      }
    }
  });

  it('flies the first movement with one family missing, and plans the second with a visa expiring just after it', () => {
    const [first, second] = story.movements;
    expect(first?.boarding?.at.slice(0, 10)).toBe('2015-12-08');
    expect(first?.arrival).not.toBeNull();
    expect(first?.boarding?.noShows).toHaveLength(1);
    const noShow = data.cases[first?.boarding?.noShows[0]?.case ?? -1] as DemoCase;
    expect(noShow.status).toBe('exit_permits');
    expect(noShow.events.at(-1)?.comment).toBe(first?.boarding?.noShows[0]?.reason);
    const handedOver = story.households.filter((h) => stepOf(caseOf(h), 'hand_over'));
    expect(handedOver).toHaveLength(5);
    for (const h of handedOver)
      expect(caseOf(h)).toMatchObject({ status: 'closed', closureReason: 'completed' });

    const departure = day(RST_MOVEMENTS[1].legs[0].departsAt);
    expect(departure > DEMO_TODAY).toBe(true);
    expect(second?.boarding).toBeNull();
    const horizon = new Date(Date.parse(`${DEMO_TODAY}T00:00:00Z`) + story.warnings.days * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const expiring = story.households.flatMap((h) =>
      caseOf(h).status === 'booked'
        ? h.clearances.filter((p) => p.validUntil >= DEMO_TODAY && p.validUntil <= horizon)
        : [],
    );
    expect(expiring.map((p) => p.kind)).toEqual(['visa']);
    expect(day(story.warnings.at)).toBe(DEMO_TODAY);
  });

  it('splits a married son and his wife off before the July flight, with a reason', () => {
    const split = story.households.filter((h) => h.split);
    expect(split).toHaveLength(1);
    const h = split[0] as DemoRstHousehold;
    expect(h.split?.reason.length).toBeGreaterThan(40);
    expect(h.split?.members).toHaveLength(2);
    expect(h.split?.members).toContain(h.split?.newPrincipal);
    const leaving = h.members.filter((m) => h.split?.members.includes(m.person)).map((m) => m.relationship);
    expect(leaving.sort()).toEqual(['child', 'other']);
    const booked = stepOf(caseOf(h), 'book');
    expect(booked && (h.split?.at ?? '') < booked.at).toBe(true);
    // The wife's visa is not issued yet: the new household waits at exit permits.
    const wife = h.split?.members.find((p) => p !== h.split?.newPrincipal);
    expect(h.clearances.filter((p) => p.person === wife).map((p) => p.kind)).toEqual(['exit_permit']);
  });

  it('lists at orientation every member aged twelve or more of the session’s households', () => {
    for (const s of story.sessions) {
      expect(s.attendance.length).toBeGreaterThan(5);
      expect(s.createdAt < s.recordedAt).toBe(true);
      for (const a of s.attendance) {
        const household = story.households.find((h) => travelling(h).includes(a.person)) as DemoRstHousehold;
        const oriented = stepOf(caseOf(household), 'complete_orientation');
        if (oriented) expect(s.recordedAt < oriented.at).toBe(true);
      }
    }
  });

  it('gives the project’s report, entered by hand, the story’s own figures', () => {
    const values = DEMO_FRAMEWORKS.find((f) => f.project === 'SYR-RST')?.values ?? [];
    const value = (indicator: string, period: string) =>
      values.find((v) => v.indicator === indicator && v.period === period)?.value;
    const quarter = (d: string) => `Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1} ${d.slice(0, 4)}`;
    const count = (items: string[]) => (period: string) => items.filter((d) => quarter(d) === period).length;
    const arrivals = count(
      story.households.flatMap((h) =>
        stepOf(caseOf(h), 'arrive')
          ? travelling(h).map(() => day(stepOf(caseOf(h), 'arrive')?.at ?? ''))
          : [],
      ),
    );
    const assessments = count(
      story.households.flatMap((h) =>
        h.health.filter((a) => a.outcome !== 'deferred').map((a) => a.assessedOn),
      ),
    );
    const attended = count(
      story.sessions.flatMap((s) => s.attendance.filter((a) => a.present).map(() => s.heldOn)),
    );
    for (const period of ['Q4 2015', 'Q1 2016']) {
      expect(value('RST-OC1.1', period), period).toBe(arrivals(period));
      expect(value('RST-1.2', period), period).toBe(assessments(period));
      expect(value('RST-1.3', period), period).toBe(attended(period));
    }
    expect(value('RST-OC1.1', 'Q2 2016')).toBe(arrivals('Q2 2016'));
  });

  it('attaches valid one-page PDFs', () => {
    const pdf = demoPdf('Décision – réinstallation (œuvre)', ['Référence : LEB-14C12345']).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const xref = Number(pdf.match(/startxref\n(\d+)\n/)?.[1]);
    expect(pdf.slice(xref, xref + 4)).toBe('xref');
    // Each object where the table says it starts.
    const offsets = [...pdf.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    for (const [i, offset] of offsets.entries())
      expect(pdf.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`);
    expect(pdf).toContain('(D\\351cision \\226 r\\351installation \\(\\234uvre\\)) Tj');
  });
});
