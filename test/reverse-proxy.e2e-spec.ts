import request from 'supertest';
import { MAX_FAILURES_PER_ADDRESS } from '../src/auth/auth.service';
import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';
import { setCookie, WebClient } from './web/web-client';

/** One more failed sign-in than an address is allowed, each claiming the given client address; the statuses seen. */
async function failSignIns(t: TestApp, forwardedFor: (attempt: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i <= MAX_FAILURES_PER_ADDRESS; i++) {
    const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', forwardedFor(i)).send({ username: `nobody${i}`, password: 'guess-guess' });
    statuses.push(res.status);
  }
  return statuses;
}

/** Signs officer1 in through the web form with the given forwarded headers; the session cookie line. */
async function webSignIn(t: TestApp, headers: Record<string, string>): Promise<string> {
  const form = await new WebClient(t, headers).get('/sign-in');
  const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
  // By hand: a cookie jar keeps a Secure cookie to itself over plain HTTP, which this test talks.
  const res = await request(t.app.getHttpServer())
    .post('/sign-in')
    .set(headers)
    .set('Cookie', setCookie(form, 'fl_sign_in').split(';')[0])
    .type('form')
    .send({ username: 'officer1', password: TEST_PASSWORD, _csrf: token });
  expect(res.status).toBe(303);
  return setCookie(res, 'fl_session');
}

describe('behind a reverse proxy', () => {
  describe('without TRUST_PROXY (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('believes no X-Forwarded-For: a client cannot escape the sign-in throttle by forging one', async () => {
      const statuses = await failSignIns(t, (i) => `198.51.100.${i + 1}`);
      expect(statuses.slice(0, MAX_FAILURES_PER_ADDRESS).every((s) => s === 401)).toBe(true);
      expect(statuses[MAX_FAILURES_PER_ADDRESS]).toBe(429);
    });

    it('believes no X-Forwarded-Proto: the session cookie is not marked Secure over plain HTTP', async () => {
      t.clock.advanceMinutes(16);
      expect(await webSignIn(t, { 'X-Forwarded-Proto': 'https' })).not.toContain('Secure');
    });
  });

  describe('with TRUST_PROXY=loopback (a proxy on this machine)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { TRUST_PROXY: 'loopback' } });
    });
    afterAll(() => t.close());

    it('throttles each client behind the proxy on its own: one guesser does not lock out the force', async () => {
      const statuses = await failSignIns(t, () => '203.0.113.7');
      expect(statuses.slice(0, MAX_FAILURES_PER_ADDRESS).every((s) => s === 401)).toBe(true);
      expect(statuses[MAX_FAILURES_PER_ADDRESS]).toBe(429);
      await t.http.post('/api/auth/login').set('X-Forwarded-For', '203.0.113.7').send({ username: 'officer1', password: TEST_PASSWORD }).expect(429);
      await t.http.post('/api/auth/login').set('X-Forwarded-For', '203.0.113.8').send({ username: 'officer1', password: TEST_PASSWORD }).expect(200);
    });

    it('marks the session cookie Secure when the proxy says the browser came over TLS', async () => {
      expect(await webSignIn(t, { 'X-Forwarded-For': '203.0.113.9', 'X-Forwarded-Proto': 'https' })).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
      expect(await webSignIn(t, { 'X-Forwarded-For': '203.0.113.9' })).not.toContain('Secure');
    });
  });
});
