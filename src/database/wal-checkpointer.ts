import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';

/** How often the write-ahead log is copied back into the database file. */
export const CHECKPOINT_INTERVAL_MS = 1_000;

/**
 * Keeps SQLite's checkpoints off the request path. By default the commit that grows the WAL past
 * 1,000 pages copies it into the database and fsyncs that file before it returns, so every so
 * often one group of requests waits tens of milliseconds longer (the read p99 in bench/api.ts).
 * Here the main connection never checkpoints; a connection of its own does, every second, in
 * PASSIVE mode, which never blocks the writer or a reader. Durability is unchanged: a commit is
 * on disk once its WAL frames are fsynced (synchronous=FULL), checkpoint or not.
 */
@Injectable()
export class WalCheckpointer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(WalCheckpointer.name);
  private connection: sqlite3.Database | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  checkpoints = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const { type, database } = this.dataSource.options;
    if (type !== 'sqlite' || typeof database !== 'string' || database === ':memory:') return;
    await this.dataSource.query('PRAGMA wal_autocheckpoint = 0');
    this.connection = await new Promise<sqlite3.Database>((resolve, reject) => {
      const connection = new sqlite3.Database(database, (error) => (error ? reject(error) : resolve(connection)));
    });
    await this.exec('PRAGMA busy_timeout = 1000');
    this.timer = setInterval(() => void this.checkpoint(), CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
  }

  /** One PASSIVE checkpoint now (the timer's, and for tests). */
  checkpoint(): Promise<void> {
    if (!this.connection) return Promise.resolve();
    this.running ??= this.exec('PRAGMA wal_checkpoint(PASSIVE)')
      .then(() => {
        this.checkpoints++;
        this.failures = 0;
      })
      .catch((error: Error) => {
        // A busy database or a full disk: the next round tries again; the WAL keeps every commit.
        if (this.failures++ === 0) this.logger.warn(`WAL checkpoint failed: ${error.message}`);
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    const connection = this.connection;
    this.connection = null;
    if (connection) await new Promise<void>((resolve) => connection.close(() => resolve()));
  }

  private exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.connection!.all(sql, (error) => (error ? reject(error) : resolve())));
  }
}
