import { Injectable } from '@nestjs/common';
import { Brackets, In } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { Actor } from '../auth/actor';
import { Case } from '../cases/case.entity';
import { DomainError } from '../common/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { RiskLevel, UpdateReason, UpdateStatus, addCalendarDays, summariseWork } from '../rules';
import { ScheduledUpdate } from '../updates/scheduled-update.entity';
import { UpdateRefresher } from '../updates/update-refresher';
import { UpdateScheduler } from '../updates/update-scheduler';

export interface WorkItemView {
  updateId: string;
  key: string;
  caseId: string;
  reference: string;
  /** Whether the actor is the case's liaison officer or its deputy. */
  role: 'liaison' | 'deputy';
  dueDate: string;
  owedFrom: string;
  reason: UpdateReason;
  status: UpdateStatus;
  riskLevel: RiskLevel | null;
  milestoneId: string | null;
  wellbeingCheckId: string | null;
  daysLate: number | null;
}

export interface WorkListView {
  today: string;
  overdue: WorkItemView[];
  dueToday: WorkItemView[];
  next7Days: WorkItemView[];
}

const OUTSTANDING: UpdateStatus[] = ['open', 'attempted', 'missed'];

@Injectable()
export class WorkService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly scheduler: UpdateScheduler,
    private readonly refresher: UpdateRefresher,
    private readonly accessLog: AccessLogService,
  ) {}

  /**
   * What is overdue, due today and due in the next 7 days on the open cases the actor is liaison
   * officer or deputy for, most urgent first (summariseWork: high-risk follow-ups first).
   */
  async forActor(actor: Actor): Promise<WorkListView> {
    if (actor.role === 'admin') throw new DomainError('forbidden', 'Admins manage accounts, not case contents');
    const today = this.scheduler.today();
    // Statuses normally come fresh from the refresh job; a case it has not reached yet today is refreshed first.
    const stale = await this.unitOfWork.write((manager) =>
      manager
        .createQueryBuilder(ScheduledUpdate, 'u')
        .innerJoin(Case, 'c', 'c.id = u.caseId')
        .select('u.caseId', 'caseId')
        .distinct(true)
        .where(new Brackets((qb) => qb.where('c.liaisonOfficerId = :me').orWhere('c.deputyOfficerId = :me')))
        .andWhere('c.status = :open AND u.status = :open AND u.dueDate < :today')
        .setParameters({ me: actor.id, open: 'open', today })
        .getRawMany<{ caseId: string }>(),
    );
    for (const { caseId } of stale) await this.refresher.refreshCase(caseId, 'refresh of update statuses for a work list');

    return this.unitOfWork.write(async (manager) => {
      const cases = await manager
        .createQueryBuilder(Case, 'c')
        .where(new Brackets((qb) => qb.where('c.liaisonOfficerId = :me').orWhere('c.deputyOfficerId = :me')))
        .andWhere('c.status = :open')
        .setParameters({ me: actor.id, open: 'open' })
        .getMany();
      const byId = new Map(cases.map((c) => [c.id, c]));
      const rows = cases.length
        ? await manager.find(ScheduledUpdate, {
            where: { caseId: In([...byId.keys()]), status: In(OUTSTANDING) },
          })
        : [];
      const weekAhead = addCalendarDays(today, 7);
      const items = rows
        .filter((row) => row.dueDate <= weekAhead)
        .map((row): WorkItemView => {
          const kase = byId.get(row.caseId)!;
          return {
            updateId: row.id,
            key: row.key,
            caseId: row.caseId,
            reference: kase.reference,
            role: kase.liaisonOfficerId === actor.id ? 'liaison' : 'deputy',
            dueDate: row.dueDate,
            owedFrom: row.owedFrom,
            reason: row.reason,
            status: row.status,
            riskLevel: row.riskLevel,
            milestoneId: row.milestoneId,
            wellbeingCheckId: row.wellbeingCheckId,
            daysLate: row.daysLate,
          };
        });
      await this.accessLog.record(manager, {
        actor,
        operation: 'consultation',
        recordType: 'work_list',
        recordId: null,
        purpose: 'GET /api/me/work',
      });
      return { today, ...summariseWork(items, today) };
    });
  }
}
