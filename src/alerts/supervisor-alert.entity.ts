import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Case } from '../cases/case.entity';
import { Officer } from '../officers/officer.entity';
import { Team } from '../officers/team.entity';
import { WellbeingCheck } from '../wellbeing/wellbeing-check.entity';

export const ALERT_KINDS = ['high_risk_wellbeing'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Something a supervisor of the case's team must look at and acknowledge. */
@Entity('supervisor_alerts')
@Index('IDX_supervisor_alerts_team_ack', ['teamId', 'acknowledgedAt', 'raisedAt'])
@Index('IDX_supervisor_alerts_case', ['caseId'])
export class SupervisorAlert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'caseId' })
  case?: Case;

  /** The case's team when the alert was raised. */
  @Column({ type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teamId' })
  team?: Team;

  @Column({ type: 'varchar', length: 24 })
  kind: AlertKind;

  @Column({ type: 'uuid', nullable: true })
  wellbeingCheckId: string | null;

  @ManyToOne(() => WellbeingCheck, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'wellbeingCheckId' })
  wellbeingCheck?: WellbeingCheck | null;

  @Column({ type: 'simple-json' })
  reasons: string[];

  @Column({ type: Date })
  raisedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  raisedByOfficerId: string | null;

  @Column({ type: Date, nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedByOfficerId: string | null;

  @ManyToOne(() => Officer, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'acknowledgedByOfficerId' })
  acknowledgedBy?: Officer | null;
}
