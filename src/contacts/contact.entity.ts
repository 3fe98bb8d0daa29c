import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Case } from '../cases/case.entity';
import { FamilyContact } from '../cases/family-contact.entity';
import { Officer } from '../officers/officer.entity';
import { ContactMethod, ContactOutcome } from '../rules';

/**
 * One entry of the contact log. Never edited in place: a correction is a new entry whose
 * correctsContactId names the one it replaces, and only the latest of a chain counts in the rules.
 */
@Entity('contacts')
@Index('IDX_contacts_case_occurred', ['caseId', 'occurredAt'])
@Index('IDX_contacts_officer_occurred', ['officerId', 'occurredAt'])
// At most one correction per entry: to correct a correction, correct the newer entry.
@Index('UQ_contacts_corrects', ['correctsContactId'], { unique: true })
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'caseId' })
  case?: Case;

  @Column({ type: Date })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 8 })
  method: ContactMethod;

  @Column({ type: 'varchar', length: 16 })
  outcome: ContactOutcome;

  @Column({ type: 'varchar', length: 2000 })
  summary: string;

  @Column({ type: 'simple-json' })
  topicsCovered: string[];

  @Column({ type: 'uuid', nullable: true })
  familyContactId: string | null;

  @ManyToOne(() => FamilyContact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'familyContactId' })
  familyContact?: FamilyContact | null;

  /** The officer who made the contact (the one who logged it). */
  @Column({ type: 'uuid' })
  officerId: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officerId' })
  officer?: Officer;

  @Column({ type: 'uuid', nullable: true })
  correctsContactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'correctsContactId' })
  corrects?: Contact | null;

  @Column({ type: Date })
  recordedAt: Date;
}
