import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { SQLITE_BUSY_TIMEOUT_MS, cachingSqlite3 } from './sqlite-driver';

/**
 * The one data-source definition, used by the app, the migration CLI and the tests. The schema comes
 * from migrations only; each engine has its own migration set, kept in step by a drift test.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    // A missing value in a where clause must never silently match "the first row".
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
  } as const;
  if (database.type === 'sqlite') {
    mkdirSync(path.dirname(database.location), { recursive: true });
    return {
      ...common,
      type: 'sqlite',
      driver: cachingSqlite3,
      database: database.location,
      enableWAL: true,
      busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
      migrations: SQLITE_MIGRATIONS,
    };
  }
  return {
    ...common,
    type: 'postgres',
    url: database.location,
    migrations: POSTGRES_MIGRATIONS,
    extra: { max: 10 },
  };
}

export const REPORTS_CONNECTION = 'reports';

/**
 * A second connection for long reads (audit reports, handbook data) so they never queue behind, or
 * hold up, the API's single SQLite connection. WAL lets it read while the main connection writes.
 * Never written through and never migrated.
 */
export function buildReportsDataSourceOptions(database: DatabaseConfig, name = REPORTS_CONNECTION): DataSourceOptions {
  const options = buildDataSourceOptions(database);
  return { ...options, name, migrations: [], ...(options.type === 'postgres' ? { extra: { max: 3 } } : {}) } as DataSourceOptions;
}

export const READS_CONNECTION = 'reads';

/**
 * A third connection for the API's short reads of case data on SQLite (UnitOfWork.reads), so they
 * neither queue in the write group nor behind a long report. Same settings as the reports one.
 */
export function buildReadsDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  return buildReportsDataSourceOptions(database, READS_CONNECTION);
}
