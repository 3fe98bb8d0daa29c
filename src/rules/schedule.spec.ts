import { loadExtraHolidays } from './load-extra-holidays';
import { CaseFacts, ContactFacts, MilestoneFacts, OwedUpdate, computeOwedUpdates, resolveUpdateStatus, summariseWork } from './schedule';
import { DEFAULT_RULE_SETTINGS, RuleSettings } from './settings';
import { ContactOutcome, MilestoneType } from './vocabulary';
import { createWorkingDayCalendar } from './working-days';

const calendar = createWorkingDayCalendar(loadExtraHolidays());

function caseFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    status: 'open',
    arrestDate: '2025-03-03',
    updateFrequencyDays: 14,
    milestones: [],
    contacts: [],
    wellbeingChecks: [],
    declines: [],
    ...overrides,
  };
}

function contact(id: string, occurredAt: string, outcome: ContactOutcome = 'spoke'): ContactFacts {
  return { id, occurredAt, outcome, method: 'phone' };
}

function milestone(id: string, type: MilestoneType, fields: Partial<MilestoneFacts> = {}): MilestoneFacts {
  return {
    id,
    type,
    status: 'expected',
    expectedDate: null,
    doneDate: null,
    recordedAt: '2025-03-03T12:00:00Z',
    dateChangedAt: null,
    ...fields,
  };
}

function owed(facts: CaseFacts, today: string, settings: RuleSettings = DEFAULT_RULE_SETTINGS): OwedUpdate[] {
  return computeOwedUpdates(facts, today, settings, calendar);
}

function find(updates: OwedUpdate[], key: string): OwedUpdate {
  const update = updates.find((each) => each.key === key);
  if (!update) throw new Error(`no update ${key} in ${updates.map((each) => each.key).join(', ')}`);
  return update;
}

const brief = (update: OwedUpdate) => [update.key, update.dueDate, update.status, update.metByContactId, update.daysLate];
const ofReason = (updates: OwedUpdate[], reason: OwedUpdate['reason']) => updates.filter((each) => each.reason === reason);

