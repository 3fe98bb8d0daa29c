import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Officer } from '../../officers/officer.entity';

/**
 * An officer's secret calendar link (`/calendar/<token>.ics`). Only a hash of the token is stored,
 * so a copy of the database subscribes no one; revoking sets revokedAt and the link answers 404.
 */
@Entity('calendar_feeds')
@Index('IDX_calendar_feeds_officer', ['officerId'])
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officerId: string;

  @ManyToOne(() => Officer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'officerId' })
  officer?: Officer;

  /** SHA-256 of the token, hex. */
  @Index('UQ_calendar_feeds_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;
}
