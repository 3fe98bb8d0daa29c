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

export const TEST_PASSWORD = 'test-demo-password';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  clock: FakeClock;
  config: AppConfig;
  /** Signs a demo user in and returns their bearer token. */
  login(username: string, options?: { fresh?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Reuse a database file (to test restarts); a fresh one per suite otherwise. */
  databaseFile?: string;
  clock?: FakeClock;
  seed?: boolean;
}

/**
 * The real app (real pipes, filters, migrations) on a fresh SQLite file, or on the PostgreSQL
 * database named by TEST_DATABASE_URL when the suite runs against PostgreSQL.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = options.databaseFile ? null : mkdtempSync(path.join(tmpdir(), 'liaison-test-'));
  const databaseUrl = process.env.TEST_DATABASE_URL ?? `sqlite:${options.databaseFile ?? path.join(dir as string, 'test.sqlite')}`;
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, DEMO_PASSWORD: TEST_PASSWORD });
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
    async close() {
      await app.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function officerId(t: TestApp, username: string): Promise<string> {
  return (await t.dataSource.getRepository(Officer).findOneByOrFail({ username })).id;
}

export async function caseIdByReference(t: TestApp, reference: string): Promise<string> {
  return (await t.dataSource.getRepository(Case).findOneByOrFail({ reference })).id;
}
