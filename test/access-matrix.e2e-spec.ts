import { randomBytes } from 'node:crypto';
import { AccessLogEntry } from '../src/access-log/access-log-entry.entity';
import { Role } from '../src/officers/officer.entity';
import { csrfTokenFor } from '../src/web/shell/csrf';
import { SESSION_COOKIE, SIGN_IN_COOKIE } from '../src/web/shell/session-cookie';
import { caseBody } from './support/builders';
import { caseIdByReference, createTestApp, officerId, TEST_PASSWORD, TestApp } from './support/test-app';

/**
 * The role × route × own/other-case matrix, generated from ONE table. Every route the app serves
 * must be in the table: a new route without a rule here fails the suite.
 */
interface RouteRule {
  allow: Role[] | 'public';
  /** Routes under /api/cases/:id: the actor's own case answers, another team's case is a 404. */
  caseScoped?: boolean;
  /** A body that passes validation without changing anything important. */
  body?: Record<string, unknown>;
  /** Values for path parameters other than a case id. */
  params?: (ctx: Context) => Record<string, string>;
  /**
   * A browser page: called with the session cookie (and a form token on posts) instead of a bearer
   * token, and an anonymous caller is sent to /sign-in rather than answered 401.
   */
  web?: true;
}

interface Context {
  ownCase: string;
  otherCase: string;
  officer2: string;
  milestone: string;
  decline: string;
  alert: string;
  contact: string;
  check: string;
}

/** The browser's pages (src/web). */
const WEB_ROUTES: Record<string, RouteRule> = {
  'GET /sign-in': { allow: 'public', web: true },
  'POST /sign-in': { allow: 'public', web: true, body: { username: 'officer2', password: TEST_PASSWORD } },
  'POST /sign-out': { allow: ['officer', 'supervisor', 'admin'], web: true },
  'GET /': { allow: ['officer', 'supervisor', 'admin'], web: true },
  'GET /cases': { allow: ['officer', 'supervisor'], web: true },
  'GET /cases/new': { allow: ['officer', 'supervisor'], web: true },
  'POST /cases': { allow: ['officer', 'supervisor'], web: true, body: { reference: '' } },
  'GET /cases/:id': { allow: ['officer', 'supervisor'], web: true, caseScoped: true },
  'GET /cases/:id/edit': { allow: ['officer', 'supervisor'], web: true, caseScoped: true },
  'POST /cases/:id/edit': { allow: ['officer', 'supervisor'], web: true, caseScoped: true, body: { version: '999' } },
  'POST /cases/:id/reassign': { allow: ['supervisor'], web: true, caseScoped: true, body: { version: '999' } },
  'GET /admin/officers': { allow: ['admin'], web: true },
  'GET /admin/officers/new': { allow: ['admin'], web: true },
  'POST /admin/officers': { allow: ['admin'], web: true, body: { username: 'x' } },
  'GET /admin/officers/:id': { allow: ['admin'], web: true, params: (c) => ({ id: c.officer2 }) },
  'POST /admin/officers/:id': { allow: ['admin'], web: true, body: { collarNumber: 'N2210' }, params: (c) => ({ id: c.officer2 }) },
  'POST /admin/officers/:id/active': { allow: ['admin'], web: true, body: { active: 'yes' }, params: (c) => ({ id: c.officer2 }) },
  'GET /cases/:id/milestones/new': { allow: ['officer', 'supervisor'], web: true, caseScoped: true },
  'POST /cases/:id/milestones': { allow: ['officer', 'supervisor'], web: true, caseScoped: true, body: { type: '' } },
  'GET /cases/:id/milestones/:milestoneId': { allow: ['officer', 'supervisor'], web: true, caseScoped: true, params: (c) => ({ milestoneId: c.milestone }) },
  'POST /cases/:id/milestones/:milestoneId': {
    allow: ['officer', 'supervisor'],
    web: true,
    caseScoped: true,
    body: { status: 'sideways' },
    params: (c) => ({ milestoneId: c.milestone }),
  },
  'GET /cases/:id/contacts/new': { allow: ['officer', 'supervisor'], web: true, caseScoped: true },
  'POST /cases/:id/contacts': { allow: ['officer', 'supervisor'], web: true, caseScoped: true, body: { summary: '' } },
  'GET /cases/:id/contacts/:contactId/correct': { allow: ['officer', 'supervisor'], web: true, caseScoped: true, params: (c) => ({ contactId: c.contact }) },
  'POST /cases/:id/contacts/:contactId/correct': {
    allow: ['officer', 'supervisor'],
    web: true,
    caseScoped: true,
    body: { summary: '' },
    params: (c) => ({ contactId: c.contact }),
  },
  'GET /cases/:id/wellbeing-checks/new': { allow: ['officer', 'supervisor'], web: true, caseScoped: true },
  'POST /cases/:id/wellbeing-checks': { allow: ['officer', 'supervisor'], web: true, caseScoped: true, body: { context: '' } },
  'GET /cases/:id/wellbeing-checks/:checkId': { allow: ['officer', 'supervisor'], web: true, caseScoped: true, params: (c) => ({ checkId: c.check }) },
  'GET /cases/:id/declines/new': { allow: ['officer', 'supervisor'], web: true, caseScoped: true },
  'POST /cases/:id/declines': { allow: ['officer', 'supervisor'], web: true, caseScoped: true, body: { note: '' } },
  'POST /cases/:id/declines/:declineId/end': { allow: ['officer', 'supervisor'], web: true, caseScoped: true, params: (c) => ({ declineId: c.decline }) },
  'GET /cases/:id/handbook.pdf': { allow: ['officer', 'supervisor'], web: true, caseScoped: true },
  'GET /cases/:id/handbook.html': { allow: ['officer', 'supervisor'], web: true, caseScoped: true },
  'GET /team': { allow: ['supervisor'], web: true },
  'GET /team/missed-updates.csv': { allow: ['supervisor'], web: true },
  'POST /team/alerts/:alertId/acknowledge': { allow: ['supervisor'], web: true, params: (c) => ({ alertId: c.alert }) },
  'GET /calendar': { allow: ['officer', 'supervisor'], web: true },
  'POST /calendar': { allow: ['officer', 'supervisor'], web: true },
  'POST /calendar/revoke': { allow: ['officer', 'supervisor'], web: true },
  'GET /calendar/:token.ics': { allow: 'public', web: true },
  'GET /admin/teams': { allow: ['admin'], web: true },
  'GET /admin/settings': { allow: ['admin'], web: true },
  'POST /admin/settings': { allow: ['admin'], web: true, body: { version: '999' } },
  'GET /admin/support-directory': { allow: ['admin'], web: true },
  'POST /admin/teams': { allow: ['admin'], web: true, body: { name: 'North' } },
};

