import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Database } from 'sqlite3';
import { caseBody } from './support/builders';
import { startServer, waitForExit } from './support/server-process';
import { TEST_ENGINE } from './support/test-app';

const PASSWORD = 'crash-test-password';
const WORKERS = 8;
const LOAD_MS = 2500;

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer1', password: PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

function integrityCheck(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const db = new Database(file);
    db.get('PRAGMA integrity_check', (err, row: Record<string, string>) => {
      db.close();
      return err ? reject(err) : resolve(Object.values(row)[0]);
    });
  });
}

/**
 * kill -9 the server in the middle of a write load, start it again, and every write it had
 * acknowledged with a 2xx is still there; the database file is intact. Loopback only, bounded.
 */
(TEST_ENGINE === 'sqlite' ? describe : describe.skip)('crash safety (SQLite, kill -9 under write load)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-crash-'));
  const file = path.join(dir, 'crash.sqlite');
  const env = { DATABASE_URL: `sqlite:${file}`, DEMO_PASSWORD: PASSWORD };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write and passes integrity_check', async () => {
    const first = await startServer(env);
    const token = await login(first.url);
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async () => {
      for (let i = 0; i < 10_000 && !stop; i++) {
        const body = caseBody();
        try {
          const res = await fetch(`${first.url}/api/cases`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(body),
          });
          if (res.status === 201) acknowledged.push(body.reference as string);
        } catch {
          return; // the server is gone
        }
      }
    };
    const load = Array.from({ length: WORKERS }, worker);
    await new Promise((r) => setTimeout(r, LOAD_MS));
    first.child.kill('SIGKILL');
    await waitForExit(first.child);
    stop = true;
    await Promise.all(load);
    expect(acknowledged.length).toBeGreaterThan(10);

    expect(await integrityCheck(file)).toBe('ok');
    const second = await startServer(env);
    try {
      const again = await login(second.url);
      const res = await fetch(`${second.url}/api/cases`, { headers: { authorization: `Bearer ${again}` } });
      const stored = new Set(((await res.json()) as { reference: string }[]).map((c) => c.reference));
      expect(acknowledged.filter((ref) => !stored.has(ref))).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await waitForExit(second.child);
    }
    expect(await integrityCheck(file)).toBe('ok');
  }, 120_000);
});
