import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig, loadConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

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
      database: database.location,
      enableWAL: true,
      busyTimeout: 10_000,
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

/** Used by the TypeORM CLI (`npm run typeorm -- migration:run`). */
export default new DataSource(buildDataSourceOptions(loadConfig(process.env).database));
