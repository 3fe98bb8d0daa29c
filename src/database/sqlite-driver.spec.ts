import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { CachingDatabase, STATEMENT_CACHE_SIZE, cachingSqlite3 } from './sqlite-driver';

describe('CachingDatabase (prepared statements kept per connection)', () => {
  let dir: string;
  let dataSource: DataSource;
  let connection: CachingDatabase;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stmt-cache-'));
    dataSource = await new DataSource({ type: 'sqlite', database: path.join(dir, 'db.sqlite'), driver: cachingSqlite3, enableWAL: true }).initialize();
    connection = (dataSource.driver as unknown as { databaseConnection: CachingDatabase }).databaseConnection;
    await dataSource.query('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)');
  });

  afterEach(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the connection TypeORM opens, and reuses a statement for the same SQL', async () => {
    expect(connection).toBeInstanceOf(CachingDatabase);
    const before = connection.cachedStatements;
    for (const text of ['a', 'b', 'c']) await dataSource.query('INSERT INTO notes (text) VALUES (?)', [text]);
    expect(connection.cachedStatements).toBe(before + 1);
    expect(await dataSource.query('SELECT text FROM notes WHERE id > ? ORDER BY id', [1])).toEqual([{ text: 'b' }, { text: 'c' }]);
    expect(await dataSource.query('SELECT text FROM notes WHERE id > ? ORDER BY id', [2])).toEqual([{ text: 'c' }]);
  });

  it('reports inserted ids and changed rows as sqlite3 does (TypeORM reads them)', async () => {
    const first = await dataSource.createQueryBuilder().insert().into('notes').values({ text: 'one' }).execute();
    const second = await dataSource.createQueryBuilder().insert().into('notes').values({ text: 'two' }).execute();
    expect([first.raw, second.raw]).toEqual([1, 2]);
    const updated = await dataSource.createQueryBuilder().update('notes').set({ text: 'changed' }).where('id = :id', { id: 2 }).execute();
    expect(updated.affected).toBe(1);
  });

  it('answers errors, drops the failed statement, and keeps working', async () => {
    await dataSource.query('INSERT INTO notes (text) VALUES (?)', ['dup']);
    await expect(dataSource.query('INSERT INTO notes (text) VALUES (?)', ['dup'])).rejects.toThrow(/UNIQUE/);
    await expect(dataSource.query('SELECT nonsense FROM nowhere')).rejects.toThrow(/no such table/);
    await dataSource.query('INSERT INTO notes (text) VALUES (?)', ['fine']);
    expect(await dataSource.query('SELECT text FROM notes ORDER BY id')).toEqual([{ text: 'dup' }, { text: 'fine' }]);
  });

  it('runs many concurrent uses of one statement, each with its own parameters and answer', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => dataSource.query('INSERT INTO notes (text) VALUES (?)', [`n${i}`])));
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => dataSource.query('SELECT text FROM notes WHERE text = ?', [`n${i}`])));
    expect(answers.map((rows: { text: string }[]) => rows[0].text)).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}`));
  });

  it('keeps at most STATEMENT_CACHE_SIZE statements, and closes cleanly with them open', async () => {
    for (let n = 0; n < STATEMENT_CACHE_SIZE + 20; n++) await dataSource.query(`SELECT ${n} AS n`);
    expect(connection.cachedStatements).toBe(STATEMENT_CACHE_SIZE);
    await dataSource.destroy();
    expect(dataSource.isInitialized).toBe(false);
  });

  it('leaves no lock behind: another connection can write while statements are cached', async () => {
    await dataSource.query('SELECT count(*) AS n FROM notes');
    const other = await new DataSource({ type: 'sqlite', database: path.join(dir, 'db.sqlite'), enableWAL: true }).initialize();
    try {
      await other.query('INSERT INTO notes (text) VALUES (?)', ['from the other side']);
      expect(await dataSource.query('SELECT count(*) AS n FROM notes')).toEqual([{ n: 1 }]);
    } finally {
      await other.destroy();
    }
  });

  it('waits for a lock held while it opens, instead of failing with SQLITE_BUSY', async () => {
    // Another connection holds the database exclusively (as a closing app's last checkpoint may)
    // while a second connection opens: TypeORM's first statement, PRAGMA journal_mode, must wait.
    const file = path.join(dir, 'locked.sqlite');
    const holder = await new DataSource({ type: 'sqlite', database: file, driver: cachingSqlite3, enableWAL: true }).initialize();
    await holder.query('CREATE TABLE t (x INTEGER)');
    await holder.query('PRAGMA locking_mode = EXCLUSIVE');
    await holder.query('INSERT INTO t VALUES (1)');
    const release = new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => holder.destroy());
    const opening = new DataSource({ type: 'sqlite', database: file, driver: cachingSqlite3, enableWAL: true, busyTimeout: 10_000 }).initialize();
    const [opened] = await Promise.all([opening, release]);
    try {
      expect(await opened.query('SELECT x FROM t')).toEqual([{ x: 1 }]);
    } finally {
      await opened.destroy();
    }
  });
});
