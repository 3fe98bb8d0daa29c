import { ScheduledUpdate } from '../src/updates/scheduled-update.entity';
import { UpdateRefresher } from '../src/updates/update-refresher';
import { UpdateScheduler } from '../src/updates/update-scheduler';
import { UnitOfWork } from '../src/database/unit-of-work';
import { asUser, summary, UpdateRow } from './support/case-api';
import { FakeClock } from './support/fake-clock';
import { createTestApp, TEST_ENGINE, TestApp } from './support/test-app';

/**
 * One family's case driven through the API from a planned warrant to charge, day by day with a
 * fake clock, checking what the family is owed at each step. The arrest is on Friday 22 August
 * 2025, before the summer bank holiday, so the first contact is due on Tuesday 26 August.
 */
describe('a case from planned warrant to charge', () => {
  let t: TestApp;
  let officer: ReturnType<typeof asUser>;
  let caseId: string;
  const clock = new FakeClock('2025-08-18T09:00:00Z'); // Monday
  const ids: Record<string, string> = {};

  async function travel(to: string) {
    clock.set(to);
    officer = asUser(t, await t.login('officer1', { fresh: true }));
  }
  const updates = () => officer.updates(caseId);
  const refresh = () => t.app.get(UpdateRefresher).refreshDue();
  const byKey = (rows: UpdateRow[], prefix: string) => rows.filter((u) => u.key.startsWith(prefix));
  /** What a report would read: status straight from the table. */
  const stored = async () =>
    (await t.dataSource.getRepository(ScheduledUpdate).find({ where: { caseId }, order: { dueDate: 'ASC', key: 'ASC' } })).map((u) => [u.key.split(':')[0], u.dueDate, u.status]);
  const contact = (occurredAt: string, outcome: string, summaryText: string) =>
    officer.post(`/api/cases/${caseId}/contacts`, { occurredAt, method: 'phone', outcome, summary: summaryText }).expect(201);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    await travel('2025-08-18T09:00:00Z');
  });
  afterAll(() => t.close());

  it('Mon 18 Aug: a warrant is planned; nothing is owed to the family before the arrest', async () => {
    const kase = await officer.createCase({ suspectStatus: 'not_arrested', arrestDate: undefined, plannedArrestDate: '2025-08-22' });
    caseId = kase.id;
    const warrant = await officer.post(`/api/cases/${caseId}/milestones`, { type: 'planned_warrant', expectedDate: '2025-08-22' }).expect(201);
    ids.warrant = warrant.body.id;
    expect(await updates()).toEqual([]);
  });

  it('Fri 22 Aug: the warrant is executed and the arrest recorded; first contact due Tue 26 Aug (bank holiday Monday)', async () => {
    await travel('2025-08-22T06:30:00Z');
    await officer.patch(`/api/cases/${caseId}/milestones/${ids.warrant}`, { status: 'done', doneDate: '2025-08-22' }).expect(200);
    await officer.post(`/api/cases/${caseId}/milestones`, { type: 'arrest', doneDate: '2025-08-22' }).expect(201);
    expect(summary(await updates())).toEqual([
      ['first_contact', '2025-08-26', 'open'],
      ['cadence', '2025-09-05', 'open'],
    ]);

    await travel('2025-08-22T15:00:00Z');
    const bail = await officer.post(`/api/cases/${caseId}/milestones`, { type: 'bail_decision', doneDate: '2025-08-22', note: 'Released on bail with conditions.' }).expect(201);
    ids.bail = bail.body.id;
    const kase = await officer.get(`/api/cases/${caseId}`).expect(200);
    await officer.patch(`/api/cases/${caseId}`, { version: kase.body.version, suspectStatus: 'bail_with_conditions' }).expect(200);
    expect(summary(await updates())).toEqual([
      ['first_contact', '2025-08-26', 'open'],
      ['milestone', '2025-08-26', 'open'],
      ['cadence', '2025-09-05', 'open'],
    ]);
  });

  it('Tue 26 Aug: an unanswered call; still open on the due date', async () => {
    await travel('2025-08-26T10:00:00Z');
    await contact('2025-08-26T09:00:00Z', 'no_answer', 'No answer.');
    expect(summary(await updates()).slice(0, 2)).toEqual([
      ['first_contact', '2025-08-26', 'open'],
      ['milestone', '2025-08-26', 'open'],
    ]);
  });

  it('Wed 27 Aug: the refresh marks them attempted in the table; a call that gets through meets them a day late', async () => {
    await travel('2025-08-27T08:00:00Z');
    const refreshed = await refresh();
    expect(refreshed.changed).toBeGreaterThanOrEqual(1);
    expect((await stored()).slice(0, 2)).toEqual([
      ['first_contact', '2025-08-26', 'attempted'],
      ['milestone', '2025-08-26', 'attempted'],
    ]);

    await travel('2025-08-27T11:00:00Z');
    const call = await contact('2025-08-27T10:30:00Z', 'spoke', 'Explained bail conditions and what happens next.');
    const rows = await updates();
    expect(rows.map((u) => [u.reason, u.dueDate, u.status, u.daysLate])).toEqual([
      ['first_contact', '2025-08-26', 'met', 1],
      ['milestone', '2025-08-26', 'met', 1],
      // Met early by the same call; the next one counts from it.
      ['cadence', '2025-09-05', 'met', 0],
      ['cadence', '2025-09-10', 'open', null],
    ]);
    expect(rows.filter((u) => u.status === 'met').every((u) => u.metByContactId === call.body.id)).toBe(true);
  });

  it('Thu 28 Aug: the bail return date is set; advance notice due two working days before', async () => {
    await travel('2025-08-28T09:00:00Z');
    const bailReturn = await officer.post(`/api/cases/${caseId}/milestones`, { type: 'bail_return', expectedDate: '2025-09-19' }).expect(201);
    ids.bailReturn = bailReturn.body.id;
    expect(byKey(await updates(), 'advance_notice').map((u) => [u.owedFrom, u.dueDate, u.status])).toEqual([['2025-08-28', '2025-09-17', 'open']]);
  });

  it('Thu 11 Sep: nobody called by the 10th: the cadence update is missed', async () => {
    await travel('2025-09-11T07:00:00Z');
    await refresh();
    expect(await stored()).toEqual([
      ['first_contact', '2025-08-26', 'met'],
      ['milestone', '2025-08-26', 'met'],
      ['cadence', '2025-09-05', 'met'],
      ['cadence', '2025-09-10', 'missed'],
      ['advance_notice', '2025-09-17', 'open'],
      ['cadence', '2025-09-24', 'open'],
    ]);
  });

  it('Fri 12 Sep: charged; bail return cancelled, first hearing listed', async () => {
    await travel('2025-09-12T14:00:00Z');
    const charge = await officer.post(`/api/cases/${caseId}/milestones`, { type: 'charging_decision', doneDate: '2025-09-12', note: 'Charged.' }).expect(201);
    ids.charge = charge.body.id;
    await officer.patch(`/api/cases/${caseId}/milestones/${ids.bailReturn}`, { status: 'cancelled' }).expect(200);
    const hearing = await officer.post(`/api/cases/${caseId}/milestones`, { type: 'first_hearing', expectedDate: '2025-10-06' }).expect(201);
    ids.hearing = hearing.body.id;
    const rows = await updates();
    expect(rows.find((u) => u.milestoneId === ids.charge)).toMatchObject({ reason: 'milestone', dueDate: '2025-09-15', status: 'open' });
    expect(rows.some((u) => u.milestoneId === ids.bailReturn)).toBe(false);
    expect(rows.find((u) => u.milestoneId === ids.hearing)).toMatchObject({ reason: 'advance_notice', owedFrom: '2025-09-12', dueDate: '2025-10-02', status: 'open' });
  });

  it('Mon 15 Sep: one call meets the charge update on time, the hearing notice, and the missed update late', async () => {
    await travel('2025-09-15T14:00:00Z');
    const call = await contact('2025-09-15T13:00:00Z', 'spoke', 'Told them about the charge and the first hearing on 6 October.');
    const rows = await updates();
    expect(rows.map((u) => [u.reason, u.dueDate, u.status, u.daysLate])).toEqual([
      ['first_contact', '2025-08-26', 'met', 1],
      ['milestone', '2025-08-26', 'met', 1],
      ['cadence', '2025-09-05', 'met', 0],
      ['cadence', '2025-09-10', 'met', 5],
      ['milestone', '2025-09-15', 'met', 0],
      ['cadence', '2025-09-24', 'met', 0],
      ['cadence', '2025-09-29', 'open', null],
      ['advance_notice', '2025-10-02', 'met', 0],
    ]);
    expect(rows.find((u) => u.milestoneId === ids.charge)?.metByContactId).toBe(call.body.id);
  });

  it('recomputing again changes nothing: no row written, same ids', async () => {
    const before = await t.dataSource.getRepository(ScheduledUpdate).find({ where: { caseId }, order: { key: 'ASC' } });
    const results = await t.app.get(UnitOfWork).write(async (manager) => {
      const scheduler = t.app.get(UpdateScheduler);
      return [await scheduler.recompute(manager, caseId), await scheduler.recompute(manager, caseId)];
    });
    expect(results).toEqual([
      { inserted: 0, updated: 0, deleted: 0 },
      { inserted: 0, updated: 0, deleted: 0 },
    ]);
    const after = await t.dataSource.getRepository(ScheduledUpdate).find({ where: { caseId }, order: { key: 'ASC' } });
    expect(after).toEqual(before);
    expect((await refresh()).changed).toBe(0);
  });

  it('concurrent recomputes of one case (as from two app instances) leave one row per obligation', async () => {
    await t.dataSource.getRepository(ScheduledUpdate).delete({ caseId });
    const refresher = t.app.get(UpdateRefresher);
    const second = TEST_ENGINE === 'postgres' ? await createTestApp({ databaseUrl: t.databaseUrl, clock }) : null;
    try {
      const others = second ? [second.app.get(UpdateRefresher)] : [];
      await Promise.all([refresher, refresher, ...others, ...others].map((r) => r.refreshCase(caseId, 'test: concurrent recompute')));
      const rows = await t.dataSource.getRepository(ScheduledUpdate).find({ where: { caseId } });
      expect(rows.length).toBe(new Set(rows.map((r) => r.key)).size);
      expect(summary(await updates()).length).toBe(rows.length);
    } finally {
      await second?.close({ keepDatabase: true });
    }
  });
});

