import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { Actor } from '../auth/actor';
import { CaseAccessService } from '../cases/case-access.service';
import { Case } from '../cases/case.entity';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { lockCaseSchedule, UpdateScheduler } from '../updates/update-scheduler';
import { CreateMilestoneDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { milestoneProblems } from './milestone-checks';
import { Milestone } from './milestone.entity';
import { MilestoneView, toMilestoneView } from './milestone-view';

@Injectable()
export class MilestonesService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly scheduler: UpdateScheduler,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, caseId: string): Promise<MilestoneView[]> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'consultation', recordType: 'milestone', purpose: 'GET /api/cases/:id/milestones', readOnly: true },
      async (manager) => {
        const rows = await manager.find(Milestone, { where: { caseId }, order: { recordedAt: 'ASC', id: 'ASC' } });
        return rows.map(toMilestoneView);
      },
    );
  }

  /** Records a milestone and recomputes the family's updates in the same transaction. */
  create(actor: Actor, caseId: string, dto: CreateMilestoneDto): Promise<MilestoneView> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'collection', recordType: 'milestone', purpose: 'POST /api/cases/:id/milestones' },
      async (manager, kase) => {
        await lockCaseSchedule(manager, caseId);
        const now = this.clock.now();
        const today = this.scheduler.today();
        const fields = {
          status: dto.status ?? (dto.doneDate ? 'done' : 'expected'),
          expectedDate: dto.expectedDate ?? null,
          doneDate: dto.doneDate ?? null,
        } as const;
        this.check(fields, today);
        const { identifiers } = await manager.insert(Milestone, {
          caseId,
          type: dto.type,
          ...fields,
          note: dto.note ?? '',
          recordedAt: now,
          dateChangedAt: null,
          updatedAt: now,
          recordedByOfficerId: actor.id,
        });
        const milestone = await manager.findOneOrFail(Milestone, { where: { id: identifiers[0].id as string } });
        await this.afterChange(manager, actor, kase, milestone);
        return toMilestoneView(milestone);
      },
    );
  }

  /** Progress, re-date or cancel. A change of date or status recomputes the updates in the same transaction. */
  update(actor: Actor, caseId: string, milestoneId: string, dto: UpdateMilestoneDto): Promise<MilestoneView> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'alteration', recordType: 'milestone', recordId: milestoneId, purpose: 'PATCH /api/cases/:id/milestones/:milestoneId' },
      async (manager, kase) => {
        await lockCaseSchedule(manager, caseId);
        const milestone = await manager.findOne(Milestone, { where: { id: milestoneId, caseId } });
        if (!milestone) throw DomainError.notFound('Milestone');
        const status = dto.status ?? (dto.doneDate ? 'done' : milestone.status);
        const merged = {
          status,
          expectedDate: dto.expectedDate !== undefined ? dto.expectedDate : milestone.expectedDate,
          // Moving a milestone out of done drops its done date unless one is sent (which is then refused).
          doneDate: dto.doneDate !== undefined ? dto.doneDate : status === 'done' ? milestone.doneDate : null,
        };
        this.check(merged, this.scheduler.today());
        const now = this.clock.now();
        const dateChanged = merged.expectedDate !== milestone.expectedDate || merged.doneDate !== milestone.doneDate;
        const changes: Partial<Milestone> = { ...merged, updatedAt: now };
        if (dto.note !== undefined) changes.note = dto.note;
        if (dateChanged) changes.dateChangedAt = now;
        await manager.update(Milestone, { id: milestoneId }, changes);
        const updated = await manager.findOneOrFail(Milestone, { where: { id: milestoneId } });
        await this.afterChange(manager, actor, kase, updated);
        return toMilestoneView(updated);
      },
    );
  }

  private check(milestone: Parameters<typeof milestoneProblems>[0], today: string): void {
    const problems = milestoneProblems(milestone, today);
    if (problems.length) throw new DomainError('invalid', `Invalid ${problems.map((p) => p.field).join(', ')}`, problems);
  }

  /**
   * An arrest recorded as done gives a case that had no arrest date its arrest date (and moves a
   * "not arrested" suspect to "in custody"), so a planned warrant becomes a live case without a
   * second call; a case that already has an arrest date keeps it (PATCH the case to correct it).
   * Then the family's updates are recomputed.
   */
  private async afterChange(manager: EntityManager, actor: Actor, kase: Case, milestone: Milestone): Promise<void> {
    if (milestone.type === 'arrest' && milestone.status === 'done' && milestone.doneDate && !kase.arrestDate) {
      await manager
        .createQueryBuilder()
        .update(Case)
        .set({
          arrestDate: milestone.doneDate,
          ...(kase.suspectStatus === 'not_arrested' ? { suspectStatus: 'in_custody' as const } : {}),
          version: () => 'version + 1',
          updatedAt: this.clock.now(),
        })
        .where('id = :id', { id: kase.id })
        .execute();
      await this.accessLog.record(manager, {
        actor,
        operation: 'alteration',
        recordType: 'case',
        recordId: kase.id,
        caseId: kase.id,
        purpose: 'arrest milestone recorded: case arrest date set',
      });
    }
    await this.scheduler.recompute(manager, kase.id);
  }
}
