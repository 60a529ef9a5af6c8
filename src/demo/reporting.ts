/**
 * The demo's donor reporting, loaded through the front door: the project manager enters each project's results
 * framework, periods and targets; the M&E officer enters the hand-counted figures of each quarter and the PM
 * validates them (or sends one back) and closes the quarter, which freezes its signed snapshot; the PM grants
 * the EU's staff account the EU-funded projects; a departure date of a submitted quarter is then corrected,
 * so the reports show a change since submission. Every step is the reporting (or cases) module's own use case, in
 * the order it happened, with the clock at its moment, in the load's transaction: they write their rows and
 * audit trail as they would have.
 *
 * Loaded after the cases and the programmes' records (plans, deliveries, placements, trainings, campaigns),
 * as closing a quarter computes every indicator from them.
 */
import type { Db } from '../db/client';
import { caseRecord, updateCaseFields } from '../modules/cases';
import { identityRepository } from '../modules/identity';
import {
  addIndicator,
  addNode,
  closePeriod,
  createPeriod,
  decideManualValue,
  enterManualValue,
  grantViewer,
  updateIndicator,
} from '../modules/reporting';
import type { Actor, ActorCtx } from '../platform/actor';
import { keepAuditHead } from '../platform/audit/record';
import { fixedClock } from '../platform/clock';
import type { FieldCipher } from '../platform/field-crypto';
import type { Reactions } from '../platform/reactions';
import {
  DEMO_CORRECTION,
  DEMO_DONOR,
  DEMO_FRAMEWORKS,
  type DemoFramework,
  indicatorInput,
  nodeInput,
  periodInput,
} from './frameworks';
import { DEMO_TODAY, type DemoData, type DemoRefs } from './people';
import { flat } from './replay';

const PM = 'pm.paris@passerelle.test';
const ME = 'me.paris@passerelle.test';

export type ReportingCounts = {
  frameworkNodes: number;
  reportIndicators: number;
  reportingPeriods: number;
  closedPeriods: number;
  manualValues: number;
  reportViewers: number;
};

type Step = { at: string; order: number; what: string; run: () => Promise<void> };

const minutes = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000).toISOString();

