import { describe, expect, it } from 'vitest';
import type { Permission, Role } from '../../platform/permissions';
import {
  ALL_STATUSES,
  AVRR_WORKFLOW,
  availableTransitions,
  CASE_TYPES,
  type CaseFacts,
  findTransition,
  isTerminal,
  mayTake,
  missingRequirements,
  reopenTarget,
  validateWorkflow,
  type WorkflowDefinition,
} from './workflow';

const actor = (permissions: Permission[], roles: Role[] = ['caseworker']) => ({
  permissions: new Set(permissions),
  roles: new Set(roles),
});
const caseworker = actor(['cases.read', 'cases.write']);
const supervisor = actor(['cases.read', 'cases.write', 'cases.approve', 'cases.reopen'], ['supervisor']);
const facts = (status: string, extra: Partial<CaseFacts> = {}): CaseFacts => ({
  status,
  travelDocumentReady: false,
  medicalFitness: null,
  declarationSignedOn: null,
  departureDate: null,
  pendingTransition: null,
  ...extra,
});

describe('shipped workflows', () => {
  it.each(Object.entries(CASE_TYPES))('%s is well formed', (_type, { workflow }) => {
    expect(validateWorkflow(workflow)).toEqual([]);
  });

  it('lists every status once', () => {
    expect(new Set(ALL_STATUSES).size).toBe(ALL_STATUSES.length);
    expect(ALL_STATUSES).toContain('travel_preparation');
    expect(ALL_STATUSES).toContain('pre_departure_orientation');
  });

  it('marks only trafficking cases sensitive', () => {
    expect(
      Object.entries(CASE_TYPES)
        .filter(([, t]) => t.sensitive)
        .map(([k]) => k),
    ).toEqual(['avrr_vot']);
  });
});

describe('validateWorkflow', () => {
  it('names dead ends, unreachable states and unknown states', () => {
    const broken: WorkflowDefinition = {
      code: 'x',
      initial: 'a',
      states: ['a', 'b', 'c', 'done'],
      terminal: ['done'],
      transitions: [
        { from: ['a'], to: 'b', permission: 'cases.write' },
        { from: ['done'], to: 'a', permission: 'cases.write' },
        { from: ['a'], to: 'nowhere', permission: 'cases.write' },
      ],
    };
    expect(validateWorkflow(broken)).toEqual(
      expect.arrayContaining([
        'transition leaves terminal state done',
        'transition to unknown state nowhere',
        'state b is a dead end',
        'state c is a dead end',
        'state c is unreachable',
        'state done is unreachable',
      ]),
    );
  });
});

describe('AVRR transitions', () => {
  it('offers the next step and withdrawal before departure', () => {
    expect(availableTransitions(AVRR_WORKFLOW, facts('intake'), caseworker).map((t) => t.to)).toEqual([
      'counselling',
      'withdrawn',
    ]);
  });

  it('offers no withdrawal once departed', () => {
    expect(availableTransitions(AVRR_WORKFLOW, facts('departed'), caseworker).map((t) => t.to)).toEqual([
      'arrived',
    ]);
  });

  it('offers nothing while a step waits for approval', () => {
    expect(
      availableTransitions(
        AVRR_WORKFLOW,
        facts('eligibility', { pendingTransition: { to: 'travel_preparation' } }),
        supervisor,
      ),
    ).toEqual([]);
  });

  it('needs cases.write, and a role when the transition names roles', () => {
    const step = findTransition(AVRR_WORKFLOW, 'intake', 'counselling');
    if (!step) throw new Error('missing transition');
    expect(mayTake(step, actor(['cases.read']))).toBe(false);
    expect(mayTake(step, caseworker)).toBe(true);
    expect(mayTake({ ...step, roles: ['supervisor'] }, caseworker)).toBe(false);
    expect(mayTake({ ...step, roles: ['supervisor'] }, supervisor)).toBe(true);
  });

  it('marks eligibility → travel preparation as needing approval', () => {
    expect(findTransition(AVRR_WORKFLOW, 'eligibility', 'travel_preparation')?.approval).toBe(true);
    expect(findTransition(AVRR_WORKFLOW, 'intake', 'departed')).toBeUndefined();
  });

  it('requires travel document, fitness to travel and a signed declaration before ready to travel', () => {
    const step = findTransition(AVRR_WORKFLOW, 'travel_preparation', 'ready_to_travel');
    if (!step) throw new Error('missing transition');
    expect(missingRequirements(step, facts('travel_preparation'))).toEqual([
      'travelDocumentReady',
      'medicalFitness',
      'declarationSignedOn',
    ]);
    // Assessed but unfit is still missing: an unfit person does not travel.
    expect(
      missingRequirements(
        step,
        facts('travel_preparation', {
          travelDocumentReady: true,
          medicalFitness: 'unfit',
          declarationSignedOn: '2016-01-02',
        }),
      ),
    ).toEqual(['medicalFitness']);
    expect(
      missingRequirements(
        step,
        facts('travel_preparation', {
          travelDocumentReady: true,
          medicalFitness: 'fit',
          declarationSignedOn: '2016-01-02',
        }),
      ),
    ).toEqual([]);
  });

  it('requires a closure reason to close', () => {
    const step = findTransition(AVRR_WORKFLOW, 'monitoring', 'closed');
    if (!step) throw new Error('missing transition');
    expect(missingRequirements(step, facts('monitoring'))).toEqual(['closureReason']);
    expect(missingRequirements(step, facts('monitoring'), { closureReason: 'completed' })).toEqual([]);
  });
});