describe('the family declines updates', () => {
  let t: TestApp;
  let officer: ReturnType<typeof asUser>;
  const clock = new FakeClock('2025-09-02T10:00:00Z'); // Tuesday

  async function travel(to: string) {
    clock.set(to);
    officer = asUser(t, await t.login('officer1', { fresh: true }));
  }

  beforeAll(async () => {
    t = await createTestApp({ clock });
    await travel('2025-09-02T10:00:00Z');
  });
  afterAll(() => t.close());

  it('declined updates are not missed; the review date is a due update; resuming early brings it to today', async () => {
    const kase = await officer.createCase({ arrestDate: '2025-09-01' });
    await officer.post(`/api/cases/${kase.id}/contacts`, { occurredAt: '2025-09-02T09:00:00Z', method: 'visit', outcome: 'spoke', summary: 'Second visit.' }).expect(201);
    const decline = await officer
      .post(`/api/cases/${kase.id}/declines`, { from: '2025-09-03', reviewDate: '2025-09-30', note: 'Partner asked for no calls for a few weeks.' })
      .expect(201);
    expect(decline.body).toMatchObject({ from: '2025-09-03', reviewDate: '2025-09-30', endedOn: null, active: false });
    const overlapping = await officer.post(`/api/cases/${kase.id}/declines`, { from: '2025-09-10', reviewDate: '2025-10-10' }).expect(409);
    expect(overlapping.body.fields[0].field).toBe('from');
    const backwards = await officer.post(`/api/cases/${kase.id}/declines`, { from: '2025-09-10', reviewDate: '2025-09-10' }).expect(400);
    expect(backwards.body.fields[0].field).toBe('reviewDate');

    await travel('2025-09-17T10:00:00Z');
    await t.app.get(UpdateRefresher).refreshDue();
    const view = await officer.get(`/api/cases/${kase.id}/updates`).expect(200);
    expect(view.body.declines).toEqual([expect.objectContaining({ id: decline.body.id, active: true })]);
    expect(summary(view.body.updates)).toEqual([
      ['first_contact', '2025-09-02', 'met'],
      ['cadence', '2025-09-15', 'met'],
      // Due inside the period the family declined: declined, not missed.
      ['cadence', '2025-09-16', 'declined'],
      ['cadence', '2025-09-30', 'open'],
      ['cadence', '2025-09-30', 'open'],
    ]);
    expect(view.body.updates.find((u: UpdateRow) => u.key === `decline_review:${decline.body.id}`)).toMatchObject({ dueDate: '2025-09-30', status: 'open' });

    // The family rings: they want updates again.
    await travel('2025-09-22T10:00:00Z');
    const ended = await officer.post(`/api/cases/${kase.id}/declines/${decline.body.id}/end`).expect(200);
    expect(ended.body).toMatchObject({ endedOn: '2025-09-22', reviewDate: '2025-09-30', active: false, endedByOfficerId: expect.any(String) });
    await officer.post(`/api/cases/${kase.id}/declines/${decline.body.id}/end`).expect(409);
    const rows = await officer.updates(kase.id);
    expect(rows.find((u) => u.key === `decline_review:${decline.body.id}`)).toMatchObject({ dueDate: '2025-09-22', status: 'open' });
    const work = await officer.get('/api/me/work').expect(200);
    expect(work.body.dueToday).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: kase.id, key: `decline_review:${decline.body.id}`, reason: 'cadence' })]));
  });
});

