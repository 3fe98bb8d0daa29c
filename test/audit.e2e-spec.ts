import { missedUpdatesQuery } from '../src/audit/missed-updates.query';
import { parseCsv, UTF8_BOM } from '../src/audit/csv';
import { UpdateRefresher } from '../src/updates/update-refresher';
import { asUser } from './support/case-api';
import { FakeClock } from './support/fake-clock';
import { createTestApp, officerId, TEST_ENGINE, TestApp } from './support/test-app';

/**
 * Two teams' cases driven through the API with a fake clock from 9 February 2026, then audited on
 * Tuesday 10 March 2026 (the report date; the default range is 9 February – 10 March).
 *
 * North — officer1 (PC Alex Morgan):
 *   B  arrested Mon 9 Feb, first contact due Tue 10 Feb, reached Thu 12 Feb: met 2 days late
 *   H  arrested Mon 9 Feb, family declined updates until Fri 20 Feb, reached that day
 *   A  arrested Mon 16 Feb, first contact due Tue 17 Feb, reached that day: on time
 * North — officer2 (PC Priya Shah):
 *   C  arrested Tue 17 Feb, first contact due Wed 18 Feb, no answer that day: attempted
 *   D  arrested Mon 23 Feb, first contact due Tue 24 Feb, nobody called: missed; a high-risk
 *      wellbeing check on 24 Feb owes a follow-up by Wed 25 Feb, also missed
 * South — officer3 (PC Jordan Ellis):
 *   F  arrested Mon 9 Feb, first contact due Tue 10 Feb, reached Mon 16 Feb: met 6 days late
 *   G  arrested Wed 25 Feb, first contact due Thu 26 Feb, nobody called: missed
 */
