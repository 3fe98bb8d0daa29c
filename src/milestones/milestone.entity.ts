import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Case } from '../cases/case.entity';
import { MilestoneStatus, MilestoneType } from '../rules';

/** One step of the investigation. Never deleted: a milestone that will not happen is cancelled. */
@Entity('milestones')
@Index('IDX_milestones_case', ['caseId', 'recordedAt'])
export class Milestone {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'caseId' })
  case?: Case;

  @Column({ type: 'varchar', length: 32 })
  type: MilestoneType;

  @Column({ type: 'varchar', length: 12 })
  status: MilestoneStatus;

  @Column({ type: 'date', nullable: true })
  expectedDate: string | null;

  @Column({ type: 'date', nullable: true })
  doneDate: string | null;

  /** Family-facing: written to be read out or shown to the family. */
  @Column({ type: 'varchar', length: 1000, default: '' })
  note: string;

  @Column({ type: Date })
  recordedAt: Date;

  /** When expectedDate or doneDate last changed; null if never since it was recorded (the rules need it). */
  @Column({ type: Date, nullable: true })
  dateChangedAt: Date | null;

  @Column({ type: Date })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedByOfficerId: string | null;
}
