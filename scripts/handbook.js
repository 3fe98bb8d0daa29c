'use strict';
/** `npm run handbook -- --case REF --out file.pdf`: build if needed, then print from the command line. */
const path = require('node:path');
const { ROOT, run, ensureDependencies, ensureBuild, chromiumEnv } = require('./setup');

ensureDependencies();
ensureBuild();
try {
  run(process.execPath, [path.join(ROOT, 'dist', 'handbook', 'cli.js'), ...process.argv.slice(2)], {
    env: { ...process.env, ...chromiumEnv(), TZ: 'UTC' },
  });
} catch {
  process.exit(1);
}
