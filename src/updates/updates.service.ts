import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { Actor } from '../auth/actor';
import { CaseAccessService } from '../cases/case-access.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { UPDATE_REASONS, addCalendarDays } from '../rules';
import { CreateDeclineDto } from './dto/decline.dto';
import { ScheduledUpdate } from './scheduled-update.entity';
import { UpdateDecline, effectiveReviewDate } from './update-decline.entity';
import { lockCaseSchedule, UpdateScheduler } from './update-scheduler';
import { CaseUpdatesView, DeclineView, toDeclineView, toScheduledUpdateView } from './update-views';

/** A family's decision is reviewed at least once a year. */
const LONGEST_DECLINE_DAYS = 366;

@Injectable()
export class UpdatesService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly scheduler: UpdateScheduler,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  /** The case's scheduled updates with their status as of today, and the family's declines. */
  list(actor: Actor, caseId: string): Promise<CaseUpdatesView> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'consultation', recordType: 'scheduled_update', purpose: 'GET /api/cases/:id/updates' },
      async (manager) => {
        // Normally a no-op: the refresh job keeps statuses current, this covers the minutes in between.
        const refreshed = await this.scheduler.recompute(manager, caseId);
        if (refreshed.inserted + refreshed.updated + refreshed.deleted > 0) {
          await this.accessLog.record(manager, {
            actor: null,
            operation: 'alteration',
            recordType: 'scheduled_update',
            recordId: null,
            caseId,
            purpose: 'refresh of update statuses on read',
          });
        }
        return this.view(manager, caseId);
      },
    );
  }

  /** Records that the family declined updates until a review date; recomputes in the same transaction. */
  decline(actor: Actor, caseId: string, dto: CreateDeclineDto): Promise<DeclineView> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'collection', recordType: 'update_decline', purpose: 'POST /api/cases/:id/declines' },
      async (manager, kase) => {
        await lockCaseSchedule(manager, caseId);
        const today = this.scheduler.today();
        if (!kase.arrestDate) {
          throw new DomainError('conflict', 'Nothing is owed to the family before the arrest, so there is nothing to decline yet', [
            { field: 'arrestDate', messages: ['the case has no arrest date yet'] },
          ]);
        }
        if (dto.reviewDate <= dto.from) throw DomainError.invalidField('reviewDate', 'reviewDate must be after from');
        if (dto.reviewDate > addCalendarDays(dto.from, LONGEST_DECLINE_DAYS)) {
          throw DomainError.invalidField('reviewDate', `reviewDate must be within ${LONGEST_DECLINE_DAYS} days of from: review the family's decision at least yearly`);
        }
        const current = (await manager.find(UpdateDecline, { where: { caseId } })).find((d) => effectiveReviewDate(d) > today);
        if (current) {
          throw new DomainError('conflict', 'The family already has a decline running: end it first', [
            { field: 'from', messages: [`decline ${current.id} runs until ${effectiveReviewDate(current)}`] },
          ]);
        }
        const { identifiers } = await manager.insert(UpdateDecline, {
          caseId,
          from: dto.from,
          reviewDate: dto.reviewDate,
          endedOn: null,
          note: dto.note ?? '',
          recordedAt: this.clock.now(),
          recordedByOfficerId: actor.id,
          endedAt: null,
          endedByOfficerId: null,
        });
        await this.scheduler.recompute(manager, caseId);
        return toDeclineView(await manager.findOneOrFail(UpdateDecline, { where: { id: identifiers[0].id as string } }), today);
      },
    );
  }

  /** The family wants updates again: the decline ends today and its review update falls due today. */
  endDecline(actor: Actor, caseId: string, declineId: string): Promise<DeclineView> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'alteration', recordType: 'update_decline', recordId: declineId, purpose: 'POST /api/cases/:id/declines/:declineId/end' },
      async (manager) => {
        await lockCaseSchedule(manager, caseId);
        const today = this.scheduler.today();
        const decline = await manager.findOne(UpdateDecline, { where: { id: declineId, caseId } });
        if (!decline) throw DomainError.notFound('Decline');
        if (effectiveReviewDate(decline) <= today) {
          throw new DomainError('conflict', `This decline already ended on ${effectiveReviewDate(decline)}`, [
            { field: 'declineId', messages: ['has already ended'] },
          ]);
        }
        await manager.update(UpdateDecline, { id: declineId }, { endedOn: today, endedAt: this.clock.now(), endedByOfficerId: actor.id });
        await this.scheduler.recompute(manager, caseId);
        return toDeclineView(await manager.findOneOrFail(UpdateDecline, { where: { id: declineId } }), today);
      },
    );
  }

  private async view(manager: EntityManager, caseId: string): Promise<CaseUpdatesView> {
    const today = this.scheduler.today();
    const [rows, declines] = await Promise.all([
      manager.find(ScheduledUpdate, { where: { caseId } }),
      manager.find(UpdateDecline, { where: { caseId }, order: { from: 'ASC', recordedAt: 'ASC' } }),
    ]);
    rows.sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) ||
        UPDATE_REASONS.indexOf(a.reason) - UPDATE_REASONS.indexOf(b.reason) ||
        a.key.localeCompare(b.key),
    );
    return { caseId, today, updates: rows.map(toScheduledUpdateView), declines: declines.map((d) => toDeclineView(d, today)) };
  }
}
