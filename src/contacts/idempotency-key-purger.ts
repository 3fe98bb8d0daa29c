import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { IdempotencyStore } from './idempotency-store';

/** How often expired Idempotency-Keys are removed. */
export const PURGE_INTERVAL_MS = 60 * 60_000;

/**
 * Removes Idempotency-Keys past their lifetime, with the answers stored beside them (a copy of
 * the contact as first recorded), at start-up and every hour on an unref'd timer; not in
 * NODE_ENV=test, where tests call purge(). One DELETE on an index: harmless if two instances
 * run it at once.
 */
@Injectable()
export class IdempotencyKeyPurger implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('IdempotencyKeyPurger');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: IdempotencyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.runInBackground();
    this.timer = setInterval(() => this.runInBackground(), PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running.catch(() => undefined);
  }

  /** Removes the expired keys now; resolves with how many went. */
  purge(): Promise<number> {
    return this.unitOfWork.write((manager) => this.store.purgeExpired(manager));
  }

  private runInBackground(): void {
    this.running = this.purge().catch((error: unknown) => {
      this.logger.error(`Could not remove expired Idempotency-Keys (next try in an hour): ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
