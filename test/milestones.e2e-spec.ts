import { accessEntries, asUser, rowCounts, summary } from './support/case-api';
import { FakeClock } from './support/fake-clock';
import { createTestApp, TestApp } from './support/test-app';

const WRITTEN_TABLES = ['milestones', 'scheduled_updates', 'access_log', 'cases'];

describe('milestones', () => {
  let t: TestApp;
  let officer: ReturnType<typeof asUser>;
  const clock = new FakeClock('2026-03-10T10:00:00Z'); // Tuesday

  /** Moves the clock and signs in again (a session ends after 30 idle minutes). */
  async function travel(to: string) {
    clock.set(to);
    officer = asUser(t, await t.login('officer1', { fresh: true }));
  }

  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());
  beforeEach(() => travel('2026-03-10T10:00:00Z'));

  it('schedules the first contact when a case is created with an arrest date', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-06' }); // Friday
    expect(summary(await officer.updates(kase.id))).toEqual([
      ['first_contact', '2026-03-09', 'missed'],
      ['cadence', '2026-03-20', 'open'],
    ]);
  });

  it('records a milestone done and recomputes the updates in the same request', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-02' });
    const created = await officer
      .post(`/api/cases/${kase.id}/milestones`, { type: 'forensic_started', doneDate: '2026-03-09', note: 'The devices are being examined.' })
      .expect(201);
    expect(created.body).toMatchObject({
      type: 'forensic_started',
      status: 'done',
      doneDate: '2026-03-09',
      expectedDate: null,
      note: 'The devices are being examined.',
      recordedAt: '2026-03-10T10:00:00.000Z',
      dateChangedAt: null,
    });
    const updates = await officer.updates(kase.id);
    expect(updates.find((u) => u.milestoneId === created.body.id)).toMatchObject({
      key: `milestone:${created.body.id}:2026-03-09`,
      reason: 'milestone',
      dueDate: '2026-03-10',
      status: 'open',
    });
    const listed = await officer.get(`/api/cases/${kase.id}/milestones`).expect(200);
    expect(listed.body.map((m: { id: string }) => m.id)).toEqual([created.body.id]);
  });

  it('re-dating a hearing moves its advance notice (Easter and the early May bank holiday skipped) and owes an update', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-02' });
    const hearing = await officer.post(`/api/cases/${kase.id}/milestones`, { type: 'first_hearing', expectedDate: '2026-04-20' }).expect(201);
    const before = await officer.updates(kase.id);
    expect(before.find((u) => u.reason === 'advance_notice')).toMatchObject({ key: `advance_notice:${hearing.body.id}:2026-04-20`, dueDate: '2026-04-16' });

    await travel('2026-03-12T09:00:00Z');
    const moved = await officer.patch(`/api/cases/${kase.id}/milestones/${hearing.body.id}`, { expectedDate: '2026-05-05' }).expect(200);
    expect(moved.body).toMatchObject({ expectedDate: '2026-05-05', status: 'expected', dateChangedAt: '2026-03-12T09:00:00.000Z' });
    const after = await officer.updates(kase.id);
    expect(after.some((u) => u.key === `advance_notice:${hearing.body.id}:2026-04-20`)).toBe(false);
    expect(after.filter((u) => u.milestoneId === hearing.body.id).map((u) => [u.reason, u.dueDate, u.status])).toEqual([
      ['milestone', '2026-03-13', 'open'],
      ['advance_notice', '2026-04-30', 'open'],
    ]);

    // Cancelled: nothing is owed for it any more.
    await officer.patch(`/api/cases/${kase.id}/milestones/${hearing.body.id}`, { status: 'cancelled' }).expect(200);
    expect((await officer.updates(kase.id)).filter((u) => u.milestoneId === hearing.body.id)).toEqual([]);
  });

  it('turns a planned warrant into a live case when the arrest is recorded as done', async () => {
    const kase = await officer.createCase({ suspectStatus: 'not_arrested', arrestDate: undefined, plannedArrestDate: '2026-03-10' });
    await officer.post(`/api/cases/${kase.id}/milestones`, { type: 'planned_warrant', expectedDate: '2026-03-10' }).expect(201);
    expect(await officer.updates(kase.id)).toEqual([]);

    await officer.post(`/api/cases/${kase.id}/milestones`, { type: 'arrest', status: 'done', doneDate: '2026-03-10' }).expect(201);
    const now = await officer.get(`/api/cases/${kase.id}`).expect(200);
    expect(now.body).toMatchObject({ arrestDate: '2026-03-10', suspectStatus: 'in_custody', version: 2 });
    expect(summary(await officer.updates(kase.id))).toEqual([
      ['first_contact', '2026-03-11', 'open'],
      ['cadence', '2026-03-24', 'open'],
    ]);
  });

  it.each([
    [{ type: 'warrant' }, 'type'],
    [{ type: 'interview', expectedDate: '2026-02-30' }, 'expectedDate'],
    [{ type: 'interview', expectedDate: '1989-12-31' }, 'expectedDate'],
    [{ type: 'interview', doneDate: '2026-03-11' }, 'doneDate'],
    [{ type: 'interview', status: 'done' }, 'doneDate'],
    [{ type: 'interview', status: 'expected', doneDate: '2026-03-01' }, 'doneDate'],
    [{ type: 'interview', status: 'finished' }, 'status'],
    [{ type: 'interview', note: 'bad\u0007bell' }, 'note'],
    [{ type: 'interview', note: 'x'.repeat(1001) }, 'note'],
    [{ type: 'interview', caseId: 'x' }, 'caseId'],
  ])('refuses %p naming %s, and writes nothing', async (body, field) => {
    const kase = await officer.createCase();
    const before = await rowCounts(t, WRITTEN_TABLES);
    const res = await officer.post(`/api/cases/${kase.id}/milestones`, body).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await rowCounts(t, WRITTEN_TABLES)).toEqual(before);
  });

  it('refuses a bad change naming the field, and writes nothing', async () => {
    const kase = await officer.createCase();
    const m = await officer.post(`/api/cases/${kase.id}/milestones`, { type: 'interview', expectedDate: '2026-03-20' }).expect(201);
    const before = await rowCounts(t, WRITTEN_TABLES);
    for (const [body, field] of [
      [{ status: 'done' }, 'doneDate'],
      [{ doneDate: '2026-04-01' }, 'doneDate'],
      [{ type: 'trial' }, 'type'],
      [{ expectedDate: '2026-13-01' }, 'expectedDate'],
    ] as const) {
      const res = await officer.patch(`/api/cases/${kase.id}/milestones/${m.body.id}`, body).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await rowCounts(t, WRITTEN_TABLES)).toEqual(before);
  });

  it('marks a milestone done, and moving it out of done drops the done date', async () => {
    const kase = await officer.createCase();
    const m = await officer.post(`/api/cases/${kase.id}/milestones`, { type: 'interview', expectedDate: '2026-03-09' }).expect(201);
    const done = await officer.patch(`/api/cases/${kase.id}/milestones/${m.body.id}`, { doneDate: '2026-03-09' }).expect(200);
    expect(done.body).toMatchObject({ status: 'done', doneDate: '2026-03-09' });
    const delayed = await officer.patch(`/api/cases/${kase.id}/milestones/${m.body.id}`, { status: 'delayed' }).expect(200);
    expect(delayed.body).toMatchObject({ status: 'delayed', doneDate: null });
  });

  it('answers 404 for a milestone of another case, and for another team’s case', async () => {
    const mine = await officer.createCase();
    const other = await officer.createCase();
    const m = await officer.post(`/api/cases/${other.id}/milestones`, { type: 'interview' }).expect(201);
    await officer.patch(`/api/cases/${mine.id}/milestones/${m.body.id}`, { note: 'x' }).expect(404);
    const officer3 = asUser(t, await t.login('officer3'));
    await officer3.get(`/api/cases/${mine.id}/milestones`).expect(404);
    await officer3.post(`/api/cases/${mine.id}/milestones`, { type: 'interview' }).expect(404);
  });

  it('writes the access log with the milestone as the record', async () => {
    const kase = await officer.createCase();
    const m = await officer.post(`/api/cases/${kase.id}/milestones`, { type: 'interview' }).expect(201);
    await officer.patch(`/api/cases/${kase.id}/milestones/${m.body.id}`, { expectedDate: '2026-03-20' }).expect(200);
    await officer.get(`/api/cases/${kase.id}/milestones`).expect(200);
    const entries = (await accessEntries(t, kase.id)).filter((e) => e.recordType === 'milestone');
    expect(entries.map((e) => [e.operation, e.recordId])).toEqual([
      ['collection', m.body.id],
      ['alteration', m.body.id],
      ['consultation', kase.id],
    ]);
  });

  it('recomputes when the case itself changes: frequency, closure', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-02', updateFrequencyDays: 14 });
    expect((await officer.updates(kase.id)).find((u) => u.reason === 'cadence')?.dueDate).toBe('2026-03-16');
    await officer.patch(`/api/cases/${kase.id}`, { version: 1, updateFrequencyDays: 7 }).expect(200);
    expect((await officer.updates(kase.id)).filter((u) => u.reason === 'cadence').map((u) => [u.dueDate, u.status])).toEqual([
      ['2026-03-09', 'missed'],
      ['2026-03-16', 'open'],
    ]);
    await officer.patch(`/api/cases/${kase.id}`, { version: 2, status: 'closed' }).expect(200);
    // Closed today: the open cadence update after today is no longer owed; the missed one stays.
    expect(summary(await officer.updates(kase.id))).toEqual([
      ['first_contact', '2026-03-03', 'missed'],
      ['cadence', '2026-03-09', 'missed'],
    ]);
  });
});
