import { AccessLogEntry } from '../src/access-log/access-log-entry.entity';
import { Role } from '../src/officers/officer.entity';
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
}

interface Context {
  ownCase: string;
  otherCase: string;
  officer2: string;
}

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
    ctx = {
      ownCase: created.body.id,
      otherCase: await caseIdByReference(t, 'SOU/2026/0201'),
      officer2: await officerId(t, 'officer2'),
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
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    if (rule.body) req = req.send(rule.body);
    return req;
  }

  const cases = Object.entries(ROUTE_TABLE).flatMap(([route, rule]) => [
    { route, rule, who: 'anonymous' as const },
    ...ACTORS.map((a) => ({ route, rule, who: a })),
  ]);

  it.each(cases.map((c) => [c.route, typeof c.who === 'string' ? c.who : c.who.role, c]))('%s as %s', async (_r, _w, c) => {
    const { route, rule, who } = c as (typeof cases)[number];
    // Signing out would end the shared session, so the logout route gets a session of its own.
    const token = who === 'anonymous' ? null : await t.login(who.username, { fresh: route === 'POST /api/auth/logout' });
    const allowed = rule.allow === 'public' || (who !== 'anonymous' && rule.allow.includes(who.role));
    if (!rule.caseScoped) {
      const res = await call(route, rule, null, token);
      if (rule.allow === 'public') expect([401, 403]).not.toContain(res.status);
      else if (who === 'anonymous') expect(res.status).toBe(401);
      else if (allowed) expect([401, 403, 404]).not.toContain(res.status);
      else expect(res.status).toBe(403);
      return;
    }
    const own = await call(route, rule, ctx.ownCase, token);
    const other = await call(route, rule, ctx.otherCase, token);
    if (who === 'anonymous') {
      expect([own.status, other.status]).toEqual([401, 401]);
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
