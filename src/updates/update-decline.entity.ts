import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Case } from '../cases/case.entity';

/**
 * The family asked not to be updated from `from` until `reviewDate`. Ending it early (the family
 * wants updates again) sets `endedOn`; the rules then read the review as falling on that day.
 */
@Entity('update_declines')
@Index('IDX_update_declines_case', ['caseId', 'from'])
export class UpdateDecline {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'caseId' })
  case?: Case;

  // "from" is an SQL keyword; the column gets a name that needs no quoting in hand-written SQL.
  @Column({ type: 'date', name: 'fromDate' })
  from: string;

  /** The review date agreed when the family declined. */
  @Column({ type: 'date' })
  reviewDate: string;

  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ type: 'varchar', length: 1000, default: '' })
  note: string;

  @Column({ type: Date })
  recordedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedByOfficerId: string | null;

  @Column({ type: Date, nullable: true })
  endedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  endedByOfficerId: string | null;
}

/** The review date the rules see: the day it was ended, if the family resumed updates early. */
export function effectiveReviewDate(decline: Pick<UpdateDecline, 'reviewDate' | 'endedOn'>): string {
  return decline.endedOn ?? decline.reviewDate;
}
