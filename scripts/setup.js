'use strict';
/**
 * Gets a fresh clone ready to run: installs what is missing and rebuilds what is out of date, and
 * nothing else, so a second `npm start` takes seconds. Node built-ins only: it runs before
 * node_modules exists.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const STAMP = path.join(ROOT, 'node_modules', '.install-stamp');
const CACHE_DIR = process.env.LIAISON_CACHE_DIR || path.join(os.homedir(), '.cache', 'family-liaison');
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function say(message) {
  process.stdout.write(`[setup] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

function which(command) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function findChromium() {
  if (process.env.PUPPETEER_EXECUTABLE_PATH && fs.existsSync(process.env.PUPPETEER_EXECUTABLE_PATH)) {
    return process.env.PUPPETEER_EXECUTABLE_PATH;
  }
  return SYSTEM_CHROMIUM.find((p) => fs.existsSync(p)) || null;
}

/** Debian packages the app and tests need; installed with apt-get when we may, else explained. */
function ensureSystemPackages({ forTests }) {
  const wanted = [];
  if (!findChromium()) wanted.push('chromium');
  if (forTests && !which('pdftotext')) wanted.push('poppler-utils');
  if (wanted.length === 0) return;
  if (isRoot() && which('apt-get')) {
    say(`Installing Debian packages: ${wanted.join(', ')} (apt-get)…`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...wanted], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return;
  }
  say(
    `Missing: ${wanted.join(', ')}. Install with:  sudo apt-get install ${wanted.join(' ')}\n` +
      '        (Without a system Chromium, puppeteer downloads its own browser when the machine has internet.)',
  );
}

function installFingerprint() {
  const hash = crypto.createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    const full = path.join(ROOT, file);
    if (fs.existsSync(full)) hash.update(fs.readFileSync(full));
  }
  hash.update(process.version);
  hash.update(findChromium() ? 'system-chromium' : 'bundled-chromium');
  return hash.digest('hex').slice(0, 16);
}

/** node_modules matching the lock file; restored from a local cache when a previous run built it. */
function ensureDependencies() {
  const fingerprint = installFingerprint();
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === fingerprint) return;
  const cached = path.join(CACHE_DIR, `node_modules-${fingerprint}`);
  const env = { ...process.env };
  if (findChromium()) env.PUPPETEER_SKIP_DOWNLOAD = 'true';
  if (fs.existsSync(path.join(cached, '.install-stamp'))) {
    say(`Restoring node_modules from the local cache (${cached})…`);
    fs.rmSync(path.join(ROOT, 'node_modules'), { recursive: true, force: true });
    run('cp', ['-a', cached, path.join(ROOT, 'node_modules')]);
    return;
  }
  say('Installing npm dependencies (the first time builds sqlite3 from source: a few minutes)…');
  const hasLock = fs.existsSync(path.join(ROOT, 'package-lock.json'));
  run('npm', [hasLock ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'], { env });
  fs.writeFileSync(STAMP, `${fingerprint}\n`);
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    for (const old of fs.readdirSync(CACHE_DIR).filter((d) => d.startsWith('node_modules-'))) {
      fs.rmSync(path.join(CACHE_DIR, old), { recursive: true, force: true });
    }
    execFileSync('cp', ['-a', path.join(ROOT, 'node_modules'), `${cached}.tmp`]);
    fs.renameSync(`${cached}.tmp`, cached);
  } catch (error) {
    say(`(Could not cache node_modules for next time: ${error.message})`);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Compiles src/ to dist/ when anything in src/ or the build config changed since the last build. */
function ensureBuild() {
  const stamp = path.join(ROOT, 'dist', '.build-stamp');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src')),
    ...['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'].map((f) =>
      fs.existsSync(path.join(ROOT, f)) ? fs.statSync(path.join(ROOT, f)).mtimeMs : 0,
    ),
  );
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= sources && fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) return;
  say('Building…');
  run(process.execPath, [path.join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build']);
  fs.writeFileSync(stamp, new Date().toISOString());
}

function chromiumEnv() {
  const chromium = findChromium();
  return chromium ? { PUPPETEER_EXECUTABLE_PATH: chromium } : {};
}

module.exports = { ROOT, say, run, ensureSystemPackages, ensureDependencies, ensureBuild, chromiumEnv, findChromium };
