import { AccessLogEntry } from '../src/access-log/access-log-entry.entity';
import { asUser } from './support/case-api';
import { FakeClock } from './support/fake-clock';
import { createTestApp, TEST_ENGINE, TestApp } from './support/test-app';

/** A word that appears only in this family's personal data, to look for after erasure. */
const CANARY = 'Quillfeather';

describe(`retention and erasure (${TEST_ENGINE})`, () => {
  let t: TestApp;
  const clock = new FakeClock('2026-03-10T10:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  /** Tokens expire when the clock jumps, so each step signs in again. */
  async function as(username: string) {
    return asUser(t, await t.login(username, { fresh: true }));
  }

  /**
   * Which of the traces appear in any stored row (every table but the access log, which never held
   * personal data), or only in the rows of one case when `caseId` is given.
   */
  async function tracesFound(traces: string[], caseId?: string): Promise<string[]> {
    const found = new Set<string>();
    for (const { tableName, columns } of t.dataSource.entityMetadatas) {
      if (tableName === 'access_log') continue;
      const own = columns.some((c) => c.databaseName === 'caseId') ? `"caseId" = '${caseId}'` : tableName === 'cases' ? `"id" = '${caseId}'` : null;
      if (caseId && !own) continue;
      const text = JSON.stringify(await t.dataSource.query(`SELECT * FROM "${tableName}"${caseId ? ` WHERE ${own}` : ''}`));
      for (const trace of traces) if (text.includes(trace)) found.add(`${trace} in ${tableName}`);
    }
    return [...found];
  }

  async function auditCounts(supervisor: Awaited<ReturnType<typeof as>>) {
    const range = 'from=2026-03-01&to=2027-02-28';
    const missed = await supervisor.get(`/api/audit/missed-updates?${range}&pageSize=500`).expect(200);
    const compliance = await supervisor.get(`/api/audit/compliance?${range}`).expect(200);
    const rows = (missed.body.rows as Record<string, unknown>[]).map(({ reference: _reference, ...row }) => row);
    return { missed: rows, missedTotal: missed.body.total, compliance: compliance.body.totals };
  }

  it('has a force setting for the review period: 24 months unless an admin changes it, validated', async () => {
    const admin = await as('admin1');
    expect((await admin.get('/api/settings').expect(200)).body.retentionReviewMonths).toBe(24);
    const bad = await admin.patch('/api/settings', { retentionReviewMonths: 0 }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['retentionReviewMonths']);
    await admin.patch('/api/settings', { retentionReviewMonths: '24' }).expect(400);
    const changed = await admin.patch('/api/settings', { retentionReviewMonths: 36 }).expect(200);
    expect(changed.body).toMatchObject({ retentionReviewMonths: 36, defaultCadenceDays: 14 });
    await admin.patch('/api/settings', { retentionReviewMonths: 24 }).expect(200);
  });

  it('sets the review date on closing, clears it on reopening, and sets it again on closing', async () => {
    const officer = await as('officer1');
    const kase = await officer.createCase();
    const closed = await officer.patch(`/api/cases/${kase.id}`, { version: 1, status: 'closed' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedDate: '2026-03-10', retentionReviewDate: '2028-03-10', erasedAt: null });
    const reopened = await officer.patch(`/api/cases/${kase.id}`, { version: 2, status: 'open' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'open', closedDate: null, retentionReviewDate: null });
    clock.set('2026-08-31T10:00:00Z');
    const again = await (await as('officer1')).patch(`/api/cases/${kase.id}`, { version: 3, status: 'closed' }).expect(200);
    expect(again.body).toMatchObject({ closedDate: '2026-08-31', retentionReviewDate: '2028-08-31' });
    clock.set('2026-03-10T10:00:00Z');
  });

  it('erases a closed case only after its review date, and then no personal data remains while the audit counts stay', async () => {
    clock.set('2026-03-10T10:00:00Z');
    const officer = await as('officer1');
    const reference = `NOR/${CANARY}/1`;
    const kase = await officer.createCase({
      reference,
      contactPreferences: { method: 'text', times: `after six, ask for ${CANARY}`, voicemailSafe: true, textSafe: true },
      preferredLanguage: `${CANARY}ish`,
      mediaInterest: true,
      familyContacts: [
        { name: `Robin ${CANARY}`, relationship: 'partner', phone: '07700 900987', email: `robin.${CANARY.toLowerCase()}@example.org` },
        { name: `Sam ${CANARY}`, relationship: 'sister', phone: '', email: '' },
      ],
    });
    const id = kase.id;
    const familyContactId = kase.familyContacts[0].id;
    await officer.post(`/api/cases/${id}/milestones`, { type: 'interview', status: 'done', doneDate: '2026-03-05', note: `${CANARY} was told about the interview.` }).expect(201);
    await officer.post(`/api/cases/${id}/declines`, { from: '2026-03-20', reviewDate: '2026-04-03', note: `${CANARY} asked for a pause.` }).expect(201);
    await officer
      .post(`/api/cases/${id}/wellbeing-checks`, {
        occurredAt: '2026-03-09T10:00:00Z',
        context: 'crisis',
        distressLevel: 4,
        indicators: ['self_harm_thoughts', 'alone_without_support'],
        trustedPersonPresent: false,
        referrals: ['samaritans'],
        actions: `Called ${CANARY}'s GP with consent.`,
      })
      .expect(201);
    await t.http
      .post(`/api/cases/${id}/contacts`)
      .set('Authorization', `Bearer ${await t.login('officer1')}`)
      .set('Idempotency-Key', 'retention-contact-1')
      .send({ occurredAt: '2026-03-10T09:00:00Z', method: 'phone', outcome: 'spoke', summary: `${CANARY} asked about bail.`, topicsCovered: [`${CANARY}'s job`], familyContactId })
      .expect(201);
    await officer.post(`/api/cases/${id}/contacts`, { occurredAt: '2026-03-10T09:30:00Z', method: 'visit', outcome: 'no_answer', summary: `Nobody at ${CANARY}'s door.` }).expect(201);
    expect(await tracesFound([CANARY])).not.toEqual([]);

    const { version } = (await officer.get(`/api/cases/${id}`).expect(200)).body;
    const closed = await officer.patch(`/api/cases/${id}`, { version, status: 'closed' }).expect(200);
    expect(closed.body.retentionReviewDate).toBe('2028-03-10');

    // Open cases are never erased.
    const open = await officer.createCase();
    const admin = await as('admin1');
    const refusedOpen = await admin.post(`/api/cases/${open.id}/erase`).expect(409);
    expect(refusedOpen.body.message).toMatch(/open/);

    // Before the review date: refused, saying when.
    clock.set('2028-03-09T12:00:00Z');
    const early = await (await as('admin1')).post(`/api/cases/${id}/erase`).expect(409);
    expect(early.body.message).toContain('2028-03-10');
    expect(early.body.fields).toEqual([{ field: 'retentionReviewDate', messages: ['is 2028-03-10'] }]);

    // Only an admin erases.
    clock.set('2028-03-10T09:00:00Z');
    const supervisor = await as('supervisor1');
    await supervisor.post(`/api/cases/${id}/erase`).expect(403);
    await (await as('officer1')).post(`/api/cases/${id}/erase`).expect(403);

    const updatesBefore = await t.dataSource.query(`SELECT * FROM "scheduled_updates" WHERE "caseId" = '${id}' ORDER BY "key"`);
    const countsBefore = await auditCounts(supervisor);
    expect(countsBefore.missedTotal).toBeGreaterThan(0);

    const erased = await (await as('admin1')).post(`/api/cases/${id}/erase`).expect(200);
    expect(erased.body).toMatchObject({ id, retentionReviewDate: '2028-03-10', erased: { familyContacts: 2, contacts: 2, wellbeingChecks: 1, milestones: 1, updateDeclines: 1, idempotencyKeys: 1 } });
    expect(erased.body.reference).toMatch(/^ERASED-[0-9a-f]{16}$/);

    // No personal data anywhere outside the access log (which never held any).
    expect(await tracesFound([CANARY, CANARY.toLowerCase(), reference, '07700 900987'])).toEqual([]);
    expect(await tracesFound(['self_harm_thoughts', 'alone_without_support', 'samaritans', 'Robin', 'sister'], id)).toEqual([]);
    const row = (await t.dataSource.query(`SELECT * FROM "cases" WHERE "id" = '${id}'`))[0];
    expect(row).toMatchObject({ reference: erased.body.reference, contactTimes: '', preferredLanguage: '', childrenUnder5: 0, children12to17: 0 });
    expect(await t.dataSource.query(`SELECT * FROM "family_contacts" WHERE "caseId" = '${id}'`)).toEqual([]);

    // What the audit counts is untouched: the same scheduled updates, the same report figures.
    expect(await t.dataSource.query(`SELECT * FROM "scheduled_updates" WHERE "caseId" = '${id}' ORDER BY "key"`)).toEqual(updatesBefore);
    expect(await auditCounts(supervisor)).toEqual(countsBefore);

    // The erasure is logged, with metadata only.
    const log = await t.dataSource.getRepository(AccessLogEntry).find({ where: { caseId: id, operation: 'erasure' } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ username: 'admin1', outcome: 'allowed', recordType: 'case', recordId: id });
    expect(JSON.stringify(log[0])).not.toMatch(new RegExp(`${CANARY}|NOR/`));
    expect((await supervisor.get('/api/audit/access-log/verify').expect(200)).body).toMatchObject({ ok: true });

    // An erased case can be read (as an anonymous record) but never changed or erased again.
    const after = await supervisor.get(`/api/cases/${id}`).expect(200);
    expect(after.body).toMatchObject({ reference: erased.body.reference, familyContacts: [], erasedAt: expect.any(String) });
    await supervisor.patch(`/api/cases/${id}`, { version: after.body.version, status: 'open' }).expect(409);
    await supervisor.post(`/api/cases/${id}/contacts`, { occurredAt: '2028-03-10T08:00:00Z', method: 'phone', outcome: 'spoke', summary: 'x' }).expect(409);
    const again = await (await as('admin1')).post(`/api/cases/${id}/erase`).expect(409);
    expect(again.body.message).toMatch(/already erased/);
  });
});
