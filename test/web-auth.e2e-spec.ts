import request from 'supertest';
import { WorkListSource } from '../src/web/home/work-list';
import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';
import { setCookie, signedIn, visibleText, WebClient } from './web/web-client';


describe('web sign-in, session cookie, CSRF and error pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the sign-in page with a strict CSP, no-store, and a sign-in cookie for its form token', async () => {
    const res = await new WebClient(t).get('/sign-in');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    const csp = res.headers['content-security-policy'];
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(setCookie(res, 'fl_sign_in')).toMatch(/; Path=\/sign-in; HttpOnly; SameSite=Strict$/);
    expect(res.text).toContain('<html lang="en"');
    expect(res.text).toMatch(/name="_csrf" value="[A-Za-z0-9_-]{43}"/);
    expect(res.text).not.toMatch(/GOV\.UK|govuk-header__logotype|crown/i);
  });

  it('signs in with a session cookie: HttpOnly, SameSite=Strict, Path=/, not Secure over plain HTTP', async () => {
    const client = new WebClient(t);
    const res = await client.signIn('officer1');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = setCookie(res, 'fl_session');
    expect(cookie).toMatch(/^fl_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(setCookie(res, 'fl_sign_in')).toMatch(/^fl_sign_in=; Path=\/sign-in; Expires=Thu, 01 Jan 1970/);
    const home = await client.get('/');
    expect(home.status).toBe(200);
    expect(visibleText(home.text)).toContain('PC Alex Morgan');
  });

  it('sends admins to the officer accounts after signing in', async () => {
    const res = await new WebClient(t).signIn('admin1');
    expect(res.headers.location).toBe('/admin/officers');
  });

  it('refuses a sign-in post without the form token, or with the token of another browser, with 403', async () => {
    const client = new WebClient(t);
    await client.get('/sign-in');
    const without = await client.post('/sign-in', { username: 'officer1', password: TEST_PASSWORD }, { csrf: null });
    expect(without.status).toBe(403);
    expect(without.headers['content-type']).toMatch(/^text\/html/);
    expect(without.headers['set-cookie']).toBeUndefined();
    const other = new WebClient(t);
    await other.get('/sign-in');
    const crossed = await client.post('/sign-in', { username: 'officer1', password: TEST_PASSWORD }, { csrf: other.csrfToken });
    expect(crossed.status).toBe(403);
  });

  it('shows missing fields beside the fields, with an error summary', async () => {
    const client = new WebClient(t);
    await client.get('/sign-in');
    const res = await client.post('/sign-in', { username: '', password: '' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Error: Sign in – Family liaison</title>');
    expect(res.text).toMatch(/govuk-error-summary[\s\S]*href="#username">Enter your username<\/a>[\s\S]*href="#password">Enter your password<\/a>/);
    expect(res.text).toMatch(/id="username-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:<\/span> Enter your username/);
    expect(res.text).toContain('aria-describedby="username-error"');
  });

  it('says a wrong password plainly, keeps the username and never echoes the password', async () => {
    const client = new WebClient(t);
    await client.get('/sign-in');
    const res = await client.post('/sign-in', { username: 'officer3', password: 'not-the-password-123' });
    expect(res.status).toBe(401);
    expect(visibleText(res.text)).toContain('The username or password is not right');
    expect(res.text).toContain('value="officer3"');
    expect(res.text).not.toContain('not-the-password-123');
    expect(res.headers['set-cookie'] ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/^fl_session=/)]));
  });

  it('does not accept the session cookie on the API, which checks no form tokens', async () => {
    const client = await signedIn(t, 'officer1');
    await client.agent.get('/api/cases').expect(401);
    await client.agent.get('/api/auth/me').expect(401);
  });

  it('sends a browser without a session, or with a bad cookie, to sign in', async () => {
    const anonymous = new WebClient(t);
    for (const path of ['/', '/cases', '/cases/new', '/admin/officers']) {
      const res = await anonymous.get(path);
      expect([res.status, res.headers.location]).toEqual([303, '/sign-in']);
    }
    const forged = await request(t.app.getHttpServer()).get('/cases').set('Cookie', 'fl_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect([forged.status, forged.headers.location]).toEqual([303, '/sign-in']);
    expect(setCookie(forged, 'fl_session')).toMatch(/^fl_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
  });

  it('ends the session after 30 idle minutes', async () => {
    const client = await signedIn(t, 'officer2');
    t.clock.advanceMinutes(29);
    expect((await client.get('/cases')).status).toBe(200);
    t.clock.advanceMinutes(31);
    const res = await client.get('/cases');
    expect([res.status, res.headers.location]).toEqual([303, '/sign-in']);
  });

  it('signs out only with the form token; afterwards the old cookie opens nothing', async () => {
    const client = await signedIn(t, 'supervisor1');
    const cookie = client.sessionCookie;
    expect(cookie).toMatch(/^fl_session=[A-Za-z0-9_-]{43}$/);
    const refused = await client.post('/sign-out', {}, { csrf: null });
    expect(refused.status).toBe(403);
    expect((await client.get('/')).status).toBe(200);
    const res = await client.post('/sign-out');
    expect([res.status, res.headers.location]).toEqual([303, '/sign-in?signedOut=true']);
    expect(setCookie(res, 'fl_session')).toMatch(/^fl_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    const replayed = await request(t.app.getHttpServer()).get('/').set('Cookie', cookie);
    expect([replayed.status, replayed.headers.location]).toEqual([303, '/sign-in']);
    expect(visibleText((await client.get('/sign-in?signedOut=true')).text)).toContain('You have signed out');
  });

  it('refuses a form post carrying the token of another session with 403', async () => {
    const officer1 = await signedIn(t, 'officer1');
    const officer2 = await signedIn(t, 'officer2');
    const res = await officer1.post('/cases', { reference: 'CSRF/1' }, { csrf: officer2.csrfToken });
    expect(res.status).toBe(403);
    expect(visibleText(res.text)).toContain('You cannot open this page');
  });

  it('answers an unknown page with a 404 page, and the API with JSON', async () => {
    const client = await signedIn(t, 'officer1');
    const page = await client.get('/no-such-page');
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(visibleText(page.text)).toContain('Page not found');
    const api = await client.agent.get('/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers an unexpected failure with a 500 page that gives a reference and nothing else', async () => {
    const client = await signedIn(t, 'officer1');
    const source = t.app.get(WorkListSource);
    const original = source.workFor;
    source.workFor = async () => {
      throw new Error('SQLITE_ERROR: no such column: secret_column at /work/main/src/x.ts:12');
    };
    try {
      const res = await client.get('/');
      expect(res.status).toBe(500);
      const text = visibleText(res.text);
      expect(text).toContain('Sorry, there is a problem with the service');
      expect(text).toMatch(/quote reference [0-9a-f-]{36}/);
      expect(res.text).not.toMatch(/secret_column|SQLITE|\/work\/main|at .*\.ts/);
    } finally {
      source.workFor = original;
    }
  });
});
