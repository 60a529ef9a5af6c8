/**
 * Case workflows as data: states, transitions, who may take them (a permission, optionally narrowed to
 * roles), the fields required before a transition, and which transitions need a supervisor's approval.
 * Pure and browser-safe: the web app asks the same functions which actions to offer.
 */
import type { Permission, Role } from '../../platform/permissions';

export type RequiredField =
  | 'travelDocumentReady'
  | 'medicalFitness'
  | 'declarationSignedOn'
  | 'departureDate'
  | 'closureReason';

/**
 * Kinds of document a case attachment may be classified as. A transition may require a document of a kind
 * (ADR 0007: "a required document"): the step is refused until such a file is attached to the case.
 */
export const DOCUMENT_KINDS = [
  'referral_document',
  'resettlement_registration_form',
  'decision_letter',
  'medical_certificate',
  'exit_permit',
  'visa',
  'handover_receipt',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a transition may be missing: a field, or a document of a kind (`document:<kind>`). */
export type Requirement = RequiredField | `document:${DocumentKind}`;

export type TransitionDefinition = {
  from: readonly string[];
  to: string;
  permission: Permission;
  roles?: readonly Role[];
  requires?: readonly RequiredField[];
  /** Files of these kinds must be attached to the case before the step. */
  requiresDocuments?: readonly DocumentKind[];
  /** Requested by anyone allowed, carried out when someone with cases.approve approves it. */
  approval?: boolean;
  /**
   * A step only the module that owns the case type's work may take, as part of one of its actions (booking
   * a household on a movement...): the module checks rules the case row does not hold (every member's
   * visa...). The generic transition refuses it; the case page lists it, to say where it is taken.
   */
  action?: string;
};

export type WorkflowDefinition = {
  code: string;
  initial: string;
  states: readonly string[];
  /** States from which the case is closed: no transition leaves them except reopening. */
  terminal: readonly string[];
  transitions: readonly TransitionDefinition[];
};

export const CLOSURE_REASONS = [
  'completed',
  'withdrawn',
  'not_eligible',
  'lost_contact',
  're_migrated',
  'deceased',
  'transferred',
  /** Merged into another case (resettlement households travelling together). */
  'merged',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

const AVRR_BEFORE_DEPARTURE = [
  'intake',
  'counselling',
  'eligibility',
  'travel_preparation',
  'ready_to_travel',
] as const;

export const AVRR_WORKFLOW = {
  code: 'avrr',
  initial: 'intake',
  states: [
    'intake',
    'counselling',
    'eligibility',
    'travel_preparation',
    'ready_to_travel',
    'departed',
    'arrived',
    'reintegration_planning',
    'reintegration_assistance',
    'monitoring',
    'withdrawn',
    'closed',
  ],
  terminal: ['withdrawn', 'closed'],
  transitions: [
    { from: ['intake'], to: 'counselling', permission: 'cases.write' },
    { from: ['counselling'], to: 'eligibility', permission: 'cases.write' },
    { from: ['eligibility'], to: 'travel_preparation', permission: 'cases.write', approval: true },
    {
      from: ['travel_preparation'],
      to: 'ready_to_travel',
      permission: 'cases.write',
      requires: ['travelDocumentReady', 'medicalFitness', 'declarationSignedOn'],
    },
    { from: ['ready_to_travel'], to: 'departed', permission: 'cases.write', requires: ['departureDate'] },
    { from: ['departed'], to: 'arrived', permission: 'cases.write' },
    { from: ['arrived'], to: 'reintegration_planning', permission: 'cases.write' },
    { from: ['reintegration_planning'], to: 'reintegration_assistance', permission: 'cases.write' },
    { from: ['reintegration_assistance'], to: 'monitoring', permission: 'cases.write' },
    {
      from: ['monitoring', 'arrived', 'reintegration_planning', 'reintegration_assistance'],
      to: 'closed',
      permission: 'cases.write',
      requires: ['closureReason'],
    },
    // Voluntariness: the migrant may withdraw at any time until departure.
    { from: AVRR_BEFORE_DEPARTURE, to: 'withdrawn', permission: 'cases.write' },
  ],
} as const satisfies WorkflowDefinition;

const RESETTLEMENT_BEFORE_BOOKING = [
  'identification',
  'verification',
  'interview',
  'submission',
  'decision',
  'health_assessment',
  'pre_departure_orientation',
  'exit_permits',
] as const;

/**
 * Resettlement, household by household (ADR 0017). Most steps are the resettlement module's actions: they
 * rest on facts per member (health, visas, boarding) that the case row does not hold. `booked` sits between
 * exit permits and `movement`, which means departed (donor reporting counts it so).
 */
export const RESETTLEMENT_WORKFLOW = {
  code: 'resettlement',
  initial: 'identification',
  states: [
    'identification',
    'verification',
    'interview',
    'submission',
    'decision',
    'health_assessment',
    'pre_departure_orientation',
    'exit_permits',
    'booked',
    'movement',
    'arrived',
    'withdrawn',
    'closed',
  ],
  terminal: ['withdrawn', 'closed'],
  transitions: [
    {
      from: ['identification'],
      to: 'verification',
      permission: 'cases.write',
      requiresDocuments: ['referral_document'],
      action: 'record_referral',
    },
    { from: ['verification'], to: 'interview', permission: 'cases.write' },
    {
      from: ['interview'],
      to: 'submission',
      permission: 'cases.write',
      approval: true,
      requiresDocuments: ['resettlement_registration_form'],
    },
    { from: ['submission'], to: 'decision', permission: 'cases.write', action: 'submit_batch' },
    {
      from: ['decision'],
      to: 'health_assessment',
      permission: 'cases.write',
      requiresDocuments: ['decision_letter'],
      action: 'decide',
    },
    {
      from: ['decision'],
      to: 'submission',
      permission: 'cases.write',
      requiresDocuments: ['decision_letter'],
      action: 'decide',
    },
    {
      from: ['decision'],
      to: 'closed',
      permission: 'cases.write',
      requires: ['closureReason'],
      requiresDocuments: ['decision_letter'],
      action: 'decide',
    },
    {
      from: ['health_assessment'],
      to: 'pre_departure_orientation',
      permission: 'cases.write',
      requires: ['medicalFitness'],
      action: 'clear_health',
    },
    {
      from: ['pre_departure_orientation'],
      to: 'exit_permits',
      permission: 'cases.write',
      action: 'complete_orientation',
    },
    { from: ['exit_permits'], to: 'booked', permission: 'cases.write', action: 'book' },
    // Unbooked, or not boarded (a no-show): back to the pipeline, with a reason.
    { from: ['booked'], to: 'exit_permits', permission: 'cases.write', action: 'unbook' },
    {
      from: ['booked'],
      to: 'movement',
      permission: 'cases.write',
      requires: ['departureDate'],
      action: 'board',
    },
    { from: ['movement'], to: 'arrived', permission: 'cases.write', action: 'arrive' },
    {
      from: ['arrived'],
      to: 'closed',
      permission: 'cases.write',
      requires: ['closureReason'],
      action: 'hand_over',
    },
    // Households that travel together become one case: the other one closes as merged.
    {
      from: RESETTLEMENT_BEFORE_BOOKING,
      to: 'closed',
      permission: 'cases.write',
      requires: ['closureReason'],
      action: 'merge',
    },
    // A booked household is unbooked first (its seats are given back in the same step as the reason).
    { from: RESETTLEMENT_BEFORE_BOOKING, to: 'withdrawn', permission: 'cases.write' },
  ],
} as const satisfies WorkflowDefinition;

export const LABOUR_WORKFLOW = {
  code: 'labour_reintegration',
  initial: 'intake',
  states: ['intake', 'profiling', 'matching', 'placement', 'follow_up', 'withdrawn', 'closed'],
  terminal: ['withdrawn', 'closed'],
  transitions: [
    { from: ['intake'], to: 'profiling', permission: 'cases.write' },
    { from: ['profiling'], to: 'matching', permission: 'cases.write' },
    { from: ['matching'], to: 'placement', permission: 'cases.write', approval: true },
    { from: ['placement'], to: 'follow_up', permission: 'cases.write' },
    {
      from: ['follow_up', 'matching', 'profiling'],
      to: 'closed',
      permission: 'cases.write',
      requires: ['closureReason'],
    },
    { from: ['intake', 'profiling', 'matching'], to: 'withdrawn', permission: 'cases.write' },
  ],
} as const satisfies WorkflowDefinition;

export const CASE_TYPES = {
  avrr: { workflow: AVRR_WORKFLOW, sensitive: false },
  avrr_vot: { workflow: AVRR_WORKFLOW, sensitive: true },
  resettlement: { workflow: RESETTLEMENT_WORKFLOW, sensitive: false },
  labour_reintegration: { workflow: LABOUR_WORKFLOW, sensitive: false },
} as const satisfies Record<string, { workflow: WorkflowDefinition; sensitive: boolean }>;
export type CaseType = keyof typeof CASE_TYPES;
export const CASE_TYPE_CODES = Object.keys(CASE_TYPES) as [CaseType, ...CaseType[]];

export function workflowOf(caseType: CaseType): WorkflowDefinition {
  return CASE_TYPES[caseType].workflow;
}

/** Every status of every workflow, for filters. */
export const ALL_STATUSES = [...new Set(Object.values(CASE_TYPES).flatMap((t) => t.workflow.states))];

export type CaseFacts = {
  status: string;
  /** Kinds of the documents attached to the case (absent: none). */
  documents?: ReadonlySet<string>;
  travelDocumentReady: boolean;
  medicalFitness: 'pending' | 'fit' | 'unfit' | null;
  declarationSignedOn: string | null;
  departureDate: string | null;
  pendingTransition: { to: string } | null;
};

export type TransitionInput = { closureReason?: ClosureReason | null };

/**
 * Which required fields and documents are missing for a transition: the web app asks for them, the server
 * refuses without them.
 */
export function missingRequirements(
  t: TransitionDefinition,
  facts: CaseFacts,
  input: TransitionInput = {},
): Requirement[] {
  const missing: Requirement[] = [];
  for (const field of t.requires ?? []) {
    if (field === 'travelDocumentReady' && !facts.travelDocumentReady) missing.push(field);
    // Fit to travel, not merely assessed: an unfit person does not travel.
    if (field === 'medicalFitness' && facts.medicalFitness !== 'fit') missing.push(field);
    if (field === 'declarationSignedOn' && !facts.declarationSignedOn) missing.push(field);
    if (field === 'departureDate' && !facts.departureDate) missing.push(field);
    if (field === 'closureReason' && !input.closureReason) missing.push(field);
  }
  for (const kind of t.requiresDocuments ?? [])
    if (!facts.documents?.has(kind)) missing.push(`document:${kind}`);
  return missing;
}

export type ActorRoles = { permissions: ReadonlySet<Permission>; roles: ReadonlySet<Role> };

export function mayTake(t: TransitionDefinition, actor: ActorRoles): boolean {
  if (!actor.permissions.has(t.permission)) return false;
  return !t.roles || t.roles.some((r) => actor.roles.has(r));
}

/** Transitions leaving the current status that this actor may take (or request, when approval is needed). */
export function availableTransitions(
  workflow: WorkflowDefinition,
  facts: CaseFacts,
  actor: ActorRoles,
): TransitionDefinition[] {
  if (facts.pendingTransition) return [];
  return workflow.transitions.filter((t) => t.from.includes(facts.status) && mayTake(t, actor));
}

/**
 * The transition from `from` to `to`; with `action`, the one that action takes (two actions may lead from
 * one state to the same other: a rejection and a merge both close a case at its decision).
 */
export function findTransition(
  workflow: WorkflowDefinition,
  from: string,
  to: string,
  action?: string,
): TransitionDefinition | undefined {
  return workflow.transitions.find(
    (t) => t.from.includes(from) && t.to === to && (action === undefined || t.action === action),
  );
}

export function isTerminal(workflow: WorkflowDefinition, status: string): boolean {
  return workflow.terminal.includes(status);
}

/** Where a reopened case goes: back to the status it was closed from, or the first state. */
export function reopenTarget(workflow: WorkflowDefinition, statusBeforeClosure: string | null): string {
  return statusBeforeClosure &&
    workflow.states.includes(statusBeforeClosure) &&
    !isTerminal(workflow, statusBeforeClosure)
    ? statusBeforeClosure
    : workflow.initial;
}

/** Static checks of a definition (every transition between known states, initial known...). */
export function validateWorkflow(workflow: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const states = new Set(workflow.states);
  if (!states.has(workflow.initial)) problems.push(`initial state ${workflow.initial} is not a state`);
  for (const s of workflow.terminal) if (!states.has(s)) problems.push(`terminal state ${s} is not a state`);
  for (const t of workflow.transitions) {
    for (const f of t.from) {
      if (!states.has(f)) problems.push(`transition from unknown state ${f}`);
      if (workflow.terminal.includes(f)) problems.push(`transition leaves terminal state ${f}`);
    }
    if (!states.has(t.to)) problems.push(`transition to unknown state ${t.to}`);
    for (const kind of t.requiresDocuments ?? [])
      if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
        problems.push(`unknown document kind ${kind}`);
    if (t.action !== undefined && !/^[a-z_]+$/.test(t.action)) problems.push(`malformed action ${t.action}`);
    if (t.action && t.approval) problems.push(`action ${t.action} cannot wait for an approval`);
  }
  // A generic step and an action between the same states: the generic route would take the action's step.
  for (const t of workflow.transitions)
    if (
      !t.action &&
      workflow.transitions.some((o) => o !== t && o.to === t.to && o.from.some((f) => t.from.includes(f)))
    )
      problems.push(`two transitions to ${t.to} from one state, one of them generic`);
  // Every non-terminal state can be left, every state but the initial can be reached.
  for (const s of workflow.states) {
    if (!workflow.terminal.includes(s) && !workflow.transitions.some((t) => t.from.includes(s)))
      problems.push(`state ${s} is a dead end`);
    if (s !== workflow.initial && !workflow.transitions.some((t) => t.to === s))
      problems.push(`state ${s} is unreachable`);
  }
  return problems;
}
