import { MAX_FAILURES_PER_ADDRESS } from '../src/auth/auth.service';
import { Contact } from '../src/contacts/contact.entity';
import { POSTGRES_MIGRATIONS } from '../src/database/migrations/postgres';
import { Officer } from '../src/officers/officer.entity';
import { UpdateScheduler } from '../src/updates/update-scheduler';
import { caseBody } from './support/builders';
import { FakeClock } from './support/fake-clock';
import { createScratchDatabase } from './support/scratch-database';
import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

const PG = process.env.TEST_PG_URL;

/**
 * Two app instances on one PostgreSQL database, as behind a load balancer: they start at the same
 * moment (migrations run once, under the advisory lock), write to the same case at the same time
 * without duplicating the scheduled updates, and honour an Idempotency-Key whichever instance
 * each attempt reaches.
 */
(PG ? describe : describe.skip)('two app instances on one PostgreSQL database', () => {
  let a: TestApp;
  let b: TestApp;
  let drop: () => Promise<void>;
  const clock = new FakeClock('2026-03-10T10:00:00Z');

  beforeAll(async () => {
    const database = await createScratchDatabase(PG!);
    drop = database.drop;
    // Both start at once on the empty database: each migrates and seeds if it finds nothing.
    [a, b] = await Promise.all([createTestApp({ databaseUrl: database.url, clock }), createTestApp({ databaseUrl: database.url, clock })]);
  });

  afterAll(async () => {
    await Promise.all([a?.close({ keepDatabase: true }), b?.close({ keepDatabase: true })]);
    await drop?.();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('ran each migration once, and seeded once, although both started together', async () => {
    const ran: { name: string }[] = await a.dataSource.query('SELECT "name" FROM "migrations" ORDER BY "id"');
    // Each exactly once (a second run would add rows, or fail on CREATE TABLE).
    expect(ran.map((m) => m.name).sort()).toEqual(POSTGRES_MIGRATIONS.map((m) => m.name).sort());
    expect(await a.dataSource.showMigrations()).toBe(false);
    expect(await b.dataSource.showMigrations()).toBe(false);
    expect(await a.dataSource.getRepository(Officer).count()).toBe(6);
  });

  it('counts failed sign-ins from one address on both instances together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const app = i % 2 === 0 ? a : b;
      statuses.push((await app.http.post('/api/auth/login').send({ username: `spread${i}`, password: 'guess-guess' })).status);
    }
    expect(statuses.every((status) => status === 401)).toBe(true);
    // Fifteen on each: either alone would still let the address try.
    await a.http.post('/api/auth/login').send({ username: 'officer1', password: TEST_PASSWORD }).expect(429);
    await b.http.post('/api/auth/login').send({ username: 'officer1', password: TEST_PASSWORD }).expect(429);
    clock.advanceMinutes(16);
  });

  it('lets a token from one instance work on the other (sessions live in the database)', async () => {
    const token = await a.login('officer1');
    await b.http.get('/api/auth/me').set(auth(token)).expect(200);
  });

  it('keeps one schedule when both instances record milestones and contacts on the same case at once', async () => {
    const token = await a.login('officer1');
    const kase = (await a.http.post('/api/cases').set(auth(token)).send(caseBody({ arrestDate: '2026-02-02', updateFrequencyDays: 7 })).expect(201)).body;
    const url = `/api/cases/${kase.id}`;
    const writes = Array.from({ length: 24 }, (_, i) => {
      const app = i % 2 === 0 ? a : b;
      if (i % 3 === 0) {
        return app.http.post(`${url}/milestones`).set(auth(token)).send({ type: 'interview', status: 'done', doneDate: `2026-02-${String(3 + i).padStart(2, '0')}` });
      }
      return app.http
        .post(`${url}/contacts`)
        .set(auth(token))
        .send({ occurredAt: `2026-02-${String(3 + i).padStart(2, '0')}T10:00:00Z`, method: 'phone', outcome: i % 4 === 0 ? 'no_answer' : 'spoke', summary: `Update ${i}` });
    });
    const answers = await Promise.all(writes);
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 201));

    const rows: { key: string; n: string }[] = await a.dataSource.query(
      'SELECT "key", COUNT(*) AS n FROM "scheduled_updates" WHERE "caseId" = $1 GROUP BY "key" HAVING COUNT(*) > 1',
      [kase.id],
    );
    expect(rows).toEqual([]);
    expect(await a.dataSource.getRepository(Contact).count({ where: { caseId: kase.id } })).toBe(16);

    // What is stored is exactly what the rules owe: recomputing now changes nothing.
    const scheduler = a.app.get(UpdateScheduler);
    const again = await a.dataSource.transaction((manager) => scheduler.recompute(manager, kase.id));
    expect(again).toEqual({ inserted: 0, updated: 0, deleted: 0 });

    // Both instances answer the same schedule.
    const fromA = (await a.http.get(`${url}/updates`).set(auth(token)).expect(200)).body.updates;
    const fromB = (await b.http.get(`${url}/updates`).set(auth(token)).expect(200)).body.updates;
    expect(fromB).toEqual(fromA);
    expect(fromA.length).toBeGreaterThan(5);
  });

  it('honours one Idempotency-Key across instances: one contact, the same answer from both', async () => {
    const token = await a.login('officer1');
    const kase = (await a.http.post('/api/cases').set(auth(token)).send(caseBody()).expect(201)).body;
    const body = { occurredAt: '2026-03-09T10:00:00Z', method: 'visit', outcome: 'spoke', summary: 'Visited after the interview.' };
    const send = (app: TestApp, key: string) =>
      app.http.post(`/api/cases/${kase.id}/contacts`).set(auth(token)).set('Idempotency-Key', key).send(body);

    // At the same moment, on both instances, several times each.
    const together = await Promise.all([a, b, a, b, a, b].map((app) => send(app, 'visit-2026-03-09-together')));
    expect(together.map((r) => r.status)).toEqual(together.map(() => 201));
    expect(new Set(together.map((r) => JSON.stringify(r.body))).size).toBe(1);

    // One after the other: the second instance replays what the first answered.
    const first = await send(a, 'visit-2026-03-09-sequential').expect(201);
    const second = await send(b, 'visit-2026-03-09-sequential').expect(201);
    expect(second.body).toEqual(first.body);

    const contacts = await a.dataSource.getRepository(Contact).find({ where: { caseId: kase.id } });
    expect(contacts.map((c) => c.id).sort()).toEqual([together[0].body.id, first.body.id].sort());

    // The same key with another body is refused on the other instance too.
    const changed = await b.http
      .post(`/api/cases/${kase.id}/contacts`)
      .set(auth(token))
      .set('Idempotency-Key', 'visit-2026-03-09-sequential')
      .send({ ...body, summary: 'Something else.' })
      .expect(422);
    expect(changed.body.fields[0].field).toBe('Idempotency-Key');
  });
});
