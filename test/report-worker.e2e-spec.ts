import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { REPORT_PROCESS_NICENESS, ReportRunner } from '../src/audit/report-runner';
import { findOnPath } from '../src/common/thread-priority';
import { runReportQuery } from '../src/audit/report-queries';
import { UnitOfWork } from '../src/database/unit-of-work';
import { asUser } from './support/case-api';
import { createTestApp, TEST_ENGINE, TestApp } from './support/test-app';

/** Nice value (field 19 of proc(5)) and scheduling policy (field 41) of each thread of a process. */
function threadPriorities(pid: number): { nice: number; policy: number }[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { nice: Number(fields[19 - 3]), policy: Number(fields[41 - 3]) };
  });
}

const SCHED_IDLE = 5;

/** The audit's long reads run in a low-priority process of their own (ReportRunner, report-worker.ts). */
describe(`report worker (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let runner: ReportRunner;
  const worker = () => (runner as unknown as { running: { worker: ChildProcess } | null }).running?.worker ?? null;

  beforeAll(async () => {
    t = await createTestApp();
    runner = t.app.get(ReportRunner);
    const officer = asUser(t, await t.login('officer1'));
    for (let n = 0; n < 3; n++) await officer.createCase({ reference: `RW/${process.pid}/${n}`, arrestDate: '2026-01-05' });
  });
  afterAll(() => t?.close());

  it('answers a report from another process, with what the same query finds on the reports connection', async () => {
    expect(runner.pid).toBeNull();
    const supervisor = asUser(t, await t.login('supervisor1'));
    const res = await supervisor.get('/api/audit/no-recent-contact?pageSize=100').expect(200);
    expect(runner.pid).not.toBeNull();
    expect(runner.pid).not.toBe(process.pid);
    if (existsSync('/proc/self/task')) {
      // Every thread, the thread pool that runs its SQL included, gives way to the API.
      const threads = threadPriorities(runner.pid!);
      expect(threads.length).toBeGreaterThan(4);
      expect(new Set(threads.map((thread) => thread.nice))).toEqual(new Set([REPORT_PROCESS_NICENESS]));
      if (findOnPath('chrt')) expect(new Set(threads.map((thread) => thread.policy))).toEqual(new Set([SCHED_IDLE]));
    }

    const team = await t.app.get(UnitOfWork).reports.query(`SELECT "teamId" FROM "officers" WHERE "username" = 'supervisor1'`);
    const direct = await runReportQuery(t.app.get(UnitOfWork).reports, 'findNoRecentContact', [
      { teamId: team[0].teamId, today: res.body.reportDate, days: 28 },
      { limit: 100, offset: 0 },
    ]);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    expect(res.body.total).toBe(direct.total);
    expect(res.body.rows.map((row: { caseId: string }) => row.caseId)).toEqual(direct.rows.map((row) => row.caseId));
  });

  it('keeps the worker when a query fails, and says which query', async () => {
    const before = runner.pid;
    await expect(runner.run('noSuchQuery' as never)).rejects.toThrow('No report query named noSuchQuery');
    const supervisor = asUser(t, await t.login('supervisor1'));
    await supervisor.get('/api/audit/high-risk-without-follow-up').expect(200);
    expect(runner.pid).toBe(before);
  });

  it('starts a new worker when the old one has died', async () => {
    const dead = worker()!;
    const before = dead.pid;
    const gone = new Promise((resolve) => dead.once('exit', resolve));
    dead.kill('SIGKILL');
    await gone;
    const supervisor = asUser(t, await t.login('supervisor1'));
    const res = await supervisor.get('/api/audit/compliance').expect(200);
    expect(res.body.totals).toBeDefined();
    expect(runner.pid).not.toBeNull();
    expect(runner.pid).not.toBe(before);
  });

  it('ends the worker when the app shuts down', async () => {
    const running = worker()!;
    const exited = new Promise<number>((resolve) => running.once('exit', resolve));
    await t.close();
    await expect(exited).resolves.toBe(0);
    expect(runner.pid).toBeNull();
    await expect(runner.run('verifyChain')).rejects.toMatchObject({ code: 'unavailable', detail: 'the report worker has been shut down' });
    t = undefined as unknown as TestApp;
  });
});
