import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Case } from '../cases/case.entity';

export type HandbookFormat = 'pdf' | 'html';

/** One print (or on-screen view) of a family's handbook: a disclosure of case data, kept on the case. */
@Entity('handbook_issues')
@Index('IDX_handbook_issues_case', ['caseId', 'printedAt'])
export class HandbookIssue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'caseId' })
  case?: Case;

  /** Null when printed from the command line. */
  @Column({ type: 'uuid', nullable: true })
  officerId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  printedBy: string | null;

  @Column({ type: Date })
  printedAt: Date;

  /** sha256 of the exact HTML printed. */
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 8 })
  format: HandbookFormat;

  @Column({ type: 'simple-json' })
  options: { largePrint: boolean };
}
