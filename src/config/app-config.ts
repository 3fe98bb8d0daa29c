import * as path from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';

export interface DatabaseConfig {
  type: 'sqlite' | 'postgres';
  /** Absolute file path for SQLite; connection URL for PostgreSQL. */
  location: string;
}

export interface AppConfig {
  port: number;
  nodeEnv: NodeEnv;
  database: DatabaseConfig;
  demoPassword: string;
  /** True when DEMO_PASSWORD was not set and the built-in default is in use. */
  demoPasswordIsDefault: boolean;
  /** Printed on the family's handbook, e.g. "Southshire Police". */
  forceName: string;
}

export const DEFAULT_DEMO_PASSWORD = 'liaison-demo-2026';
export const DEFAULT_FORCE_NAME = 'Police family liaison service';
export const DEFAULT_DATABASE_URL = 'sqlite:data/liaison.sqlite';
const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
  }
}

/**
 * Reads and checks the environment once, at boot. Every problem names its variable so an operator
 * can fix a bad start without reading code.
 */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const nodeEnv = parseNodeEnv(env.NODE_ENV);
  const port = parsePort(env.PORT);
  const database = parseDatabaseUrl(env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  const demoPasswordIsDefault = env.DEMO_PASSWORD === undefined || env.DEMO_PASSWORD === '';
  const demoPassword = demoPasswordIsDefault ? DEFAULT_DEMO_PASSWORD : (env.DEMO_PASSWORD as string);
  if (demoPassword.length < 8) {
    throw new ConfigError('DEMO_PASSWORD', 'must be at least 8 characters long');
  }
  if (nodeEnv === 'production' && env.DEMO_PASSWORD) {
    throw new ConfigError('DEMO_PASSWORD', 'must not be set when NODE_ENV=production (demo accounts are never created in production)');
  }
  const forceName = (env.FORCE_NAME ?? '').trim() || DEFAULT_FORCE_NAME;
  if (forceName.length > 80 || /[\u0000-\u001f]/.test(forceName)) {
    throw new ConfigError('FORCE_NAME', 'must be at most 80 printable characters');
  }
  return { port, nodeEnv, database, demoPassword, demoPasswordIsDefault, forceName };
}

function parseNodeEnv(raw: string | undefined): NodeEnv {
  const value = raw === undefined || raw === '' ? 'development' : raw;
  if (value !== 'development' && value !== 'production' && value !== 'test') {
    throw new ConfigError('NODE_ENV', `must be one of development, production, test (got "${value}")`);
  }
  return value;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  if (!/^\d+$/.test(raw)) throw new ConfigError('PORT', `must be a whole number between 0 and 65535 (got "${raw}")`);
  const port = Number(raw);
  if (port > 65535) throw new ConfigError('PORT', `must be between 0 and 65535 (got ${port})`);
  return port;
}

export function parseDatabaseUrl(raw: string): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:data/liaison.sqlite');
    return { type: 'sqlite', location: path.isAbsolute(file) ? file : path.join(PROJECT_ROOT, file) };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      const url = new URL(raw);
      if (!url.hostname) throw new Error('no host');
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL (postgres://user@host:port/database)');
    }
    return { type: 'postgres', location: raw };
  }
  throw new ConfigError('DATABASE_URL', `must start with sqlite: or postgres:// (got "${raw.split(':')[0]}:…")`);
}
