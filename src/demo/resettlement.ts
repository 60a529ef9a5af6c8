/**
 * The Syrian resettlement programme loaded through the front door (resettlement-story.ts tells it, people.ts
 * draws its people and moments). Once every case is open (replay.ts), each household's steps are taken in
 * the order they happened, with the clock at each moment, by the staff member who took them: the resettlement
 * module's actions (referral, batches and decisions, health clearance, orientation, booking, boarding,
 * arrival, handover) and the cases module's generic steps between them (to interview, submission asked and
 * approved, withdrawal); the files each step needs are attached through the cases module, the health
 * assessments by the medical officer, the papers, the split and the programme's batches, orientation
 * sessions and movements through the resettlement module. The expiry warning job then runs as on the demo's
 * last morning. The modules write their rows, milestones, timelines and audit trail themselves.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  type AttachmentStore,
  acceptAll,
  addAttachment,
  caseRecord,
  decideApproval,
  transitionCase,
} from '../modules/cases';
import { identityRepository } from '../modules/identity';
import {
  bookHousehold,
  clearHealth,
  completeOrientation,
  createBatch,
  createMovement,
  createOrientationSession,
  recordArrival,
  recordBoarding,
  recordClearance,
  recordDecision,
  recordHandover,
  recordHealth,
  recordReferral,
  setAttendance,
  setBatchHouseholds,
  splitHousehold,
  submitBatch,
  warnExpiries,
} from '../modules/resettlement';
import { movements, orientationSessions, submissionBatches } from '../modules/resettlement/tables';
import type { Actor, ActorCtx } from '../platform/actor';
import { keepAuditHead } from '../platform/audit/record';
import { fixedClock } from '../platform/clock';
import type { FieldCipher } from '../platform/field-crypto';
import type { Reactions } from '../platform/reactions';
import {
  DEMO_STAFF,
  type DemoData,
  type DemoRefs,
  type DemoRstHousehold,
  RST_MEDICAL,
  type StaffRef,
} from './people';
import { flat } from './replay';

type Step = { at: string; order: number; what: string; run: () => Promise<void> };
type Kind = DemoRstHousehold['documents'][number]['kind'];

/** Attachments of the demo: the size limit of a server's default configuration. */
const MAX_BYTES = 10 * 1024 * 1024;

