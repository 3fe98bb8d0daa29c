import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Versions below these carry known security or correctness problems this service relies on being
 * fixed (handlebars prototype-access escapes, sqlite3 injection/crash fixes, TypeORM's where-clause
 * handling, class-validator's whitelist bypass). The suite fails if an older one is installed.
 */
const MINIMUM_VERSIONS: Record<string, string> = {
  handlebars: '4.7.9',
  sqlite3: '5.1.5',
  typeorm: '0.3.26',
  'class-validator': '0.14.0',
};

/** Reads the version from the package's own package.json (some packages do not export it). */
function installedVersion(name: string): string {
  let dir = path.dirname(require.resolve(name, { paths: [path.resolve(__dirname, '..')] }));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.name === name) return pkg.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`package.json of ${name} not found`);
    dir = path.dirname(dir);
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).slice(0, 3).map(Number);
  const pb = b.split(/[.-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

describe('installed dependency versions', () => {
  it('compares versions numerically', () => {
    expect(compareVersions('4.7.10', '4.7.9')).toBeGreaterThan(0);
    expect(compareVersions('0.3.9', '0.3.26')).toBeLessThan(0);
    expect(compareVersions('5.1.5', '5.1.5')).toBe(0);
  });

  it.each(Object.entries(MINIMUM_VERSIONS))('%s is at least %s', (name, minimum) => {
    expect(compareVersions(installedVersion(name), minimum)).toBeGreaterThanOrEqual(0);
  });

  it('typeorm stays on the 0.3 line (1.x dropped the sqlite3 driver)', () => {
    expect(installedVersion('typeorm')).toMatch(/^0\.3\./);
  });
});
