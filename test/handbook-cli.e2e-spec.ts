import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { IsNull, Not } from 'typeorm';
import { Case } from '../src/cases/case.entity';
import { HandbookIssue } from '../src/handbook/handbook-issue.entity';
import { createScratchDatabase } from './support/scratch-database';
import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

const CLI = path.join(__dirname, '..', 'src', 'handbook', 'cli.ts');

/** Runs `npm run handbook`'s program (from source) on the test app's database. */
function runCli(databaseUrl: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', CLI, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_PASSWORD: TEST_PASSWORD, NODE_ENV: 'development', TZ: 'UTC' }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('handbook from the command line (npm run handbook)', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(path.join(tmpdir(), 'handbook-cli-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a case’s handbook to a file, records the print, and writes nothing to stderr', async () => {
    const kase = await t.dataSource.getRepository(Case).findOneOrFail({ where: { arrestDate: Not(IsNull()) }, order: { reference: 'ASC' } });
    const out = path.join(dir, 'handbook.pdf');
    const result = await runCli(t.databaseUrl, ['--case', kase.reference, '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`for case ${kase.reference}`);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await t.dataSource.getRepository(HandbookIssue).countBy({ caseId: kase.id })).toBeGreaterThanOrEqual(1);
  });

  it('on a new database: migrates it, says which case it could not find, exits 1, and nothing else', async () => {
    // No timed job may run before the migrations (they failed on the missing tables, loudly).
    const fresh = process.env.TEST_PG_URL ? await createScratchDatabase(process.env.TEST_PG_URL) : { url: `sqlite:${path.join(dir, 'fresh.sqlite')}`, drop: async () => undefined };
    try {
      const result = await runCli(fresh.url, ['--case', 'NO/SUCH/CASE', '--out', path.join(dir, 'none.pdf')]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe('Could not print: Case NO/SUCH/CASE not found');
    } finally {
      await fresh.drop();
    }
  });
});
