import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed sign-in from an address, kept for the throttle's window (AuthService): in the
 * database, so that every instance behind a load balancer counts the same failures. Holds no
 * username and no password, only where and when.
 */
@Entity('sign_in_failures')
@Index('IDX_sign_in_failures_address_time', ['address', 'failedAt'])
@Index('IDX_sign_in_failures_time', ['failedAt'])
export class SignInFailure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The client's address as Express sees it (see TRUST_PROXY). */
  @Column({ type: 'varchar', length: 64 })
  address: string;

  @Column({ type: Date })
  failedAt: Date;
}
