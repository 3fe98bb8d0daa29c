import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { READS_CONNECTION, REPORTS_CONNECTION } from './data-source';

interface QueuedWrite {
  work: (manager: EntityManager) => Promise<unknown>;
  /** Set for an item that only joins the group's batch (commitDeferred): no savepoint, no statement. */
  deferred?: { batch: GroupBatch<unknown>; item: unknown };
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Rows that many writes of a commit group add to one table, written together just before the
 * group's COMMIT (one statement instead of one or two per write). See UnitOfWork.defer. A group
 * of deferred items only is flushed outside a transaction (commitDeferredOnly): `flush` must then
 * be atomic by itself (one statement, or a transaction of its own).
 */
export interface GroupBatch<T> {
  flush(manager: EntityManager, items: T[]): Promise<void>;
}

type Deferred = Map<GroupBatch<unknown>, unknown[]>;

function addDeferred(deferred: Deferred, batch: GroupBatch<unknown>, items: unknown[]): void {
  const all = deferred.get(batch);
  if (all) all.push(...items);
  else deferred.set(batch, items);
}

/** A commit group closes after this many writes, or once it has run this long, to bound the wait it adds. */
export const MAX_GROUP_WRITES = 32;
export const MAX_GROUP_MS = 20;
/** At most this many deferred items are flushed together outside a transaction. */
export const MAX_DEFERRED_ONLY = 64;

/**
 * The one place write transactions start. TypeORM's sqlite driver shares a single connection, so two
 * overlapping transactions would collide ("cannot start a transaction within a transaction"); on
 * SQLite writes therefore queue here and run one at a time, committed in groups (see commitGroup).
 * PostgreSQL has a pool and runs them concurrently, each in its own transaction.
 */
@Injectable()
export class UnitOfWork implements OnModuleInit {
  private readonly waiting: QueuedWrite[] = [];
  private committing = false;
  private readonly serialise: boolean;
  /** The manager of the group now running, and what its current write has deferred. */
  private groupManager: EntityManager | null = null;
  private deferredByWrite: Deferred | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectDataSource(REPORTS_CONNECTION) private readonly reportsDataSource: DataSource,
    @InjectDataSource(READS_CONNECTION) private readonly readsDataSource: DataSource = reportsDataSource,
  ) {
    this.serialise = dataSource.options.type === 'sqlite';
  }

  /**
   * SQLite durability: WAL with synchronous=FULL, so a transaction acknowledged to a client has been
   * fsynced and survives a power cut as well as a killed process. (NORMAL would be faster but may
   * lose the last commits on power loss; for records held under the Data Protection Act we choose
   * not to.)
   */
  async onModuleInit(): Promise<void> {
    if (this.serialise) await this.dataSource.query('PRAGMA synchronous = FULL');
  }

  get engine(): 'sqlite' | 'postgres' {
    return this.serialise ? 'sqlite' : 'postgres';
  }

