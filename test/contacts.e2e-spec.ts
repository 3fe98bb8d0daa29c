import { Contact } from '../src/contacts/contact.entity';
import { IdempotencyKey } from '../src/contacts/idempotency-key.entity';
import { ExpiredRowsPurger } from '../src/database/expired-rows';
import { accessEntries, asUser, rowCounts, summary } from './support/case-api';
import { FakeClock } from './support/fake-clock';
import { createTestApp, TestApp } from './support/test-app';

const WRITTEN_TABLES = ['contacts', 'scheduled_updates', 'idempotency_keys', 'access_log'];

function contactBody(overrides: Record<string, unknown> = {}) {
  return { occurredAt: '2026-03-03T09:00:00Z', method: 'phone', outcome: 'spoke', summary: 'Explained bail conditions.', ...overrides };
}

describe('contact log', () => {
  let t: TestApp;
  let officer: ReturnType<typeof asUser>;
  let officerToken: string;
  const clock = new FakeClock('2026-03-10T10:00:00Z'); // Tuesday

  beforeAll(async () => {
    t = await createTestApp({ clock });
    officerToken = await t.login('officer1');
    officer = asUser(t, officerToken);
  });
  afterAll(() => t.close());

  it('logs a back-dated contact that reached the family, and it meets the updates due by then', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-02' });
    const familyContactId = kase.familyContacts[0].id;
    const res = await officer
      .post(`/api/cases/${kase.id}/contacts`, contactBody({ familyContactId, topicsCovered: ['bail conditions', 'support lines'] }))
      .expect(201);
    expect(res.body).toMatchObject({
      occurredAt: '2026-03-03T09:00:00.000Z',
      method: 'phone',
      outcome: 'spoke',
      familyContactId,
      officerId: expect.any(String),
      topicsCovered: ['bail conditions', 'support lines'],
      correctsContactId: null,
      correctedByContactId: null,
    });
    const updates = await officer.updates(kase.id);
    expect(updates.find((u) => u.reason === 'first_contact')).toMatchObject({ status: 'met', metByContactId: res.body.id, daysLate: 0 });
    const listed = await officer.get(`/api/cases/${kase.id}/contacts`).expect(200);
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
  });

  it('one call meets every open update it answers: first contact and a milestone update', async () => {
    const kase = await officer.createCase({ arrestDate: '2026-03-06' }); // Friday
    await officer.post(`/api/cases/${kase.id}/milestones`, { type: 'bail_decision', doneDate: '2026-03-06' }).expect(201);
    expect(summary(await officer.updates(kase.id)).filter(([reason]) => reason !== 'cadence')).toEqual([
      ['first_contact', '2026-03-09', 'missed'],
      ['milestone', '2026-03-09', 'missed'],
    ]);
    const call = await officer.post(`/api/cases/${kase.id}/contacts`, contactBody({ occurredAt: '2026-03-10T09:30:00Z' })).expect(201);
    expect((await officer.updates(kase.id)).filter((u) => u.reason !== 'cadence').map((u) => [u.reason, u.status, u.daysLate, u.metByContactId])).toEqual([
      ['first_contact', 'met', 1, call.body.id],
      ['milestone', 'met', 1, call.body.id],
    ]);
  });

  it.each([
    [{ occurredAt: '2026-03-10T11:00:00Z' }, 'occurredAt'],
    [{ occurredAt: '2026-03-09T10:00:00' }, 'occurredAt'],
    [{ occurredAt: '2026-02-30T10:00:00Z' }, 'occurredAt'],
    [{ occurredAt: '1989-06-01T10:00:00Z' }, 'occurredAt'],
    [{ method: 'pigeon' }, 'method'],
    [{ outcome: 'maybe' }, 'outcome'],
    [{ summary: '' }, 'summary'],
    [{ summary: 'x'.repeat(2001) }, 'summary'],
    [{ summary: 'bell\u0007' }, 'summary'],
    [{ familyContactId: 'not-an-id' }, 'familyContactId'],
    [{ familyContactId: '6f1c1d5e-8d4b-4a59-9d0e-2f1f7f0f9a11' }, 'familyContactId'],
    [{ correctsContactId: '6f1c1d5e-8d4b-4a59-9d0e-2f1f7f0f9a11' }, 'correctsContactId'],
    [{ topicsCovered: 'bail' }, 'topicsCovered'],
    [{ officerId: '6f1c1d5e-8d4b-4a59-9d0e-2f1f7f0f9a11' }, 'officerId'],
  ])('refuses %p naming %s, and writes nothing', async (override, field) => {
    const kase = await officer.createCase({ arrestDate: '2026-03-02' });
    const before = await rowCounts(t, WRITTEN_TABLES);
    const res = await officer.post(`/api/cases/${kase.id}/contacts`, contactBody(override)).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await rowCounts(t, WRITTEN_TABLES)).toEqual(before);
  });

  it('refuses a family contact of another case', async () => {
    const mine = await officer.createCase();
    const other = await officer.createCase();
    const res = await officer.post(`/api/cases/${mine.id}/contacts`, contactBody({ familyContactId: other.familyContacts[0].id })).expect(400);
    expect(res.body.fields[0].field).toBe('familyContactId');
  });

  it('refuses contact before the arrest is recorded (409 naming arrestDate)', async () => {
    const planned = await officer.createCase({ suspectStatus: 'not_arrested', arrestDate: undefined, plannedArrestDate: '2026-03-20' });
    const res = await officer.post(`/api/cases/${planned.id}/contacts`, contactBody()).expect(409);
    expect(res.body.fields[0].field).toBe('arrestDate');
  });

  describe('Idempotency-Key', () => {
    const send = (caseId: string, key: string, body: object, token = officerToken) =>
      t.http.post(`/api/cases/${caseId}/contacts`).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(body);

    it('answers the same key and body with the first result and no new row', async () => {
      const kase = await officer.createCase();
      const first = await send(kase.id, 'retry-1', contactBody()).expect(201);
      const before = await rowCounts(t, ['contacts']);
      const again = await send(kase.id, 'retry-1', { summary: 'Explained bail conditions.', outcome: 'spoke', method: 'phone', occurredAt: '2026-03-03T09:00:00Z' }).expect(201);
      expect(again.body).toEqual(first.body);
      expect(await rowCounts(t, ['contacts'])).toEqual(before);
    });

    it('answers the same key with a different body with 422 naming the header', async () => {
      const kase = await officer.createCase();
      await send(kase.id, 'retry-2', contactBody()).expect(201);
      const before = await rowCounts(t, WRITTEN_TABLES);
      const res = await send(kase.id, 'retry-2', contactBody({ outcome: 'no_answer' })).expect(422);
      expect(res.body.fields[0].field).toBe('Idempotency-Key');
      const elsewhere = await officer.createCase();
      await send(elsewhere.id, 'retry-2', contactBody()).expect(422);
      expect((await rowCounts(t, WRITTEN_TABLES)).contacts).toBe(before.contacts);
    });

    it('keeps each officer’s keys apart, and refuses a malformed key', async () => {
      const kase = await officer.createCase();
      const supervisor = await t.login('supervisor1');
      const mine = await send(kase.id, 'shared-key', contactBody()).expect(201);
      const theirs = await send(kase.id, 'shared-key', contactBody(), supervisor).expect(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
      const res = await send(kase.id, 'x'.repeat(201), contactBody()).expect(400);
      expect(res.body.fields[0].field).toBe('Idempotency-Key');
    });

    it('does not keep a key whose request failed: the corrected retry goes through', async () => {
      const kase = await officer.createCase();
      await send(kase.id, 'fix-and-retry', contactBody({ occurredAt: '2026-03-11T10:00:00Z' })).expect(400);
      await send(kase.id, 'fix-and-retry', contactBody()).expect(201);
    });

    it('honours a key for a day; after that the same key is new again', async () => {
      const start = clock.now();
      try {
        const kase = await officer.createCase();
        const first = await send(kase.id, 'a-day', contactBody()).expect(201);
        clock.advanceMinutes(23 * 60);
        // (A session does not last that long: sign in again after each jump.)
        let token = await t.login('officer1', { fresh: true });
        expect((await send(kase.id, 'a-day', contactBody(), token).expect(201)).body.id).toBe(first.body.id);
        clock.advanceMinutes(2 * 60);
        token = await t.login('officer1', { fresh: true });
        const later = await send(kase.id, 'a-day', contactBody(), token).expect(201);
        expect(later.body.id).not.toBe(first.body.id);
        expect(await t.dataSource.getRepository(Contact).countBy({ caseId: kase.id })).toBe(2);
        // The key now stands for the new contact.
        expect((await send(kase.id, 'a-day', contactBody(), token).expect(201)).body.id).toBe(later.body.id);
      } finally {
        clock.set(start);
      }
    });

    it('removes keys past their lifetime, with their stored answers, and keeps the rest', async () => {
      const start = clock.now();
      try {
        const kase = await officer.createCase();
        await send(kase.id, 'purge-old', contactBody()).expect(201);
        clock.advanceMinutes(2 * 60);
        await send(kase.id, 'purge-young', contactBody({ summary: 'A second call.' }), await t.login('officer1', { fresh: true })).expect(201);
        clock.advanceMinutes(23 * 60);
        const keys = t.dataSource.getRepository(IdempotencyKey);
        const before = await keys.count();
        expect(await t.app.get(ExpiredRowsPurger).purge()).toBeGreaterThanOrEqual(1);
        expect(await keys.findOneBy({ key: 'purge-old' })).toBeNull();
        expect(await keys.findOneBy({ key: 'purge-young' })).toMatchObject({ caseId: kase.id });
        expect(await keys.count()).toBeLessThan(before);
        expect(await t.dataSource.getRepository(Contact).countBy({ caseId: kase.id })).toBe(2);
      } finally {
        clock.set(start);
      }
    });

    it('turns 10 identical requests sent at once into one contact', async () => {
      const kase = await officer.createCase();
      const results = await Promise.all(Array.from({ length: 10 }, () => send(kase.id, 'burst-1', contactBody({ summary: 'Same call, sent ten times.' }))));
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await t.dataSource.getRepository(Contact).countBy({ caseId: kase.id })).toBe(1);
      const updates = await officer.updates(kase.id);
      expect(new Set(updates.map((u) => u.key)).size).toBe(updates.length);
    });
  });

  describe('corrections', () => {
    it('replace an entry without editing it; only the latest counts', async () => {
      const kase = await officer.createCase({ arrestDate: '2026-03-02' });
      const original = await officer.post(`/api/cases/${kase.id}/contacts`, contactBody()).expect(201);
      expect((await officer.updates(kase.id)).find((u) => u.reason === 'first_contact')?.status).toBe('met');

      // It turns out nobody answered that call.
      const correction = await officer
        .post(`/api/cases/${kase.id}/contacts`, contactBody({ outcome: 'no_answer', summary: 'Correction: no answer.', correctsContactId: original.body.id }))
        .expect(201);
      expect(correction.body.correctsContactId).toBe(original.body.id);
      expect((await officer.updates(kase.id)).find((u) => u.reason === 'first_contact')).toMatchObject({ status: 'attempted', metByContactId: null });

      const listed = await officer.get(`/api/cases/${kase.id}/contacts`).expect(200);
      const stored = listed.body.find((c: { id: string }) => c.id === original.body.id);
      expect(stored).toMatchObject({ outcome: 'spoke', summary: 'Explained bail conditions.', correctedByContactId: correction.body.id });

      const twice = await officer.post(`/api/cases/${kase.id}/contacts`, contactBody({ correctsContactId: original.body.id })).expect(409);
      expect(twice.body.fields[0].field).toBe('correctsContactId');

      // Correcting the correction: they rang back the next morning after all.
      const again = await officer
        .post(`/api/cases/${kase.id}/contacts`, contactBody({ occurredAt: '2026-03-04T08:30:00Z', correctsContactId: correction.body.id }))
        .expect(201);
      expect((await officer.updates(kase.id)).find((u) => u.reason === 'first_contact')).toMatchObject({ status: 'met', metByContactId: again.body.id, daysLate: 1 });
    });

    it('must name a contact of the same case', async () => {
      const one = await officer.createCase();
      const two = await officer.createCase();
      const entry = await officer.post(`/api/cases/${one.id}/contacts`, contactBody()).expect(201);
      const res = await officer.post(`/api/cases/${two.id}/contacts`, contactBody({ correctsContactId: entry.body.id })).expect(400);
      expect(res.body.fields[0].field).toBe('correctsContactId');
    });
  });

  it('logs collection and consultation of contacts, and refuses another team’s officer with 404', async () => {
    const kase = await officer.createCase();
    const entry = await officer.post(`/api/cases/${kase.id}/contacts`, contactBody()).expect(201);
    await officer.get(`/api/cases/${kase.id}/contacts`).expect(200);
    const officer3 = asUser(t, await t.login('officer3'));
    await officer3.post(`/api/cases/${kase.id}/contacts`, contactBody()).expect(404);
    const entries = (await accessEntries(t, kase.id)).filter((e) => e.recordType === 'contact' || e.outcome === 'refused');
    expect(entries.map((e) => [e.username, e.operation, e.outcome, e.recordType, e.recordId])).toEqual([
      ['officer1', 'collection', 'allowed', 'contact', entry.body.id],
      ['officer1', 'consultation', 'allowed', 'contact', kase.id],
      ['officer3', 'collection', 'refused', 'case', kase.id],
    ]);
  });
});
