import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { hashToken } from '../src/auth/auth.service';
import { Session } from '../src/auth/session.entity';
import { Case } from '../src/cases/case.entity';
import { Officer } from '../src/officers/officer.entity';
import { Team } from '../src/officers/team.entity';
import { csrfTokenFor } from '../src/web/shell/csrf';
import { SESSION_COOKIE, SIGN_IN_COOKIE } from '../src/web/shell/session-cookie';
import { BaseBody, baseBodies, Fixtures } from './hostile/base-bodies';
import { buildCorpus, HostileRequest } from './hostile/corpus';
import { differences, Fingerprint, fingerprint, GROWING_TABLES } from './hostile/fingerprint';
import { ServedRoute, servedRoutes } from './hostile/routes';
import { caseBody } from './support/builders';
import { createTestApp, TEST_ENGINE, TestApp } from './support/test-app';

/**
 * Hundreds of malformed and hostile requests against every route the app serves, as a caller
 * allowed on that route: the app answers each with a 4xx (naming the field where it is a
 * validation error), never a 5xx, stays healthy, and no stored record changes.
 */
describe(`hostile input (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let base: string;
  let fixtures: Fixtures;
  let bases: Record<string, BaseBody>;
  let routes: ServedRoute[];
  let corpus: HostileRequest[];
  let before: Fingerprint;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const tokens = new Map<string, string>();

  /** A session straight into the table (signing in for each sign-out request would cost a password hash each). */
  async function mintSession(username: string): Promise<string> {
    const officer = await t.dataSource.getRepository(Officer).findOneByOrFail({ username });
    const token = randomBytes(32).toString('base64url');
    const now = t.clock.now();
    await t.dataSource.getRepository(Session).insert({
      tokenHash: hashToken(token),
      officerId: officer.id,
      kind: 'api',
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 12 * 3600_000),
      revokedAt: null,
    });
    return token;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    base = `127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    for (const username of ['officer1', 'supervisor1', 'admin1']) tokens.set(username, await mintSession(username));
    const officer1 = { Authorization: `Bearer ${tokens.get('officer1')}` };
    const created = await t.http.post('/api/cases').set(officer1).send(caseBody()).expect(201);
    const caseId = created.body.id as string;
    const post = (path: string, body: object) => t.http.post(`/api/cases/${caseId}${path}`).set(officer1).send(body).expect(201);
    const milestone = await post('/milestones', { type: 'forensic_started', status: 'expected' });
    const check = await post('/wellbeing-checks', { occurredAt: '2026-03-09T10:00:00Z', context: 'crisis', distressLevel: 4, indicators: [], trustedPersonPresent: false });
    fixtures = {
      caseId,
      caseVersion: created.body.version,
      familyContactId: created.body.familyContacts[0].id,
      milestoneId: milestone.body.id,
      alertId: check.body.alertId,
      officer2Id: (await t.dataSource.getRepository(Officer).findOneByOrFail({ username: 'officer2' })).id,
      northTeamId: (await t.dataSource.getRepository(Team).findOneByOrFail({ name: 'North' })).id,
    };
    routes = servedRoutes(t.app);
    bases = baseBodies(fixtures);
    corpus = buildCorpus({ routes, bases, paramValues });
    before = await fingerprint(t.dataSource);
  });

  afterAll(async () => {
    agent.destroy();
    await t.close();
  });

  /** Real ids where the route reads a body (so spoiled bodies reach its checks); elsewhere ids that match nothing. */
  function paramValues(route: ServedRoute): Record<string, string> {
    const values: Record<string, string> = {};
    for (const param of route.params) {
      const casePath = /^\/(api\/)?cases\/:id/.test(route.path);
      const officerPath = /^\/(api|admin)\/officers\/:id/.test(route.path);
      if (param === 'id' && casePath) values.id = fixtures.caseId;
      else if (param === 'id' && officerPath) values.id = fixtures.officer2Id;
      else if (param === 'milestoneId') values.milestoneId = fixtures.milestoneId;
      else values[param] = randomUUID();
    }
    return values;
  }

  /** Who sends the route's requests: the first of officer, supervisor, admin its rule allows. */
  function actorFor(route: ServedRoute): string | null {
    if (route.allow === 'public') return null;
    const role = (['officer', 'supervisor', 'admin'] as const).find((r) => (route.allow as string[]).includes(r));
    return { officer: 'officer1', supervisor: 'supervisor1', admin: 'admin1' }[role!];
  }

  async function send(request: HostileRequest): Promise<{ status: number; type: string; text: string }> {
    const route = request.route;
    const actor = actorFor(route);
    const signsOut = /logout|sign-out/.test(route.path);
    const token = actor ? (signsOut ? await mintSession(actor) : tokens.get(actor)!) : null;
    const headers: Record<string, string | number> = {};
    let formToken = '';
    if (route.web) {
      if (token) {
        headers.Cookie = `${SESSION_COOKIE}=${token}`;
        formToken = csrfTokenFor(token);
      } else {
        const secret = randomBytes(32).toString('base64url');
        headers.Cookie = `${SIGN_IN_COOKIE}=${secret}`;
        formToken = csrfTokenFor(secret);
      }
    } else if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    Object.assign(headers, request.headers);
    const body = request.body?.(formToken);
    if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: Number(base.split(':')[1]), method: request.method, path: request.url, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString() }));
      });
      // The server may answer (413, 400) and close before a large body is written: that answer counts.
      req.on('error', reject);
      if (body !== undefined) req.end(body);
      else req.end();
    });
  }

  /** What is wrong with the answer to one hostile request, or null. */
  function problemWith(request: HostileRequest, res: { status: number; type: string; text: string }): string | null {
    if (res.status >= 500) return `answered ${res.status}: ${res.text.slice(0, 200)}`;
    if (request.expect === 'refused' && (res.status < 400 || res.status >= 500)) return `answered ${res.status}, expected a 4xx`;
    if (res.status === 400 && res.type.startsWith('application/json')) {
      const body = JSON.parse(res.text) as { fields?: { field: string }[] };
      if (!body.fields?.length) return `400 without fields: ${res.text.slice(0, 200)}`;
      const target = request.field;
      if (target && !body.fields.some((f) => f.field === target || f.field.startsWith(`${target}.`) || target.startsWith(`${f.field}.`))) {
        return `400 does not name ${target}: ${JSON.stringify(body.fields).slice(0, 200)}`;
      }
    }
    return null;
  }

  it('holds at least 300 requests, and some for every route the app serves', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    if (process.env.HOSTILE_SUMMARY) process.stdout.write(`hostile corpus: ${corpus.length} requests over ${routes.length} routes (${corpus.filter((r) => r.expect === 'refused').length} must be refused)\n`);
    const covered = new Set(corpus.map((r) => r.route.key));
    expect(routes.filter((r) => !covered.has(r.key)).map((r) => r.key)).toEqual([]);
  });

  it('refuses every hostile request with a clear 4xx and never a 5xx, on every route', async () => {
    const problems: string[] = [];
    for (const request of corpus) {
      let answer;
      try {
        answer = await send(request);
      } catch (error) {
        problems.push(`${request.method} ${request.route.key} — ${request.name}: no answer (${(error as Error).message})`);
        continue;
      }
      const problem = problemWith(request, answer);
      if (problem) problems.push(`${request.method} ${request.route.key} — ${request.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('is still healthy afterwards', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it(`changed no stored record (outside ${GROWING_TABLES.join(', ')})`, async () => {
    expect(differences(before, await fingerprint(t.dataSource))).toEqual([]);
  });

  it('polluted no prototype', () => {
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin, probe.role]).toEqual([undefined, undefined, undefined]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  // Last, because it changes data: the spoiled bodies were spoiled copies of bodies the routes accept.
  it('accepts each base body as it is (so each refusal above was about the spoiled part)', async () => {
    const refusedAnyway: string[] = [];
    for (const key of Object.keys(bases)) {
      const route = routes.find((r) => r.key === key);
      if (!route) continue;
      // Each accepted change moves the case on a version.
      const { version } = await t.dataSource.getRepository(Case).findOneByOrFail({ id: fixtures.caseId });
      const body = baseBodies({ ...fixtures, caseVersion: version })[key];
      const url = route.path.replace(/:(\w+)/g, (_, name: string) => paramValues(route)[name]);
      const res = await send({
        name: 'base',
        route,
        method: route.method,
        url,
        headers: { 'Content-Type': body.json ? 'application/json' : 'application/x-www-form-urlencoded' },
        body: (csrf) => (body.json ? JSON.stringify(body.json) : new URLSearchParams({ ...body.form, _csrf: csrf }).toString()),
        expect: 'harmless',
      });
      const signInAttempt = key === 'POST /api/auth/login' || key === 'POST /sign-in';
      if (signInAttempt ? ![401, 429].includes(res.status) && !(res.status === 400 && /not right/.test(res.text)) : res.status >= 400) {
        refusedAnyway.push(`${key}: ${res.status} ${res.text.slice(0, 300)}`);
      }
    }
    expect(refusedAnyway).toEqual([]);
  });
});
