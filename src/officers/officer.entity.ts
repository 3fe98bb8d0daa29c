import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Team } from './team.entity';

export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('officers')
@Index('IDX_officers_team', ['teamId'])
export class Officer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  collarNumber: string;

  @Column({ type: 'varchar', length: 40 })
  workPhone: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teamId' })
  team?: Team;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  /** Failed sign-ins since the last success; at the limit the account is locked for a while. */
  @Column({ type: 'integer', default: 0, select: false })
  failedLoginCount: number;

  @Column({ type: Date, nullable: true, select: false })
  lockedUntil: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
