import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Case } from '../cases/case.entity';
import { Officer } from '../officers/officer.entity';
import { RiskIndicator, RiskLevel } from '../rules';

export const WELLBEING_CONTEXTS = ['arrest_day', 'routine', 'milestone', 'crisis'] as const;
export type WellbeingContext = (typeof WELLBEING_CONTEXTS)[number];

/** A check on the partner's wellbeing. The risk level is derived from the answers, never typed in. */
@Entity('wellbeing_checks')
@Index('IDX_wellbeing_checks_case_occurred', ['caseId', 'occurredAt'])
@Index('IDX_wellbeing_checks_risk_occurred', ['riskLevel', 'occurredAt'])
export class WellbeingCheck {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'caseId' })
  case?: Case;

  @Column({ type: Date })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 12 })
  context: WellbeingContext;

  @Column({ type: 'integer' })
  distressLevel: number;

  @Column({ type: 'simple-json' })
  indicators: RiskIndicator[];

  @Column({ type: 'boolean' })
  trustedPersonPresent: boolean;

  /** Keys of the support directory (data/support-directory.json). */
  @Column({ type: 'simple-json' })
  referrals: string[];

  @Column({ type: 'varchar', length: 2000, default: '' })
  actions: string;

  @Column({ type: 'varchar', length: 8 })
  riskLevel: RiskLevel;

  /** The rows of the risk table that applied, in words, for the record and the supervisor. */
  @Column({ type: 'simple-json' })
  riskReasons: string[];

  @Column({ type: 'uuid' })
  officerId: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officerId' })
  officer?: Officer;

  @Column({ type: Date })
  recordedAt: Date;
}
