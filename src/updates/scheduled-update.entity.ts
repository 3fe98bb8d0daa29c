import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Case } from '../cases/case.entity';
import { Contact } from '../contacts/contact.entity';
import { Milestone } from '../milestones/milestone.entity';
import { Officer } from '../officers/officer.entity';
import { Team } from '../officers/team.entity';
import { RiskLevel, UpdateReason, UpdateStatus } from '../rules';
import { WellbeingCheck } from '../wellbeing/wellbeing-check.entity';

/**
 * An update a family is owed, kept current by UpdateScheduler.recompute so that audits read
 * status with a query. `officerId` and `teamId` say who was responsible: they follow the case
 * while the update is open and are frozen once it is resolved (met, attempted, missed, declined).
 */
@Entity('scheduled_updates')
@Index('UQ_scheduled_updates_case_key', ['caseId', 'key'], { unique: true })
@Index('IDX_scheduled_updates_case_due', ['caseId', 'dueDate'])
@Index('IDX_scheduled_updates_team_due', ['teamId', 'dueDate'])
@Index('IDX_scheduled_updates_officer_due', ['officerId', 'dueDate'])
@Index('IDX_scheduled_updates_status_due', ['status', 'dueDate'])
@Index('IDX_scheduled_updates_wellbeing_check', ['wellbeingCheckId'])
@Index('IDX_scheduled_updates_team_report', ['teamId', 'dueDate', 'status', 'daysLate', 'officerId', 'id'])
export class ScheduledUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'caseId' })
  case?: Case;

  /** The rules' stable key of the obligation (docs/rules.md, "What a family is owed"). */
  @Column({ type: 'varchar', length: 80 })
  key: string;

  @Column({ type: 'varchar', length: 24 })
  reason: UpdateReason;

  @Column({ type: 'uuid', nullable: true })
  milestoneId: string | null;

  @ManyToOne(() => Milestone, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'milestoneId' })
  milestone?: Milestone | null;

  @Column({ type: 'uuid', nullable: true })
  wellbeingCheckId: string | null;

  @ManyToOne(() => WellbeingCheck, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'wellbeingCheckId' })
  wellbeingCheck?: WellbeingCheck | null;

  @Column({ type: 'date' })
  owedFrom: string;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 12 })
  status: UpdateStatus;

  @Column({ type: 'uuid', nullable: true })
  metByContactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'metByContactId' })
  metByContact?: Contact | null;

  @Column({ type: Date, nullable: true })
  metAt: Date | null;

  /**
   * Met: calendar days after the due date (0 on time). Attempted / missed: days overdue on the
   * day the case was last recomputed; a report should use (report date − dueDate) for those.
   */
  @Column({ type: 'integer', nullable: true })
  daysLate: number | null;

  /** Risk level of the wellbeing check behind a follow-up (orders the work list). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  riskLevel: RiskLevel | null;

  @Column({ type: 'uuid', nullable: true })
  officerId: string | null;

  @ManyToOne(() => Officer, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'officerId' })
  officer?: Officer | null;

  @Column({ type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teamId' })
  team?: Team;

  @Column({ type: Date })
  createdAt: Date;

  /** When any stored field last changed (status, due date, responsible officer…). */
  @Column({ type: Date })
  updatedAt: Date;
}
