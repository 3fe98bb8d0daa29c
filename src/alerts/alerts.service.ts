import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { Actor } from '../auth/actor';
import { CaseAccessService } from '../cases/case-access.service';
import { Case } from '../cases/case.entity';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { AlertView, toAlertView } from './alert-view';
import { AlertListQuery } from './dto/alert.dto';
import { SupervisorAlert } from './supervisor-alert.entity';

@Injectable()
export class AlertsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly caseAccess: CaseAccessService,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  /** The supervisor's team's alerts: waiting ones first, newest first. */
  list(actor: Actor, query: AlertListQuery): Promise<AlertView[]> {
    return this.unitOfWork.write(async (manager) => {
      const qb = manager
        .createQueryBuilder(SupervisorAlert, 'a')
        .innerJoin(Case, 'c', 'c.id = a.caseId')
        .addSelect('c.reference', 'reference')
        .where('a.teamId = :team', { team: actor.teamId ?? '' });
      if (query.acknowledged === 'false') qb.andWhere('a.acknowledgedAt IS NULL');
      if (query.acknowledged === 'true') qb.andWhere('a.acknowledgedAt IS NOT NULL');
      const { entities, raw } = await qb
        .orderBy('a.raisedAt', 'DESC')
        .addOrderBy('a.id', 'ASC')
        .getRawAndEntities<{ reference: string }>();
      await this.accessLog.record(manager, {
        actor,
        operation: 'consultation',
        recordType: 'alert_list',
        recordId: null,
        purpose: 'GET /api/alerts',
      });
      const views = entities.map((alert, index) => toAlertView(alert, raw[index].reference));
      // Stable: waiting alerts first, each group still newest first.
      return [...views.filter((a) => !a.acknowledged), ...views.filter((a) => a.acknowledged)];
    });
  }

  /** Records which supervisor saw the alert and when. Acknowledging again changes nothing. */
  async acknowledge(actor: Actor, alertId: string): Promise<AlertView> {
    const alert = await this.unitOfWork.write((manager) => manager.findOne(SupervisorAlert, { where: { id: alertId } }));
    if (!alert) throw DomainError.notFound('Alert');
    return this.caseAccess.withCase(
      actor,
      alert.caseId,
      { operation: 'alteration', recordType: 'supervisor_alert', recordId: alertId, purpose: 'POST /api/alerts/:id/acknowledge' },
      async (manager, kase) => {
        if (alert.teamId !== actor.teamId) throw DomainError.notFound('Alert');
        const current = await manager.findOneOrFail(SupervisorAlert, { where: { id: alertId } });
        if (current.acknowledgedAt === null) {
          await manager.update(SupervisorAlert, { id: alertId, acknowledgedAt: IsNull() }, {
            acknowledgedAt: this.clock.now(),
            acknowledgedByOfficerId: actor.id,
          });
        }
        return toAlertView(await manager.findOneOrFail(SupervisorAlert, { where: { id: alertId } }), kase.reference);
      },
    );
  }
}
