import { Logger } from '@nestjs/common';
import { MAX_FAILED_LOGINS, MAX_FAILURES_PER_ADDRESS } from '../src/auth/auth.service';
import { SignInFailure } from '../src/auth/sign-in-failure.entity';
import { Case } from '../src/cases/case.entity';
import { ExpiredRowsPurger } from '../src/database/expired-rows';
import { caseBody } from './support/builders';
import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

describe('hardening', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends security headers and no-store on every case response', async () => {
    const token = await t.login('officer1');
    const created = await t.http.post('/api/cases').set('Authorization', `Bearer ${token}`).send(caseBody()).expect(201);
    for (const res of [
      created,
      await t.http.get(`/api/cases/${created.body.id}`).set('Authorization', `Bearer ${token}`).expect(200),
      await t.http.get('/api/cases').set('Authorization', `Bearer ${token}`).expect(200),
      await t.http.get('/api/cases/00000000-0000-4000-8000-000000000000').set('Authorization', `Bearer ${token}`).expect(404),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('makes TypeORM throw on undefined or null in a where clause instead of matching the first row', async () => {
    const cases = t.dataSource.getRepository(Case);
    await expect(cases.findOne({ where: { id: undefined } })).rejects.toThrow();
    await expect(cases.findOne({ where: { deputyOfficerId: null as unknown as string } })).rejects.toThrow();
  });

  it('locks an account for 15 minutes after 5 failed sign-ins, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await t.http.post('/api/auth/login').send({ username: 'officer2', password: `wrong-${i}` }).expect(401);
    }
    const locked = await t.http.post('/api/auth/login').send({ username: 'officer2', password: TEST_PASSWORD }).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.message).toBe('Too many failed sign-in attempts. Try again in 15 minutes.');
    t.clock.advanceMinutes(16);
    await t.http.post('/api/auth/login').send({ username: 'officer2', password: TEST_PASSWORD }).expect(200);
  });

  it('locks an account after 5 failed sign-ins even when the guesses arrive all at once, and says so once in the log', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.http.post('/api/auth/login').send({ username: 'supervisor2', password: `parallel-guess-${i}` })),
    );
    const statuses = guesses.map((res) => res.status);
    // At most five guesses are checked; the rest are refused without being tried.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    await t.http.post('/api/auth/login').send({ username: 'supervisor2', password: TEST_PASSWORD }).expect(429);
    expect(warn.mock.calls.map(([message]) => String(message)).filter((message) => message.includes('"supervisor2" locked'))).toHaveLength(1);
    warn.mockRestore();
    t.clock.advanceMinutes(16);
    await t.http.post('/api/auth/login').send({ username: 'supervisor2', password: TEST_PASSWORD }).expect(200);
  });

  it('counts an address’s guesses in flight: a burst over many usernames is cut off at the limit', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const guesses = await Promise.all(
      Array.from({ length: MAX_FAILURES_PER_ADDRESS + 10 }, (_, i) => t.http.post('/api/auth/login').send({ username: `burst${i}`, password: 'guess-guess' })),
    );
    const statuses = guesses.map((res) => res.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILURES_PER_ADDRESS);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(warn.mock.calls.map(([message]) => String(message)).filter((message) => /^Address ".*127\.0\.0\.1" refused sign-in/.test(message))).toHaveLength(1);
    warn.mockRestore();
    t.clock.advanceMinutes(16);
    await t.http.post('/api/auth/login').send({ username: 'officer3', password: TEST_PASSWORD }).expect(200);
  });

  it('slows down one address trying many usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await t.http.post('/api/auth/login').send({ username: `nobody${i}`, password: 'guess-guess' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 25).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    t.clock.advanceMinutes(16);
    await t.http.post('/api/auth/login').send({ username: 'officer3', password: TEST_PASSWORD }).expect(200);
  });

  it('keeps a failed sign-in (address and time only) for the throttle’s window, then removes it', async () => {
    t.clock.advanceMinutes(16);
    await t.app.get(ExpiredRowsPurger).purge();
    await t.http.post('/api/auth/login').send({ username: 'nobody-at-all', password: 'guess-guess' }).expect(401);
    const failures = t.dataSource.getRepository(SignInFailure);
    expect(await failures.find()).toEqual([{ id: expect.any(String), address: expect.stringMatching(/127\.0\.0\.1$/), failedAt: t.clock.now() }]);
    t.clock.advanceMinutes(14);
    await t.app.get(ExpiredRowsPurger).purge();
    expect(await failures.count()).toBe(1);
    t.clock.advanceMinutes(2);
    expect(await t.app.get(ExpiredRowsPurger).purge()).toBeGreaterThanOrEqual(1);
    expect(await failures.count()).toBe(0);
  });
});
