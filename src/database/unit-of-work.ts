import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { REPORTS_CONNECTION } from './data-source';

interface QueuedWrite {
  work: (manager: EntityManager) => Promise<unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/** A commit group closes after this many writes, or once it has run this long, to bound the wait it adds. */
export const MAX_GROUP_WRITES = 32;
export const MAX_GROUP_MS = 20;

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectDataSource(REPORTS_CONNECTION) private readonly reportsDataSource: DataSource,
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
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (result: unknown) => void, reject });
      if (!this.committing) void this.commitWaiting();
    });
  }

  private async commitWaiting(): Promise<void> {
    this.committing = true;
    try {
      while (this.waiting.length) await this.commitGroup();
    } finally {
      this.committing = false;
    }
  }

  /**
   * Group commit: the writes waiting run one after another in one transaction, each inside a
   * savepoint, so one that fails is rolled back alone and answered with its error; the others are
   * answered after the single COMMIT (one fsync for the group), never before it, so anything
   * acknowledged is on disk. Writes that arrive while a group runs join it, up to
   * MAX_GROUP_WRITES or MAX_GROUP_MS. Should SQLite abandon the whole transaction (an I/O error, a
   * full disk), every write of the group fails and those not yet run go to the next group.
   */
  private async commitGroup(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const started = Date.now();
    const ran: { write: QueuedWrite; ok: boolean; outcome: unknown }[] = [];
    try {
      await runner.startTransaction();
    } catch (error) {
      await abandon(runner);
      for (const write of this.waiting.splice(0)) write.reject(error);
      return;
    }
    let abandoned: unknown = null;
    while (this.waiting.length && ran.length < MAX_GROUP_WRITES && Date.now() - started < MAX_GROUP_MS) {
      const write = this.waiting.shift()!;
      try {
        await runner.query('SAVEPOINT unit_of_work');
        const result = await write.work(runner.manager);
        await runner.query('RELEASE SAVEPOINT unit_of_work');
        ran.push({ write, ok: true, outcome: result });
      } catch (error) {
        ran.push({ write, ok: false, outcome: error });
        try {
          await runner.query('ROLLBACK TO SAVEPOINT unit_of_work');
          await runner.query('RELEASE SAVEPOINT unit_of_work');
        } catch {
          abandoned = error;
          break;
        }
      }
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

  /** Reads that need no transaction. */
  get reader(): EntityManager {
    return this.dataSource.manager;
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
