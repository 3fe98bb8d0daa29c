import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { Officer } from '../officers/officer.entity';
import { Actor } from './actor';
import { AddressThrottle } from './address-throttle';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';
import { Session } from './session.entity';
import { CachedSignIn, SignInCache } from './sign-in-cache';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Failures from one address, over all usernames, before that address must wait. */
export const MAX_FAILURES_PER_ADDRESS = 30;

/** lastSeenAt is refreshed at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60 * 1000;
/**
 * A sign-in read from the database is used again for this long at most (SQLite only). Changes
 * made by this process clear it at once (signInsChanged); the bound is for anything else.
 */
const SIGN_IN_CACHE_MS = 5 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  officer: Officer;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(Officer) private readonly officers: Repository<Officer>,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  private readonly logger = new Logger('SignIn');
  private readonly failuresByAddress = new AddressThrottle(this.unitOfWork, MAX_FAILURES_PER_ADDRESS, (address) =>
    this.logger.warn(`Address ${JSON.stringify(address)} refused sign-in: it reached ${MAX_FAILURES_PER_ADDRESS} failed sign-ins in 15 minutes (counting those under way)`),
  );
  /** One sign-in attempt at a time per username in this process: see login. */
  private readonly attemptsByUsername = new KeyedQueue();
  /** On SQLite only: see SignInCache. */
  private readonly signIns = new SignInCache(this.unitOfWork.engine === 'sqlite' ? SIGN_IN_CACHE_MS : 0);

  /**
   * Checks the password and opens a session. Repeated failures lock the account for 15 minutes
   * (stored, so every instance sees it) and slow down an address that tries many usernames.
   * Both counts live in the database, so every instance sees them. Guesses sent all at once must
   * not each read a count before any failure is added to it: an address's attempts in flight count
   * against it (AddressThrottle), attempts at one username take turns in this process, and an
   * account's failure count is raised in SQL.
   */
  login(username: string, password: string, kind: 'api' | 'web' = 'api', address = 'unknown'): Promise<IssuedSession> {
    return this.failuresByAddress.attempt(
      address,
      this.clock.now(),
      tooManyAttempts,
      () => this.attemptsByUsername.run(username, () => this.attempt(username, password, kind, address)),
      (error) => error instanceof DomainError && error.code === 'unauthenticated',
    );
  }

  private async attempt(username: string, password: string, kind: 'api' | 'web', address: string): Promise<IssuedSession> {
    const now = this.clock.now();
    const officer = await this.officers
      .createQueryBuilder('officer')
      .addSelect(['officer.passwordHash', 'officer.failedLoginCount', 'officer.lockedUntil'])
      .where('officer.username = :username', { username })
      .getOne();
    if (officer?.lockedUntil && officer.lockedUntil.getTime() > now.getTime()) {
      throw tooManyAttempts(officer.lockedUntil.getTime() - now.getTime());
    }
    const passwordOk = await verifyPassword(password, officer?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!officer || !passwordOk || !officer.active) {
      if (officer && (await this.recordFailure(officer, now))) {
        this.logger.warn(`Account ${JSON.stringify(officer.username)} locked for 15 minutes after ${MAX_FAILED_LOGINS} failed sign-ins (the last from ${JSON.stringify(address)})`);
      }
      throw new DomainError('unauthenticated', 'Username or password is not right, or the account is not active');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
    await this.unitOfWork.write(async (manager) => {
      // Unless another instance locked the account meanwhile.
      const reset = await manager
        .createQueryBuilder()
        .update(Officer)
        .set({ failedLoginCount: 0, lockedUntil: null })
        .where('id = :id AND ("lockedUntil" IS NULL OR "lockedUntil" <= :now)', { id: officer.id, now })
        .execute();
      if (reset.affected === 0) throw tooManyAttempts(LOCKOUT_MS);
      await manager.insert(Session, {
        tokenHash: hashToken(token),
        officerId: officer.id,
        kind,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        revokedAt: null,
      });
    });
    delete (officer as Partial<Officer>).passwordHash;
    delete (officer as Partial<Officer>).failedLoginCount;
    delete (officer as Partial<Officer>).lockedUntil;
    return { token, expiresAt, officer };
  }

  /**
   * Counts the failure in the database (not from the count read earlier) and locks at the limit.
   * Resolves true when this failure locked the account.
   */
  private async recordFailure(officer: Officer, now: Date): Promise<boolean> {
    return this.unitOfWork.write(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(Officer)
        .set({ failedLoginCount: () => '"failedLoginCount" + 1' })
        .where('id = :id', { id: officer.id })
        .execute();
      const locked = await manager
        .createQueryBuilder()
        .update(Officer)
        .set({ failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) })
        .where('id = :id AND "failedLoginCount" >= :max', { id: officer.id, max: MAX_FAILED_LOGINS })
        .execute();
      return (locked.affected ?? 0) > 0;
    });
  }

  /** The actor behind a token, or an 'unauthenticated' error if it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Actor> {
    const tokenHash = hashToken(token);
    const signIn = this.signIns.get(tokenHash, this.clock.now().getTime()) ?? (await this.lookUp(tokenHash));
    const now = this.clock.now().getTime();
    if (now >= signIn.expiresAt || now - signIn.lastSeenAt > IDLE_TIMEOUT_MS) {
      throw new DomainError('unauthenticated', 'Sign in again: the session has ended or the token is not valid');
    }
    if (now - signIn.lastSeenAt > TOUCH_INTERVAL_MS) {
      await this.unitOfWork.write((manager) =>
        manager.update(Session, { id: signIn.actor.sessionId }, { lastSeenAt: new Date(now) }),
      );
      this.signIns.touched(tokenHash, now);
    }
    return { ...signIn.actor };
  }

  /**
   * One query for the session and its officer, on the read connection: it should neither add a
   * round trip nor queue on the connection the writes use. It sees committed data only, which is
   * all there is to see: sign-ins, sign-outs and deactivations are answered only once committed.
   */
  private async lookUp(tokenHash: string): Promise<CachedSignIn> {
    const begun = this.signIns.begin();
    const session = (await this.unitOfWork.reads
      .createQueryBuilder(Session, 's')
      .leftJoinAndMapOne('s.officer', Officer, 'o', 'o.id = s.officerId')
      .where('s.tokenHash = :tokenHash', { tokenHash })
      .getOne()) as (Session & { officer?: Officer | null }) | null;
    if (!session || session.revokedAt) {
      throw new DomainError('unauthenticated', 'Sign in again: the session has ended or the token is not valid');
    }
    const officer = session.officer;
    if (!officer || !officer.active) {
      throw new DomainError('unauthenticated', 'Sign in again: the account is not active');
    }
    const signIn: CachedSignIn = {
      actor: { id: officer.id, username: officer.username, name: officer.name, role: officer.role, teamId: officer.teamId, sessionId: session.id },
      expiresAt: session.expiresAt.getTime(),
      lastSeenAt: session.lastSeenAt.getTime(),
    };
    this.signIns.store(tokenHash, signIn, begun, this.clock.now().getTime());
    return signIn;
  }

  /**
   * Call once a change to sessions or officers has committed (a sign-out, an officer's role, team
   * or access changed): the next request reads them again.
   */
  signInsChanged(): void {
    this.signIns.forget();
  }

  async logout(actor: Actor): Promise<void> {
    await this.unitOfWork.write((manager) =>
      manager.update(Session, { id: actor.sessionId }, { revokedAt: this.clock.now() }),
    );
    this.signInsChanged();
  }

  /** Ends every session of an officer: used when an account is deactivated. */
  async revokeAllFor(manager: import('typeorm').EntityManager, officerId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: this.clock.now() })
      .where('officerId = :officerId AND revokedAt IS NULL', { officerId })
      .execute();
  }
}

function tooManyAttempts(waitMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new DomainError(
    'too_many_attempts',
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    [],
    { 'Retry-After': String(seconds) },
  );
}

/** Runs work for one key at a time, in the order it arrived; keys with nothing queued take no memory. */
class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
