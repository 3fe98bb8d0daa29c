import { AccessLogEntry } from '../src/access-log/access-log-entry.entity';
import { caseBody } from './support/builders';
import { caseIdByReference, createTestApp, officerId, TestApp } from './support/test-app';

describe('cases', () => {
  let t: TestApp;
  let officer1: string;
  let supervisor1: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer1 = await t.login('officer1');
    supervisor1 = await t.login('supervisor1');
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('creates a case for the signed-in officer with household, contacts and preferences', async () => {
    const body = caseBody();
    const res = await t.http.post('/api/cases').set(auth(officer1)).send(body).expect(201);
    expect(res.body).toMatchObject({
      reference: body.reference,
      status: 'open',
      childrenAtHome: true,
      childrenAgeBands: { under5: 1, age5to11: 0, age12to17: 1 },
      liaisonOfficerId: await officerId(t, 'officer1'),
      contactPreferences: { method: 'phone', times: 'evenings', voicemailSafe: false, textSafe: true },
      version: 1,
    });
    expect(res.body.familyContacts).toEqual([expect.objectContaining({ name: 'Test Partner', relationship: 'partner' })]);
    const fetched = await t.http.get(`/api/cases/${res.body.id}`).set(auth(officer1)).expect(200);
    expect(fetched.body.reference).toBe(body.reference);
  });

  it('refuses a duplicate reference with 409 naming the field', async () => {
    const body = caseBody();
    await t.http.post('/api/cases').set(auth(officer1)).send(body).expect(201);
    const res = await t.http.post('/api/cases').set(auth(officer1)).send(caseBody({ reference: body.reference })).expect(409);
    expect(res.body.fields[0].field).toBe('reference');
  });

  it.each([
    [{ offenceType: 'burglary' }, 'offenceType'],
    [{ suspectStatus: 'free' }, 'suspectStatus'],
    [{ arrestDate: '2026-02-30' }, 'arrestDate'],
    [{ arrestDate: '1989-12-31' }, 'arrestDate'],
    [{ arrestDate: '2030-01-01' }, 'arrestDate'],
    [{ plannedArrestDate: 'tomorrow' }, 'plannedArrestDate'],
    [{ updateFrequencyDays: 0 }, 'updateFrequencyDays'],
    [{ updateFrequencyDays: 57 }, 'updateFrequencyDays'],
    [{ updateFrequencyDays: '14' }, 'updateFrequencyDays'],
    [{ childrenAgeBands: { under5: -1, age5to11: 0, age12to17: 0 } }, 'childrenAgeBands.under5'],
    [{ childrenAtHome: false }, 'childrenAgeBands'],
    [{ familyContacts: [{ name: 'A', relationship: 'partner', email: 'not-an-email' }] }, 'familyContacts.0.email'],
    [{ familyContacts: [{ name: 'A\u0000', relationship: 'partner' }] }, 'familyContacts.0.name'],
    [{ contactPreferences: { method: 'pigeon' } }, 'contactPreferences.method'],
    [{ reference: '<script>' }, 'reference'],
    [{ isAdmin: true }, 'isAdmin'],
    [{ suspectStatus: 'charged', arrestDate: undefined }, 'arrestDate'],
  ])('refuses %p naming %s, and stores nothing', async (override, field) => {
    const before = await t.dataSource.getRepository('Case').count();
    const res = await t.http.post('/api/cases').set(auth(officer1)).send(caseBody(override)).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await t.dataSource.getRepository('Case').count()).toBe(before);
  });

  it('answers 400 for malformed JSON and 413 for an oversized body, never 500', async () => {
    const bad = await t.http.post('/api/cases').set(auth(officer1)).set('Content-Type', 'application/json').send('{"reference": ').expect(400);
    expect(bad.body.statusCode).toBe(400);
    const huge = { ...caseBody(), familyContacts: [{ name: 'x'.repeat(400_000), relationship: 'partner' }] };
    await t.http.post('/api/cases').set(auth(officer1)).send(huge).expect(413);
  });

  it('uses the version for optimistic locking: a stale PATCH is a 409 and changes nothing', async () => {
    const created = await t.http.post('/api/cases').set(auth(officer1)).send(caseBody()).expect(201);
    const id = created.body.id;
    const first = await t.http.patch(`/api/cases/${id}`).set(auth(officer1)).send({ version: 1, mediaInterest: true }).expect(200);
    expect(first.body).toMatchObject({ version: 2, mediaInterest: true });
    const stale = await t.http.patch(`/api/cases/${id}`).set(auth(supervisor1)).send({ version: 1, mediaInterest: false }).expect(409);
    expect(stale.body.fields[0].field).toBe('version');
    const now = await t.http.get(`/api/cases/${id}`).set(auth(officer1)).expect(200);
    expect(now.body).toMatchObject({ version: 2, mediaInterest: true });
  });

  it('two supervisors editing at once: one wins, one gets 409', async () => {
    const created = await t.http.post('/api/cases').set(auth(officer1)).send(caseBody()).expect(201);
    const results = await Promise.all(
      ['Polish', 'Welsh'].map((language) =>
        t.http.patch(`/api/cases/${created.body.id}`).set(auth(supervisor1)).send({ version: 1, preferredLanguage: language }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.preferredLanguage;
    const now = await t.http.get(`/api/cases/${created.body.id}`).set(auth(officer1)).expect(200);
    expect(now.body).toMatchObject({ version: 2, preferredLanguage: winner });
  });

  it('replaces family contacts by id: keeps, changes, adds and removes', async () => {
    const created = await t.http.post('/api/cases').set(auth(officer1)).send(caseBody()).expect(201);
    const partner = created.body.familyContacts[0];
    const res = await t.http
      .patch(`/api/cases/${created.body.id}`)
      .set(auth(officer1))
      .send({ version: 1, familyContacts: [{ ...partner, phone: '07700 900999' }, { name: 'Grandparent', relationship: 'mother-in-law' }] })
      .expect(200);
    expect(res.body.familyContacts).toEqual([
      expect.objectContaining({ id: partner.id, phone: '07700 900999' }),
      expect.objectContaining({ name: 'Grandparent' }),
    ]);
    const removed = await t.http.patch(`/api/cases/${created.body.id}`).set(auth(officer1)).send({ version: 2, familyContacts: [] }).expect(200);
    expect(removed.body.familyContacts).toEqual([]);
  });

  it('lets only a supervisor reassign a case, to an officer of the same team', async () => {
    const created = await t.http.post('/api/cases').set(auth(officer1)).send(caseBody()).expect(201);
    const officer2Id = await officerId(t, 'officer2');
    const officer3Id = await officerId(t, 'officer3');
    await t.http.patch(`/api/cases/${created.body.id}`).set(auth(officer1)).send({ version: 1, liaisonOfficerId: officer2Id }).expect(403);
    const wrongTeam = await t.http
      .patch(`/api/cases/${created.body.id}`)
      .set(auth(supervisor1))
      .send({ version: 1, liaisonOfficerId: officer3Id })
      .expect(400);
    expect(wrongTeam.body.fields[0].field).toBe('liaisonOfficerId');
    await t.http.patch(`/api/cases/${created.body.id}`).set(auth(supervisor1)).send({ version: 1, liaisonOfficerId: officer2Id }).expect(200);
    // officer1 no longer sees it; officer2 does.
    await t.http.get(`/api/cases/${created.body.id}`).set(auth(officer1)).expect(404);
    await t.http.get(`/api/cases/${created.body.id}`).set(auth(await t.login('officer2'))).expect(200);
  });

  it('lists only the cases the actor may see', async () => {
    const mine = await t.http.get('/api/cases').set(auth(officer1)).expect(200);
    const myId = await officerId(t, 'officer1');
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((c: { liaisonOfficerId: string; deputyOfficerId: string }) => c.liaisonOfficerId === myId || c.deputyOfficerId === myId)).toBe(true);
    const team = await t.http.get('/api/cases').set(auth(supervisor1)).expect(200);
    expect(team.body.map((c: { reference: string }) => c.reference)).not.toContain('SOU/2026/0201');
    expect(team.body.length).toBeGreaterThan(mine.body.length);
  });

  it('answers 404 for an unknown id and 400 for an id that is not an id', async () => {
    await t.http.get('/api/cases/6f1c1d5e-8d4b-4a59-9d0e-2f1f7f0f9a11').set(auth(officer1)).expect(404);
    const res = await t.http.get('/api/cases/not-an-id').set(auth(officer1)).expect(400);
    expect(res.body.fields[0].field).toBe('id');
  });

  it('writes the access log for collection, consultation, alteration and refusal, in order and chained', async () => {
    const log = t.dataSource.getRepository(AccessLogEntry);
    const created = await t.http.post('/api/cases').set(auth(officer1)).send(caseBody()).expect(201);
    await t.http.get(`/api/cases/${created.body.id}`).set(auth(officer1)).expect(200);
    await t.http.patch(`/api/cases/${created.body.id}`).set(auth(officer1)).send({ version: 1, mediaInterest: true }).expect(200);
    await t.http.get(`/api/cases/${created.body.id}`).set(auth(await t.login('officer3'))).expect(404);
    const entries = await log.find({ where: { caseId: created.body.id }, order: { id: 'ASC' } });
    expect(entries.map((e) => [e.username, e.operation, e.outcome])).toEqual([
      ['officer1', 'collection', 'allowed'],
      ['officer1', 'consultation', 'allowed'],
      ['officer1', 'alteration', 'allowed'],
      ['officer3', 'consultation', 'refused'],
    ]);
    const all = await log.find({ order: { id: 'ASC' } });
    for (let i = 1; i < all.length; i++) expect(all[i].prevHash).toBe(all[i - 1].hash);
  });

  it('does not write the access log entry when the change fails, and the log refuses updates and deletes', async () => {
    const log = t.dataSource.getRepository(AccessLogEntry);
    const before = await log.count();
    const created = await t.http.post('/api/cases').set(auth(officer1)).send(caseBody()).expect(201);
    await t.http.patch(`/api/cases/${created.body.id}`).set(auth(officer1)).send({ version: 7, mediaInterest: true }).expect(409);
    expect(await log.count()).toBe(before + 1);
    await expect(t.dataSource.query(`UPDATE access_log SET purpose = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM access_log`)).rejects.toThrow(/append-only/);
  });

  it('takes 200 concurrent writes without losing one', async () => {
    const before = await t.dataSource.getRepository('Case').count();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => t.http.post('/api/cases').set(auth(officer1)).send(caseBody())),
    );
    expect(results.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    expect(await t.dataSource.getRepository('Case').count()).toBe(before + 200);
  });

  it('serves health and the OpenAPI document', async () => {
    await t.http.get('/health').expect(200, { status: 'ok', database: 'up' });
    const docs = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/cases', '/api/cases/{id}', '/api/auth/login']));
  });
});

describe('data survives a restart', () => {
  it('keeps cases and the access log when the app stops and starts again on the same database', async () => {
    const first = await createTestApp();
    const token = await first.login('officer1');
    const created = await first.http.post('/api/cases').set('Authorization', `Bearer ${token}`).send(caseBody()).expect(201);
    const logCount = await first.dataSource.getRepository(AccessLogEntry).count();
    await first.close({ keepDatabase: true });

    const second = await createTestApp({ databaseUrl: first.databaseUrl });
    try {
      const again = await second.login('officer1');
      const fetched = await second.http.get(`/api/cases/${created.body.id}`).set('Authorization', `Bearer ${again}`).expect(200);
      expect(fetched.body.reference).toBe(created.body.reference);
      expect(await caseIdByReference(second, 'NOR/2026/0101')).toBeDefined();
      expect(await second.dataSource.getRepository(AccessLogEntry).count()).toBe(logCount + 1);
    } finally {
      await second.close();
    }
  });
});
