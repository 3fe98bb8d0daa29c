'use strict';
/** `npm start`: install what is missing, build what changed, then serve (the app migrates and seeds itself). */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ROOT, ensureSystemPackages, ensureDependencies, ensureBuild, chromiumEnv } = require('./setup');

ensureSystemPackages({ forTests: false });
ensureDependencies();
ensureBuild();

const server = spawn(process.execPath, ['--enable-source-maps', path.join(ROOT, 'dist', 'main.js')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, ...chromiumEnv(), TZ: 'UTC' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