/** Loads the frameworks, periods, figures, donor access and the correction (in the load's transaction). */
export async function loadReporting(
  loadTx: Db,
  refs: DemoRefs,
  cipher: FieldCipher,
  reactions: Reactions,
  data: DemoData,
  caseIds: string[],
  projects: readonly { code: string; donor: string | null }[],
): Promise<ReportingCounts> {
  const tx = flat(loadTx);
  keepAuditHead(tx);
  const clock = fixedClock('2015-01-01T00:00:00Z');

  const emails = [PM, ME, DEMO_CORRECTION.by];
  const ids = emails.map((email) => refs.user(email).id);
  const memberships = await identityRepository.membershipsOf(tx, ids);
  const ctxOf = (email: string): ActorCtx => {
    const user = refs.user(email);
    const actor: Actor = {
      userId: user.id,
      email,
      displayName: user.name,
      memberships: (memberships.get(user.id) ?? []).map((m) => ({ officeId: m.officeId, role: m.role })),
    };
    return { db: tx, clock, actor, requestId: null, ip: null, lang: 'fr', reactions };
  };
  const pm = ctxOf(PM);
  const me = ctxOf(ME);

  const steps: Step[] = [];
  let order = 0;
  const at = (iso: string, what: string, run: () => Promise<void>) => {
    if (iso.slice(0, 10) > DEMO_TODAY) throw new Error(`demo reporting step after the demo's today: ${what}`);
    steps.push({ at: iso, order: order++, what, run });
  };
  const counts: ReportingCounts = {
    frameworkNodes: 0,
    reportIndicators: 0,
    reportingPeriods: 0,
    closedPeriods: 0,
    manualValues: 0,
    reportViewers: 0,
  };

  for (const f of DEMO_FRAMEWORKS) frameworkSteps(f);

  function frameworkSteps(f: DemoFramework) {
    const projectId = refs.project(f.project);
    const nodeIds = new Map<string, string>();
    const indicators = new Map<string, { id: string; version: number }>();
    const periods = new Map<string, { id: string; version: number }>();
    const need = <T>(map: Map<string, T>, key: string, kind: string): T => {
      const value = map.get(key);
      if (value === undefined) throw new Error(`demo ${kind} ${f.project} ${key} missing`);
      return value;
    };

    // ---- the framework: nodes, then indicators ----
    at(f.setUpAt, `${f.project} framework`, async () => {
      for (const node of f.nodes) {
        const parentId = node.parent ? need(nodeIds, node.parent, 'node') : null;
        const row = await addNode(pm, projectId, nodeInput(node, parentId));
        nodeIds.set(node.code, row.id);
      }
      for (const i of f.indicators) {
        const row = await addIndicator(pm, projectId, indicatorInput(i, need(nodeIds, i.node, 'node')));
        indicators.set(i.code, { id: row.id, version: row.version });
      }
      counts.frameworkNodes += f.nodes.length;
      counts.reportIndicators += f.indicators.length;
    });

    // ---- the periods, then each indicator's targets for them ----
    at(f.periodsAt, `${f.project} periods`, async () => {
      for (const p of f.periods) {
        const row = await createPeriod(pm, projectId, periodInput(p));
        periods.set(p.label, { id: row.id, version: row.version });
      }
      for (const i of f.indicators) {
        const indicator = need(indicators, i.code, 'indicator');
        const targets = Object.fromEntries(
          f.periods.flatMap((p, k) => {
            const target = i.periodTargets[k];
            return target === null || target === undefined
              ? []
              : [[need(periods, p.label, 'period').id, target]];
          }),
        );
        const row = await updateIndicator(pm, indicator.id, {
          version: indicator.version,
          periodTargets: targets,
        });
        indicator.version = row.version;
      }
      counts.reportingPeriods += f.periods.length;
    });

    // ---- each submitted quarter: figures entered, validated (one sent back first), then closed ----
    for (const p of f.periods) {
      const reported = p.reported;
      const values = f.values.filter((v) => v.period === p.label);
      if (!reported) {
        for (const v of values) {
          if (!v.submittedAt)
            throw new Error(`demo value ${v.indicator} ${v.period} of an open period: when?`);
          at(v.submittedAt, `${v.indicator} ${v.period} entered`, async () => {
            await enterManualValue(
              me,
              need(indicators, v.indicator, 'indicator').id,
              need(periods, p.label, 'period').id,
              { value: v.value, comment: v.comment },
            );
            counts.manualValues += 1;
          });
        }
        continue;
      }
      values.forEach((v, k) => {
        const key = () =>
          [need(indicators, v.indicator, 'indicator').id, need(periods, p.label, 'period').id] as const;
        let version = 0;
        at(minutes(reported.entered, 20 * k), `${v.indicator} ${v.period} entered`, async () => {
          const first = v.returned ?? v;
          const input = { value: first.value, comment: first.comment };
          version = (await enterManualValue(me, ...key(), input)).version;
          counts.manualValues += 1;
        });
        const returned = v.returned;
        if (returned) {
          at(returned.at, `${v.indicator} ${v.period} returned`, async () => {
            const decision = { version, decision: 'returned' as const, comment: returned.decision };
            version = (await decideManualValue(pm, ...key(), decision)).version;
          });
          at(minutes(returned.at, 150), `${v.indicator} ${v.period} entered again`, async () => {
            const again = { value: v.value, comment: v.comment, version };
            version = (await enterManualValue(me, ...key(), again)).version;
          });
        }
        at(minutes(reported.validated, 10 * k), `${v.indicator} ${v.period} validated`, async () => {
          const decision = { version, decision: 'validated' as const, comment: '' };
          await decideManualValue(pm, ...key(), decision);
        });
      });
      at(reported.closed, `${f.project} ${p.label} closed`, async () => {
        const period = need(periods, p.label, 'period');
        const closed = await closePeriod(pm, cipher, period.id, {
          version: period.version,
          comment: reported.comment,
        });
        period.version = closed.version;
        counts.closedPeriods += 1;
      });
    }
  }

  // ---- the donor's staff account reads the EU-funded projects ----
  for (const project of projects.filter((p) => p.donor === DEMO_DONOR.donor))
    at(DEMO_DONOR.grantedAt, `${project.code} granted to ${DEMO_DONOR.email}`, async () => {
      await grantViewer(pm, refs.project(project.code), refs.user(DEMO_DONOR.email).id);
      counts.reportViewers += 1;
    });

  // ---- a departure date of a submitted quarter corrected ----
  const correction = DEMO_CORRECTION;
  const index = data.cases.findIndex((c) => c.reference === correction.reference);
  const corrected = data.cases[index];
  if (
    corrected?.project !== correction.project ||
    corrected.departureDate !== correction.departureDate.recorded
  )
    throw new Error(`demo correction: no ${correction.project} case ${correction.reference} to correct`);
  at(correction.at, `${correction.reference} departure date corrected`, async () => {
    const caseId = caseIds[index] as string;
    const c = await caseRecord(tx, caseId);
    if (!c || c.updatedAt.toISOString() > correction.at)
      throw new Error(`demo correction of ${correction.reference} before its last change`);
    await updateCaseFields(ctxOf(correction.by), caseId, {
      version: c.version,
      departureDate: correction.departureDate.actual,
    });
  });

  steps.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  for (const step of steps) {
    clock.set(new Date(step.at));
    try {
      await step.run();
    } catch (error) {
      throw new Error(`demo reporting step ${step.what} at ${step.at}: ${String(error)}`, { cause: error });
    }
  }
  return counts;
}
