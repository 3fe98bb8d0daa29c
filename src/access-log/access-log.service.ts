import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { GroupBatch, UnitOfWork } from '../database/unit-of-work';
import { AccessLogEntry, AccessOperation, AccessOutcome } from './access-log-entry.entity';

export const GENESIS_HASH = '0'.repeat(64);
const CHAIN_LOCK_KEY = 727_274_002;

export interface AccessRecord {
  actor: Pick<Actor, 'id' | 'username'> | null;
  operation: AccessOperation;
  outcome?: AccessOutcome;
  recordType: string;
  recordId?: string | null;
  caseId?: string | null;
  purpose: string;
}

type ChainedFields = Omit<AccessLogEntry, 'id' | 'hash'>;
type UnchainedFields = Omit<ChainedFields, 'prevHash'>;

/** SQLite allows 999 bound values a statement; an entry has 11. */
const INSERT_CHUNK = 80;

/** The hash that links an entry to the one before it. Any change to a field, or a removed row, breaks the chain. */
export function chainHash(entry: ChainedFields): string {
  const canonical = JSON.stringify([
    entry.at.toISOString(),
    entry.officerId,
    entry.username,
    entry.operation,
    entry.outcome,
    entry.recordType,
    entry.recordId,
    entry.caseId,
    entry.purpose,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Writes the Data Protection Act s.62 log. Always called with the manager of the transaction that
 * does the work it records, so the entry and the change commit or fail together. Insert only.
 */
@Injectable()
export class AccessLogService implements GroupBatch<UnchainedFields> {
  constructor(
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async record(manager: EntityManager, record: AccessRecord): Promise<void> {
    const fields = this.fields(record);
    // On SQLite the entries of a whole commit group are chained and inserted together (flush).
    if (this.unitOfWork.defer(manager, this, fields)) return;
    if (manager.connection.options.type === 'postgres') {
      // Entries are chained, so they must be appended one at a time across all instances.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    }
    await this.flush(manager, [fields]);
  }

  private fields(record: AccessRecord): UnchainedFields {
    return {
      at: this.clock.now(),
      officerId: record.actor?.id ?? null,
      username: record.actor?.username ?? null,
      operation: record.operation,
      outcome: record.outcome ?? 'allowed',
      recordType: record.recordType,
      recordId: record.recordId ?? null,
      caseId: record.caseId ?? null,
      purpose: record.purpose.slice(0, 200),
    };
  }

  /**
   * Records an access that happened outside any write (a read on UnitOfWork.reads) and answers
   * once the entry is committed: on SQLite it joins the next commit group's batch.
   */
  recordCommitted(record: AccessRecord): Promise<void> {
    if (this.unitOfWork.engine === 'sqlite') return this.unitOfWork.commitDeferred(this, this.fields(record));
    return this.unitOfWork.write((manager) => this.record(manager, record));
  }

  /**
   * Chains `entries` onto the newest entry, in order, and inserts them. Outside a transaction
   * (UnitOfWork.commitDeferredOnly) entries that need more than one INSERT get a transaction of
   * their own, so they are all stored or none.
   */
  async flush(manager: EntityManager, entries: UnchainedFields[]): Promise<void> {
    if (entries.length > INSERT_CHUNK && !manager.queryRunner?.isTransactionActive) {
      return manager.transaction((inTransaction) => this.flush(inTransaction, entries));
    }
    // Plain SQL: the chain head is read on every request that touches a case, and the query
    // builder cost more than the (primary-key) lookup itself.
    const [last] = (await manager.query('SELECT "hash" FROM "access_log" ORDER BY "id" DESC LIMIT 1')) as { hash: string }[];
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = entries.map((entry) => {
      const chained: ChainedFields = { ...entry, prevHash };
      prevHash = chainHash(chained);
      return { ...chained, hash: prevHash };
    });
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await manager.createQueryBuilder().insert().into(AccessLogEntry).values(rows.slice(start, start + INSERT_CHUNK)).updateEntity(false).execute();
    }
  }
}
