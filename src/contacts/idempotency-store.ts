import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
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

/** Idempotency keys, always read and written in the caller's transaction. */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly clock: Clock) {}

  find(manager: EntityManager, officerId: string, key: string): Promise<IdempotencyKey | null> {
    return manager.findOne(IdempotencyKey, { where: { officerId, key } });
  }

  /**
   * Takes the key for this transaction. On PostgreSQL a concurrent transaction inserting the same
   * key waits here on the unique index and fails once this one commits; on SQLite writes are
   * serialised, so a later one finds the key and gives up with KeyAlreadyUsed.
   */
  async claim(manager: EntityManager, claim: Claim): Promise<string> {
    if (await this.find(manager, claim.officerId, claim.key)) throw new KeyAlreadyUsed();
    const { identifiers } = await manager.insert(IdempotencyKey, {
      ...claim,
      recordId: null,
      statusCode: 201,
      responseBody: null,
      createdAt: this.clock.now(),
    });
    return identifiers[0].id as string;
  }

  async complete(manager: EntityManager, id: string, recordId: string, body: unknown): Promise<void> {
    await manager.update(IdempotencyKey, { id }, { recordId, responseBody: JSON.stringify(body) });
  }
}
