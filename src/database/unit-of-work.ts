import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { REPORTS_CONNECTION } from './data-source';

/**
 * The one place write transactions start. TypeORM's sqlite driver shares a single connection, so two
 * overlapping transactions would collide ("cannot start a transaction within a transaction"); on
 * SQLite writes therefore queue here and run one at a time. PostgreSQL has a pool and runs them
 * concurrently.
 */
@Injectable()
export class UnitOfWork implements OnModuleInit {
  private queueTail: Promise<unknown> = Promise.resolve();
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

  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialise) return this.dataSource.transaction(work);
    const run = this.queueTail.then(() => this.dataSource.transaction(work));
    this.queueTail = run.catch(() => undefined);
    return run;
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