describe(`supervisor audit (${TEST_ENGINE})`, () => {
  let t: TestApp;
  const clock = new FakeClock('2026-02-09T09:00:00Z');
  const cases: Record<string, { id: string; reference: string }> = {};
  let officers: Record<string, string>;

  const tokens = new Map<string, { token: string; at: number }>();
  /** Signs in again only after the clock has moved (a token from weeks ago has expired). */
  async function as(username: string) {
    let held = tokens.get(username);
    if (held?.at !== clock.now().getTime()) {
      held = { token: await t.login(username, { fresh: true }), at: clock.now().getTime() };
      tokens.set(username, held);
    }
    return asUser(t, held.token);
  }
  const at = (instant: string) => clock.set(instant);
  async function openCase(key: string, username: string, arrestDate: string) {
    const created = await (await as(username)).createCase({ reference: `AUD/${key}/${process.pid}`, arrestDate, updateFrequencyDays: 28 });
    cases[key] = { id: created.id, reference: created.reference };
  }
  async function contact(key: string, username: string, occurredAt: string, outcome: string) {
    await (await as(username))
      .post(`/api/cases/${cases[key].id}/contacts`, { occurredAt, method: 'phone', outcome, summary: `Call: ${outcome}` })
      .expect(201);
  }
  const report = async (username: string, query = '', status = 200) => (await as(username)).get(`/api/audit/missed-updates${query}`).expect(status);
  const rowsOf = (body: { rows: { reference: string; reason: string; dueDate: string; status: string; daysLate: number }[] }) =>
    body.rows.map((r) => [r.reference.split('/')[1], r.reason, r.dueDate, r.status, r.daysLate]);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    await removeDemoCases(t);
    officers = {
      officer1: await officerId(t, 'officer1'),
      officer2: await officerId(t, 'officer2'),
      officer3: await officerId(t, 'officer3'),
    };

    at('2026-02-09T09:00:00Z');
    await openCase('B', 'officer1', '2026-02-09');
    await openCase('H', 'officer1', '2026-02-09');
    await openCase('F', 'officer3', '2026-02-09');
    await (await as('officer1')).post(`/api/cases/${cases.H.id}/declines`, { from: '2026-02-09', reviewDate: '2026-02-20' }).expect(201);
    at('2026-02-12T11:00:00Z');
    await contact('B', 'officer1', '2026-02-12T10:00:00Z', 'spoke');
    at('2026-02-16T09:00:00Z');
    await openCase('A', 'officer1', '2026-02-16');
    at('2026-02-16T11:00:00Z');
    await contact('F', 'officer3', '2026-02-16T10:00:00Z', 'spoke');
    at('2026-02-17T09:00:00Z');
    await openCase('C', 'officer2', '2026-02-17');
    at('2026-02-17T11:00:00Z');
    await contact('A', 'officer1', '2026-02-17T10:00:00Z', 'spoke');
    at('2026-02-18T11:00:00Z');
    await contact('C', 'officer2', '2026-02-18T10:00:00Z', 'no_answer');
    at('2026-02-20T11:00:00Z');
    await contact('H', 'officer1', '2026-02-20T10:00:00Z', 'spoke');
    at('2026-02-23T09:00:00Z');
    await openCase('D', 'officer2', '2026-02-23');
    at('2026-02-24T15:00:00Z');
    await (await as('officer2'))
      .post(`/api/cases/${cases.D.id}/wellbeing-checks`, {
        occurredAt: '2026-02-24T14:00:00Z',
        context: 'crisis',
        distressLevel: 4,
        indicators: ['self_harm_thoughts'],
        trustedPersonPresent: false,
      })
      .expect(201);
    at('2026-02-25T09:00:00Z');
    await openCase('G', 'officer3', '2026-02-25');
    at('2026-03-10T10:00:00Z');
  });
  afterAll(() => t.close());

  describe('before the refresh job has run on the report date', () => {
    it('counts open updates past their due date as missed in progress, days late counted to today', async () => {
      const north = await report('supervisor1');
      expect(rowsOf(north.body)).toEqual([
        ['C', 'first_contact', '2026-02-18', 'open', 20],
        ['D', 'first_contact', '2026-02-24', 'open', 14],
        ['D', 'wellbeing_follow_up', '2026-02-25', 'open', 13],
        ['B', 'first_contact', '2026-02-10', 'met', 2],
      ]);
    });
  });

  describe('after the refresh', () => {
    beforeAll(async () => {
      await t.app.get(UpdateRefresher).refreshDue();
    });

    it("gives each supervisor exactly their own team's missed and late updates, most late first", async () => {
      const north = await report('supervisor1');
      expect(north.body).toMatchObject({ team: 'North', from: '2026-02-09', to: '2026-03-10', reportDate: '2026-03-10', page: 1, pageSize: 50, total: 4 });
      expect(rowsOf(north.body)).toEqual([
        ['C', 'first_contact', '2026-02-18', 'attempted', 20],
        ['D', 'first_contact', '2026-02-24', 'missed', 14],
        ['D', 'wellbeing_follow_up', '2026-02-25', 'missed', 13],
        ['B', 'first_contact', '2026-02-10', 'met', 2],
      ]);
      expect(north.body.rows[0]).toEqual({
        caseId: cases.C.id,
        reference: cases.C.reference,
        officerId: officers.officer2,
        officerName: 'PC Priya Shah',
        team: 'North',
        dueDate: '2026-02-18',
        reason: 'first_contact',
        status: 'attempted',
        daysLate: 20,
        updateId: expect.any(String),
      });

      const south = await report('supervisor2');
      expect(south.body).toMatchObject({ team: 'South', total: 2 });
      expect(rowsOf(south.body)).toEqual([
        ['G', 'first_contact', '2026-02-26', 'missed', 12],
        ['F', 'first_contact', '2026-02-10', 'met', 6],
      ]);
      expect(south.body.rows.every((r: { officerName: string }) => r.officerName === 'PC Jordan Ellis')).toBe(true);
    });

    it('filters by officer, reason, status and dates', async () => {
      expect(rowsOf((await report('supervisor1', `?officerId=${officers.officer1}`)).body)).toEqual([['B', 'first_contact', '2026-02-10', 'met', 2]]);
      expect(rowsOf((await report('supervisor1', '?status=missed')).body).map((r) => r[0] + ':' + r[1])).toEqual([
        'D:first_contact',
        'D:wellbeing_follow_up',
      ]);
      expect(rowsOf((await report('supervisor1', '?reason=wellbeing_follow_up')).body)).toHaveLength(1);
      expect(rowsOf((await report('supervisor1', '?from=2026-02-19&to=2026-02-24')).body)).toEqual([['D', 'first_contact', '2026-02-24', 'missed', 14]]);
      expect(rowsOf((await report('supervisor1', '?team=North')).body)).toHaveLength(4);
    });

    it('pages, with the total of all rows', async () => {
      const first = await report('supervisor1', '?pageSize=3');
      const second = await report('supervisor1', '?pageSize=3&page=2');
      const beyond = await report('supervisor1', '?pageSize=3&page=3');
      expect([first.body.total, second.body.total, beyond.body.total]).toEqual([4, 4, 4]);
      expect(rowsOf(first.body).map((r) => r[0])).toEqual(['C', 'D', 'D']);
      expect(rowsOf(second.body).map((r) => r[0])).toEqual(['B']);
      expect(beyond.body.rows).toEqual([]);
    });

    it('gives the same rows as CSV for Excel: BOM, header, CRLF', async () => {
      const json = await report('supervisor1');
      const csv = await (await as('supervisor1')).get('/api/audit/missed-updates').set('Accept', 'text/csv').expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe('attachment; filename="missed-updates-North-2026-02-09-to-2026-03-10.csv"');
      const text = csv.text;
      expect(text.startsWith(UTF8_BOM)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
      const [header, ...lines] = parseCsv(text);
      expect(header).toEqual(['caseId', 'reference', 'officerId', 'officerName', 'team', 'dueDate', 'reason', 'status', 'daysLate', 'updateId']);
      const fromCsv = lines.map((line) => Object.fromEntries(header.map((name, i) => [name, line[i]])));
      const fromJson = json.body.rows.map((row: Record<string, unknown>) => Object.fromEntries(header.map((name) => [name, String(row[name] ?? '')])));
      expect(fromCsv).toEqual(fromJson);
    });

    it('reports compliance per officer and ISO week, counted in SQL', async () => {
      const north = await (await as('supervisor1')).get('/api/audit/compliance').expect(200);
      const pick = (r: Record<string, unknown>) => [r.officerName, r.week, r.due, r.metOnTime, r.metLate, r.attempted, r.missed, r.declined, r.pending, r.onTimeRate];
      expect(north.body.rows.map(pick)).toEqual([
        ['PC Alex Morgan', '2026-W07', 2, 0, 1, 0, 0, 1, 0, 0],
        ['PC Alex Morgan', '2026-W08', 2, 2, 0, 0, 0, 0, 0, 1],
        ['PC Alex Morgan', '2026-W11', 2, 2, 0, 0, 0, 0, 0, 1],
        ['PC Priya Shah', '2026-W08', 1, 0, 0, 1, 0, 0, 0, 0],
        ['PC Priya Shah', '2026-W09', 2, 0, 0, 0, 2, 0, 0, 0],
      ]);
      expect(north.body.rows[0]).toMatchObject({ officerId: officers.officer1, team: 'North', weekStart: '2026-02-09' });
      expect(north.body.officers.map(pick)).toEqual([
        ['PC Alex Morgan', undefined, 6, 4, 1, 0, 0, 1, 0, 0.8],
        ['PC Priya Shah', undefined, 3, 0, 0, 1, 2, 0, 0, 0],
      ]);
      expect(north.body.totals).toEqual({ due: 9, metOnTime: 4, metLate: 1, attempted: 1, missed: 2, declined: 1, pending: 0, onTimeRate: 0.5 });

      const south = await (await as('supervisor2')).get('/api/audit/compliance').expect(200);
      expect(south.body.rows.map(pick)).toEqual([
        ['PC Jordan Ellis', '2026-W07', 1, 0, 1, 0, 0, 0, 0, 0],
        ['PC Jordan Ellis', '2026-W09', 1, 0, 0, 0, 1, 0, 0, 0],
        ['PC Jordan Ellis', '2026-W11', 1, 1, 0, 0, 0, 0, 0, 1],
      ]);

      const csv = await (await as('supervisor2')).get('/api/audit/compliance').set('Accept', 'text/csv').expect(200);
      const [header, ...lines] = parseCsv(csv.text);
      expect(header).toEqual(['officerId', 'officerName', 'team', 'week', 'weekStart', 'due', 'metOnTime', 'metLate', 'attempted', 'missed', 'declined', 'pending', 'onTimeRate']);
      expect(lines).toEqual([
        [officers.officer3, 'PC Jordan Ellis', 'South', '2026-W07', '2026-02-09', '1', '0', '1', '0', '0', '0', '0', '0'],
        [officers.officer3, 'PC Jordan Ellis', 'South', '2026-W09', '2026-02-23', '1', '0', '0', '0', '1', '0', '0', '0'],
        [officers.officer3, 'PC Jordan Ellis', 'South', '2026-W11', '2026-03-09', '1', '1', '0', '0', '0', '0', '0', '1'],
      ]);
    });

    it('lists open cases where nobody reached the family lately, never-reached first', async () => {
      const list = await (await as('supervisor1')).get('/api/audit/no-recent-contact?days=14').expect(200);
      expect(list.body).toMatchObject({ team: 'North', days: 14, total: 5 });
      expect(list.body.rows.map((r: { reference: string; daysWithoutContact: number }) => [r.reference.split('/')[1], r.daysWithoutContact])).toEqual([
        ['C', 21],
        ['D', 15],
        ['B', 26],
        ['A', 21],
        ['H', 18],
      ]);
      const month = await (await as('supervisor1')).get('/api/audit/no-recent-contact').expect(200);
      expect(month.body).toMatchObject({ days: 28, total: 0 });
    });

    it('lists high-risk wellbeing checks without a follow-up, and unacknowledged alerts', async () => {
      const highRisk = await (await as('supervisor1')).get('/api/audit/high-risk-without-follow-up').expect(200);
      expect(highRisk.body.rows).toEqual([
        expect.objectContaining({ caseId: cases.D.id, followUpDueDate: '2026-02-25', followUpStatus: 'missed', daysOverdue: 13, officerName: 'PC Priya Shah' }),
      ]);
      expect((await (await as('supervisor2')).get('/api/audit/high-risk-without-follow-up').expect(200)).body.total).toBe(0);

      const alerts = await (await as('supervisor1')).get('/api/audit/unacknowledged-alerts').expect(200);
      expect(alerts.body.rows).toEqual([expect.objectContaining({ caseId: cases.D.id, kind: 'high_risk_wellbeing', daysWaiting: 13 })]);
      expect((await (await as('supervisor2')).get('/api/audit/unacknowledged-alerts').expect(200)).body.total).toBe(0);
    });

    it('refuses officers and admins (403), and a supervisor naming another team, logging the refusal', async () => {
      for (const path of ['missed-updates', 'compliance', 'no-recent-contact', 'high-risk-without-follow-up', 'unassigned-cases', 'unacknowledged-alerts']) {
        await (await as('officer1')).get(`/api/audit/${path}`).expect(403);
        await (await as('admin1')).get(`/api/audit/${path}`).expect(403);
      }
      await (await as('officer1')).get('/api/audit/missed-updates').set('Accept', 'text/csv').expect(403);
      const refused = await report('supervisor1', '?team=South', 403);
      expect(refused.body.message).toMatch(/own team/);
      const [entry] = await t.dataSource.query(`SELECT * FROM access_log ORDER BY id DESC LIMIT 1`);
      expect(entry).toMatchObject({ username: 'supervisor1', operation: 'consultation', outcome: 'refused', recordType: 'missed_updates_report' });
    });

    it('validates dates: from after to is a 400 naming from', async () => {
      const inverted = await report('supervisor1', '?from=2026-03-02&to=2026-03-01', 400);
      expect(inverted.body.fields.map((f: { field: string }) => f.field)).toEqual(['from']);
      const bad = await report('supervisor1', '?from=2026-02-30', 400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['from']);
      await report('supervisor1', '?to=yesterday', 400);
      await report('supervisor1', '?from=2025-01-01&to=2026-03-01', 400);
      await report('supervisor1', '?status=declined', 400);
      await report('supervisor1', '?pageSize=501', 400);
      await report('supervisor1', '?page=0', 400);
      await report('supervisor1', '?sort=name', 400);
    });

    it('logs every report it serves as a consultation', async () => {
      await report('supervisor2');
      const [entry] = await t.dataSource.query(`SELECT * FROM access_log ORDER BY id DESC LIMIT 1`);
      expect(entry).toMatchObject({ username: 'supervisor2', operation: 'consultation', outcome: 'allowed', recordType: 'missed_updates_report' });
      expect(entry.purpose).toBe('GET /api/audit/missed-updates (json) 2026-02-09..2026-03-10 team=South');
    });

    it('lists open cases whose officer is no longer active', async () => {
      await (await as('admin1')).patch(`/api/officers/${officers.officer2}`, { active: false }).expect(200);
      const list = await (await as('supervisor1')).get('/api/audit/unassigned-cases').expect(200);
      expect(list.body.rows.map((r: { reference: string; reason: string; nextDueDate: string }) => [r.reference.split('/')[1], r.reason, r.nextDueDate])).toEqual([
        ['D', 'officer_inactive', '2026-02-24'],
        ['C', 'officer_inactive', '2026-02-18'],
      ].sort((a, b) => a[2].localeCompare(b[2])));
      expect((await (await as('supervisor2')).get('/api/audit/unassigned-cases').expect(200)).body.total).toBe(0);
    });
  });

  describe('query plan', () => {
    it('ranks from the covering (teamId, dueDate, …) index and reads only the page by primary key, never a full scan', async () => {
      const [team] = await t.dataSource.query(`SELECT id FROM teams WHERE name = 'North'`);
      const query = missedUpdatesQuery(t.dataSource.manager, { teamId: team.id, from: '2026-02-09', to: '2026-03-10', today: '2026-03-10' }, { limit: 50, offset: 0 });
      const [sql, parameters] = query.getQueryAndParameters();
      const plan = await explain(t, sql, parameters);
      if (TEST_ENGINE === 'sqlite') {
        expect(plan).toMatch(/SEARCH u USING COVERING INDEX IDX_scheduled_updates_team_report \(teamId=\? AND dueDate>\? AND dueDate<\?\)/);
        expect(plan).toMatch(/SEARCH r USING INDEX sqlite_autoindex_scheduled_updates_1 \(id=\?\)/);
        expect(plan).not.toMatch(/\bSCAN (u|r|c|o|scheduled_updates)\b/);
      } else {
        // On a handful of rows PostgreSQL may prefer the narrower (teamId, dueDate) index; either
        // way it is a range of the team's due dates, never a sequential scan.
        expect(plan).toMatch(/Index (Only )?Scan using "IDX_scheduled_updates_team_(report|due)" on scheduled_updates u\b/);
        expect(plan).toMatch(/Index Scan using "PK_\w+" on scheduled_updates r\b/);
        expect(plan).not.toMatch(/Seq Scan/);
      }
    });
  });
});

