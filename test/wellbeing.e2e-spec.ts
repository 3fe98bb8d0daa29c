import { accessEntries, asUser, rowCounts } from './support/case-api';
import { FakeClock } from './support/fake-clock';
import { createTestApp, TestApp } from './support/test-app';

const WRITTEN_TABLES = ['wellbeing_checks', 'supervisor_alerts', 'scheduled_updates', 'access_log'];

function checkBody(overrides: Record<string, unknown> = {}) {
  return {
    occurredAt: '2026-03-10T09:00:00Z',
    context: 'routine',
    distressLevel: 1,
    indicators: [],
    trustedPersonPresent: true,
    referrals: [],
    actions: 'Talked through what happens next.',
    ...overrides,
  };
}

describe('wellbeing checks and supervisor alerts', () => {
  let t: TestApp;
  let officer: ReturnType<typeof asUser>;
  let supervisor1: ReturnType<typeof asUser>;
  let supervisor2: ReturnType<typeof asUser>;
  const clock = new FakeClock('2026-03-10T10:00:00Z'); // Tuesday

  async function signIn() {
    officer = asUser(t, await t.login('officer1', { fresh: true }));
    supervisor1 = asUser(t, await t.login('supervisor1', { fresh: true }));
    supervisor2 = asUser(t, await t.login('supervisor2', { fresh: true }));
  }

  beforeAll(async () => {
    t = await createTestApp({ clock });
    await signIn();
  });
  afterAll(() => t.close());

  it('derives high risk, owes a follow-up within a working day and alerts the team’s supervisors', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-09' });
    const res = await officer
      .post(
        `/api/cases/${kase.id}/wellbeing-checks`,
        checkBody({ context: 'arrest_day', distressLevel: 3, indicators: ['self_harm_thoughts'], trustedPersonPresent: false, referrals: ['samaritans'] }),
      )
      .expect(201);
    expect(res.body).toMatchObject({
      riskLevel: 'high',
      indicators: ['self_harm_thoughts'],
      referrals: ['samaritans'],
      followUp: { dueDate: '2026-03-11', status: 'open' },
      alertId: expect.any(String),
    });
    expect(res.body.riskReasons).toEqual(expect.arrayContaining([expect.stringContaining('self_harm_thoughts')]));
    const followUp = (await officer.updates(kase.id)).find((u) => u.reason === 'wellbeing_follow_up');
    expect(followUp).toMatchObject({ wellbeingCheckId: res.body.id, riskLevel: 'high', owedFrom: '2026-03-11', dueDate: '2026-03-11' });

    const north = await supervisor1.get('/api/alerts?acknowledged=false').expect(200);
    expect(north.body.find((a: { id: string }) => a.id === res.body.alertId)).toMatchObject({
      kind: 'high_risk_wellbeing',
      caseId: kase.id,
      reference: kase.reference,
      wellbeingCheckId: res.body.id,
      acknowledged: false,
    });
    const south = await supervisor2.get('/api/alerts').expect(200);
    expect(south.body.map((a: { id: string }) => a.id)).not.toContain(res.body.alertId);
    await supervisor2.post(`/api/alerts/${res.body.alertId}/acknowledge`).expect(404);

    clock.advanceMinutes(10);
    const ack = await supervisor1.post(`/api/alerts/${res.body.alertId}/acknowledge`).expect(200);
    expect(ack.body).toMatchObject({ acknowledged: true, acknowledgedAt: '2026-03-10T10:10:00.000Z', acknowledgedByOfficerId: expect.any(String) });
    clock.advanceMinutes(5);
    const again = await supervisor1.post(`/api/alerts/${res.body.alertId}/acknowledge`).expect(200);
    expect(again.body.acknowledgedAt).toBe('2026-03-10T10:10:00.000Z');
    const waiting = await supervisor1.get('/api/alerts?acknowledged=false').expect(200);
    expect(waiting.body.map((a: { id: string }) => a.id)).not.toContain(res.body.alertId);
    const done = await supervisor1.get('/api/alerts?acknowledged=true').expect(200);
    expect(done.body.map((a: { id: string }) => a.id)).toContain(res.body.alertId);
    await supervisor1.get('/api/alerts?acknowledged=maybe').expect(400);
    await supervisor1.post('/api/alerts/6f1c1d5e-8d4b-4a59-9d0e-2f1f7f0f9a11/acknowledge').expect(404);
  });

  it('medium risk owes a follow-up a week later; low risk owes nothing extra and raises no alert', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-02' });
    const medium = await officer.post(`/api/cases/${kase.id}/wellbeing-checks`, checkBody({ indicators: ['financial_hardship'] })).expect(201);
    expect(medium.body).toMatchObject({ riskLevel: 'medium', followUp: { dueDate: '2026-03-17', status: 'open' }, alertId: null });
    const low = await officer.post(`/api/cases/${kase.id}/wellbeing-checks`, checkBody({ distressLevel: 0 })).expect(201);
    expect(low.body).toMatchObject({ riskLevel: 'low', followUp: null, alertId: null, riskReasons: [] });
    const listed = await officer.get(`/api/cases/${kase.id}/wellbeing-checks`).expect(200);
    expect(listed.body).toHaveLength(2);
  });

  it('a high-risk check on the Thursday before Easter is followed up on the Tuesday after', async () => {
    clock.set('2026-04-02T15:00:00Z');
    await signIn();
    try {
      const kase = await officer.createCase({ arrestDate: '2026-04-01' });
      const res = await officer
        .post(`/api/cases/${kase.id}/wellbeing-checks`, checkBody({ occurredAt: '2026-04-02T14:00:00Z', context: 'crisis', distressLevel: 4 }))
        .expect(201);
      expect(res.body).toMatchObject({ riskLevel: 'high', followUp: { dueDate: '2026-04-07' } });
    } finally {
      clock.set('2026-03-10T10:00:00Z');
      await signIn();
    }
  });

  it('a call the next day meets the follow-up', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-02' });
    clock.set('2026-03-09T12:00:00Z');
    await signIn();
    const check = await officer.post(`/api/cases/${kase.id}/wellbeing-checks`, checkBody({ occurredAt: '2026-03-09T11:00:00Z', distressLevel: 4 })).expect(201);
    clock.set('2026-03-10T10:00:00Z');
    await signIn();
    const call = await officer
      .post(`/api/cases/${kase.id}/contacts`, { occurredAt: '2026-03-10T09:00:00Z', method: 'phone', outcome: 'spoke', summary: 'Checked in after yesterday.' })
      .expect(201);
    expect((await officer.updates(kase.id)).find((u) => u.wellbeingCheckId === check.body.id)).toMatchObject({ status: 'met', metByContactId: call.body.id });
  });

  it.each([
    [{ distressLevel: 5 }, 'distressLevel'],
    [{ distressLevel: -1 }, 'distressLevel'],
    [{ distressLevel: 2.5 }, 'distressLevel'],
    [{ distressLevel: '3' }, 'distressLevel'],
    [{ indicators: ['sad'] }, 'indicators'],
    [{ indicators: 'self_harm_thoughts' }, 'indicators'],
    [{ riskLevel: 'low' }, 'riskLevel'],
    [{ context: 'party' }, 'context'],
    [{ trustedPersonPresent: 'yes' }, 'trustedPersonPresent'],
    [{ referrals: ['Not A Key'] }, 'referrals'],
    [{ referrals: ['no_such_service'] }, 'referrals'],
    [{ occurredAt: '2026-03-11T09:00:00Z' }, 'occurredAt'],
    [{ occurredAt: '2026-02-30T09:00:00Z' }, 'occurredAt'],
    [{ actions: 'nul\u0000' }, 'actions'],
  ])('refuses %p naming %s, and writes nothing', async (override, field) => {
    const kase = await officer.createCase({ arrestDate: '2026-03-02' });
    const before = await rowCounts(t, WRITTEN_TABLES);
    const res = await officer.post(`/api/cases/${kase.id}/wellbeing-checks`, checkBody({ distressLevel: 4, ...override })).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await rowCounts(t, WRITTEN_TABLES)).toEqual(before);
  });

  it('logs collection of the check and refuses officers and admins on the alert routes', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-02' });
    const check = await officer.post(`/api/cases/${kase.id}/wellbeing-checks`, checkBody({ distressLevel: 4 })).expect(201);
    await officer.get('/api/alerts').expect(403);
    await officer.post(`/api/alerts/${check.body.alertId}/acknowledge`).expect(403);
    const admin = asUser(t, await t.login('admin1'));
    await admin.get('/api/alerts').expect(403);
    await supervisor1.post(`/api/alerts/${check.body.alertId}/acknowledge`).expect(200);
    const entries = await accessEntries(t, kase.id);
    expect(entries.filter((e) => e.recordType === 'wellbeing_check').map((e) => [e.operation, e.recordId])).toEqual([['collection', check.body.id]]);
    expect(entries.filter((e) => e.recordType === 'supervisor_alert').map((e) => [e.username, e.operation, e.recordId])).toEqual([
      ['supervisor1', 'alteration', check.body.alertId],
    ]);
  });
});
