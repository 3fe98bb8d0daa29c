import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in session. Only a hash of the bearer token is stored, so a copy of the database signs no one in. */
@Entity('sessions')
@Index('IDX_sessions_officer', ['officerId'])
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ type: 'uuid' })
  officerId: string;

  /** 'api' for bearer tokens, 'web' for the browser's cookie session. */
  @Column({ type: 'varchar', length: 8, default: 'api' })
  kind: string;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  lastSeenAt: Date;

  @Column({ type: Date })
  expiresAt: Date;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;
}
