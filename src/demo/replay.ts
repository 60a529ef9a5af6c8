/**
 * The demo cases loaded through the front door: every step of every case history (opening, transitions,
 * approvals, assignments) and every referral and transfer (sending, answers, thread messages, overdue
 * notices) is taken by the cases and referrals modules' own use cases, in the order it happened, by the
 * staff member who took it, with the clock set to its moment. The modules thus write their rows, events,
 * withholding, notifications and audit trail as they would have; the loader only tells them what happened.
 * The Syrian resettlement households are only opened (and assigned) here: their steps follow in
 * resettlement.ts, through the resettlement module.
 *
 * Staff members of the story without a demo account (the colleagues of Madrid, Athens, Rome, Warsaw, and the
 * protection officers of Rabat, Kyiv and Erbil) act under their name and their role in their office, without
 * a user id, as an office that keeps no account for them records their work.
 */
import type { Db } from '../db/client';
import {
  assignCase,
  decideApproval,
  findTransition,
  isTerminal,
  openCase,
  transitionCase,
  updateCaseFields,
  workflowOf,
} from '../modules/cases';
import { identityRepository } from '../modules/identity';
import {
  acceptReferral,
  declineReferral,
  notifyOverdue,
  postReferralMessage,
  sendReferral,
} from '../modules/referrals';
import { handOverPerson } from '../modules/registry';
import type { Actor, ActorCtx, Ctx } from '../platform/actor';
import { keepAuditHead } from '../platform/audit/record';
import { fixedClock } from '../platform/clock';
import type { Role } from '../platform/permissions';
import type { Reactions } from '../platform/reactions';
import {
  DEMO_STAFF,
  type DemoCase,
  type DemoData,
  type DemoEvent,
  type DemoPeopleIds,
  type DemoRefs,
  type StaffRef,
} from './people';

type Step = { at: string; order: number; what: string; run: () => Promise<void> };

type Facts = {
  travelDocumentReady: boolean;
  medicalFitness: DemoCase['medicalFitness'];
  declarationSignedOn: string | null;
  departureDate: string | null;
};
const FACT_FIELDS = [
  'travelDocumentReady',
  'medicalFitness',
  'declarationSignedOn',
  'departureDate',
] as const;

const DAY_MS = 86_400_000;

/** The roles each colleague without an account holds, from the offices' staff of the story. */
function colleagueRoles(): Map<string, { office: string; role: Role }[]> {
  const out = new Map<string, { office: string; role: Role }[]>();
  for (const [office, staff] of Object.entries(DEMO_STAFF)) {
    const slots: [StaffRef, Role][] = [
      [staff.caseworker, 'caseworker'],
      [staff.protection, 'protection_officer'],
      [staff.supervisor, 'supervisor'],
    ];
    for (const [ref, role] of slots) {
      if (!ref.name) continue;
      const roles = out.get(ref.name) ?? [];
      roles.push({ office, role });
      out.set(ref.name, roles);
    }
  }
  return out;
}

/**
 * The load's transaction, in which a use case's own transaction is the load's itself rather than a
 * savepoint: the steps are replayed in one transaction, with two statements fewer each. Nothing is lost
 * by it: a step that fails fails the whole load, which then leaves the database empty.
 */
export function flat(tx: Db): Db {
  const one: Db = Object.create(tx, {
    transaction: { value: <T>(run: (inner: Db) => Promise<T>) => run(one) },
  });
  return one;
}

