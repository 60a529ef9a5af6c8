import { describe, expect, it } from 'vitest';
import { RESETTLEMENT_WORKFLOW } from '../cases';
import { MILESTONE_COLUMNS } from './repository';
import { RESETTLEMENT_ACTIONS } from './stages';

describe('the resettlement workflow and this module', () => {
  it('takes every action step of the workflow, and no other', () => {
    const actions = new Set(
      RESETTLEMENT_WORKFLOW.transitions.flatMap((t) => ('action' in t && t.action ? [t.action] : [])),
    );
    expect([...actions].sort()).toEqual([...RESETTLEMENT_ACTIONS].sort());
  });

  it('keeps a milestone for every stage but the terminal ones', () => {
    const open = RESETTLEMENT_WORKFLOW.states.filter(
      (s) => !(RESETTLEMENT_WORKFLOW.terminal as readonly string[]).includes(s),
    );
    expect(Object.keys(MILESTONE_COLUMNS).sort()).toEqual([...open].sort());
  });
});