/** The plan as text: EXPLAIN QUERY PLAN on SQLite; EXPLAIN with sequential scans priced out on PostgreSQL. */
export async function explain(t: TestApp, sql: string, parameters: unknown[]): Promise<string> {
  if (TEST_ENGINE === 'sqlite') {
    const rows: { detail: string }[] = await t.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
    return rows.map((row) => row.detail).join('\n');
  }
  // A test database is tiny, so PostgreSQL would rightly read it sequentially; pricing that out
  // shows whether an index can serve the query at all.
  const runner = t.dataSource.createQueryRunner();
  try {
    await runner.query('SET enable_seqscan = off');
    const rows: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN ${sql}`, parameters);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await runner.query('RESET enable_seqscan');
    await runner.release();
  }
}

/** The demo seed's cases (and everything hanging off them), so the audit sees only this scenario. */
async function removeDemoCases(t: TestApp): Promise<void> {
  for (const statement of [
    'DELETE FROM scheduled_updates',
    'DELETE FROM supervisor_alerts',
    'DELETE FROM update_declines',
    'DELETE FROM contacts WHERE "correctsContactId" IS NOT NULL',
    'DELETE FROM contacts',
    'DELETE FROM wellbeing_checks',
    'DELETE FROM milestones',
    'DELETE FROM family_contacts',
    'DELETE FROM cases',
  ]) {
    await t.dataSource.query(statement);
  }
}
