import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { Case } from '../../src/cases/case.entity';
import { Officer } from '../../src/officers/officer.entity';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { configureApp } from '../../src/configure-app';
import { runMigrations } from '../../src/database/migrate';
import { seedDemoIfEmpty } from '../../src/database/seed/demo-seed';
import { FakeClock } from './fake-clock';
import { createScratchDatabase } from './scratch-database';

export const TEST_PASSWORD = 'test-demo-password';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  clock: FakeClock;
  config: AppConfig;
  /** The database this app runs on; pass it to another createTestApp to reopen the same data. */
  databaseUrl: string;
  /** Signs a demo user in and returns their bearer token. */
  login(username: string, options?: { fresh?: boolean }): Promise<string>;
  /** Stops the app; the database is removed unless `keepDatabase` (to reopen it). */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface TestAppOptions {
  /** Reuse a database (to test restarts): a DATABASE_URL from a previous app's `databaseUrl`. */
  databaseUrl?: string;
  clock?: FakeClock;
  seed?: boolean;
  /** More configuration variables, as in the environment (e.g. TRUST_PROXY). */
  env?: NodeJS.ProcessEnv;
}

/** The engine the e2e suites run on: SQLite, or PostgreSQL when TEST_PG_URL names a server. */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.TEST_PG_URL ? 'postgres' : 'sqlite';

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.TEST_PG_URL) return createScratchDatabase(process.env.TEST_PG_URL);
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-test-'));
  return { url: `sqlite:${path.join(dir, 'test.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The real app (real pipes, filters, migrations) on a fresh database of its own: a SQLite file, or
 * a scratch PostgreSQL database when the suites run against PostgreSQL.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await freshDatabase();
  const databaseUrl = database.url;
  const config = loadConfig({ ...options.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, DEMO_PASSWORD: TEST_PASSWORD });
  const clock = options.clock ?? new FakeClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register({ config, clock })] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] });
  configureApp(app);
  const dataSource = app.get(DataSource);
  await runMigrations(dataSource);
  if (options.seed !== false) await seedDemoIfEmpty(dataSource, TEST_PASSWORD, clock.now());
  await app.init();
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    http,
    dataSource,
    clock,
    config,
    databaseUrl,
    async login(username: string, loginOptions: { fresh?: boolean } = {}) {
      const cached = tokens.get(username);
      if (cached && !loginOptions.fresh) return cached;
      const response = await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ username, password: TEST_PASSWORD })
        .expect(200);
      if (!loginOptions.fresh) tokens.set(username, response.body.token);
      return response.body.token as string;
    },
    async close(closeOptions: { keepDatabase?: boolean } = {}) {
      await app.close();
      if (!closeOptions.keepDatabase) await database.drop();
    },
  };
}

export async function officerId(t: TestApp, username: string): Promise<string> {
  return (await t.dataSource.getRepository(Officer).findOneByOrFail({ username })).id;
}

export async function caseIdByReference(t: TestApp, reference: string): Promise<string> {
  return (await t.dataSource.getRepository(Case).findOneByOrFail({ reference })).id;
}
