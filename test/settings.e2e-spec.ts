import { DEFAULT_RULE_SETTINGS } from '../src/rules';
import { ScheduledUpdate } from '../src/updates/scheduled-update.entity';
import { UpdateRefresher } from '../src/updates/update-refresher';
import { asUser, rowCounts } from './support/case-api';
import { FakeClock } from './support/fake-clock';
import { createTestApp, TestApp } from './support/test-app';

describe('force settings', () => {
  let t: TestApp;
  let admin: ReturnType<typeof asUser>;
  let supervisor: ReturnType<typeof asUser>;
  let officer: ReturnType<typeof asUser>;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FakeClock('2026-03-10T10:00:00Z') });
    admin = asUser(t, await t.login('admin1'));
    supervisor = asUser(t, await t.login('supervisor1'));
    officer = asUser(t, await t.login('officer1'));
  });
  afterAll(() => t.close());

  it('starts from the defaults, version 0', async () => {
    const res = await supervisor.get('/api/settings').expect(200);
    expect(res.body).toEqual({ ...DEFAULT_RULE_SETTINGS, retentionReviewMonths: 24, version: 0, updatedAt: null, updatedByOfficerId: null });
    await officer.get('/api/settings').expect(403);
  });

  it('refuses bad values with a 400 naming each field, and changes nothing', async () => {
    const before = await rowCounts(t, ['force_settings']);
    const res = await admin
      .patch('/api/settings', { firstContactWorkingDays: 11, mediumRiskFollowUpDays: 'seven', advanceNoticeMilestoneTypes: ['trial', 'party'], bogus: true })
      .expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['advanceNoticeMilestoneTypes', 'bogus', 'firstContactWorkingDays', 'mediumRiskFollowUpDays']);
    const nulls = await admin.patch('/api/settings', { defaultCadenceDays: null }).expect(400);
    expect(nulls.body.fields[0].field).toBe('defaultCadenceDays');
    await supervisor.patch('/api/settings', { firstContactWorkingDays: 2 }).expect(403);
    expect(await rowCounts(t, ['force_settings'])).toEqual(before);
  });

  it('a change applies to open cases: they are recomputed in the background', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-09' }); // Monday
    expect((await officer.updates(kase.id)).find((u) => u.reason === 'first_contact')?.dueDate).toBe('2026-03-10');

    const res = await admin.patch('/api/settings', { firstContactWorkingDays: 2, version: 0 }).expect(200);
    expect(res.body).toMatchObject({ firstContactWorkingDays: 2, version: 1, updatedByOfficerId: expect.any(String) });
    await t.app.get(UpdateRefresher).idle();
    const stored = await t.dataSource.getRepository(ScheduledUpdate).findOneByOrFail({ caseId: kase.id, key: 'first_contact' });
    expect(stored.dueDate).toBe('2026-03-11');

    const stale = await admin.patch('/api/settings', { firstContactWorkingDays: 1, version: 0 }).expect(409);
    expect(stale.body.fields[0].field).toBe('version');
    const unchanged = await admin.patch('/api/settings', {}).expect(200);
    expect(unchanged.body.version).toBe(1);
    await admin.patch('/api/settings', { firstContactWorkingDays: 1 }).expect(200);
    await t.app.get(UpdateRefresher).idle();
    expect((await officer.updates(kase.id)).find((u) => u.reason === 'first_contact')?.dueDate).toBe('2026-03-10');
  });
});