describe('computeOwedUpdates', () => {
  describe('before the arrest', () => {
    it('a planned warrant owes the family nothing yet (they must not be forewarned)', () => {
      const facts = caseFacts({
        arrestDate: null,
        plannedArrestDate: '2025-03-04',
        milestones: [milestone('w', 'planned_warrant', { expectedDate: '2025-03-04', dateChangedAt: '2025-02-26T09:00:00Z' })],
      });
      expect(owed(facts, '2025-02-27')).toEqual([]);
    });
  });

  describe('first contact', () => {
    it('arrest on a Friday before a bank holiday: due Tuesday 26 August 2025', () => {
      const updates = owed(caseFacts({ arrestDate: '2025-08-22' }), '2025-08-22');
      expect(find(updates, 'first_contact')).toEqual({
        key: 'first_contact',
        reason: 'first_contact',
        owedFrom: '2025-08-22',
        dueDate: '2025-08-26',
        milestoneId: null,
        wellbeingCheckId: null,
        riskLevel: null,
        status: 'open',
        metByContactId: null,
        metAt: null,
        daysLate: null,
      });
    });

    it('arrest on Maundy Thursday 2025: due the Tuesday after Easter Monday', () => {
      expect(find(owed(caseFacts({ arrestDate: '2025-04-17' }), '2025-04-17'), 'first_contact').dueDate).toBe('2025-04-22');
    });

    it('arrest on Christmas Eve 2026 (Thursday): due Tuesday 29 December', () => {
      expect(find(owed(caseFacts({ arrestDate: '2026-12-24' }), '2026-12-24'), 'first_contact').dueDate).toBe('2026-12-29');
    });

    it('follows the force setting', () => {
      const settings = { ...DEFAULT_RULE_SETTINGS, firstContactWorkingDays: 0 };
      expect(find(owed(caseFacts({ arrestDate: '2025-08-23' }), '2025-08-23', settings), 'first_contact').dueDate).toBe('2025-08-26');
    });
  });

  describe('met / attempted / missed / declined (first contact due Tue 4 March 2025)', () => {
    const firstContactWith = (contacts: ContactFacts[], today: string) =>
      brief(find(owed(caseFacts({ contacts }), today), 'first_contact'));

    it('open before the due date with nothing logged', () => {
      expect(firstContactWith([], '2025-03-04')).toEqual(['first_contact', '2025-03-04', 'open', null, null]);
    });

    it('still open before the due date after an unanswered call', () => {
      expect(firstContactWith([contact('c1', '2025-03-03T17:00:00Z', 'no_answer')], '2025-03-04')[2]).toBe('open');
    });

    it('met on time by a visit on arrest day', () => {
      expect(firstContactWith([contact('c1', '2025-03-03T11:00:00Z')], '2025-03-10')).toEqual([
        'first_contact',
        '2025-03-04',
        'met',
        'c1',
        0,
      ]);
    });

    it('met late, two calendar days after the due date', () => {
      expect(firstContactWith([contact('c1', '2025-03-06T09:00:00Z')], '2025-03-10')).toEqual([
        'first_contact',
        '2025-03-04',
        'met',
        'c1',
        2,
      ]);
    });

    it('attempted when only a no-answer and a message were logged by the due date', () => {
      const contacts = [contact('c1', '2025-03-04T09:00:00Z', 'no_answer'), contact('c2', '2025-03-04T15:00:00Z', 'left_message')];
      expect(firstContactWith(contacts, '2025-03-06')).toEqual(['first_contact', '2025-03-04', 'attempted', null, 2]);
    });

    it('missed when nothing was logged by the due date; days late count to today', () => {
      expect(firstContactWith([], '2025-03-06')).toEqual(['first_contact', '2025-03-04', 'missed', null, 2]);
    });

    it('an attempt after the due date does not turn a missed update into an attempted one', () => {
      expect(firstContactWith([contact('c1', '2025-03-05T09:00:00Z', 'no_answer')], '2025-03-06')[2]).toBe('missed');
    });

    it('declined when the family, once reached, declined the update', () => {
      expect(firstContactWith([contact('c1', '2025-03-04T10:00:00Z', 'declined')], '2025-03-06')).toEqual([
        'first_contact',
        '2025-03-04',
        'declined',
        null,
        null,
      ]);
    });

    it('the first contact that reached the family decides: spoke then declined is met', () => {
      const contacts = [contact('c2', '2025-03-04T10:00:00Z', 'declined'), contact('c1', '2025-03-03T18:00:00Z')];
      expect(firstContactWith(contacts, '2025-03-06')[3]).toBe('c1');
    });

    it('a contact late in the evening UTC counts on its London date', () => {
      // 23:30 UTC on 3 March is still 3 March in London (GMT).
      expect(firstContactWith([contact('c1', '2025-03-03T23:30:00Z')], '2025-03-06')[2]).toBe('met');
    });
  });

  describe('after a milestone', () => {
    it('a charging decision on the Friday before a bank holiday owes an update on the Tuesday', () => {
      const facts = caseFacts({
        arrestDate: '2025-03-03',
        milestones: [milestone('m1', 'charging_decision', { status: 'done', doneDate: '2025-08-22', dateChangedAt: '2025-08-22T16:00:00Z' })],
      });
      const update = find(owed(facts, '2025-08-22'), 'milestone:m1:2025-08-22');
      expect([update.reason, update.owedFrom, update.dueDate, update.milestoneId]).toEqual(['milestone', '2025-08-22', '2025-08-26', 'm1']);
    });

    it('a contact before the milestone happened does not meet its update', () => {
      const facts = caseFacts({
        milestones: [milestone('m1', 'forensic_completed', { status: 'done', doneDate: '2025-03-12' })],
        contacts: [contact('c1', '2025-03-11T10:00:00Z')],
      });
      expect(find(owed(facts, '2025-03-14'), 'milestone:m1:2025-03-12').status).toBe('missed');
    });

    it('a date change of a milestone not yet done owes an update after the day of the change', () => {
      const facts = caseFacts({
        milestones: [milestone('m1', 'forensic_completed', { expectedDate: '2025-09-01', dateChangedAt: '2025-05-09T15:00:00Z' })],
      });
      expect(find(owed(facts, '2025-05-09'), 'milestone:m1:2025-05-09').dueDate).toBe('2025-05-12');
    });

    it('a milestone recorded but never done or re-dated owes no after-milestone update', () => {
      const facts = caseFacts({ milestones: [milestone('m1', 'interview', { expectedDate: '2025-03-20' })] });
      expect(ofReason(owed(facts, '2025-03-05'), 'milestone')).toEqual([]);
    });

    it('the warrant and the arrest themselves are covered by the first contact', () => {
      const facts = caseFacts({
        milestones: [
          milestone('w', 'planned_warrant', { status: 'done', doneDate: '2025-03-03' }),
          milestone('a', 'arrest', { status: 'done', doneDate: '2025-03-03' }),
        ],
      });
      expect(ofReason(owed(facts, '2025-03-03'), 'milestone')).toEqual([]);
    });

    it('a cancelled milestone owes nothing', () => {
      const facts = caseFacts({
        milestones: [
          milestone('m1', 'trial', { status: 'cancelled', expectedDate: '2025-06-02', dateChangedAt: '2025-04-01T10:00:00Z' }),
        ],
      });
      expect(owed(facts, '2025-04-01').filter((each) => each.milestoneId === 'm1')).toEqual([]);
    });
  });

  describe('advance notice', () => {
    it('hearing on the Tuesday after Easter Monday: notice due Wednesday 16 April 2025', () => {
      const facts = caseFacts({
        milestones: [milestone('h', 'first_hearing', { expectedDate: '2025-04-22', recordedAt: '2025-04-01T15:00:00Z' })],
      });
      const update = find(owed(facts, '2025-04-01'), 'advance_notice:h:2025-04-22');
      expect([update.reason, update.owedFrom, update.dueDate, update.status]).toEqual(['advance_notice', '2025-04-01', '2025-04-16', 'open']);
    });

    it('an ordinary bail return on a Thursday: notice due the Tuesday', () => {
      const facts = caseFacts({ milestones: [milestone('b', 'bail_return', { expectedDate: '2025-03-27' })] });
      expect(find(owed(facts, '2025-03-05'), 'advance_notice:b:2025-03-27').dueDate).toBe('2025-03-25');
    });

    it('is owed for every advance-notice type, and a delayed milestone still owes it', () => {
      const types: MilestoneType[] = ['bail_return', 'first_hearing', 'plea_hearing', 'trial', 'sentence', 'media_release'];
      const facts = caseFacts({
        milestones: types.map((type, index) =>
          milestone(`m${index}`, type, { expectedDate: '2025-06-10', status: index === 0 ? 'delayed' : 'expected' }),
        ),
      });
      expect(ofReason(owed(facts, '2025-03-05'), 'advance_notice')).toHaveLength(types.length);
    });

    it('is not owed for other types, nor for types the force removed from the list', () => {
      const facts = caseFacts({
        milestones: [milestone('i', 'interview', { expectedDate: '2025-06-10' }), milestone('t', 'trial', { expectedDate: '2025-06-10' })],
      });
      const settings = { ...DEFAULT_RULE_SETTINGS, advanceNoticeMilestoneTypes: [] };
      expect(ofReason(owed(facts, '2025-03-05'), 'advance_notice').map((each) => each.milestoneId)).toEqual(['t']);
      expect(ofReason(owed(facts, '2025-03-05', settings), 'advance_notice')).toEqual([]);
    });

    it('a hearing learned about too late for full notice is due the day it was recorded', () => {
      const facts = caseFacts({
        milestones: [milestone('h', 'first_hearing', { expectedDate: '2025-04-07', recordedAt: '2025-04-04T09:00:00Z' })],
      });
      expect(find(owed(facts, '2025-04-04'), 'advance_notice:h:2025-04-07').dueDate).toBe('2025-04-04');
    });

    it('a hearing learned about with no working day left before it owes no advance notice', () => {
      const facts = caseFacts({
        milestones: [milestone('h', 'first_hearing', { expectedDate: '2025-04-07', recordedAt: '2025-04-05T09:00:00Z' })],
      });
      expect(ofReason(owed(facts, '2025-04-05'), 'advance_notice')).toEqual([]);
    });

    it('a milestone re-dated: the old notice is no longer owed, the new one is owed from the day of the change', () => {
      const trial = milestone('t', 'trial', { expectedDate: '2025-06-02', recordedAt: '2025-04-01T10:00:00Z' });
      expect(find(owed(caseFacts({ milestones: [trial] }), '2025-04-01'), 'advance_notice:t:2025-06-02').dueDate).toBe('2025-05-29');

      const redated = { ...trial, expectedDate: '2025-07-07', dateChangedAt: '2025-05-15T10:00:00Z' };
      const updates = owed(caseFacts({ milestones: [redated] }), '2025-05-15');
      expect(updates.some((each) => each.key === 'advance_notice:t:2025-06-02')).toBe(false);
      expect(brief(find(updates, 'advance_notice:t:2025-07-07'))).toEqual(['advance_notice:t:2025-07-07', '2025-07-03', 'open', null, null]);
      expect(find(updates, 'advance_notice:t:2025-07-07').owedFrom).toBe('2025-05-15');
      // …and the change itself is news the family is owed within a working day.
      expect(find(updates, 'milestone:t:2025-05-15').dueDate).toBe('2025-05-16');
    });

    it('a contact before the new date was known does not count as notice of it', () => {
      const redated = milestone('t', 'trial', {
        expectedDate: '2025-07-07',
        recordedAt: '2025-04-01T10:00:00Z',
        dateChangedAt: '2025-05-15T10:00:00Z',
      });
      const facts = caseFacts({ milestones: [redated], contacts: [contact('c1', '2025-05-14T10:00:00Z')] });
      expect(find(owed(facts, '2025-05-20'), 'advance_notice:t:2025-07-07').status).toBe('open');
    });

    it('once the hearing is done its advance notice is no longer produced (stored rows keep history)', () => {
      const done = milestone('h', 'first_hearing', { expectedDate: '2025-04-22', status: 'done', doneDate: '2025-04-22' });
      expect(ofReason(owed(caseFacts({ milestones: [done] }), '2025-04-22'), 'advance_notice')).toEqual([]);
    });
  });

  describe('cadence', () => {
    const cadence = (facts: CaseFacts, today: string) => ofReason(owed(facts, today), 'cadence').map(brief);

    it('every 14 days from the arrest; missed updates stay missed and the chain carries on', () => {
      expect(cadence(caseFacts(), '2025-04-01')).toEqual([
        ['cadence:2025-03-04:2025-03-17', '2025-03-17', 'missed', null, 15],
        ['cadence:2025-03-18:2025-03-31', '2025-03-31', 'missed', null, 1],
        ['cadence:2025-04-01:2025-04-14', '2025-04-14', 'open', null, null],
      ]);
    });

    it('every 7 days, each counted from the contact that met the last one', () => {
      const contacts = [contact('c1', '2025-03-07T10:00:00Z'), contact('c2', '2025-03-13T10:00:00Z')];
      expect(cadence(caseFacts({ updateFrequencyDays: 7, contacts }), '2025-03-17')).toEqual([
        ['cadence:2025-03-04:2025-03-10', '2025-03-10', 'met', 'c1', 0],
        ['cadence:2025-03-08:2025-03-14', '2025-03-14', 'met', 'c2', 0],
        ['cadence:2025-03-14:2025-03-20', '2025-03-20', 'open', null, null],
      ]);
    });

    it('every 56 days (the longest allowed), rolled past the summer bank holiday', () => {
      expect(cadence(caseFacts({ arrestDate: '2025-06-30', updateFrequencyDays: 56 }), '2025-07-01')).toEqual([
        ['cadence:2025-07-01:2025-08-26', '2025-08-26', 'open', null, null],
      ]);
    });

    it('counts from the latest contact that reached the family, not the first', () => {
      const contacts = [contact('c1', '2025-03-05T10:00:00Z'), contact('c2', '2025-03-12T10:00:00Z')];
      expect(cadence(caseFacts({ contacts }), '2025-03-20')).toEqual([
        ['cadence:2025-03-04:2025-03-17', '2025-03-17', 'met', 'c1', 0],
        ['cadence:2025-03-13:2025-03-26', '2025-03-26', 'open', null, null],
      ]);
    });

    it('a contact on arrest day does not count as the first cadence update', () => {
      expect(cadence(caseFacts({ contacts: [contact('c1', '2025-03-03T11:00:00Z')] }), '2025-03-05')).toEqual([
        ['cadence:2025-03-04:2025-03-17', '2025-03-17', 'open', null, null],
      ]);
    });

    it('a late contact meets the overdue update late and the next one early; the next is counted from it', () => {
      const contacts = [contact('c1', '2025-03-17T09:00:00Z', 'no_answer'), contact('c2', '2025-03-19T10:00:00Z')];
      expect(cadence(caseFacts({ contacts }), '2025-03-20')).toEqual([
        ['cadence:2025-03-04:2025-03-17', '2025-03-17', 'met', 'c2', 2],
        ['cadence:2025-03-18:2025-03-31', '2025-03-31', 'met', 'c2', 0],
        ['cadence:2025-03-20:2025-04-02', '2025-04-02', 'open', null, null],
      ]);
    });

    it('an update due today stays open and the next one is already listed', () => {
      expect(cadence(caseFacts(), '2025-03-17')).toEqual([
        ['cadence:2025-03-04:2025-03-17', '2025-03-17', 'open', null, null],
        ['cadence:2025-03-18:2025-03-31', '2025-03-31', 'open', null, null],
      ]);
    });

    it('two links that roll onto the same working day keep distinct keys', () => {
      // Arrest Thu 11 Dec 2025: +14 is Christmas Day, so the update is due Mon 29 Dec. A call on
      // 12 Dec meets it; 12 Dec + 14 is Boxing Day, so the next is due Mon 29 Dec as well.
      const facts = caseFacts({ arrestDate: '2025-12-11', contacts: [contact('c1', '2025-12-12T10:00:00Z')] });
      expect(cadence(facts, '2025-12-15')).toEqual([
        ['cadence:2025-12-12:2025-12-29', '2025-12-29', 'met', 'c1', 0],
        ['cadence:2025-12-13:2025-12-29', '2025-12-29', 'open', null, null],
      ]);
    });

    it('refuses a frequency outside 1–56 days', () => {
      expect(() => owed(caseFacts({ updateFrequencyDays: 0 }), '2025-03-05')).toThrow(/updateFrequencyDays/);
      expect(() => owed(caseFacts({ updateFrequencyDays: 57 }), '2025-03-05')).toThrow(/updateFrequencyDays/);
    });
  });

  describe("the family's choice to decline updates", () => {
    const facts = caseFacts({ declines: [{ id: 'd1', from: '2025-03-05', reviewDate: '2025-04-02' }] });

    it('updates due inside the decline period are declined, not missed', () => {
      expect(ofReason(owed(facts, '2025-04-03'), 'cadence').map(brief)).toEqual([
        ['cadence:2025-03-04:2025-03-17', '2025-03-17', 'declined', null, null],
        ['cadence:2025-03-18:2025-03-31', '2025-03-31', 'declined', null, null],
        ['decline_review:d1', '2025-04-02', 'missed', null, 1],
        ['cadence:2025-04-01:2025-04-14', '2025-04-14', 'open', null, null],
      ]);
    });

    it('the review date becomes a due update (reason cadence), met by reaching the family on the day', () => {
      const withReview = { ...facts, contacts: [contact('c1', '2025-04-02T10:00:00Z')] };
      expect(brief(find(owed(withReview, '2025-04-03'), 'decline_review:d1'))).toEqual(['decline_review:d1', '2025-04-02', 'met', 'c1', 0]);
    });

    it('updates due before the period started can still be missed', () => {
      expect(find(owed(facts, '2025-04-03'), 'first_contact').status).toBe('missed');
    });

    it('a family reached in time during the period still counts as met', () => {
      const reached = { ...facts, contacts: [contact('c1', '2025-03-14T10:00:00Z')] };
      expect(find(owed(reached, '2025-04-03'), 'cadence:2025-03-04:2025-03-17').status).toBe('met');
    });

    it('a high-risk wellbeing follow-up is never declined by a standing decline', () => {
      const risky = { ...facts, wellbeingChecks: [{ id: 'w1', occurredAt: '2025-03-10T10:00:00Z', riskLevel: 'high' as const }] };
      expect(find(owed(risky, '2025-03-13'), 'wellbeing_follow_up:w1').status).toBe('missed');
    });
  });

  describe('wellbeing follow-up', () => {
    it('high risk on a Friday before a bank holiday: due Tuesday, and the same-day contact does not meet it', () => {
      const facts = caseFacts({
        arrestDate: '2025-08-22',
        contacts: [contact('c1', '2025-08-22T10:00:00Z')],
        wellbeingChecks: [{ id: 'w1', occurredAt: '2025-08-22T10:30:00Z', riskLevel: 'high' }],
      });
      const update = find(owed(facts, '2025-08-22'), 'wellbeing_follow_up:w1');
      expect([update.reason, update.owedFrom, update.dueDate, update.status, update.riskLevel]).toEqual([
        'wellbeing_follow_up',
        '2025-08-23',
        '2025-08-26',
        'open',
        'high',
      ]);
    });

    it('medium risk: due 7 days later on a working day', () => {
      const facts = caseFacts({ wellbeingChecks: [{ id: 'w1', occurredAt: '2025-03-04T10:00:00Z', riskLevel: 'medium' }] });
      expect(find(owed(facts, '2025-03-04'), 'wellbeing_follow_up:w1').dueDate).toBe('2025-03-11');
    });

    it('low risk: nothing extra is owed', () => {
      const facts = caseFacts({ wellbeingChecks: [{ id: 'w1', occurredAt: '2025-03-04T10:00:00Z', riskLevel: 'low' }] });
      expect(ofReason(owed(facts, '2025-03-04'), 'wellbeing_follow_up')).toEqual([]);
    });
  });

  describe('closure', () => {
    const closed = caseFacts({
      status: 'closed',
      closedDate: '2025-03-20',
      milestones: [milestone('x', 'case_closed', { status: 'done', doneDate: '2025-03-20' })],
      wellbeingChecks: [{ id: 'w1', occurredAt: '2025-03-25T10:00:00Z', riskLevel: 'high' }],
    });

    it('cadence stops at the closed date', () => {
      expect(ofReason(owed(closed, '2025-05-01'), 'cadence').map((each) => each.dueDate)).toEqual(['2025-03-17']);
    });

    it('the closure itself is still news the family is owed', () => {
      expect(find(owed(closed, '2025-03-20'), 'milestone:x:2025-03-20').dueDate).toBe('2025-03-21');
    });

    it('nothing arising after the closed date is owed', () => {
      expect(ofReason(owed(closed, '2025-05-01'), 'wellbeing_follow_up')).toEqual([]);
    });

    it('advance notice for a hearing after closure is not owed', () => {
      const withHearing = { ...closed, milestones: [milestone('h', 'trial', { expectedDate: '2025-06-02' })] };
      expect(ofReason(owed(withHearing, '2025-05-01'), 'advance_notice')).toEqual([]);
    });
  });

  describe('a full case from planned warrant to charge (2025)', () => {
    // Planned warrant recorded 24 Feb for Tue 4 Mar; arrest, interview and bail that day with a
    // bail return on Tue 1 Apr; charged at the bail return; first hearing on Tue 22 Apr, the day
    // after Easter Monday.
    const warrant = milestone('warrant', 'planned_warrant', { expectedDate: '2025-03-04', recordedAt: '2025-02-24T09:00:00Z' });
    const bailReturn = milestone('bail-return', 'bail_return', { expectedDate: '2025-04-01', recordedAt: '2025-03-06T09:00:00Z' });
    const arrestDay = {
      status: 'open' as const,
      arrestDate: '2025-03-04',
      plannedArrestDate: '2025-03-04',
      updateFrequencyDays: 14,
      milestones: [
        { ...warrant, status: 'done' as const, doneDate: '2025-03-04' },
        milestone('arrest', 'arrest', { status: 'done', doneDate: '2025-03-04', recordedAt: '2025-03-04T08:00:00Z' }),
        milestone('interview', 'interview', { status: 'done', doneDate: '2025-03-04', recordedAt: '2025-03-04T15:00:00Z' }),
        milestone('bail', 'bail_decision', { status: 'done', doneDate: '2025-03-04', recordedAt: '2025-03-04T18:00:00Z' }),
      ],
      contacts: [contact('visit', '2025-03-04T11:00:00Z')],
      wellbeingChecks: [{ id: 'arrest-day-check', occurredAt: '2025-03-04T11:30:00Z', riskLevel: 'high' as const }],
      declines: [],
    };

    it('before the warrant: nothing is owed', () => {
      expect(owed({ ...arrestDay, arrestDate: null, milestones: [warrant], contacts: [], wellbeingChecks: [] }, '2025-03-03')).toEqual([]);
    });

    it('on arrest day: first contact and the day’s milestones met by the visit, a high-risk follow-up due tomorrow', () => {
      expect(owed(arrestDay, '2025-03-04').map(brief)).toEqual([
        ['first_contact', '2025-03-05', 'met', 'visit', 0],
        ['milestone:bail:2025-03-04', '2025-03-05', 'met', 'visit', 0],
        ['milestone:interview:2025-03-04', '2025-03-05', 'met', 'visit', 0],
        ['wellbeing_follow_up:arrest-day-check', '2025-03-05', 'open', null, null],
        ['cadence:2025-03-05:2025-03-18', '2025-03-18', 'open', null, null],
      ]);
    });

    const fourWeeksIn = {
      ...arrestDay,
      milestones: [...arrestDay.milestones, bailReturn],
      contacts: [
        ...arrestDay.contacts,
        contact('follow-up-call', '2025-03-05T10:00:00Z'),
        contact('no-answer', '2025-03-19T09:00:00Z', 'no_answer'),
        contact('message', '2025-03-19T16:00:00Z', 'left_message'),
        contact('reached', '2025-03-20T10:00:00Z'),
      ],
    };

    it('four weeks in: follow-up met, a cadence update met a day late, bail-return notice met early', () => {
      expect(owed(fourWeeksIn, '2025-03-31').map(brief)).toEqual([
        ['first_contact', '2025-03-05', 'met', 'visit', 0],
        ['milestone:bail:2025-03-04', '2025-03-05', 'met', 'visit', 0],
        ['milestone:interview:2025-03-04', '2025-03-05', 'met', 'visit', 0],
        ['wellbeing_follow_up:arrest-day-check', '2025-03-05', 'met', 'follow-up-call', 0],
        ['cadence:2025-03-05:2025-03-18', '2025-03-18', 'met', 'follow-up-call', 0],
        ['cadence:2025-03-06:2025-03-19', '2025-03-19', 'met', 'reached', 1],
        ['advance_notice:bail-return:2025-04-01', '2025-03-28', 'met', 'reached', 0],
        ['cadence:2025-03-20:2025-04-02', '2025-04-02', 'met', 'reached', 0],
        ['cadence:2025-03-21:2025-04-03', '2025-04-03', 'open', null, null],
      ]);
    });

    it('without the late call, that cadence update would be attempted', () => {
      const withoutCall = { ...fourWeeksIn, contacts: fourWeeksIn.contacts.filter((each) => each.id !== 'reached') };
      expect(brief(find(owed(withoutCall, '2025-03-21'), 'cadence:2025-03-06:2025-03-19'))).toEqual([
        'cadence:2025-03-06:2025-03-19',
        '2025-03-19',
        'attempted',
        null,
        2,
      ]);
    });

    const charged = {
      ...fourWeeksIn,
      milestones: [
        ...arrestDay.milestones,
        { ...bailReturn, status: 'done' as const, doneDate: '2025-04-01', dateChangedAt: '2025-04-01T14:00:00Z' },
        milestone('charge', 'charging_decision', { status: 'done', doneDate: '2025-04-01', recordedAt: '2025-04-01T14:00:00Z' }),
        milestone('hearing', 'first_hearing', { expectedDate: '2025-04-22', recordedAt: '2025-04-01T15:00:00Z' }),
      ],
      contacts: [...fourWeeksIn.contacts, contact('charge-call', '2025-04-02T10:00:00Z')],
    };

    it('charged at the bail return: the news and the hearing notice met by the next day’s call', () => {
      const updates = owed(charged, '2025-04-10');
      expect(updates.filter((each) => each.dueDate >= '2025-04-01').map(brief)).toEqual([
        ['milestone:bail-return:2025-04-01', '2025-04-02', 'met', 'charge-call', 0],
        ['milestone:charge:2025-04-01', '2025-04-02', 'met', 'charge-call', 0],
        ['cadence:2025-03-20:2025-04-02', '2025-04-02', 'met', 'reached', 0],
        ['advance_notice:hearing:2025-04-22', '2025-04-16', 'met', 'charge-call', 0],
        ['cadence:2025-04-03:2025-04-16', '2025-04-16', 'open', null, null],
      ]);
      // The call on 2 April is now the latest that reached the family by that cadence due date,
      // so the next update counts from it: the open one due 3 April is replaced by one due 16 April.
      expect(updates.some((each) => each.key === 'cadence:2025-03-21:2025-04-03')).toBe(false);
      // The bail return is done, so its advance notice is no longer produced; the stored row keeps it.
      expect(updates.some((each) => each.key === 'advance_notice:bail-return:2025-04-01')).toBe(false);
    });
  });

  it('is deterministic and does not depend on the order facts are given in', () => {
    const facts = caseFacts({
      contacts: [contact('b', '2025-03-05T10:00:00Z'), contact('a', '2025-03-05T10:00:00Z'), contact('c', '2025-03-19T10:00:00Z', 'no_answer')],
      milestones: [milestone('m2', 'trial', { expectedDate: '2025-06-02' }), milestone('m1', 'sentence', { expectedDate: '2025-07-02' })],
    });
    const reversed = { ...facts, contacts: [...facts.contacts].reverse(), milestones: [...facts.milestones].reverse() };
    expect(owed(reversed, '2025-04-01')).toEqual(owed(facts, '2025-04-01'));
    expect(find(owed(facts, '2025-04-01'), 'first_contact').metByContactId).toBe('a');
  });
});

