// The process works in UTC, as the server does (see main.ts): it reads timestamps and writes to the access log.
process.env.TZ = 'UTC';

import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { runMigrations } from '../database/migrate';
import { ConfigError, loadConfig } from '../config/app-config';
import { HandbookService } from './handbook.service';

const USAGE = 'Usage: npm run handbook -- --case <reference> --out <file.pdf> [--large-print]';

/** Prints a family's handbook without the web UI, e.g. for a planned warrant. Logged as a disclosure. */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { case: { type: 'string' }, out: { type: 'string' }, 'large-print': { type: 'boolean', default: false } },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!args.case || !args.out) {
    console.error(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration variable ${error.message}`);
      return 2;
    }
    throw error;
  }
  // One print and out: no timed jobs (they would also run before the migrations below).
  const app = await NestFactory.createApplicationContext(AppModule.register({ config: { ...config, runsBackgroundJobs: false } }), {
    logger: ['error', 'warn'],
  });
  try {
    await runMigrations(app.get(DataSource));
    const document = await app.get(HandbookService).pdfForReference(args.case, Boolean(args['large-print']), userInfo().username);
    writeFileSync(args.out, document.body);
    console.log(`Wrote ${args.out} (${(document.body as Buffer).length} bytes, content ${document.contentHash.slice(0, 12)}) for case ${document.reference}`);
    return 0;
  } catch (error) {
    console.error(`Could not print: ${(error as Error).message}`);
    return 1;
  } finally {
    await app.close();
  }
}

void main().then((code) => process.exit(code));
