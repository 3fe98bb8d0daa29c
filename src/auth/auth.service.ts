import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { Officer } from '../officers/officer.entity';
import { Actor } from './actor';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';
import { Session } from './session.entity';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60 * 1000;

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
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async login(username: string, password: string, kind: 'api' | 'web' = 'api'): Promise<IssuedSession> {
    const officer = await this.officers
      .createQueryBuilder('officer')
      .addSelect('officer.passwordHash')
      .where('officer.username = :username', { username })
      .getOne();
    const passwordOk = await verifyPassword(password, officer?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!officer || !passwordOk || !officer.active) {
      throw new DomainError('unauthenticated', 'Username or password is not right, or the account is not active');
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
    await this.unitOfWork.write((manager) =>
      manager.insert(Session, {
        tokenHash: hashToken(token),
        officerId: officer.id,
        kind,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        revokedAt: null,
      }),
    );
    delete (officer as Partial<Officer>).passwordHash;
    return { token, expiresAt, officer };
  }

  /** The actor behind a token, or an 'unauthenticated' error if it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Actor> {
    const session = await this.sessions.findOne({ where: { tokenHash: hashToken(token) } });
    const now = this.clock.now().getTime();
    if (
      !session ||
      session.revokedAt ||
      now >= session.expiresAt.getTime() ||
      now - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS
    ) {
      throw new DomainError('unauthenticated', 'Sign in again: the session has ended or the token is not valid');
    }
    const officer = await this.officers.findOne({ where: { id: session.officerId } });
    if (!officer || !officer.active) {
      throw new DomainError('unauthenticated', 'Sign in again: the account is not active');
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.unitOfWork.write((manager) =>
        manager.update(Session, { id: session.id }, { lastSeenAt: new Date(now) }),
      );
    }
    return {
      id: officer.id,
      username: officer.username,
      name: officer.name,
      role: officer.role,
      teamId: officer.teamId,
      sessionId: session.id,
    };
  }

  async logout(actor: Actor): Promise<void> {
    await this.unitOfWork.write((manager) =>
      manager.update(Session, { id: actor.sessionId }, { revokedAt: this.clock.now() }),
    );
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
