'use strict';
/** `npm test`: install what is missing, then run every suite (unit, then e2e on SQLite). */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ROOT, say, run, ensureSystemPackages, ensureDependencies, chromiumEnv } = require('./setup');

ensureSystemPackages({ forTests: true });
ensureDependencies();

/** True when a PostgreSQL server answers at the URL within a few seconds. */
function postgresReachable(url) {
  const probe = `const { Client } = require('pg');
    const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe, url], { cwd: ROOT, timeout: 10_000 }).status === 0;
}

const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const env = { ...process.env, ...chromiumEnv(), TZ: 'UTC', NODE_ENV: 'test' };
const extra = process.argv.slice(2);
try {
  say('Unit tests…');
  run(process.execPath, [jest, '--selectProjects', 'unit', ...extra], { env });
  say('End-to-end tests on SQLite…');
  run(process.execPath, [jest, '--selectProjects', 'e2e', '--maxWorkers=2', ...extra], { env });
  const pgUrl = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
  if (postgresReachable(pgUrl)) {
    say(`End-to-end tests again on PostgreSQL (${pgUrl.replace(/:[^:@/]*@/, ':***@')}, a scratch database per suite)…`);
    run(process.execPath, [jest, '--selectProjects', 'e2e', '--maxWorkers=2', ...extra], { env: { ...env, TEST_PG_URL: pgUrl } });
  } else {
    say(`PostgreSQL is not reachable at ${pgUrl}: skipping the PostgreSQL run (set TEST_PG_URL to point at a server).`);
  }
} catch (error) {
  say(error.message);
  process.exit(1);
}
