import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Officer } from '../officers/officer.entity';
import { Team } from '../officers/team.entity';
import { CaseStatus, ContactMethod, OffenceType, SuspectStatus } from './case-enums';
import { FamilyContact } from './family-contact.entity';

/** One family. Children are counted by age band, never named: the service needs nothing more. */
@Entity('cases')
@Index('IDX_cases_team_status', ['teamId', 'status'])
@Index('IDX_cases_liaison', ['liaisonOfficerId'])
@Index('IDX_cases_deputy', ['deputyOfficerId'])
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  reference: string;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: CaseStatus;

  @Column({ type: 'uuid' })
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teamId' })
  team?: Team;

  @Column({ type: 'uuid', nullable: true })
  liaisonOfficerId: string | null;

  @ManyToOne(() => Officer, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'liaisonOfficerId' })
  liaisonOfficer?: Officer | null;

  @Column({ type: 'uuid', nullable: true })
  deputyOfficerId: string | null;

  @ManyToOne(() => Officer, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deputyOfficerId' })
  deputyOfficer?: Officer | null;

  /** Set when the investigating officer is also an officer of this force's service (impartiality check). */
  @Column({ type: 'uuid', nullable: true })
  investigatingOfficerId: string | null;

  @Column({ type: 'varchar', length: 32 })
  offenceType: OffenceType;

  @Column({ type: 'varchar', length: 40 })
  suspectStatus: SuspectStatus;

  @Column({ type: 'date', nullable: true })
  plannedArrestDate: string | null;

  @Column({ type: 'date', nullable: true })
  arrestDate: string | null;

  @Column({ type: 'boolean', default: false })
  childrenAtHome: boolean;

  @Column({ type: 'integer', default: 0 })
  childrenUnder5: number;

  @Column({ type: 'integer', default: 0 })
  children5to11: number;

  @Column({ type: 'integer', default: 0 })
  children12to17: number;

  @Column({ type: 'boolean', default: false })
  partnerWorksWithChildren: boolean;

  @Column({ type: 'integer', default: 14 })
  updateFrequencyDays: number;

  @Column({ type: 'varchar', length: 8, default: 'phone' })
  contactMethod: ContactMethod;

  @Column({ type: 'varchar', length: 200, default: '' })
  contactTimes: string;

  @Column({ type: 'boolean', default: false })
  voicemailSafe: boolean;

  @Column({ type: 'boolean', default: false })
  textSafe: boolean;

  @Column({ type: 'varchar', length: 40, default: 'English' })
  preferredLanguage: string;

  @Column({ type: 'boolean', default: false })
  mediaInterest: boolean;

  @Column({ type: 'date', nullable: true })
  closedDate: string | null;

  /** Set when the case is closed (closedDate + the force's retentionReviewMonths), cleared when reopened. */
  @Column({ type: 'date', nullable: true })
  retentionReviewDate: string | null;

  /** When an admin erased the family's personal data after the review date. Such a case never changes again. */
  @Column({ type: Date, nullable: true })
  erasedAt: Date | null;

  @OneToMany(() => FamilyContact, (contact) => contact.case)
  familyContacts?: FamilyContact[];

  /** Optimistic lock: PATCH must send the version it read; a stale one is refused with 409. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
