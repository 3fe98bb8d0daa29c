import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { WalCheckpointer } from './wal-checkpointer';

describe('WalCheckpointer', () => {
  let dir: string;
  let database: string;
  let dataSource: DataSource;
  let checkpointer: WalCheckpointer;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wal-'));
    database = path.join(dir, 'db.sqlite');
    dataSource = await new DataSource({ type: 'sqlite', database, enableWAL: true }).initialize();
    checkpointer = new WalCheckpointer(dataSource);
    await checkpointer.onModuleInit();
  });

  afterEach(async () => {
    await checkpointer.onModuleDestroy();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('turns off checkpoints on the main connection and does them itself, keeping every commit', async () => {
    expect(await dataSource.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 0 }]);
    await dataSource.query('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    const sizeBefore = statSync(database).size;
    for (let n = 0; n < 200; n++) await dataSource.query('INSERT INTO t (body) VALUES (?)', ['x'.repeat(2000)]);
    // Nothing copied into the database file yet: the commits are all in the WAL.
    expect(statSync(database).size).toBe(sizeBefore);
    await checkpointer.checkpoint();
    expect(checkpointer.checkpoints).toBeGreaterThanOrEqual(1);
    expect(statSync(database).size).toBeGreaterThan(sizeBefore + 200 * 2000);
    expect(await dataSource.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 200 }]);
  });
});
