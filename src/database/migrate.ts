import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

const MIGRATION_LOCK_KEY = 727_274_001;

/**
 * Runs pending migrations. On PostgreSQL several instances may start at once: an advisory lock makes
 * exactly one of them migrate while the others wait, then find nothing to do.
 */
export async function runMigrations(dataSource: DataSource, logger = new Logger('Migrations')): Promise<number> {
  if (dataSource.options.type !== 'postgres') {
    const ran = await dataSource.runMigrations({ transaction: 'all' });
    if (ran.length) logger.log(`Applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
    return ran.length;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const ran = await dataSource.runMigrations({ transaction: 'all' });
    if (ran.length) logger.log(`Applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
    return ran.length;
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
