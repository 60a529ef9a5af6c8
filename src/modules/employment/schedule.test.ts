import { describe, expect, it } from 'vitest';
import { addMonths, followUpsOf } from './schedule';

describe('addMonths', () => {
  it('adds months, across years, clamping the day to the month’s end', () => {
    expect(addMonths('2026-03-02', 3)).toBe('2026-06-02');
    expect(addMonths('2026-10-15', 6)).toBe('2027-04-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 3)).toBe('2026-06-30');
  });
});

describe('followUpsOf', () => {
  const employed = { startDate: '2026-01-10', outcome: 'employed' as const, endedOn: null };

  it('is upcoming before the due date, due from it, overdue 30 days after', () => {
    const status = (today: string) =>
      followUpsOf(employed, [], today).map((f) => [f.month, f.dueDate, f.status]);
    expect(status('2026-04-09')).toEqual([
      [3, '2026-04-10', 'upcoming'],
      [6, '2026-07-10', 'upcoming'],
    ]);
    expect(status('2026-04-10')[0]).toEqual([3, '2026-04-10', 'due']);
    expect(status('2026-05-10')[0]).toEqual([3, '2026-04-10', 'due']);
    expect(status('2026-05-11')[0]).toEqual([3, '2026-04-10', 'overdue']);
  });

  it('shows what was recorded, and nothing to do for a placement that did not start', () => {
    const recorded = [
      { month: 3, stillEmployed: true, checkedOn: '2026-04-12', note: 'ok', recordedByName: 'cw' },
    ];
    expect(followUpsOf(employed, recorded, '2026-09-01')).toEqual([
      {
        month: 3,
        dueDate: '2026-04-10',
        status: 'done',
        stillEmployed: true,
        checkedOn: '2026-04-12',
        note: 'ok',
        recordedByName: 'cw',
      },
      {
        month: 6,
        dueDate: '2026-07-10',
        status: 'overdue',
        stillEmployed: null,
        checkedOn: null,
        note: null,
        recordedByName: null,
      },
    ]);
    expect(
      followUpsOf({ ...employed, outcome: 'did_not_start' }, [], '2026-09-01').map((f) => f.status),
    ).toEqual(['not_applicable', 'not_applicable']);
  });

  it('has nothing to ask once the placement ended before the due date', () => {
    const ended = { ...employed, outcome: 'ended' as const, endedOn: '2026-05-31' };
    expect(followUpsOf(ended, [], '2026-07-15').map((f) => [f.month, f.status])).toEqual([
      [3, 'overdue'],
      [6, 'not_applicable'],
    ]);
  });
});