describe('closing and reopening', () => {
  it('knows terminal states', () => {
    expect(isTerminal(AVRR_WORKFLOW, 'closed')).toBe(true);
    expect(isTerminal(AVRR_WORKFLOW, 'withdrawn')).toBe(true);
    expect(isTerminal(AVRR_WORKFLOW, 'monitoring')).toBe(false);
  });

  it('reopens to the state the case was closed from, else to the start', () => {
    expect(reopenTarget(AVRR_WORKFLOW, 'monitoring')).toBe('monitoring');
    expect(reopenTarget(AVRR_WORKFLOW, null)).toBe('intake');
    expect(reopenTarget(AVRR_WORKFLOW, 'closed')).toBe('intake');
    expect(reopenTarget(AVRR_WORKFLOW, 'no_such_state')).toBe('intake');
  });
});

describe('resettlement: documents, actions, booking', () => {
  const rst = CASE_TYPES.resettlement.workflow;

  it('requires the registration form before submission, as a document of its kind', () => {
    const step = findTransition(rst, 'interview', 'submission');
    if (!step) throw new Error('missing transition');
    expect(missingRequirements(step, facts('interview'))).toEqual([
      'document:resettlement_registration_form',
    ]);
    expect(
      missingRequirements(
        step,
        facts('interview', { documents: new Set(['resettlement_registration_form']) }),
      ),
    ).toEqual([]);
    // A file of another kind does not count.
    expect(missingRequirements(step, facts('interview', { documents: new Set(['other']) }))).toEqual([
      'document:resettlement_registration_form',
    ]);
  });

  it('books between exit permits and the movement, which still means departed', () => {
    expect(findTransition(rst, 'exit_permits', 'movement')).toBeUndefined();
    expect(findTransition(rst, 'exit_permits', 'booked')?.action).toBe('book');
    expect(findTransition(rst, 'booked', 'movement')?.action).toBe('board');
    expect(findTransition(rst, 'booked', 'exit_permits')?.action).toBe('unbook');
  });

  it('tells two actions between the same states apart', () => {
    expect(findTransition(rst, 'decision', 'closed', 'decide')?.requiresDocuments).toEqual([
      'decision_letter',
    ]);
    expect(findTransition(rst, 'decision', 'closed', 'merge')?.requiresDocuments).toBeUndefined();
    expect(findTransition(rst, 'decision', 'closed', 'board')).toBeUndefined();
  });

  it('lists action steps to the case page with their action', () => {
    const offered = availableTransitions(rst, facts('exit_permits'), caseworker);
    expect(offered.map((t) => [t.to, t.action ?? null])).toEqual([
      ['booked', 'book'],
      ['closed', 'merge'],
      ['withdrawn', null],
    ]);
  });

  it('withdraws a booked household only once it is unbooked', () => {
    expect(findTransition(rst, 'booked', 'withdrawn')).toBeUndefined();
  });

  it('refuses unknown document kinds, approvals on actions, and a generic step shadowing an action', () => {
    const broken: WorkflowDefinition = {
      code: 'x',
      initial: 'a',
      states: ['a', 'b', 'done'],
      terminal: ['done'],
      transitions: [
        { from: ['a'], to: 'b', permission: 'cases.write', action: 'go', approval: true },
        { from: ['a'], to: 'b', permission: 'cases.write' },
        {
          from: ['b'],
          to: 'done',
          permission: 'cases.write',
          requiresDocuments: ['passport' as never],
        },
      ],
    };
    expect(validateWorkflow(broken)).toEqual(
      expect.arrayContaining([
        'unknown document kind passport',
        'action go cannot wait for an approval',
        'two transitions to b from one state, one of them generic',
      ]),
    );
  });
});
