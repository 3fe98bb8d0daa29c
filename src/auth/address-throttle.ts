import { LessThan, MoreThan } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { SignInFailure } from './sign-in-failure.entity';

/** What the throttle stores of an address: Express's idea of it, at most the column's length. */
export function storedAddress(address: string): string {
  return address.slice(0, 64) || 'unknown';
}

/**
 * Failed sign-ins per address in a sliding window. The failures are kept in the database, so every
 * instance behind a load balancer counts the same ones; attempts still in flight in this process
 * count as if they had failed, so a burst sent at once gets no more tries than a sequence.
 */
export class AddressThrottle {
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly limit: number,
    private readonly windowMs: number,
    /** Told when a failure brings an address to the limit. */
    private readonly onLimit: (address: string) => void,
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
        throw refuse(recent.length ? recent[0].failedAt.getTime() + this.windowMs - now.getTime() : this.windowMs);
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

  /** Stores the failure, clears out those past every window, and tells when the limit is reached. */
  private async recordFailure(address: string, now: Date): Promise<void> {
    const count = await this.unitOfWork.write(async (manager) => {
      await manager.insert(SignInFailure, { address, failedAt: now });
      await manager.delete(SignInFailure, { failedAt: LessThan(this.windowStart(now)) });
      return manager.count(SignInFailure, { where: { address, failedAt: MoreThan(this.windowStart(now)) } });
    });
    if (count === this.limit) this.onLimit(address);
  }

  private windowStart(now: Date): Date {
    return new Date(now.getTime() - this.windowMs);
  }
}
