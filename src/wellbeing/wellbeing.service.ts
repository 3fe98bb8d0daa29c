import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { SupervisorAlert } from '../alerts/supervisor-alert.entity';
import { Actor } from '../auth/actor';
import { CaseAccessService } from '../cases/case-access.service';
import { Case } from '../cases/case.entity';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { assessRisk } from '../rules';
import { ScheduledUpdate } from '../updates/scheduled-update.entity';
import { lockCaseSchedule, UpdateScheduler } from '../updates/update-scheduler';
import { CreateWellbeingCheckDto } from './dto/wellbeing-check.dto';
import { ReferralDirectory } from './referral-directory';
import { WellbeingCheck } from './wellbeing-check.entity';
import { WellbeingCheckView, toWellbeingCheckView } from './wellbeing-view';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

@Injectable()
export class WellbeingService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly scheduler: UpdateScheduler,
    private readonly referrals: ReferralDirectory,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, caseId: string): Promise<WellbeingCheckView[]> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'consultation', recordType: 'wellbeing_check', purpose: 'GET /api/cases/:id/wellbeing-checks', readOnly: true },
      async (manager) => {
        const checks = await manager.find(WellbeingCheck, { where: { caseId }, order: { occurredAt: 'DESC', recordedAt: 'DESC' } });
        return this.views(manager, checks);
      },
    );
  }

  /**
   * Records a check with its derived risk level. In the same transaction: a high or medium risk
   * makes the family owed a follow-up (through the scheduler), and a high risk raises an alert for
   * the supervisors of the case's team.
   */
  create(actor: Actor, caseId: string, dto: CreateWellbeingCheckDto): Promise<WellbeingCheckView> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'collection', recordType: 'wellbeing_check', purpose: 'POST /api/cases/:id/wellbeing-checks' },
      async (manager, kase) => {
        await lockCaseSchedule(manager, caseId);
        this.check(kase, dto);
        const now = this.clock.now();
        const { level, matchedRules } = assessRisk({
          distressLevel: dto.distressLevel,
          indicators: dto.indicators,
          trustedPersonPresent: dto.trustedPersonPresent,
        });
        const riskReasons = matchedRules.map((rule) => `${rule.level}: ${rule.when}`);
        const { identifiers } = await manager.insert(WellbeingCheck, {
          caseId,
          occurredAt: new Date(dto.occurredAt),
          context: dto.context,
          distressLevel: dto.distressLevel,
          indicators: dto.indicators,
          trustedPersonPresent: dto.trustedPersonPresent,
          referrals: dto.referrals ?? [],
          actions: dto.actions ?? '',
          riskLevel: level,
          riskReasons,
          officerId: actor.id,
          recordedAt: now,
        });
        const check = await manager.findOneOrFail(WellbeingCheck, { where: { id: identifiers[0].id as string } });
        if (level === 'high') {
          await manager.insert(SupervisorAlert, {
            caseId,
            teamId: kase.teamId,
            kind: 'high_risk_wellbeing',
            wellbeingCheckId: check.id,
            reasons: riskReasons,
            raisedAt: now,
            raisedByOfficerId: actor.id,
            acknowledgedAt: null,
            acknowledgedByOfficerId: null,
          });
        }
        await this.scheduler.recompute(manager, caseId);
        const [view] = await this.views(manager, [check]);
        return view;
      },
    );
  }

  private check(kase: Case, dto: CreateWellbeingCheckDto): void {
    if (!kase.arrestDate) {
      throw new DomainError('conflict', 'Record the arrest before recording a wellbeing check: nothing is owed to the family before it', [
        { field: 'arrestDate', messages: ['the case has no arrest date yet'] },
      ]);
    }
    if (Date.parse(dto.occurredAt) > this.clock.now().getTime() + FUTURE_TOLERANCE_MS) {
      throw DomainError.invalidField('occurredAt', 'occurredAt must not be in the future');
    }
    const unknown = this.referrals.unknown(dto.referrals ?? []);
    if (unknown.length) {
      throw DomainError.invalidField('referrals', `referrals must be keys of the support directory; unknown: ${unknown.join(', ')}`);
    }
  }

  private async views(manager: EntityManager, checks: WellbeingCheck[]): Promise<WellbeingCheckView[]> {
    if (!checks.length) return [];
    const ids = checks.map((c) => c.id);
    const [followUps, alerts] = await Promise.all([
      manager.find(ScheduledUpdate, { where: { wellbeingCheckId: In(ids) } }),
      manager.find(SupervisorAlert, { where: { wellbeingCheckId: In(ids) } }),
    ]);
    return checks.map((check) =>
      toWellbeingCheckView(
        check,
        followUps.find((u) => u.wellbeingCheckId === check.id),
        alerts.find((a) => a.wellbeingCheckId === check.id)?.id ?? null,
      ),
    );
  }
}
