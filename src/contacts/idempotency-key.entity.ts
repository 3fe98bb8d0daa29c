import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An Idempotency-Key an officer sent with a POST, the hash of the request it came with and the
 * answer given, written in the same transaction as the record it created. The unique index is
 * what makes concurrent duplicates collapse into one row. Kept for IDEMPOTENCY_KEY_LIFETIME_MS:
 * the stored answer is a copy of case data, wanted only while a client may still retry.
 */
@Entity('idempotency_keys')
@Index('UQ_idempotency_keys_officer_key', ['officerId', 'key'], { unique: true })
@Index('IDX_idempotency_keys_created', ['createdAt'])
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officerId: string;

  @Column({ type: 'varchar', length: 200 })
  key: string;

  /** SHA-256 of the route, the case and the canonical JSON body. */
  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 40 })
  recordType: string;

  @Column({ type: 'uuid', nullable: true })
  recordId: string | null;

  @Column({ type: 'integer', default: 201 })
  statusCode: number;

  /** The JSON body first answered, replayed verbatim. */
  @Column({ type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ type: Date })
  createdAt: Date;
}
