// Timestamps are stored without a zone on PostgreSQL (TIMESTAMP): the process works in UTC so that
// the same instant is written and read back whatever the server's local zone, and the access-log
// chain verifies across daylight-saving changes. Calendar dates use Europe/London explicitly.
process.env.TZ = 'UTC';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig, ConfigError, DEFAULT_DEMO_PASSWORD, loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { runMigrations } from './database/migrate';
import { DEMO_USERS, seedDemoIfEmpty } from './database/seed/demo-seed';

function readConfigOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\nCannot start: configuration variable ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = readConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config }), { bodyParser: false });
  configureApp(app);
  const dataSource = app.get(DataSource);
  await runMigrations(dataSource);
  const seeded = config.nodeEnv !== 'production' && (await seedDemoIfEmpty(dataSource, config.demoPassword));
  await app.listen(config.port);

  const url = `http://localhost:${config.port}`;
  const logger = new Logger('Start');
  logger.log(`Family liaison case tool is running at ${url}  (API docs: ${url}/api/docs)`);
  if (config.trustProxy !== false) {
    logger.log(`Believing X-Forwarded-For and X-Forwarded-Proto from: ${typeof config.trustProxy === 'number' ? `${config.trustProxy} proxy hop(s)` : config.trustProxy.join(', ')} (TRUST_PROXY)`);
  }
  if (config.nodeEnv !== 'production') {
    const password = config.demoPasswordIsDefault ? DEFAULT_DEMO_PASSWORD : '(the DEMO_PASSWORD you set)';
    logger.log(`${seeded ? 'Seeded demo data. ' : ''}Demo sign-ins (password ${password}): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}`);
  }
}

void bootstrap();
