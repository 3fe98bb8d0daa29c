import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { Case } from '../cases/case.entity';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { ScheduledUpdate } from './scheduled-update.entity';
import { UpdateScheduler } from './update-scheduler';

/** How often open updates whose due date has passed are turned into attempted / missed. */
export const REFRESH_INTERVAL_MS = 15 * 60_000;
/** Cases recomputed per run; the next run carries on with the rest. */
const CASES_PER_RUN = 5_000;
/** Only one instance runs the periodic refresh at a time on PostgreSQL. */
const REFRESH_LOCK_KEY = 727_274_003;

export interface RefreshResult {
  /** Cases looked at. */
  cases: number;
  /** Cases whose stored updates changed. */
  changed: number;
  /** Cases that failed (logged; retried next run). */
  failed: number;
  /** False when another instance held the refresh lock and this run did nothing. */
  ran: boolean;
}

/**
 * Keeps stored statuses current as due dates pass, so reports read status with a query: every
 * case with an open update due before today is recomputed (an open update can only become
 * attempted or missed by the calendar moving on). Runs at start-up and every 15 minutes, on an
 * unref'd timer, where the config runs background jobs (not in tests, which call it). Each case
 * is recomputed in its own short transaction, so the refresh never holds SQLite's write queue for
 * long.
 */
@Injectable()
export class UpdateRefresher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('UpdateRefresher');
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly scheduler: UpdateScheduler,
    private readonly accessLog: AccessLogService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runsBackgroundJobs) return;
    void this.enqueue(() => this.refreshDue());
    this.timer = setInterval(() => void this.enqueue(() => this.refreshDue()), REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }

  /** Resolves when the background work queued so far has finished. */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  /** Recomputes every case with an open update due before today, and open cases never scheduled. */
  refreshDue(): Promise<RefreshResult> {
    return this.underRefreshLock(async () => {
      const today = this.scheduler.today();
      const ids = await this.unitOfWork.write(async (manager) => {
        const due = await manager
          .createQueryBuilder(ScheduledUpdate, 'u')
          .select('u.caseId', 'caseId')
          .distinct(true)
          .where('u.status = :open AND u.dueDate < :today', { open: 'open', today })
          .limit(CASES_PER_RUN)
          .getRawMany<{ caseId: string }>();
        const unscheduled = await manager
          .createQueryBuilder(Case, 'c')
          .select('c.id', 'caseId')
          .where('c.status = :open AND c.arrestDate IS NOT NULL', { open: 'open' })
          .andWhere((qb) => `NOT EXISTS ${qb.subQuery().select('1').from(ScheduledUpdate, 's').where('s.caseId = c.id').getQuery()}`)
          .limit(CASES_PER_RUN)
          .getRawMany<{ caseId: string }>();
        return [...new Set([...due, ...unscheduled].map((row) => row.caseId))];
      });
      return this.recomputeEach(ids, 'refresh of update statuses as due dates pass');
    });
  }

  /**
   * After a settings change: every open case, and every closed case still owing an open update,
   * is recomputed with the new settings. Runs in the background; `idle()` waits for it.
   */
  recomputeAllInBackground(purpose: string): Promise<RefreshResult> {
    return this.enqueue(async () => {
      const ids = await this.unitOfWork.write(async (manager) => {
        const rows = await manager
          .createQueryBuilder(Case, 'c')
          .select('c.id', 'caseId')
          .where('c.arrestDate IS NOT NULL')
          .andWhere(
            (qb) =>
              `(c.status = :open OR EXISTS ${qb.subQuery().select('1').from(ScheduledUpdate, 's').where('s.caseId = c.id AND s.status = :open').getQuery()})`,
          )
          .setParameter('open', 'open')
          .getRawMany<{ caseId: string }>();
        return rows.map((row) => row.caseId);
      });
      return { ...(await this.recomputeEach(ids, purpose)), ran: true };
    });
  }

  /** Recomputes one case in a transaction of its own (for reads that want fresh statuses). */
  async refreshCase(caseId: string, purpose: string): Promise<boolean> {
    return this.unitOfWork.write(async (manager) => {
      const result = await this.scheduler.recompute(manager, caseId);
      const changed = result.inserted + result.updated + result.deleted > 0;
      if (changed) {
        await this.accessLog.record(manager, {
          actor: null,
          operation: 'alteration',
          recordType: 'scheduled_update',
          recordId: null,
          caseId,
          purpose,
        });
      }
      return changed;
    });
  }

  private async recomputeEach(ids: string[], purpose: string): Promise<RefreshResult> {
    const result: RefreshResult = { cases: 0, changed: 0, failed: 0, ran: true };
    for (const id of ids) {
      if (this.stopped) break;
      result.cases += 1;
      try {
        if (await this.refreshCase(id, purpose)) result.changed += 1;
      } catch (error) {
        result.failed += 1;
        this.logger.error(`Could not recompute the updates of case ${id}`, (error as Error).stack);
      }
    }
    if (result.changed || result.failed) {
      this.logger.log(`Recomputed ${result.cases} case(s): ${result.changed} changed, ${result.failed} failed`);
    }
    return result;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch((error) => this.logger.error('Background recompute failed', (error as Error).stack));
    return run;
  }

  private async underRefreshLock(work: () => Promise<RefreshResult>): Promise<RefreshResult> {
    if (this.dataSource.options.type !== 'postgres') return work();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [REFRESH_LOCK_KEY]);
      if (!locked) return { cases: 0, changed: 0, failed: 0, ran: false };
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [REFRESH_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
}