/** Opens and moves the demo cases, and sends and answers their referrals, through the modules. */
export async function replayCases(
  loadTx: Db,
  refs: DemoRefs,
  data: DemoData,
  ids: DemoPeopleIds,
  reactions: Reactions,
): Promise<{ cases: string[] }> {
  const clock = fixedClock(data.cases[0]?.createdAt ?? '2013-09-01T00:00:00Z');
  const tx = flat(loadTx);
  keepAuditHead(tx);

  // ---- who acts ----
  const emails = new Set<string>();
  const names = colleagueRoles();
  const accountIds = new Map<string, string>();
  const collect = (ref: StaffRef | null) => {
    if (ref?.email) emails.add(ref.email);
  };
  for (const c of data.cases) for (const e of c.events) collect(e.actor);
  for (const r of data.referrals) {
    collect(r.requestedBy);
    collect(r.respondedBy);
    for (const m of r.messages) collect(m.author);
  }
  for (const email of emails) accountIds.set(email, refs.user(email).id);
  const memberships = await identityRepository.membershipsOf(tx, [...accountIds.values()]);
  const actors = new Map<string, Actor>();
  const actorOf = (ref: StaffRef): Actor => {
    const key = ref.email ?? `name:${ref.name}`;
    const known = actors.get(key);
    if (known) return known;
    let actor: Actor;
    if (ref.email) {
      const user = refs.user(ref.email);
      actor = {
        userId: user.id,
        email: ref.email,
        displayName: user.name,
        memberships: (memberships.get(user.id) ?? []).map((m) => ({ officeId: m.officeId, role: m.role })),
      };
    } else {
      const roles = names.get(ref.name ?? '') ?? [];
      if (roles.length === 0) throw new Error(`no office for demo colleague ${ref.name}`);
      actor = {
        // No account: the office records the colleague's work under their name.
        userId: null as unknown as string,
        email: '',
        displayName: ref.name ?? '',
        memberships: roles.map(({ office, role }) => ({ officeId: refs.office(office), role })),
      };
    }
    actors.set(key, actor);
    return actor;
  };
  const ctxOf = (ref: StaffRef, lang: 'fr' | 'en' = 'en'): ActorCtx => ({
    db: tx,
    clock,
    actor: actorOf(ref),
    requestId: null,
    ip: null,
    lang,
    reactions,
  });
  const userId = (email: string | null | undefined) => (email ? refs.user(email).id : null);

  // ---- the state the loader keeps to name versions and missing facts ----
  const caseIds: string[] = data.cases.map(() => '');
  const versions = data.cases.map(() => 0);
  const facts: Facts[] = data.cases.map(() => ({
    travelDocumentReady: false,
    medicalFitness: null,
    declarationSignedOn: null,
    departureDate: null,
  }));
  const referralIds = new Map<string, string>();
  const referralOf = (reference: string) => {
    const r = data.referrals.find((x) => x.reference === reference);
    if (!r) throw new Error(`unknown demo referral ${reference}`);
    return r;
  };
  const referralId = (reference: string) => {
    const id = referralIds.get(reference);
    if (!id) throw new Error(`demo referral ${reference} not sent yet`);
    return id;
  };

  /** The facts a transition requires that the case does not hold yet, as the case holds them in the end. */
  const fieldsFor = (i: number, c: DemoCase, from: string, to: string, last: boolean) => {
    const t = findTransition(workflowOf(c.caseType), from, to);
    const wanted = new Set<string>(t?.requires ?? []);
    // The step that closes a case records what is still unrecorded: a closed case is not edited.
    if (last && isTerminal(workflowOf(c.caseType), to)) for (const f of FACT_FIELDS) wanted.add(f);
    const now = facts[i] as Facts;
    const fields: Partial<Facts> = {};
    for (const f of FACT_FIELDS) {
      if (!wanted.has(f) || JSON.stringify(now[f]) === JSON.stringify(c[f])) continue;
      (fields as Record<string, unknown>)[f] = c[f];
    }
    Object.assign(now, fields);
    return Object.keys(fields).length > 0 ? fields : undefined;
  };

  const steps: Step[] = [];
  let order = 0;
  let what = '';
  const at = (iso: string, run: () => Promise<void>) => steps.push({ at: iso, order: order++, what, run });

  const transferred = new Set(
    data.referrals
      .filter((r) => r.kind === 'transfer' && r.status === 'accepted')
      .map((r) => data.cases[r.case]?.person),
  );
  data.cases.forEach((c, i) => {
    // A resettlement household's steps after its opening are taken by resettlement.ts, the module's actions
    // and the generic steps between them in their own order, once every case is open.
    const byModule = c.caseType === 'resettlement';
    const lastChange = c.events.reduce(
      (n, e, k) => (e.kind === 'transition' || e.kind === 'approved' ? k : n),
      -1,
    );
    c.events.forEach((e: DemoEvent, k) => {
      what = `${c.reference} ${e.kind} ${e.toStatus ?? ''} by ${e.actor.email ?? e.actor.name}`;
      const ctx = () => ctxOf(e.actor);
      switch (e.kind) {
        case 'opened': {
          const person = data.people[c.person];
          if (
            person &&
            c.openedIn === person.office &&
            person.registeredIn !== person.office &&
            !transferred.has(c.person)
          )
            at(e.at, async () => {
              // The record follows the person to the office that opens their next case (Paris to Erbil for
              // the returnees of MAGNET II), whole: nothing is set aside as no other office held it.
              await handOverPerson(
                tx,
                ids.persons[c.person] as string,
                refs.office(person.office),
                { keepNeed: () => true, keepDocuments: true },
                clock.now(),
              );
            });
          // The handler opens their own case; a supervisor who opens one assigns it afterwards.
          const staff = DEMO_STAFF[c.openedIn];
          const handler = c.sensitive ? staff?.protection : staff?.caseworker;
          const self =
            handler && (handler.email ? handler.email === e.actor.email : handler.name === e.actor.name);
          const assignee = self ? (handler.email ?? null) : null;
          at(e.at, async () => {
            caseIds[i] = await openCase(ctx(), {
              personId: ids.persons[c.person] as string,
              caseType: c.caseType,
              projectId: c.project ? refs.project(c.project) : null,
              officeId: refs.office(c.openedIn),
              assignedTo: userId(assignee),
              hostCountry: c.hostCountry,
              returnCountry: c.returnCountry,
            });
            versions[i] = 1;
          });
          return;
        }
        case 'transition':
        case 'approval_requested':
          if (byModule) return;
          at(e.at, async () => {
            const to = e.toStatus as string;
            await transitionCase(ctx(), caseIds[i] as string, {
              version: versions[i] as number,
              to,
              ...(e.comment ? { comment: e.comment } : {}),
              ...(isTerminal(workflowOf(c.caseType), to) && to !== 'withdrawn' && c.closureReason
                ? { closureReason: c.closureReason }
                : {}),
              fields: fieldsFor(i, c, e.fromStatus as string, to, k === lastChange),
            });
            versions[i] = (versions[i] as number) + 1;
          });
          return;
        case 'approved':
          if (byModule) return;
          at(e.at, async () => {
            await decideApproval(
              ctx(),
              caseIds[i] as string,
              { version: versions[i] as number, ...(e.comment ? { comment: e.comment } : {}) },
              true,
            );
            versions[i] = (versions[i] as number) + 1;
          });
          return;
        case 'assigned':
          at(e.at, async () => {
            await assignCase(ctx(), caseIds[i] as string, {
              version: versions[i] as number,
              assigneeId: userId(e.data?.assignee as string | null | undefined),
            });
            versions[i] = (versions[i] as number) + 1;
          });
          return;
        case 'referred': {
          const r = referralOf(e.data?.reference as string);
          at(e.at, async () => {
            const consent = r.consent === null ? null : ids.consents[c.person]?.[r.consent];
            const sent = await sendReferral(ctx(), caseIds[i] as string, {
              kind: r.kind,
              toOfficeId: r.toOffice ? refs.office(r.toOffice) : null,
              partner: r.partnerName ? { name: r.partnerName, contact: r.partnerContact ?? '' } : null,
              sections: r.sections,
              summary: r.summary,
              reintegrationNeeds: r.reintegrationNeeds,
              consentId: consent ?? null,
              overrideJustification: r.overrideJustification,
              responseDays: Math.round((Date.parse(r.dueOn) - Date.parse(r.requestedAt)) / DAY_MS),
              followUpMonths: r.followUpMonths,
              linkValidDays: 30,
            });
            referralIds.set(r.reference, sent.referralId);
          });
          return;
        }
        case 'referral_answered': {
          const r = referralOf(e.data?.reference as string);
          const transferred = c.events.find(
            (x) => x.kind === 'transferred' && x.data?.reference === r.reference,
          );
          at(e.at, async () => {
            if (e.data?.accepted === false) {
              await declineReferral(ctx(), referralId(r.reference), r.declineReason ?? e.comment ?? '');
              return;
            }
            await acceptReferral(ctx(), referralId(r.reference), {
              assigneeId: userId(transferred?.data?.assignee as string | null | undefined),
            });
            if (r.kind === 'transfer') {
              versions[i] = (versions[i] as number) + 1;
              if (!r.sections.includes('medical_fitness')) (facts[i] as Facts).medicalFitness = null;
            }
          });
          return;
        }
        case 'transferred':
          // Written by the acceptance of the transfer.
          return;
      }
    });
  });
  for (const r of data.referrals) {
    what = `${r.reference} message`;
    for (const m of r.messages)
      at(m.at, async () => {
        await postReferralMessage(ctxOf(m.author), referralId(r.reference), m.body);
      });
  }
  // The overdue notices, as the server's periodic job sends them.
  for (const moment of new Set(
    data.referrals.flatMap((r) => (r.overdueNotifiedAt ? [r.overdueNotifiedAt] : [])),
  ))
    at(moment, async () => {
      const job: Ctx = { db: tx, clock, actor: null, requestId: null, ip: null, lang: 'en', reactions };
      await notifyOverdue(job);
    });
  steps.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  for (const step of steps) {
    clock.set(new Date(step.at));
    try {
      await step.run();
    } catch (error) {
      throw new Error(`demo step ${step.what} at ${step.at}: ${String(error)}`, { cause: error });
    }
  }

  // Facts recorded on open cases outside any transition that asked for them.
  for (const [i, c] of data.cases.entries()) {
    if (isTerminal(workflowOf(c.caseType), c.status) || c.caseType === 'resettlement') continue;
    const now = facts[i] as Facts;
    const fields: Partial<Facts> = {};
    for (const f of FACT_FIELDS)
      if (JSON.stringify(now[f]) !== JSON.stringify(c[f])) (fields as Record<string, unknown>)[f] = c[f];
    if (Object.keys(fields).length === 0) continue;
    clock.set(new Date(c.updatedAt));
    const staff = DEMO_STAFF[c.office];
    const handler = (c.sensitive ? staff?.protection : staff?.caseworker) ?? c.createdBy;
    await updateCaseFields(ctxOf(handler), caseIds[i] as string, {
      version: versions[i] as number,
      ...fields,
    });
    versions[i] = (versions[i] as number) + 1;
  }
  return { cases: caseIds };
}
