import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { GroupBatch, MAX_GROUP_WRITES, UnitOfWork } from './unit-of-work';

describe('UnitOfWork on SQLite (group commit)', () => {
  let dir: string;
  let dataSource: DataSource;
  let reader: DataSource;
  let unitOfWork: UnitOfWork;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'uow-'));
    const database = path.join(dir, 'uow.sqlite');
    dataSource = await new DataSource({ type: 'sqlite', database, enableWAL: true }).initialize();
    await dataSource.query('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)');
    reader = await new DataSource({ type: 'sqlite', database, enableWAL: true }).initialize();
    unitOfWork = new UnitOfWork(dataSource, reader);
    await unitOfWork.onModuleInit();
  });

  afterEach(async () => {
    await dataSource.destroy();
    await reader.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (text: string) => unitOfWork.write((m) => m.query('INSERT INTO notes (text) VALUES (?)', [text]).then(() => text));
  const committed = async () => ((await reader.query('SELECT text FROM notes ORDER BY id')) as { text: string }[]).map((r) => r.text);

  it('commits many concurrent writes, each answered with its own result', async () => {
    const texts = Array.from({ length: MAX_GROUP_WRITES * 3 + 5 }, (_, i) => `note ${i}`);
    expect(await Promise.all(texts.map(insert))).toEqual(texts);
    expect(await committed()).toEqual(texts);
  });

  it('rolls back only the write that failed: its own changes go, the rest of its group is kept', async () => {
    const failing = () =>
      unitOfWork.write(async (m) => {
        await m.query('INSERT INTO notes (text) VALUES (?)', ['half done']);
        throw new Error('changed my mind');
      });
    const results = await Promise.allSettled([insert('a'), failing(), insert('b'), insert('a'), insert('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('changed my mind');
    expect((results[3] as PromiseRejectedResult).reason.message).toMatch(/UNIQUE/);
    expect(await committed()).toEqual(['a', 'b', 'c']);
  });

  it('answers a write only once it is committed, so a reader on another connection sees it', async () => {
    const seenAtAnswer = await unitOfWork.write((m) => m.query('INSERT INTO notes (text) VALUES (?)', ['visible'])).then(committed);
    expect(seenAtAnswer).toEqual(['visible']);
  });

  it('keeps working after a group whose commit failed', async () => {
    // A write that ends the transaction itself makes the group's COMMIT fail: every write of it fails.
    const results = await Promise.allSettled([insert('lost'), unitOfWork.write((m) => m.query('COMMIT')), insert('lost too')]);
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
    expect(await insert('after')).toBe('after');
    expect(await committed()).toContain('after');
  });

  describe('defer (rows written once per group, just before COMMIT)', () => {
    const flushed: string[][] = [];
    const batch: GroupBatch<string> = {
      async flush(manager, items) {
        flushed.push(items);
        for (const text of items) await manager.query('INSERT INTO notes (text) VALUES (?)', [`log: ${text}`]);
      },
    };
    const writeWithLog = (text: string, fail = false) =>
      unitOfWork.write(async (m) => {
        await m.query('INSERT INTO notes (text) VALUES (?)', [text]);
        expect(unitOfWork.defer(m, batch, text)).toBe(true);
        if (fail) throw new Error(`${text} failed`);
        return text;
      });

    beforeEach(() => flushed.splice(0));

    it('flushes the items of a whole group in one call, in order, and commits them with their writes', async () => {
      const results = await Promise.allSettled([writeWithLog('a'), writeWithLog('b', true), writeWithLog('c')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      // The failed write's row and its deferred item are both gone.
      expect(flushed).toEqual([['a', 'c']]);
      expect(await committed()).toEqual(['a', 'c', 'log: a', 'log: c']);
    });

    it('fails the writes of a group whose flush fails, and commits none of them', async () => {
      const failing: GroupBatch<string> = { flush: () => Promise.reject(new Error('disk full')) };
      const results = await Promise.allSettled([
        insert('x'),
        unitOfWork.write(async (m) => {
          await m.query('INSERT INTO notes (text) VALUES (?)', ['y']);
          unitOfWork.defer(m, failing, 'y');
          return 'y';
        }),
      ]);
      expect(results[1].status).toBe('rejected');
      // Whether 'x' shared the failed group depends on timing; either way only what was answered is kept.
      expect(await committed()).toEqual(results[0].status === 'fulfilled' ? ['x'] : []);
      expect(await insert('after')).toBe('after');
    });

    it('commitDeferred: joins the next group without a statement of its own and answers after its commit', async () => {
      const [, logged] = await Promise.all([writeWithLog('w'), unitOfWork.commitDeferred(batch, 'read of w').then(committed)]);
      expect(flushed).toEqual([['w', 'read of w']]);
      expect(logged).toEqual(['w', 'log: w', 'log: read of w']);
    });

    it('flushes deferred items with no write before them outside a transaction, and answers once they are stored', async () => {
      const inTransaction: boolean[] = [];
      const watching: GroupBatch<string> = {
        async flush(manager, items) {
          inTransaction.push(manager.queryRunner?.isTransactionActive ?? false);
          await batch.flush(manager, items);
        },
      };
      const seen = await Promise.all(['read 1', 'read 2', 'read 3'].map((item) => unitOfWork.commitDeferred(watching, item).then(committed)));
      expect(seen[2]).toEqual(['log: read 1', 'log: read 2', 'log: read 3']);
      for (const [n, atAnswer] of seen.entries()) expect(atAnswer).toContain(`log: read ${n + 1}`);
      expect(flushed.flat()).toEqual(['read 1', 'read 2', 'read 3']);
      expect(inTransaction.length).toBeGreaterThan(0);
      expect(inTransaction.every((active) => !active)).toBe(true);
    });

    it('fails every deferred item of a flush that fails outside a transaction, and goes on', async () => {
      const failing: GroupBatch<string> = { flush: () => Promise.reject(new Error('disk full')) };
      const results = await Promise.allSettled([unitOfWork.commitDeferred(failing, 'lost'), unitOfWork.commitDeferred(failing, 'lost too')]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect((results[0] as PromiseRejectedResult).reason.message).toBe('disk full');
      await unitOfWork.commitDeferred(batch, 'after');
      expect(await committed()).toEqual(['log: after']);
    });

    it('refuses outside a running group, so the caller writes the item itself', () => {
      expect(unitOfWork.defer(dataSource.manager, batch, 'stray')).toBe(false);
    });
  });
});
