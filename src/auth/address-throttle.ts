import { MoreThan } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { SignInFailure } from './sign-in-failure.entity';

/** The throttle's window: a failure older than this counts for nothing (ExpiredRowsPurger removes it). */
export const SIGN_IN_FAILURE_LIFETIME_MS = 15 * 60 * 1000;

/** What the throttle stores of an address: Express's idea of it, at most the column's length. */
function storedAddress(address: string): string {
  return address.slice(0, 64) || 'unknown';
}

/**
 * Failed sign-ins per address in a sliding window (SIGN_IN_FAILURE_LIFETIME_MS). The failures are
 * kept in the database, so every instance behind a load balancer counts the same ones; attempts
 * still in flight in this process count as if they had failed, so a burst sent at once gets no
 * more tries than a sequence.
 */
export class AddressThrottle {
  private readonly inFlight = new Map<string, number>();
  /** When this process last told of each address it refused, to tell once per window. */
  private readonly toldAt = new Map<string, number>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly limit: number,
    /** Told when this process first refuses an address, and again after a window without. */
    private readonly onRefusal: (address: string) => void,
  ) {}

  /**
   * Runs one attempt from the address, or refuses it with the wait left (ms) when the address is
   * at its limit. `failed` tells which outcomes count as a failure.
   */
  async attempt<T>(address: string, now: Date, refuse: (waitMs: number) => Error, work: () => Promise<T>, failed: (error: unknown) => boolean): Promise<T> {
    const key = storedAddress(address);
    // Counted before the first await, so that attempts arriving together see each other.
    const alreadyInFlight = this.inFlight.get(key) ?? 0;
    this.inFlight.set(key, alreadyInFlight + 1);
    try {
      const recent = await this.recentFailures(key, now);
      if (recent.length + alreadyInFlight >= this.limit) {
        this.tell(key, now.getTime());
        throw refuse(recent.length ? recent[0].failedAt.getTime() + SIGN_IN_FAILURE_LIFETIME_MS - now.getTime() : SIGN_IN_FAILURE_LIFETIME_MS);
      }
      try {
        return await work();
      } catch (error) {
        if (failed(error)) await this.recordFailure(key, now);
        throw error;
      }
    } finally {
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    }
  }

  /** The address's failures still in the window, oldest first (no more than the limit). */
  private recentFailures(address: string, now: Date): Promise<SignInFailure[]> {
    return this.unitOfWork.reads.find(SignInFailure, {
      where: { address, failedAt: MoreThan(this.windowStart(now)) },
      order: { failedAt: 'ASC' },
      take: this.limit,
    });
  }

  private async recordFailure(address: string, now: Date): Promise<void> {
    await this.unitOfWork.write((manager) => manager.insert(SignInFailure, { address, failedAt: now }));
  }

  /**
   * Decided in this process, not from a count in the database: two instances' transactions
   * counting at once could both, or neither, see the failure that reached the limit.
   */
  private tell(address: string, now: number): void {
    const last = this.toldAt.get(address);
    if (last !== undefined && now - last < SIGN_IN_FAILURE_LIFETIME_MS) return;
    this.toldAt.set(address, now);
    this.onRefusal(address);
    if (this.toldAt.size > 1_000) {
      for (const [other, at] of this.toldAt) if (now - at >= SIGN_IN_FAILURE_LIFETIME_MS) this.toldAt.delete(other);
    }
  }

  private windowStart(now: Date): Date {
    return new Date(now.getTime() - SIGN_IN_FAILURE_LIFETIME_MS);
  }
}
