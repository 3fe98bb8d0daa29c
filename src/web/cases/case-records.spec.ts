import { CaseView } from '../../cases/case-view';
import { ContactView } from '../../contacts/contact-view';
import { MilestoneView } from '../../milestones/milestone-view';
import { CaseUpdatesView, DeclineView, ScheduledUpdateView } from '../../updates/update-views';
import { contactLog, currentDecline, milestoneTimeline, updatesOwed } from './case-records';

const milestone = (fields: Partial<MilestoneView>): MilestoneView => ({
  id: 'm',
  caseId: 'c',
  type: 'interview',
  status: 'expected',
  expectedDate: null,
  doneDate: null,
  note: '',
  recordedAt: new Date('2026-03-01T10:00:00Z'),
  dateChangedAt: null,
  updatedAt: new Date('2026-03-01T10:00:00Z'),
  recordedByOfficerId: null,
  ...fields,
});

const update = (fields: Partial<ScheduledUpdateView>): ScheduledUpdateView => ({
  id: 'u',
  key: 'k',
  reason: 'cadence',
  owedFrom: '2026-03-01',
  dueDate: '2026-03-05',
  milestoneId: null,
  wellbeingCheckId: null,
  status: 'open',
  metByContactId: null,
  metAt: null,
  daysLate: null,
  riskLevel: null,
  officerId: null,
  teamId: 't',
  ...fields,
});

const decline = (fields: Partial<DeclineView>): DeclineView => ({
  id: 'd',
  caseId: 'c',
  from: '2026-03-01',
  reviewDate: '2026-04-01',
  endedOn: null,
  active: true,
  note: '',
  recordedAt: new Date(),
  recordedByOfficerId: null,
  endedAt: null,
  endedByOfficerId: null,
  ...fields,
});

describe('the case page’s records', () => {
  it('puts the milestones in date order, by when they happened or are expected, undated last', () => {
    const timeline = milestoneTimeline('c', [
      milestone({ id: 'trial', type: 'trial' }),
      milestone({ id: 'hearing', type: 'first_hearing', expectedDate: '2026-05-01' }),
      milestone({ id: 'arrest', type: 'arrest', status: 'done', doneDate: '2026-03-01' }),
    ]);
    expect(timeline.map((step) => [step.name, step.done, step.expected])).toEqual([
      ['Arrest', '1 March 2026', null],
      ['First hearing', null, '1 May 2026'],
      ['Trial', null, null],
    ]);
    expect(timeline[0].editHref).toBe('/cases/c/milestones/arrest');
  });

  it('lists the updates latest first, splits met into on time and late, and counts days late to today for the unmet', () => {
    const view: CaseUpdatesView = {
      caseId: 'c',
      today: '2026-03-10',
      declines: [],
      updates: [
        update({ id: 'a', dueDate: '2026-03-02', status: 'met', daysLate: 2, metByContactId: 'x', reason: 'first_contact' }),
        update({ id: 'b', dueDate: '2026-03-06', status: 'missed', reason: 'milestone', milestoneId: 'm1' }),
        update({ id: 'c', dueDate: '2026-03-20', status: 'open' }),
        update({ id: 'd', dueDate: '2026-03-08', status: 'declined' }),
      ],
    };
    const owed = updatesOwed('c', view, [milestone({ id: 'm1', type: 'bail_decision' })]);
    expect(owed.rows.map((row) => [row.due, row.reason, row.statusTag.text, row.daysLate, row.metBy])).toEqual([
      ['20 March 2026', 'Regular update', 'Open', '–', null],
      ['8 March 2026', 'Regular update', 'Declined', '–', null],
      ['6 March 2026', 'After a milestone: bail or RUI decision', 'Missed', '4 days', null],
      ['2 March 2026', 'First contact after the arrest', 'Met late', '2 days', '#contact-x'],
    ]);
    expect(owed.decline).toBeNull();
  });

  it('finds the decline running now or starting later, not one that ended', () => {
    const view = (declines: DeclineView[]): CaseUpdatesView => ({ caseId: 'c', today: '2026-03-10', updates: [], declines });
    expect(currentDecline(view([decline({ id: 'old', reviewDate: '2026-03-05' }), decline({ id: 'ended', endedOn: '2026-03-09' })]))).toBeNull();
    expect(currentDecline(view([decline({ id: 'now' })]))?.id).toBe('now');
    expect(currentDecline(view([decline({ id: 'later', from: '2026-03-20', reviewDate: '2026-04-20' })]))?.id).toBe('later');
  });

  it('links a correction to the entry it corrects, and offers no second correction of a corrected entry', () => {
    const kase = { id: 'c', familyContacts: [{ id: 'p', name: 'Sam Taylor', relationship: 'partner', phone: '', email: '' }] } as unknown as CaseView;
    const contact = (fields: Partial<ContactView>): ContactView => ({
      id: 'x',
      caseId: 'c',
      occurredAt: new Date('2026-03-09T14:30:00Z'),
      method: 'phone',
      outcome: 'spoke',
      summary: 's',
      familyContactId: 'p',
      officerId: 'o',
      topicsCovered: [],
      correctsContactId: null,
      correctedByContactId: null,
      recordedAt: new Date(),
      ...fields,
    });
    const log = contactLog(
      kase,
      [contact({ id: 'new', correctsContactId: 'old', occurredAt: new Date('2026-03-09T15:00:00Z') }), contact({ id: 'old', correctedByContactId: 'new', outcome: 'no_answer' })],
      () => 'PC Alex Morgan (N1042)',
    );
    expect(log[0]).toMatchObject({ person: 'Sam Taylor', corrects: { href: '#contact-old', text: 'the entry of 9 March 2026 at 14:30' }, correctHref: '/cases/c/contacts/new/correct' });
    expect(log[1]).toMatchObject({ outcome: 'No answer', correctedBy: { href: '#contact-new', text: 'the entry of 9 March 2026 at 15:00' }, correctHref: null });
  });
});
