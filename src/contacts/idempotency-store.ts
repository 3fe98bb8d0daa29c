import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { CompiledFind } from '../database/compiled-find';
import { IdempotencyKey } from './idempotency-key.entity';

export interface Claim {
  officerId: string;
  key: string;
  requestHash: string;
  caseId: string;
  recordType: string;
}

/** Thrown inside a transaction that finds its key already taken, to roll it back and replay instead. */
export class KeyAlreadyUsed extends Error {}

/**
 * How long a key is honoured and its answer kept: long enough for any client's retries, short
 * enough that the stored answer (a copy of what was recorded) does not outlive its use. Removed
 * after that by ExpiredRowsPurger.
 */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Every write with an Idempotency-Key looks it up first. */
const KEY_OF_OFFICER = new CompiledFind(IdempotencyKey, ['officerId', 'key'], { limit: 1 });

/** Idempotency keys, always read and written in the caller's transaction. */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly clock: Clock) {}

  find(manager: EntityManager, officerId: string, key: string): Promise<IdempotencyKey | null> {
    return KEY_OF_OFFICER.one(manager, officerId, key);
  }

  /** True once a key is past its lifetime: it no longer replays, and the same key may be used again. */
  isExpired(stored: IdempotencyKey): boolean {
    return stored.createdAt.getTime() < this.expiryCutoff().getTime();
  }

  /** Removes one expired key in the caller's transaction, so that it can be stored anew. */
  async forget(manager: EntityManager, stored: IdempotencyKey): Promise<void> {
    await manager.delete(IdempotencyKey, { id: stored.id });
  }

  private expiryCutoff(): Date {
    return new Date(this.clock.now().getTime() - IDEMPOTENCY_KEY_LIFETIME_MS);
  }

  /**
   * Stores the key with the answer given, in the transaction that did the work. Should a
   * concurrent request with the same key have got there first (PostgreSQL, where transactions run
   * side by side), the unique index makes this insert fail once that one commits, and the caller
   * replays its answer instead.
   */
  async store(manager: EntityManager, claim: Claim, recordId: string, body: unknown): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(IdempotencyKey)
      .values({ ...claim, recordId, statusCode: 201, responseBody: JSON.stringify(body), createdAt: this.clock.now() })
      .updateEntity(false)
      .execute();
  }
}
