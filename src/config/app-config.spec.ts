import { ConfigError, loadConfig, parseTrustProxy } from './app-config';

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.nodeEnv).toBe('development');
    expect(config.database.type).toBe('sqlite');
    expect(config.database.location).toMatch(/data\/liaison\.sqlite$/);
    expect(config.demoPasswordIsDefault).toBe(true);
    expect(config.runsBackgroundJobs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).runsBackgroundJobs).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://' }, 'DATABASE_URL'],
    [{ DEMO_PASSWORD: 'short' }, 'DEMO_PASSWORD'],
    [{ NODE_ENV: 'production', DEMO_PASSWORD: 'a-long-demo-password' }, 'DEMO_PASSWORD'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '*' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '11' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'proxy.example.org' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'loopback,10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/8/8' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'loopback,' }, 'TRUST_PROXY'],
  ])('refuses %p naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
  });

  it('accepts absolute sqlite paths and postgres URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database.location).toBe('/tmp/x.sqlite');
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).database).toEqual({
      type: 'postgres',
      location: 'postgres://postgres@127.0.0.1:5432/test',
    });
  });

  it('believes no proxy unless TRUST_PROXY names them, by hops or by address', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    for (const off of ['', ' ', 'false', '0']) expect(parseTrustProxy(off)).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback')).toEqual(['loopback']);
    expect(parseTrustProxy(' loopback, 10.0.0.0/8 ,192.0.2.10,fd00::/8,::1 ')).toEqual(['loopback', '10.0.0.0/8', '192.0.2.10', 'fd00::/8', '::1']);
    expect(parseTrustProxy('2001:db8::/128')).toEqual(['2001:db8::/128']);
  });
});
