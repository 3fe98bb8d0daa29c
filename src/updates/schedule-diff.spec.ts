import { CaseFacts, DEFAULT_RULE_SETTINGS, computeOwedUpdates, createWorkingDayCalendar } from '../rules';
import { ScheduleDiff, StoredUpdateRow, diffSchedule, isEmptyDiff } from './schedule-diff';

const calendar = createWorkingDayCalendar();
const settings = { ...DEFAULT_RULE_SETTINGS, advanceNoticeMilestoneTypes: [...DEFAULT_RULE_SETTINGS.advanceNoticeMilestoneTypes] };
const officerA = { officerId: 'officer-a', teamId: 'north' };
const officerB = { officerId: 'officer-b', teamId: 'north' };

function caseFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    status: 'open',
    arrestDate: '2025-08-22',
    updateFrequencyDays: 14,
    milestones: [],
    contacts: [],
    wellbeingChecks: [],
    declines: [],
    ...overrides,
  };
}

/** Applies a diff to an in-memory table the way the scheduler applies it to the database. */
function apply(rows: StoredUpdateRow[], diff: ScheduleDiff): StoredUpdateRow[] {
  let next = rows.filter((row) => !diff.remove.includes(row.id)).map((row) => {
    const change = diff.update.find((u) => u.id === row.id);
    return change ? { ...row, ...change.fields } : row;
  });
  next = [...next, ...diff.insert.map((row, index) => ({ ...row, id: `new-${rows.length}-${index}-${row.key}` }))];
  return next;
}

function recompute(rows: StoredUpdateRow[], facts: CaseFacts, today: string, responsible = officerA) {
  const diff = diffSchedule(rows, computeOwedUpdates(facts, today, settings, calendar), facts, today, responsible);
  return { diff, rows: apply(rows, diff) };
}

describe('diffSchedule', () => {
  it('inserts every obligation of a new case, then finds nothing to do the second time', () => {
    const facts = caseFacts();
    const first = recompute([], facts, '2025-08-22');
    expect(first.diff.insert.map((r) => [r.key, r.dueDate, r.status])).toEqual([
      ['first_contact', '2025-08-26', 'open'],
      ['cadence:2025-08-23:2025-09-05', '2025-09-05', 'open'],
    ]);
    const second = recompute(first.rows, facts, '2025-08-22');
    expect(isEmptyDiff(second.diff)).toBe(true);
    expect(second.rows).toEqual(first.rows);
  });

  it('updates only the fields that changed when a contact meets an update', () => {
    const before = recompute([], caseFacts(), '2025-08-22').rows;
    const facts = caseFacts({ contacts: [{ id: 'c1', occurredAt: '2025-08-26T09:00:00Z', outcome: 'spoke', method: 'phone' }] });
    const { diff } = recompute(before, facts, '2025-08-26');
    const firstContact = diff.update.find((u) => u.id === before[0].id)!;
    expect(firstContact.fields).toEqual({ status: 'met', metByContactId: 'c1', metAt: '2025-08-26T09:00:00.000Z', daysLate: 0 });
  });

  it('removes an open row the rules no longer owe, and keeps a resolved one', () => {
    const hearing = { id: 'm1', type: 'first_hearing' as const, status: 'expected' as const, expectedDate: '2025-10-06', doneDate: null, recordedAt: '2025-09-01T09:00:00Z', dateChangedAt: null };
    const withHearing = recompute([], caseFacts({ milestones: [hearing] }), '2025-09-01').rows;
    const notice = withHearing.find((r) => r.reason === 'advance_notice')!;
    expect(notice.status).toBe('open');
    const redated = { ...hearing, expectedDate: '2025-11-03', dateChangedAt: '2025-09-02T09:00:00Z' };
    const { diff } = recompute(withHearing, caseFacts({ milestones: [redated] }), '2025-09-02');
    expect(diff.remove).toContain(notice.id);
    expect(diff.insert.map((r) => r.key)).toContain('advance_notice:m1:2025-11-03');
  });

  it('keeps a missed row that is no longer produced and refreshes it to met late when the family is reached', () => {
    const hearing = { id: 'm1', type: 'first_hearing' as const, status: 'expected' as const, expectedDate: '2025-09-15', doneDate: null, recordedAt: '2025-09-01T09:00:00Z', dateChangedAt: null };
    const facts = caseFacts({ milestones: [hearing] });
    const missed = recompute(recompute([], facts, '2025-09-01').rows, facts, '2025-09-12').rows;
    const notice = missed.find((r) => r.reason === 'advance_notice')!;
    expect(notice).toMatchObject({ status: 'missed', dueDate: '2025-09-11' });
    // The hearing happens; the notice is no longer owed but its history stays, met late by a call.
    const done = { ...hearing, status: 'done' as const, doneDate: '2025-09-15' };
    const later = caseFacts({ milestones: [done], contacts: [{ id: 'c9', occurredAt: '2025-09-16T10:00:00Z', outcome: 'spoke', method: 'phone' }] });
    const { rows } = recompute(missed, later, '2025-09-16');
    expect(rows.find((r) => r.id === notice.id)).toMatchObject({ status: 'met', metByContactId: 'c9', daysLate: 5 });
  });

  it('moves open updates to a new officer but leaves resolved ones with the officer who held the case', () => {
    const facts = caseFacts({ contacts: [{ id: 'c1', occurredAt: '2025-08-26T09:00:00Z', outcome: 'spoke', method: 'phone' }] });
    const before = recompute([], facts, '2025-08-27').rows;
    const { rows } = recompute(before, facts, '2025-08-27', officerB);
    expect(rows.find((r) => r.key === 'first_contact')).toMatchObject({ status: 'met', officerId: 'officer-a' });
    expect(rows.filter((r) => r.status === 'open').every((r) => r.officerId === 'officer-b')).toBe(true);
  });

  it('removes a resolved row that a correction turns back into an open one', () => {
    const hearing = { id: 'm1', type: 'first_hearing' as const, status: 'expected' as const, expectedDate: '2025-10-06', doneDate: null, recordedAt: '2025-09-01T09:00:00Z', dateChangedAt: null };
    const spoke = { id: 'c1', occurredAt: '2025-09-02T09:00:00Z', outcome: 'spoke' as const, method: 'phone' as const };
    const met = recompute([], caseFacts({ milestones: [hearing], contacts: [spoke] }), '2025-09-02').rows;
    expect(met.find((r) => r.reason === 'advance_notice')).toMatchObject({ status: 'met' });
    // Re-dated, so the met notice is no longer produced; then the call turns out never to have reached them.
    const redated = { ...hearing, expectedDate: '2025-10-13', dateChangedAt: '2025-09-03T09:00:00Z' };
    const { rows, diff } = recompute(met, caseFacts({ milestones: [redated], contacts: [] }), '2025-09-03');
    expect(rows.some((r) => r.key === 'advance_notice:m1:2025-10-06')).toBe(false);
    expect(diff.remove.length).toBeGreaterThan(0);
    expect(isEmptyDiff(recompute(rows, caseFacts({ milestones: [redated], contacts: [] }), '2025-09-03').diff)).toBe(true);
  });
});
