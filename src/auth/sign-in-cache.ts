import { Actor } from './actor';

/** What a sign-in needs to know about a session, besides who it is. */
export interface CachedSignIn {
  actor: Actor;
  expiresAt: number;
  lastSeenAt: number;
}

/**
 * Recent sign-ins by token hash, so that a request does not read its session and officer again
 * when the same token was checked a moment ago. Only for a database this process alone writes
 * (SQLite): every change to a session or an officer is made here, and `forget` is called once it
 * has committed, so a sign-out or a deactivation takes effect on the next request. With several
 * instances (PostgreSQL) another instance's sign-out could not reach this memory, so the cache is
 * off there (`ttlMs` 0).
 *
 * A lookup that was under way while `forget` ran may have read the rows as they were before the
 * change; `generation` tells it not to store them.
 */
export class SignInCache {
  private readonly entries = new Map<string, CachedSignIn & { storedAt: number }>();
  private generation = 0;

  constructor(
    /** How long an entry is used at most: a bound on any change made outside this process. */
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(tokenHash: string, now: number): CachedSignIn | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (now - entry.storedAt >= this.ttlMs || now < entry.storedAt) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry;
  }

  /** Marks the start of a lookup: pass the answer to `store` along with what the lookup read. */
  begin(): number {
    return this.generation;
  }

  store(tokenHash: string, signIn: CachedSignIn, begun: number, now: number): void {
    if (!this.enabled || begun !== this.generation) return;
    this.entries.delete(tokenHash);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenHash, { ...signIn, storedAt: now });
  }

  /** The session was touched: later requests see its new lastSeenAt. */
  touched(tokenHash: string, lastSeenAt: number): void {
    const entry = this.entries.get(tokenHash);
    if (entry) entry.lastSeenAt = lastSeenAt;
  }

  /** Sessions or officers changed (committed): nothing remembered before now is used again. */
  forget(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
