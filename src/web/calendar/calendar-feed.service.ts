import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Brackets, EntityManager, IsNull } from 'typeorm';
import { AccessLogService } from '../../access-log/access-log.service';
import { Actor } from '../../auth/actor';
import { Case } from '../../cases/case.entity';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { UnitOfWork } from '../../database/unit-of-work';
import { Officer } from '../../officers/officer.entity';
import { addCalendarDays, UpdateReason, UpdateStatus } from '../../rules';
import { ScheduledUpdate } from '../../updates/scheduled-update.entity';
import { UpdateScheduler } from '../../updates/update-scheduler';
import { formatDate, UPDATE_REASON_LABELS } from '../labels';
import { AllDayEvent, toICalendar } from './icalendar';
import { CalendarFeed } from './calendar-feed.entity';

const OUTSTANDING: UpdateStatus[] = ['open', 'attempted', 'missed'];
/** Overdue updates stay in the feed for eight weeks; after that they are the supervisor's business. */
const OVERDUE_DAYS_SHOWN = 56;
export const FEED_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface FeedRow {
  id: string;
  dueDate: string;
  reason: UpdateReason;
  reference: string;
}

/**
 * Each officer's due updates as an iCalendar feed at a secret, revocable address. The token is
 * random (256 bits) and only its hash is stored. The feed names the case by its force reference
 * and says why the update is owed: never a family's name or anything they said.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accessLog: AccessLogService,
    private readonly scheduler: UpdateScheduler,
    private readonly clock: Clock,
  ) {}

  current(actor: Actor): Promise<CalendarFeed | null> {
    return this.unitOfWork.write((manager) => manager.findOne(CalendarFeed, { where: { officerId: actor.id, revokedAt: IsNull() } }));
  }

  /** A new link; any earlier one stops working in the same transaction. The token is returned once and never stored. */
  create(actor: Actor): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    return this.unitOfWork.write(async (manager) => {
      const now = this.clock.now();
      await this.revokeIn(manager, actor, now);
      const { identifiers } = await manager.insert(CalendarFeed, { officerId: actor.id, tokenHash: tokenHash(token), createdAt: now, lastUsedAt: null, revokedAt: null });
      await this.accessLog.record(manager, {
        actor,
        operation: 'collection',
        recordType: 'calendar_feed',
        recordId: identifiers[0].id as string,
        purpose: 'POST /calendar: calendar link created',
      });
      return token;
    });
  }

  revoke(actor: Actor): Promise<boolean> {
    return this.unitOfWork.write((manager) => this.revokeIn(manager, actor, this.clock.now()));
  }

  /** The feed for a token, or 404 for a token that is unknown, revoked, or of an officer no longer active. */
  feed(token: string): Promise<string> {
    return this.unitOfWork.write(async (manager) => {
      const feed = FEED_TOKEN_SHAPE.test(token) ? await manager.findOne(CalendarFeed, { where: { tokenHash: tokenHash(token), revokedAt: IsNull() } }) : null;
      const officer = feed ? await manager.findOne(Officer, { where: { id: feed.officerId } }) : null;
      if (!feed || !officer || !officer.active || officer.role === 'admin') throw DomainError.notFound('Calendar');
      const today = this.scheduler.today();
      const { entities, raw } = await manager
        .createQueryBuilder(ScheduledUpdate, 'u')
        .innerJoin(Case, 'c', 'c.id = u.caseId')
        .addSelect('c.reference', 'reference')
        .where(new Brackets((qb) => qb.where('c.liaisonOfficerId = :me').orWhere('c.deputyOfficerId = :me')))
        .andWhere('c.status = :open')
        .andWhere('u.status IN (:...outstanding)')
        .andWhere('u.dueDate >= :since')
        .setParameters({ me: officer.id, open: 'open', outstanding: OUTSTANDING, since: addCalendarDays(today, -OVERDUE_DAYS_SHOWN) })
        .orderBy('u.dueDate', 'ASC')
        .addOrderBy('c.reference', 'ASC')
        .getRawAndEntities<{ reference: string }>();
      const rows: FeedRow[] = entities.map((update, index) => ({ id: update.id, dueDate: update.dueDate, reason: update.reason, reference: raw[index].reference }));
      const now = this.clock.now();
      await manager.update(CalendarFeed, { id: feed.id }, { lastUsedAt: now });
      await this.accessLog.record(manager, {
        actor: { id: officer.id, username: officer.username },
        operation: 'disclosure',
        recordType: 'calendar_feed',
        recordId: feed.id,
        purpose: `GET /calendar/:token.ics (${rows.length} updates due)`,
      });
      return toICalendar({
        productId: '-//Family liaison//Updates due//EN',
        name: 'Family liaison: updates due',
        stamp: now,
        events: rows.map((row) => feedEvent(row, today)),
      });
    });
  }

  private async revokeIn(manager: EntityManager, actor: Actor, now: Date): Promise<boolean> {
    const result = await manager.update(CalendarFeed, { officerId: actor.id, revokedAt: IsNull() }, { revokedAt: now });
    return (result.affected ?? 0) > 0;
  }
}

/** One update as an all-day event on its due date: the case reference and the reason, nothing about the family. */
export function feedEvent(row: FeedRow, today: string): AllDayEvent {
  const reason = UPDATE_REASON_LABELS[row.reason];
  const overdue = row.dueDate < today;
  return {
    uid: `${row.id}@family-liaison`,
    date: row.dueDate,
    summary: `${overdue ? 'Overdue: ' : ''}family update due, ${row.reference}`,
    description: `Case ${row.reference}. ${reason}.${overdue ? ` It was due on ${formatDate(row.dueDate)}.` : ''} Log the contact in the Family liaison service.`,
    categories: ['Family liaison'],
  };
}
