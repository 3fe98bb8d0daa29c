'use strict';
/** `npm test`: install what is missing, then run every suite (unit, then e2e on SQLite). */
const path = require('node:path');
const { ROOT, say, run, ensureSystemPackages, ensureDependencies, chromiumEnv } = require('./setup');

ensureSystemPackages({ forTests: true });
ensureDependencies();

const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const env = { ...process.env, ...chromiumEnv(), NODE_ENV: 'test' };
const extra = process.argv.slice(2);
try {
  say('Unit tests…');
  run(process.execPath, [jest, '--selectProjects', 'unit', ...extra], { env });
  say('End-to-end tests on SQLite…');
  run(process.execPath, [jest, '--selectProjects', 'e2e', '--maxWorkers=2', ...extra], { env });
} catch (error) {
  say(error.message);
  process.exit(1);
}