export async function loadResettlement(
  loadTx: Db,
  refs: DemoRefs,
  data: DemoData,
  ids: { persons: string[]; cases: string[] },
  cipher: FieldCipher,
  reactions: Reactions,
  dataDir: string,
): Promise<{ resettlementHouseholds: number; batches: number; movements: number; warnings: number }> {
  const story = data.resettlement;
  const clock = fixedClock(story.batches[0]?.createdAt ?? '2015-01-01T00:00:00Z');
  const tx = flat(loadTx);
  keepAuditHead(tx);
  const store: AttachmentStore = {
    root: path.join(dataDir, 'attachments'),
    maxBytes: MAX_BYTES,
    scanner: acceptAll,
  };

  // ---- who acts ----
  const paris = DEMO_STAFF.PAR;
  if (!paris) throw new Error('no demo staff for Paris');
  const staff = [paris.caseworker, paris.supervisor, RST_MEDICAL];
  const users = staff.map((s) => refs.user(s.email ?? ''));
  const memberships = await identityRepository.membershipsOf(
    tx,
    users.map((u) => u.id),
  );
  const actors = new Map<string, Actor>(
    staff.map((s, i) => {
      const user = users[i] as { id: string; name: string };
      return [
        s.email ?? '',
        {
          userId: user.id,
          email: s.email ?? '',
          displayName: user.name,
          memberships: (memberships.get(user.id) ?? []).map((m) => ({ officeId: m.officeId, role: m.role })),
        },
      ];
    }),
  );
  const ctxOf = (ref: StaffRef): ActorCtx => {
    const actor = actors.get(ref.email ?? '');
    if (!actor) throw new Error(`no resettlement demo account ${ref.email ?? ref.name}`);
    return { db: tx, clock, actor, requestId: null, ip: null, lang: 'fr', reactions };
  };
  const cw = paris.caseworker;

  // ---- ids and versions, as the database has them ----
  const caseId = (i: number) => ids.cases[i] as string;
  const personId = (i: number) => ids.persons[i] as string;
  const versionOf = async (id: string) => {
    const row = await caseRecord(tx, id);
    if (!row) throw new Error(`demo case ${id} not found`);
    return row.version;
  };
  const versionIn = async (
    table: typeof movements | typeof submissionBatches | typeof orientationSessions,
    id: string,
  ) => {
    const [row] = await tx.select({ version: table.version }).from(table).where(eq(table.id, id));
    if (!row) throw new Error(`demo record ${id} not found`);
    return row.version;
  };
  const batchIds = new Map<string, string>();
  const sessionIds = new Map<string, string>();
  const movementIds = new Map<string, string>();
  const idOf = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`demo record ${key} not created yet`);
    return id;
  };
  /** The last file of a kind attached to a case. */
  const files = new Map<string, string>();
  const fileOf = (i: number, kind: Kind) => {
    const id = files.get(`${i}:${kind}`);
    if (!id) throw new Error(`demo case ${i} has no ${kind} attached`);
    return id;
  };
  const householdOf = (i: number) => {
    const h = story.households.find((x) => x.case === i);
    if (!h) throw new Error(`demo case ${i} is not a resettlement household`);
    return h;
  };

  const steps: Step[] = [];
  let order = 0;
  const at = (iso: string, what: string, run: () => Promise<void>) =>
    steps.push({ at: iso, order: order++, what, run });
  const project = refs.project('SYR-RST');
  const office = refs.office('PAR');

  // ---- the programme's batches, orientation sessions and movements ----
  for (const b of story.batches) {
    at(b.createdAt, `batch ${b.key} created`, async () => {
      batchIds.set(
        b.key,
        await createBatch(ctxOf(paris.supervisor), {
          projectId: project,
          officeId: office,
          kind: b.kind,
          resettlementCountry: 'FR',
          missionStart: b.missionStart,
          missionEnd: b.missionEnd,
          label: b.label,
        }),
      );
    });
    at(b.setAt, `batch ${b.key} households`, async () => {
      const id = idOf(batchIds, b.key);
      await setBatchHouseholds(ctxOf(cw), id, {
        version: await versionIn(submissionBatches, id),
        caseIds: b.households.map(caseId),
      });
    });
    at(b.submittedAt, `batch ${b.key} submitted`, async () => {
      const id = idOf(batchIds, b.key);
      await submitBatch(ctxOf(paris.supervisor), id, {
        version: await versionIn(submissionBatches, id),
        submittedOn: b.submittedOn,
      });
    });
  }
  for (const s of story.sessions) {
    at(s.createdAt, `session ${s.key} planned`, async () => {
      const { id } = await createOrientationSession(ctxOf(cw), {
        projectId: project,
        officeId: office,
        heldOn: s.heldOn,
        place: s.place,
        language: s.language,
        facilitator: s.facilitator,
      });
      sessionIds.set(s.key, id);
    });
    at(s.recordedAt, `session ${s.key} attendance`, async () => {
      const id = idOf(sessionIds, s.key);
      await setAttendance(ctxOf(cw), id, {
        version: await versionIn(orientationSessions, id),
        attendance: s.attendance.map((a) => ({ personId: personId(a.person), present: a.present })),
      });
    });
  }
  /** The households booked on each movement, by the steps of their histories. */
  const booked = new Map<string, number[]>();
  for (const [i, c] of data.cases.entries())
    for (const e of c.events)
      if (e.data?.action === 'book') {
        const key = e.data.movement as string;
        booked.set(key, [...(booked.get(key) ?? []), i]);
      }
  for (const m of story.movements) {
    at(m.createdAt, `movement ${m.key} planned`, async () => {
      movementIds.set(
        m.key,
        await createMovement(ctxOf(paris.supervisor), {
          projectId: project,
          officeId: office,
          seatCount: m.seatCount,
          destinationCountry: 'FR',
          legs: m.legs,
          escorts: m.escorts.map(({ forCase, ...e }) => ({
            ...e,
            forCaseId: forCase === null ? null : caseId(forCase),
          })),
        }),
      );
    });
    const { boarding, arrival } = m;
    if (boarding)
      at(boarding.at, `movement ${m.key} boarding`, async () => {
        const id = idOf(movementIds, m.key);
        const passengers = (booked.get(m.key) ?? []).flatMap((i) => {
          const h = householdOf(i);
          const noShow = boarding.noShows.find((n) => n.case === i);
          const left = new Set(h.split && h.split.at < boarding.at ? h.split.members : []);
          const travelling = [data.cases[i]?.person as number, ...h.members.map((x) => x.person)];
          return travelling
            .filter((person) => !left.has(person))
            .map((person) => ({
              personId: personId(person),
              status: noShow ? ('no_show' as const) : ('boarded' as const),
              ...(noShow ? { reason: noShow.reason } : {}),
            }));
        });
        await recordBoarding(ctxOf(cw), id, { version: await versionIn(movements, id), passengers });
      });
    if (arrival)
      at(arrival.recordedAt, `movement ${m.key} arrival`, async () => {
        const id = idOf(movementIds, m.key);
        await recordArrival(ctxOf(cw), id, {
          version: await versionIn(movements, id),
          arrivedAt: arrival.arrivedAt,
        });
      });
  }

  // ---- each household: its files, health assessments, papers and split ----
  for (const h of story.households) {
    const id = () => caseId(h.case);
    for (const d of h.documents)
      at(d.at, `${h.key} ${d.kind} attached`, async () => {
        const file = await addAttachment(
          ctxOf(cw),
          store,
          id(),
          {
            fileName: d.fileName,
            contentType: 'application/pdf',
            stream: Readable.from([demoPdf(d.title, d.lines)]),
            truncated: () => false,
          },
          d.kind,
        );
        files.set(`${h.case}:${d.kind}`, file.id);
      });
    for (const a of h.health)
      at(a.at, `${h.key} health assessed`, async () => {
        await recordHealth(ctxOf(RST_MEDICAL), cipher, id(), {
          version: await versionOf(id()),
          personId: personId(a.person),
          assessedOn: a.assessedOn,
          outcome: a.outcome,
          validUntil: a.validUntil,
          travelConditions: a.travelConditions,
          ...(a.findings ? { findings: a.findings } : {}),
        });
      });
    for (const p of h.clearances)
      at(p.at, `${h.key} ${p.kind} recorded`, async () => {
        await recordClearance(ctxOf(cw), cipher, id(), {
          version: await versionOf(id()),
          personId: personId(p.person),
          kind: p.kind,
          number: p.number,
          issuingCountry: p.issuingCountry,
          validFrom: p.validFrom,
          validUntil: p.validUntil,
        });
      });
    const split = h.split;
    if (split)
      at(split.at, `${h.key} split`, async () => {
        await splitHousehold(ctxOf(cw), id(), {
          version: await versionOf(id()),
          memberIds: split.members.map(personId),
          newPrincipalId: personId(split.newPrincipal),
          reason: split.reason,
        });
      });
  }

  // ---- each household's steps: the module's actions and the generic steps between them ----
  for (const [i, c] of data.cases.entries()) {
    if (c.caseType !== 'resettlement') continue;
    const h = householdOf(i);
    for (const e of c.events) {
      const ctx = () => ctxOf(e.actor);
      const what = `${h.key} ${c.reference} ${e.kind} ${e.toStatus ?? ''}`;
      const action = e.data?.action as string | undefined;
      const to = e.toStatus as string;
      if (e.kind === 'approval_requested' || (e.kind === 'transition' && !action))
        at(e.at, what, async () => {
          await transitionCase(ctx(), caseId(i), {
            version: await versionOf(caseId(i)),
            to,
            ...(e.comment ? { comment: e.comment } : {}),
          });
        });
      else if (e.kind === 'approved')
        at(e.at, what, async () => {
          await decideApproval(ctx(), caseId(i), { version: await versionOf(caseId(i)) }, true);
        });
      else if (e.kind === 'transition')
        at(e.at, what, async () => {
          const version = await versionOf(caseId(i));
          const day = e.at.slice(0, 10);
          switch (action) {
            case 'record_referral':
              return recordReferral(ctx(), caseId(i), {
                version,
                agency: 'UNHCR',
                reference: h.reference,
                referralDocumentId: fileOf(i, 'referral_document'),
                members: h.members.map((m) => ({
                  personId: personId(m.person),
                  relationship: m.relationship,
                })),
              });
            case 'decide':
              return recordDecision(ctx(), caseId(i), {
                version,
                outcome: e.data?.outcome as 'accepted' | 'rejected' | 'resubmit',
                decidedOn: day,
                decisionDocumentId: fileOf(i, 'decision_letter'),
                ...(e.comment ? { comment: e.comment } : {}),
              });
            case 'clear_health':
              return clearHealth(ctx(), caseId(i), { version });
            case 'complete_orientation':
              return completeOrientation(ctx(), caseId(i), { version });
            case 'book': {
              const movement = idOf(movementIds, e.data?.movement as string);
              return bookHousehold(ctx(), movement, {
                version: await versionIn(movements, movement),
                caseId: caseId(i),
                caseVersion: version,
              });
            }
            case 'hand_over':
              await recordHandover(ctx(), caseId(i), {
                version,
                handedOverOn: day,
                receivedBy: e.data?.receivedBy as string,
                documentId: fileOf(i, 'handover_receipt'),
              });
              return;
            // Taken for every household of the batch or the flight at once, above.
            case 'submit_batch':
            case 'board':
            case 'unbook':
            case 'arrive':
              return;
            default:
              throw new Error(`unknown resettlement demo action ${action}`);
          }
        });
    }
  }

  // The expiry warning job, as it ran on the demo's last morning.
  let warnings = 0;
  at(story.warnings.at, 'expiry warnings', async () => {
    const job = { db: tx, clock, actor: null, requestId: null, ip: null, lang: 'fr' as const, reactions };
    warnings = await warnExpiries(job, { warningDays: story.warnings.days });
  });

  steps.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  for (const step of steps) {
    clock.set(new Date(step.at));
    try {
      await step.run();
    } catch (error) {
      throw new Error(`demo resettlement step ${step.what} at ${step.at}: ${String(error)}`, {
        cause: error,
      });
    }
  }
  return {
    resettlementHouseholds: story.households.length + story.households.filter((h) => h.split).length,
    batches: story.batches.length,
    movements: story.movements.length,
    warnings,
  };
}

// ---- the files: small one-page PDFs ----------------------------------------------------------------

/** Characters of the texts outside Latin-1, in the WinAnsi encoding of the standard fonts. */
const WIN_ANSI: Record<string, number> = {
  '’': 0x92,
  '‘': 0x91,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  œ: 0x9c,
};

/** A PDF string literal of `text` in WinAnsi (octal escapes past ASCII; `?` for what it cannot hold). */
function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? ch.codePointAt(0) ?? 63;
    const byte = code < 256 ? code : 63;
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (byte < 32 || byte > 126) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

/** A valid one-page PDF with a title and a few lines: the scanned letters and forms of the demo story. */
export function demoPdf(title: string, lines: readonly string[]): Buffer {
  const body = [
    'BT',
    '/F1 15 Tf',
    '56 770 Td',
    `${pdfString(title)} Tj`,
    '/F1 11 Tf',
    '0 -30 Td',
    ...lines.flatMap((line) => [`${pdfString(line)} Tj`, '0 -16 Td']),
    '0 -24 Td',
    `${pdfString('Document fictif : données de démonstration de Passerelle.')} Tj`,
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is ASCII (the rest escaped): one byte each.
  return Buffer.from(pdf, 'latin1');
}