export const ROUTE_TABLE: Record<string, RouteRule> = {
  'GET /health': { allow: 'public' },
  'POST /api/auth/login': { allow: 'public', body: { username: 'officer2', password: TEST_PASSWORD } },
  'POST /api/auth/logout': { allow: ['officer', 'supervisor', 'admin'] },
  'GET /api/auth/me': { allow: ['officer', 'supervisor', 'admin'] },
  'GET /api/officers': { allow: ['supervisor', 'admin'] },
  'POST /api/officers': { allow: ['admin'], body: { username: 'x' } },
  'PATCH /api/officers/:id': { allow: ['admin'], body: {}, params: (c) => ({ id: c.officer2 }) },
  'GET /api/teams': { allow: ['supervisor', 'admin'] },
  'POST /api/teams': { allow: ['admin'], body: { name: 'North' } },
  'GET /api/cases': { allow: ['officer', 'supervisor'] },
  'POST /api/cases': { allow: ['officer', 'supervisor'], body: { reference: '' } },
  'GET /api/cases/:id': { allow: ['officer', 'supervisor'], caseScoped: true },
  'PATCH /api/cases/:id': { allow: ['officer', 'supervisor'], caseScoped: true, body: { version: 999 } },
  'GET /api/cases/:id/handbook.pdf': { allow: ['officer', 'supervisor'], caseScoped: true },
  'GET /api/cases/:id/handbook.html': { allow: ['officer', 'supervisor'], caseScoped: true },
  'GET /api/cases/:id/handbook-issues': { allow: ['officer', 'supervisor'], caseScoped: true },
  // Admins see no case contents but erase closed cases past review: the open case is refused with 409.
  'POST /api/cases/:id/erase': { allow: ['admin'], params: (c) => ({ id: c.ownCase }) },
  'GET /api/cases/:id/milestones': { allow: ['officer', 'supervisor'], caseScoped: true },
  'POST /api/cases/:id/milestones': { allow: ['officer', 'supervisor'], caseScoped: true, body: { type: 'interview', status: 'expected' } },
  'PATCH /api/cases/:id/milestones/:milestoneId': {
    allow: ['officer', 'supervisor'],
    caseScoped: true,
    body: { note: 'Interview arranged.' },
    params: (c) => ({ milestoneId: c.milestone }),
  },
  'GET /api/cases/:id/updates': { allow: ['officer', 'supervisor'], caseScoped: true },
  'POST /api/cases/:id/declines': { allow: ['officer', 'supervisor'], caseScoped: true, body: { from: '2026-03-10', reviewDate: '2026-03-24' } },
  'POST /api/cases/:id/declines/:declineId/end': { allow: ['officer', 'supervisor'], caseScoped: true, params: (c) => ({ declineId: c.decline }) },
  'GET /api/cases/:id/contacts': { allow: ['officer', 'supervisor'], caseScoped: true },
  'POST /api/cases/:id/contacts': {
    allow: ['officer', 'supervisor'],
    caseScoped: true,
    body: { occurredAt: '2026-03-09T10:00:00Z', method: 'phone', outcome: 'no_answer', summary: 'No answer.' },
  },
  'GET /api/cases/:id/wellbeing-checks': { allow: ['officer', 'supervisor'], caseScoped: true },
  'POST /api/cases/:id/wellbeing-checks': {
    allow: ['officer', 'supervisor'],
    caseScoped: true,
    body: { occurredAt: '2026-03-09T10:00:00Z', context: 'routine', distressLevel: 0, indicators: [], trustedPersonPresent: true },
  },
  'GET /api/alerts': { allow: ['supervisor'] },
  'POST /api/alerts/:id/acknowledge': { allow: ['supervisor'], params: (c) => ({ id: c.alert }) },
  'GET /api/me/work': { allow: ['officer', 'supervisor'] },
  'GET /api/settings': { allow: ['supervisor', 'admin'] },
  'PATCH /api/settings': { allow: ['admin'], body: {} },
  'GET /api/audit/missed-updates': { allow: ['supervisor'] },
  'GET /api/audit/compliance': { allow: ['supervisor'] },
  'GET /api/audit/no-recent-contact': { allow: ['supervisor'] },
  'GET /api/audit/high-risk-without-follow-up': { allow: ['supervisor'] },
  'GET /api/audit/unassigned-cases': { allow: ['supervisor'] },
  'GET /api/audit/unacknowledged-alerts': { allow: ['supervisor'] },
  'GET /api/audit/access-log': { allow: ['supervisor', 'admin'] },
  'GET /api/audit/access-log/verify': { allow: ['supervisor', 'admin'] },
  ...WEB_ROUTES,
};