interface WorkItem {
  caseId: string;
  reference: string;
  reason: string;
  dueDate: string;
  status: string;
  riskLevel: string | null;
}

describe('the officer’s work list', () => {
  let t: TestApp;
  const clock = new FakeClock('2026-03-09T12:00:00Z'); // Monday

  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  it('splits my open cases’ updates into overdue, due today and next 7 days, high-risk follow-ups first', async () => {
    const officer = asUser(t, await t.login('officer1'));
    const w1 = await officer.createCase({ arrestDate: '2026-03-02' });
    const w2 = await officer.createCase({ arrestDate: '2026-03-06' });
    await officer
      .post(`/api/cases/${w2.id}/wellbeing-checks`, { occurredAt: '2026-03-09T11:00:00Z', context: 'crisis', distressLevel: 4, indicators: [], trustedPersonPresent: false })
      .expect(201);
    clock.set('2026-03-10T10:00:00Z');
    const me = asUser(t, await t.login('officer1', { fresh: true }));
    const w3 = await me.createCase({ arrestDate: '2026-03-09' });
    const closed = await me.createCase({ arrestDate: '2026-03-02' });
    await me.patch(`/api/cases/${closed.id}`, { version: 1, status: 'closed' }).expect(200);

    const res = await me.get('/api/me/work').expect(200);
    const ours = [w1.id, w2.id, w3.id, closed.id];
    const mine = (list: WorkItem[]) => list.filter((i) => ours.includes(i.caseId));
    const pick = (list: WorkItem[]) => mine(list).map((i) => [i.reference, i.reason, i.dueDate]);
    expect(res.body.today).toBe('2026-03-10');
    expect(pick(res.body.overdue)).toEqual([
      [w1.reference, 'first_contact', '2026-03-03'],
      [w2.reference, 'first_contact', '2026-03-09'],
    ]);
    expect(pick(res.body.dueToday)).toEqual([
      [w2.reference, 'wellbeing_follow_up', '2026-03-10'],
      [w3.reference, 'first_contact', '2026-03-10'],
    ]);
    expect(pick(res.body.next7Days)).toEqual([[w1.reference, 'cadence', '2026-03-16']]);
    expect(res.body.dueToday[0]).toMatchObject({ reason: 'wellbeing_follow_up', riskLevel: 'high', status: 'open', caseId: w2.id, role: 'liaison' });
    for (const list of [res.body.overdue, res.body.dueToday, res.body.next7Days] as WorkItem[][]) {
      const highFirst = list.findIndex((i) => !(i.reason === 'wellbeing_follow_up' && i.riskLevel === 'high'));
      const rest = highFirst === -1 ? [] : list.slice(highFirst);
      expect(rest.some((i) => i.reason === 'wellbeing_follow_up' && i.riskLevel === 'high')).toBe(false);
      expect(rest.map((i) => i.dueDate)).toEqual([...rest.map((i) => i.dueDate)].sort());
    }
    // Stored statuses were refreshed for the list: the overdue first contacts are missed, not open.
    expect(mine(res.body.overdue).every((i) => i.status === 'missed')).toBe(true);
  });

  it('is empty for a supervisor who holds no cases, and refused to an admin', async () => {
    const supervisor = asUser(t, await t.login('supervisor1', { fresh: true }));
    const res = await supervisor.get('/api/me/work').expect(200);
    expect(res.body).toMatchObject({ overdue: [], dueToday: [], next7Days: [] });
    await asUser(t, await t.login('admin1', { fresh: true })).get('/api/me/work').expect(403);
  });

  it('shows a deputy the cases they cover', async () => {
    const officer2 = asUser(t, await t.login('officer2', { fresh: true }));
    const res = await officer2.get('/api/me/work').expect(200);
    const all = [...res.body.overdue, ...res.body.dueToday, ...res.body.next7Days];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((i: { role: string }) => ['liaison', 'deputy'].includes(i.role))).toBe(true);
  });
});

describe('the demo seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FakeClock('2026-03-10T10:00:00Z') });
  });
  afterAll(() => t.close());

  it('shows every status an update can have, a met-late update and an unacknowledged high-risk alert', async () => {
    const rows = await t.dataSource.getRepository(ScheduledUpdate).find();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['met', 'attempted', 'missed', 'open', 'declined']));
    expect(rows.some((r) => r.status === 'met' && (r.daysLate ?? 0) > 0)).toBe(true);
    const supervisor = asUser(t, await t.login('supervisor1'));
    const alerts = await supervisor.get('/api/alerts?acknowledged=false').expect(200);
    expect(alerts.body).toEqual([expect.objectContaining({ reference: 'NOR/2026/0105', kind: 'high_risk_wellbeing' })]);
    // The seed's schedules are what a recompute would produce: nothing to change.
    expect((await t.app.get(UpdateRefresher).refreshDue()).changed).toBe(0);
  });
});
