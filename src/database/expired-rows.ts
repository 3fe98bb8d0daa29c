import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityTarget, LessThan, ObjectLiteral } from 'typeorm';
import { SIGN_IN_FAILURE_LIFETIME_MS } from '../auth/address-throttle';
import { SignInFailure } from '../auth/sign-in-failure.entity';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { IdempotencyKey } from '../contacts/idempotency-key.entity';
import { IDEMPOTENCY_KEY_LIFETIME_MS } from '../contacts/idempotency-store';
import { UnitOfWork } from './unit-of-work';

/** How often rows past their lifetime are removed. */
export const PURGE_INTERVAL_MS = 60 * 60_000;

/** Rows kept only while they are of use: which, by which date column, and for how long. */
const EXPIRING: { entity: EntityTarget<ObjectLiteral>; column: string; lifetimeMs: number }[] = [
  // The answer stored with a key is a copy of the contact as first recorded.
  { entity: IdempotencyKey, column: 'createdAt', lifetimeMs: IDEMPOTENCY_KEY_LIFETIME_MS },
  // An officer's address, kept for the sign-in throttle's window only.
  { entity: SignInFailure, column: 'failedAt', lifetimeMs: SIGN_IN_FAILURE_LIFETIME_MS },
];

/**
 * Removes rows past their lifetime (EXPIRING) at start-up and every hour, on an unref'd timer
 * (where the config runs background jobs; tests call purge()). Each is one DELETE on an index: harmless if two
 * instances run it at once.
 */
@Injectable()
export class ExpiredRowsPurger implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ExpiredRows');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runsBackgroundJobs) return;
    this.runInBackground();
    this.timer = setInterval(() => this.runInBackground(), PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running.catch(() => undefined);
  }

  /** Removes every row past its lifetime now; resolves with how many went. */
  purge(): Promise<number> {
    const now = this.clock.now().getTime();
    return this.unitOfWork.write(async (manager) => {
      let removed = 0;
      for (const { entity, column, lifetimeMs } of EXPIRING) {
        removed += (await manager.delete(entity, { [column]: LessThan(new Date(now - lifetimeMs)) })).affected ?? 0;
      }
      return removed;
    });
  }

  private runInBackground(): void {
    this.running = this.purge().catch((error: unknown) => {
      this.logger.error(`Could not remove expired rows (next try in an hour): ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