  /**
   * Runs `work` in a write transaction and answers once it is committed. The work must not itself
   * wait for another write (on SQLite that write would queue behind it for ever).
   */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialise) return this.dataSource.transaction(work);
    return new Promise<T>((resolve, reject) => this.enqueue({ work, resolve: resolve as (result: unknown) => void, reject }));
  }

  /**
   * Inside a SQLite write: adds `item` to `batch`, which is flushed with everything the group's
   * other writes added, in order, just before the group commits, so the item commits exactly when
   * the write that added it does (and is dropped if that write rolls back). Answers false outside a
   * SQLite group (PostgreSQL, or a manager that is not the running group's): the caller then writes
   * the item itself.
   */
  defer<T>(manager: EntityManager, batch: GroupBatch<T>, item: T): boolean {
    if (!this.deferredByWrite || manager !== this.groupManager) return false;
    addDeferred(this.deferredByWrite, batch as GroupBatch<unknown>, [item]);
    return true;
  }

  /**
   * SQLite only: adds `item` to `batch` in the next commit group, without a statement or savepoint
   * of its own, and answers once that group has committed. For an access-log entry of a read that
   * ran outside the write queue (on `reads`).
   */
  commitDeferred<T>(batch: GroupBatch<T>, item: T): Promise<void> {
    if (!this.serialise) throw new Error('commitDeferred is for SQLite; use write() on PostgreSQL');
    return new Promise<void>((resolve, reject) =>
      this.enqueue({ work: () => Promise.resolve(), deferred: { batch: batch as GroupBatch<unknown>, item }, resolve: () => resolve(), reject }),
    );
  }

  private enqueue(write: QueuedWrite): void {
    this.waiting.push(write);
    if (!this.committing) void this.commitWaiting();
  }

  private async commitWaiting(): Promise<void> {
    this.committing = true;
    try {
      while (this.waiting.length) await (this.waiting[0].deferred ? this.commitDeferredOnly() : this.commitGroup());
    } finally {
      this.committing = false;
    }
  }

  /**
   * The items at the head of the queue that only join a batch (commitDeferred: the access-log
   * entries of reads) are flushed without a transaction of their own: the batch's INSERT commits
   * by itself, so the group costs one or two statements instead of four (BEGIN and COMMIT are
   * each a hop to a thread-pool thread and back), and every read waiting on it answers sooner.
   * Nothing else writes meanwhile: the queue runs one group at a time.
   */
  private async commitDeferredOnly(): Promise<void> {
    const taken: QueuedWrite[] = [];
    const byBatch: Deferred = new Map();
    while (this.waiting[0]?.deferred && taken.length < MAX_DEFERRED_ONLY) {
      const write = this.waiting.shift()!;
      taken.push(write);
      addDeferred(byBatch, write.deferred!.batch, [write.deferred!.item]);
    }
    try {
      for (const [batch, items] of byBatch) await batch.flush(this.dataSource.manager, items);
    } catch (error) {
      for (const write of taken) write.reject(error);
      return;
    }
    for (const write of taken) write.resolve(undefined);
  }

  /**
   * Group commit: the writes waiting run one after another in one transaction, each inside a
   * savepoint, so one that fails is rolled back alone and answered with its error; the others are
   * answered after the single COMMIT (one fsync for the group), never before it, so anything
   * acknowledged is on disk. Writes that arrive while a group runs join it, up to
   * MAX_GROUP_WRITES or MAX_GROUP_MS. Should SQLite abandon the whole transaction (an I/O error, a
   * full disk), every write of the group fails and those not yet run go to the next group.
   *
   * Every statement is a hop to a thread-pool thread and back, which costs more than a short
   * query, so the group saves hops: one write's RELEASE and the next one's SAVEPOINT go as one
   * step, and rows that every write adds (access-log entries, see defer) go in one INSERT at the end.
   */
  private async commitGroup(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const ran: { write: QueuedWrite; ok: boolean; outcome: unknown }[] = [];
    try {
      await runner.startTransaction();
    } catch (error) {
      await abandon(runner);
      for (const write of this.waiting.splice(0)) write.reject(error);
      return;
    }
    // The group's time budget starts once it has a transaction, so a slow BEGIN cannot leave it empty.
    const started = Date.now();
    let abandoned: unknown = null;
    const connection = (await runner.connect()) as { exec(sql: string, callback: (error: Error | null) => void): void };
    const exec = (sql: string) => new Promise<void>((resolve, reject) => connection.exec(sql, (error) => (error ? reject(error) : resolve())));
    const groupDeferred: Deferred = new Map();
    this.groupManager = runner.manager;
    // Between two writes, RELEASE and the next SAVEPOINT go to SQLite as one step.
    let savepointOpen = false;
    try {
      while (this.waiting.length && ran.length < MAX_GROUP_WRITES && Date.now() - started < MAX_GROUP_MS) {
        const write = this.waiting.shift()!;
        if (write.deferred) {
          addDeferred(groupDeferred, write.deferred.batch, [write.deferred.item]);
          ran.push({ write, ok: true, outcome: undefined });
          continue;
        }
        try {
          if (!savepointOpen) await exec('SAVEPOINT unit_of_work');
          savepointOpen = true;
          this.deferredByWrite = new Map();
          const result = await write.work(runner.manager);
          const deferred = this.deferredByWrite;
          this.deferredByWrite = null;
          const more = this.waiting.length > 0 && ran.length + 1 < MAX_GROUP_WRITES && Date.now() - started < MAX_GROUP_MS;
          await exec(more ? 'RELEASE SAVEPOINT unit_of_work; SAVEPOINT unit_of_work' : 'RELEASE SAVEPOINT unit_of_work');
          savepointOpen = more;
          for (const [batch, items] of deferred) addDeferred(groupDeferred, batch, items);
          ran.push({ write, ok: true, outcome: result });
        } catch (error) {
          this.deferredByWrite = null;
          ran.push({ write, ok: false, outcome: error });
          try {
            await exec('ROLLBACK TO SAVEPOINT unit_of_work');
            await exec('RELEASE SAVEPOINT unit_of_work');
            savepointOpen = false;
          } catch {
            abandoned = error;
            break;
          }
        }
      }
      if (!abandoned && savepointOpen) await exec('RELEASE SAVEPOINT unit_of_work');
      if (!abandoned) for (const [batch, items] of groupDeferred) await batch.flush(runner.manager, items);
    } catch (error) {
      abandoned ??= error;
    } finally {
      this.groupManager = null;
      this.deferredByWrite = null;
    }
    if (!abandoned) {
      try {
        await runner.commitTransaction();
      } catch (error) {
        abandoned = error;
      }
    }
    if (abandoned) {
      await abandon(runner);
      for (const { write, ok, outcome } of ran) write.reject(ok ? abandoned : outcome);
      return;
    }
    for (const { write, ok, outcome } of ran) (ok ? write.resolve : write.reject)(outcome);
  }

  /**
   * Short reads of case data on a connection of their own (SQLite; on PostgreSQL a small pool):
   * they see committed data only, so anything already answered to a client is there. Read only.
   */
  get reads(): EntityManager {
    return this.readsDataSource.manager;
  }

  /** Long reads (reports, exports, handbook data) on a connection of their own. Read only. */
  get reports(): EntityManager {
    return this.reportsDataSource.manager;
  }
}

/**
 * Rolls back whatever is left of a failed group and puts TypeORM's shared sqlite query runner back
 * in step: its transaction flags are only cleared when its own ROLLBACK succeeds, and SQLite may
 * already have rolled back by itself.
 */
async function abandon(runner: QueryRunner): Promise<void> {
  await runner.query('ROLLBACK').catch(() => undefined);
  Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
}
