import { verifyChain } from '../src/audit/access-log-chain';
import { FakeClock } from './support/fake-clock';
import { caseIdByReference, createTestApp, officerId, TEST_ENGINE, TestApp } from './support/test-app';

interface EntryRow {
  id: number;
  officerId: string | null;
  username: string | null;
  caseId: string | null;
  operation: string;
  outcome: string;
  recordType: string;
  purpose: string;
}

/**
 * The access log as supervisors and admins read it, and the hash chain that shows whether anyone
 * changed or removed an entry behind the application's back (as a DBA with the triggers dropped).
 */
describe(`access log audit (${TEST_ENGINE})`, () => {
  let t: TestApp;
  const clock = new FakeClock('2026-03-09T10:00:00Z');
  let northCase: string;
  let southCase: string;
  const tokens = new Map<string, { token: string; at: number }>();

  async function get(username: string, path: string, status = 200) {
    let held = tokens.get(username);
    if (held?.at !== clock.now().getTime()) {
      held = { token: await t.login(username, { fresh: true }), at: clock.now().getTime() };
      tokens.set(username, held);
    }
    return t.http.get(path).set('Authorization', `Bearer ${held.token}`).expect(status);
  }
  const allEntries = (): Promise<EntryRow[]> => t.dataSource.query('SELECT * FROM access_log ORDER BY id');
  const lastEntry = async () => (await allEntries()).at(-1)!;
  const verify = async (username = 'admin1') => (await get(username, '/api/audit/access-log/verify')).body;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    northCase = await caseIdByReference(t, 'NOR/2026/0101');
    southCase = await caseIdByReference(t, 'SOU/2026/0201');
    // Monday: the liaison officers read their cases, and officer1 tries a South case.
    await get('officer1', `/api/cases/${northCase}`);
    await get('officer3', `/api/cases/${southCase}`);
    await get('officer1', `/api/cases/${southCase}`, 404);
    // Tuesday: the supervisors read their teams' cases.
    clock.set('2026-03-10T10:00:00Z');
    await get('supervisor1', `/api/cases/${northCase}`);
    await get('supervisor2', `/api/cases/${southCase}`);
  });
  afterAll(() => t.close());

  describe('reading the log', () => {
    it("shows a supervisor the entries about their team's cases and by their team's officers, newest first", async () => {
      const north = new Set((await t.dataSource.query(`SELECT id FROM cases WHERE reference LIKE 'NOR/%'`)).map((r: { id: string }) => r.id));
      const northOfficers = new Set([await officerId(t, 'officer1'), await officerId(t, 'officer2'), await officerId(t, 'supervisor1')]);
      const expected = (await allEntries())
        .filter((e) => (e.caseId !== null && north.has(e.caseId)) || (e.officerId !== null && northOfficers.has(e.officerId)))
        .map((e) => e.id)
        .reverse();

      const page = (await get('supervisor1', '/api/audit/access-log?pageSize=500')).body;
      expect(page.entries.map((e: EntryRow) => e.id)).toEqual(expected);
      expect(page.total).toBe(expected.length);
      // officer1's refused attempt on a South case is there (their officer), the South officers' reads are not.
      expect(page.entries).toContainEqual(expect.objectContaining({ caseId: southCase, username: 'officer1', outcome: 'refused' }));
      expect(page.entries.some((e: EntryRow) => e.username === 'officer3' || e.username === 'supervisor2')).toBe(false);
      expect(page.entries[0]).toEqual({
        id: expect.any(Number),
        at: expect.any(String),
        officerId: expect.any(String),
        username: expect.any(String),
        operation: expect.any(String),
        outcome: expect.any(String),
        recordType: expect.any(String),
        recordId: page.entries[0].recordId,
        caseId: page.entries[0].caseId,
        purpose: expect.any(String),
        prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('logs the reading of the log itself', async () => {
      await get('supervisor1', `/api/audit/access-log?caseId=${northCase}`);
      expect(await lastEntry()).toMatchObject({
        username: 'supervisor1',
        operation: 'consultation',
        outcome: 'allowed',
        recordType: 'access_log',
        caseId: northCase,
        purpose: `GET /api/audit/access-log caseId=${northCase}`,
      });
    });

    it('filters by case, officer and day', async () => {
      const officer1 = await officerId(t, 'officer1');
      const byCase = (await get('supervisor1', `/api/audit/access-log?caseId=${southCase}`)).body;
      expect(byCase.entries.map((e: EntryRow) => [e.username, e.outcome])).toEqual([['officer1', 'refused']]);

      const byOfficer = (await get('admin1', `/api/audit/access-log?officerId=${officer1}&pageSize=500`)).body;
      expect(byOfficer.total).toBeGreaterThan(0);
      expect(byOfficer.entries.every((e: EntryRow) => e.officerId === officer1)).toBe(true);

      const tuesday = (await get('admin1', `/api/audit/access-log?from=2026-03-10&to=2026-03-10&pageSize=500`)).body;
      const monday = (await get('admin1', `/api/audit/access-log?to=2026-03-09&pageSize=500`)).body;
      expect(tuesday.entries.map((e: { at: string }) => e.at.slice(0, 10))).toEqual(tuesday.entries.map(() => '2026-03-10'));
      expect(monday.entries.every((e: { at: string }) => e.at < '2026-03-10')).toBe(true);
      expect(monday.entries.some((e: EntryRow) => e.username === 'officer3')).toBe(true);
      await get('admin1', '/api/audit/access-log?from=2026-03-11&to=2026-03-10', 400);
      await get('admin1', '/api/audit/access-log?caseId=nope', 400);
    });

    it('shows an admin every entry, paged', async () => {
      const count = (await allEntries()).length;
      const first = (await get('admin1', '/api/audit/access-log?pageSize=5')).body;
      expect(first).toMatchObject({ page: 1, pageSize: 5, total: count });
      expect(first.entries).toHaveLength(5);
      expect(first.entries.map((e: EntryRow) => e.id)).toEqual((await allEntries()).map((e) => e.id).reverse().slice(1, 6));
      // Reading appended an entry, so the next page, asked for now, starts one entry later.
      const newestFirst = (await allEntries()).map((e) => e.id).reverse();
      const second = (await get('admin1', '/api/audit/access-log?pageSize=5&page=2')).body;
      expect(second.entries.map((e: EntryRow) => e.id)).toEqual(newestFirst.slice(5, 10));
    });

    it('refuses officers', async () => {
      await get('officer1', '/api/audit/access-log', 403);
      await get('officer1', '/api/audit/access-log/verify', 403);
    });
  });

  describe('verifying the chain', () => {
    it('holds when nobody has touched the table, and the check is itself logged', async () => {
      const before = (await allEntries()).length;
      expect(await verify('supervisor1')).toEqual({ ok: true, checked: before, firstBrokenId: null, reason: null });
      // The walk reads a batch at a time; batches of two cross every boundary.
      expect(await verifyChain(t.dataSource.manager, 2)).toEqual({ ok: true, checked: before + 1, firstBrokenId: null, reason: null });
      expect(await lastEntry()).toMatchObject({ username: 'supervisor1', operation: 'consultation', recordType: 'access_log' });
      expect((await lastEntry()).purpose).toMatch(/verify: chain intact/);
    });

    it('names an entry a DBA altered', async () => {
      await dropAppendOnlyTriggers(t);
      const target = (await allEntries())[3];
      await t.dataSource.query(`UPDATE access_log SET purpose = $1 WHERE id = $2`.replace(/\$\d/g, placeholder), ['nothing happened', target.id]);
      const verdict = await verify();
      expect(verdict).toEqual({ ok: false, checked: 4, firstBrokenId: target.id, reason: `entry ${target.id} was altered: its content does not match its hash` });

      await t.dataSource.query(`UPDATE access_log SET purpose = $1 WHERE id = $2`.replace(/\$\d/g, placeholder), [target.purpose, target.id]);
      expect((await verify()).ok).toBe(true);
    });

    it('names the entry after one a DBA removed', async () => {
      const entries = await allEntries();
      const removed = entries[5];
      await t.dataSource.query(`DELETE FROM access_log WHERE id = $1`.replace(/\$\d/g, placeholder), [removed.id]);
      const verdict = await verify('supervisor2');
      expect(verdict).toMatchObject({ ok: false, checked: 6, firstBrokenId: entries[6].id });
      expect(verdict.reason).toBe(`entry ${entries[6].id} does not follow entry ${entries[4].id}: an entry was removed or replaced (ids ${removed.id}–${removed.id} are missing)`);
      expect(await lastEntry()).toMatchObject({ recordType: 'access_log', recordId: String(entries[6].id) });
      expect((await lastEntry()).purpose).toMatch(/verify: chain broken/);
    });
  });
});

const placeholder = TEST_ENGINE === 'postgres' ? (match: string) => match : () => '?';

/** What a DBA would have to do first: the migrations make the table refuse UPDATE and DELETE. */
async function dropAppendOnlyTriggers(t: TestApp): Promise<void> {
  if (TEST_ENGINE === 'postgres') {
    await t.dataSource.query('DROP TRIGGER access_log_no_change ON access_log');
  } else {
    await t.dataSource.query('DROP TRIGGER access_log_no_update');
    await t.dataSource.query('DROP TRIGGER access_log_no_delete');
  }
}