/** Whoever plays each role, and whose case counts as "own" for them. */
const ACTORS: { role: Role; username: string }[] = [
  { role: 'officer', username: 'officer1' },
  { role: 'supervisor', username: 'supervisor1' },
  { role: 'admin', username: 'admin1' },
];

function servedRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance();
  const stack = (express.router ?? express._router).stack as { route?: { path: string; methods: Record<string, boolean> } }[];
  return stack
    .filter((layer) => layer.route && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
    );
}

describe('access matrix (role × route × own/other case)', () => {
  let t: TestApp;
  let ctx: Context;

  beforeAll(async () => {
    t = await createTestApp();
    const officer1 = await t.login('officer1');
    const created = await t.http.post('/api/cases').set('Authorization', `Bearer ${officer1}`).send(caseBody()).expect(201);
    const ownCase = created.body.id;
    const as = (path: string) => t.http.post(path).set('Authorization', `Bearer ${officer1}`);
    const milestone = await as(`/api/cases/${ownCase}/milestones`).send({ type: 'forensic_started', status: 'expected' }).expect(201);
    const decline = await as(`/api/cases/${ownCase}/declines`).send({ from: '2026-03-10', reviewDate: '2026-03-31' }).expect(201);
    const check = await as(`/api/cases/${ownCase}/wellbeing-checks`)
      .send({ occurredAt: '2026-03-09T10:00:00Z', context: 'crisis', distressLevel: 4, indicators: [], trustedPersonPresent: false })
      .expect(201);
    const contact = await as(`/api/cases/${ownCase}/contacts`)
      .send({ occurredAt: '2026-03-09T09:00:00Z', method: 'phone', outcome: 'no_answer', summary: 'No answer.' })
      .expect(201);
    ctx = {
      ownCase,
      otherCase: await caseIdByReference(t, 'SOU/2026/0201'),
      officer2: await officerId(t, 'officer2'),
      milestone: milestone.body.id,
      decline: decline.body.id,
      alert: check.body.alertId,
      contact: contact.body.id,
      check: check.body.id,
    };
  });

  afterAll(() => t.close());

  it('has a rule in the table for every route the app serves, and no stale rules', () => {
    const served = servedRoutes(t).sort();
    expect(served.length).toBeGreaterThan(5);
    expect(served.filter((r) => !(r in ROUTE_TABLE))).toEqual([]);
    expect(Object.keys(ROUTE_TABLE).filter((r) => !served.includes(r))).toEqual([]);
  });

  async function call(route: string, rule: RouteRule, caseId: string | null, token: string | null) {
    const [method, pattern] = route.split(' ');
    const params: Record<string, string> = { ...(rule.params?.(ctx) ?? {}) };
    if (caseId) params.id = caseId;
    const url = pattern.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '00000000-0000-4000-8000-000000000000');
    let req = t.http[method.toLowerCase() as 'get'](url);
    if (rule.web) return webCall(req, method, rule, token);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    if (rule.body) req = req.send(rule.body);
    return req;
  }

  function webCall(req: ReturnType<TestApp['http']['get']>, method: string, rule: RouteRule, token: string | null) {
    const cookies: string[] = [];
    let formToken: string | null = null;
    if (token) {
      cookies.push(`${SESSION_COOKIE}=${token}`);
      formToken = csrfTokenFor(token);
    }
    if (rule.allow === 'public') {
      const signInSecret = randomBytes(32).toString('base64url');
      cookies.push(`${SIGN_IN_COOKIE}=${signInSecret}`);
      formToken = csrfTokenFor(signInSecret);
    }
    if (cookies.length) req = req.set('Cookie', cookies.join('; '));
    if (method === 'GET') return req;
    return req.type('form').send({ ...(rule.body ?? {}), ...(formToken ? { _csrf: formToken } : {}) });
  }

  /** The API answers 401; a page sends the browser to sign in. */
  function expectSignInNeeded(rule: RouteRule, res: { status: number; headers: Record<string, string> }) {
    if (!rule.web) return expect(res.status).toBe(401);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/sign-in');
  }

  const cases = Object.entries(ROUTE_TABLE).flatMap(([route, rule]) => [
    { route, rule, who: 'anonymous' as const },
    ...ACTORS.map((a) => ({ route, rule, who: a })),
  ]);

  it.each(cases.map((c) => [c.route, typeof c.who === 'string' ? c.who : c.who.role, c]))('%s as %s', async (_r, _w, c) => {
    const { route, rule, who } = c as (typeof cases)[number];
    // Signing out would end the shared session, so the logout route gets a session of its own.
    const signsOut = route === 'POST /api/auth/logout' || route === 'POST /sign-out';
    const token = who === 'anonymous' ? null : await t.login(who.username, { fresh: signsOut });
    const allowed = rule.allow === 'public' || (who !== 'anonymous' && rule.allow.includes(who.role));
    if (!rule.caseScoped) {
      const res = await call(route, rule, null, token);
      if (rule.allow === 'public') expect([401, 403]).not.toContain(res.status);
      else if (who === 'anonymous') expectSignInNeeded(rule, res);
      else if (allowed) expect([401, 403, 404]).not.toContain(res.status);
      else expect(res.status).toBe(403);
      return;
    }
    const own = await call(route, rule, ctx.ownCase, token);
    const other = await call(route, rule, ctx.otherCase, token);
    if (who === 'anonymous') {
      expectSignInNeeded(rule, own);
      expectSignInNeeded(rule, other);
    } else if (!allowed) {
      expect([own.status, other.status]).toEqual([403, 403]);
    } else {
      expect([401, 403, 404]).not.toContain(own.status);
      expect(other.status).toBe(404);
    }
  });

  it('logs every refused look at a case, with who and which record', async () => {
    const log = t.dataSource.getRepository(AccessLogEntry);
    const refused = await log.find({ where: { outcome: 'refused' } });
    const byUser = (u: string) => refused.filter((e) => e.username === u);
    expect(byUser('officer1').some((e) => e.caseId === ctx.otherCase && e.operation === 'consultation')).toBe(true);
    expect(byUser('officer1').some((e) => e.caseId === ctx.otherCase && e.operation === 'alteration')).toBe(true);
    expect(byUser('admin1').some((e) => e.caseId === ctx.ownCase)).toBe(true);
    expect(refused.every((e) => e.officerId && e.purpose && e.recordId)).toBe(true);
  });
});
