import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The kinds of processing the Data Protection Act 2018 s.62 requires a log of. */
export const ACCESS_OPERATIONS = [
  'collection',
  'alteration',
  'consultation',
  'disclosure',
  'combination',
  'erasure',
] as const;
export type AccessOperation = (typeof ACCESS_OPERATIONS)[number];
export type AccessOutcome = 'allowed' | 'refused';

/**
 * Append-only. No code path updates or deletes a row; each row carries a hash over itself and the
 * previous row's hash so that an altered or removed row is detectable.
 */
@Entity('access_log')
@Index('IDX_access_log_case', ['caseId', 'id'])
@Index('IDX_access_log_officer', ['officerId', 'id'])
@Index('IDX_access_log_at', ['at'])
export class AccessLogEntry {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: Date })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  officerId: string | null;

  /** Kept as text so the entry still says who it was if the account is later renamed. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 16 })
  operation: AccessOperation;

  @Column({ type: 'varchar', length: 8 })
  outcome: AccessOutcome;

  @Column({ type: 'varchar', length: 40 })
  recordType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  recordId: string | null;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  /** Why: the route or job that did it. */
  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
