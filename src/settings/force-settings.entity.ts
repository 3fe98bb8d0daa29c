import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RuleSettings } from '../rules';

/** The force's service standards: one row, id `force`. Absent until an admin first changes a setting. */
@Entity('force_settings')
export class ForceSettings {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id: string;

  /** A full RuleSettings object; read merged over DEFAULT_RULE_SETTINGS so settings added later get their default. */
  @Column({ type: 'simple-json' })
  settings: RuleSettings;

  /** See RetentionSettings: kept apart from the rules' settings, on the same record. */
  @Column({ type: 'integer', default: 24 })
  retentionReviewMonths: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: Date })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedByOfficerId: string | null;
}
