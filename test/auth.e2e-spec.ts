import { createTestApp, officerId, TEST_PASSWORD, TestApp } from './support/test-app';

describe('sign-in, tokens and officer accounts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives a token for the right password and describes the officer at /me', async () => {
    const login = await t.http.post('/api/auth/login').send({ username: 'officer1', password: TEST_PASSWORD }).expect(200);
    expect(login.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(login.body.officer).toMatchObject({ username: 'officer1', role: 'officer' });
    expect(login.body.officer.passwordHash).toBeUndefined();
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${login.body.token}`).expect(200);
    expect(me.body).toMatchObject({ username: 'officer1', role: 'officer', active: true });
  });

  it('stores only a hash of the token', async () => {
    const login = await t.http.post('/api/auth/login').send({ username: 'officer2', password: TEST_PASSWORD }).expect(200);
    const rows: { tokenHash: string }[] = await t.dataSource.query('SELECT "tokenHash" FROM sessions');
    expect(rows.some((r) => r.tokenHash === login.body.token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it.each([
    [{ username: 'officer1', password: 'wrong password' }, 401],
    [{ username: 'nobody', password: TEST_PASSWORD }, 401],
  ])('refuses %p with %d and the same message', async (body, status) => {
    const res = await t.http.post('/api/auth/login').send(body).expect(status);
    expect(res.body.message).toMatch(/not right/);
  });

  it('names the bad field of a malformed login', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 42 }).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['password', 'username']);
  });

  it('refuses requests without a token, with a malformed one and with an unknown one', async () => {
    await t.http.get('/api/auth/me').expect(401);
    await t.http.get('/api/auth/me').set('Authorization', 'Bearer short').expect(401);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${'x'.repeat(43)}`).expect(401);
  });

  it('ends the session at logout', async () => {
    const token = await t.login('supervisor1', { fresh: true });
    // Used once first, so a sign-in remembered from that request must not outlive the logout.
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('expires a token after 30 minutes idle, but not while it is used', async () => {
    const token = await t.login('officer3', { fresh: true });
    for (let i = 0; i < 4; i++) {
      t.clock.advanceMinutes(25);
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    }
    t.clock.advanceMinutes(31);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('expires a token 12 hours after sign-in however busy it is', async () => {
    const token = await t.login('officer3', { fresh: true });
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advanceMinutes(20);
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    }
    t.clock.advanceMinutes(25);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  describe('admin account management', () => {
    it('creates an officer who can then sign in, and refuses a duplicate username with 409', async () => {
      const admin = await t.login('admin1', { fresh: true });
      const teams = await t.http.get('/api/teams').set('Authorization', `Bearer ${admin}`).expect(200);
      const north = teams.body.find((team: { name: string }) => team.name === 'North');
      const body = {
        username: 'newofficer',
        name: 'PC New Officer',
        collarNumber: 'N9999',
        workPhone: '01632 960999',
        email: 'new@example.police.uk',
        role: 'officer',
        teamId: north.id,
        password: 'a long enough password',
      };
      const created = await t.http.post('/api/officers').set('Authorization', `Bearer ${admin}`).send(body).expect(201);
      expect(created.body).toMatchObject({ username: 'newofficer', teamId: north.id, active: true });
      expect(created.body.passwordHash).toBeUndefined();
      await t.http.post('/api/auth/login').send({ username: 'newofficer', password: body.password }).expect(200);
      const dup = await t.http.post('/api/officers').set('Authorization', `Bearer ${admin}`).send(body).expect(409);
      expect(dup.body.fields[0].field).toBe('username');
    });

    it('answers an empty officer PATCH with the officer unchanged, not a 500', async () => {
      const admin = await t.login('admin1', { fresh: true });
      const id = await officerId(t, 'officer3');
      const res = await t.http.patch(`/api/officers/${id}`).set('Authorization', `Bearer ${admin}`).send({}).expect(200);
      expect(res.body).toMatchObject({ username: 'officer3', active: true });
    });

    it('names every bad field when creating an officer', async () => {
      const admin = await t.login('admin1', { fresh: true });
      const res = await t.http
        .post('/api/officers')
        .set('Authorization', `Bearer ${admin}`)
        .send({ username: 'A B', name: '', role: 'chief', teamId: 'nope', password: 'short', email: 'x', workPhone: 'abc', collarNumber: 'N1' })
        .expect(400);
      const fields = res.body.fields.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(['email', 'name', 'password', 'role', 'teamId', 'username', 'workPhone']);
    });

    it('deactivating an officer ends their sessions and stops sign-in; reassigning moves their team', async () => {
      const admin = await t.login('admin1', { fresh: true });
      const officer2 = await t.login('officer2', { fresh: true });
      const id = await officerId(t, 'officer2');
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${officer2}`).expect(200);
      await t.http.patch(`/api/officers/${id}`).set('Authorization', `Bearer ${admin}`).send({ active: false }).expect(200);
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${officer2}`).expect(401);
      await t.http.post('/api/auth/login').send({ username: 'officer2', password: TEST_PASSWORD }).expect(401);

      const teams = await t.http.get('/api/teams').set('Authorization', `Bearer ${admin}`).expect(200);
      const south = teams.body.find((team: { name: string }) => team.name === 'South');
      const moved = await t.http
        .patch(`/api/officers/${id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ active: true, teamId: south.id })
        .expect(200);
      expect(moved.body).toMatchObject({ teamId: south.id, active: true });
      const signedIn = await t.http.post('/api/auth/login').send({ username: 'officer2', password: TEST_PASSWORD }).expect(200);
      const again = `Bearer ${signedIn.body.token as string}`;
      await t.http.get('/api/auth/me').set('Authorization', again).expect(200);

      // A change of role applies to the very next request of a session already in use, both ways.
      await t.http.get('/api/audit/missed-updates').set('Authorization', again).expect(403);
      await t.http.patch(`/api/officers/${id}`).set('Authorization', `Bearer ${admin}`).send({ role: 'supervisor' }).expect(200);
      await t.http.get('/api/audit/missed-updates').set('Authorization', again).expect(200);
      await t.http.patch(`/api/officers/${id}`).set('Authorization', `Bearer ${admin}`).send({ role: 'officer' }).expect(200);
      await t.http.get('/api/audit/missed-updates').set('Authorization', again).expect(403);
    });
  });
});
