import { isIP } from 'node:net';
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
  /** Which reverse proxies' X-Forwarded-* headers to believe (Express's `trust proxy`): see parseTrustProxy. */
  trustProxy: TrustProxy;
  /**
   * Whether the timed jobs run (the due-date refresh, the purge of expired rows): not under
   * NODE_ENV=test, where tests call them, nor in one-shot commands such as the handbook CLI.
   */
  runsBackgroundJobs: boolean;
}

/** Off, a number of proxy hops in front of the app, or the proxies' addresses and subnets. */
export type TrustProxy = false | number | string[];

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
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  return { port, nodeEnv, database, demoPassword, demoPasswordIsDefault, forceName, trustProxy, runsBackgroundJobs: nodeEnv !== 'test' };
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

const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_PROXY_HOPS = 10;

/**
 * TRUST_PROXY, for a deployment behind a reverse proxy or TLS offload. Unset, the app believes no
 * X-Forwarded-* header: every request seems to come from the proxy, so one address's failed
 * sign-ins would lock out the whole force, and cookies would not be marked Secure. Set, it names
 * the proxies: a number of hops (1 for one proxy), or a comma-separated list of loopback,
 * linklocal, uniquelocal, IP addresses and subnets (10.0.0.0/8). "true" is refused: believing
 * every sender would let any client choose the address its sign-in failures count against.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_PROXY_HOPS) throw new ConfigError('TRUST_PROXY', `must be at most ${MAX_PROXY_HOPS} proxy hops (got ${hops})`);
    return hops;
  }
  if (value === 'true' || value === '*') {
    throw new ConfigError('TRUST_PROXY', 'must name the proxies (e.g. loopback or 10.0.0.0/8) or a number of hops: trusting every sender would let any client choose the address it signs in from');
  }
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isProxyAddress(entry)) {
      throw new ConfigError('TRUST_PROXY', `"${entry.slice(0, 60)}" is not loopback, linklocal, uniquelocal, an IP address or a subnet such as 10.0.0.0/8`);
    }
  }
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_PRESETS.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
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