describe('resolveUpdateStatus', () => {
  it('refreshes a stored row the schedule no longer produces', () => {
    const storedNotice = {
      key: 'advance_notice:h:2025-04-22',
      reason: 'advance_notice' as const,
      owedFrom: '2025-04-01',
      dueDate: '2025-04-16',
      milestoneId: 'h',
      wellbeingCheckId: null,
      riskLevel: null,
    };
    expect(resolveUpdateStatus(storedNotice, { contacts: [], declines: [] }, '2025-04-17')).toEqual({
      status: 'missed',
      metByContactId: null,
      metAt: null,
      daysLate: 1,
    });
    expect(resolveUpdateStatus(storedNotice, { contacts: [contact('c1', '2025-04-18T09:00:00Z')], declines: [] }, '2025-04-18')).toEqual({
      status: 'met',
      metByContactId: 'c1',
      metAt: '2025-04-18T09:00:00Z',
      daysLate: 2,
    });
  });
});

describe('summariseWork', () => {
  const item = (key: string, dueDate: string, extra: Partial<OwedUpdate> = {}) =>
    ({ key, dueDate, reason: 'cadence', status: 'open', riskLevel: null, ...extra }) as const;

  it('sorts outstanding updates into overdue, due today and the next 7 days, high-risk follow-ups first', () => {
    const summary = summariseWork(
      [
        item('late-cadence', '2025-03-03', { status: 'missed' }),
        item('late-attempt', '2025-03-05', { status: 'attempted' }),
        item('late-high-risk', '2025-03-06', { status: 'missed', reason: 'wellbeing_follow_up', riskLevel: 'high' }),
        item('met', '2025-03-04', { status: 'met' }),
        item('declined', '2025-03-10', { status: 'declined' }),
        item('today-cadence', '2025-03-10'),
        item('today-high-risk', '2025-03-10', { reason: 'wellbeing_follow_up', riskLevel: 'high' }),
        item('today-medium-risk', '2025-03-10', { reason: 'wellbeing_follow_up', riskLevel: 'medium' }),
        item('next-week', '2025-03-17'),
        item('soon', '2025-03-12', { reason: 'advance_notice' }),
        item('later', '2025-03-18'),
      ],
      '2025-03-10',
    );
    expect(summary.overdue.map((each) => each.key)).toEqual(['late-high-risk', 'late-cadence', 'late-attempt']);
    expect(summary.dueToday.map((each) => each.key)).toEqual(['today-high-risk', 'today-cadence', 'today-medium-risk']);
    expect(summary.next7Days.map((each) => each.key)).toEqual(['soon', 'next-week']);
  });

  it('keeps the caller’s extra fields (e.g. the case reference) on each item', () => {
    const summary = summariseWork([{ ...item('x', '2025-03-10'), caseReference: 'AB/123' }], '2025-03-10');
    expect(summary.dueToday[0].caseReference).toBe('AB/123');
  });
});
