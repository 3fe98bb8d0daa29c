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

/** Every write with an Idempotency-Key looks it up first. */
const KEY_OF_OFFICER = new CompiledFind(IdempotencyKey, ['officerId', 'key'], { limit: 1 });

/** Idempotency keys, always read and written in the caller's transaction. */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly clock: Clock) {}

  find(manager: EntityManager, officerId: string, key: string): Promise<IdempotencyKey | null> {
    return KEY_OF_OFFICER.one(manager, officerId, key);
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
