import { londonDate } from '../rules';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { SupervisorAlert } from '../alerts/supervisor-alert.entity';
import { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Contact } from '../contacts/contact.entity';
import { IdempotencyKey } from '../contacts/idempotency-key.entity';
import { UnitOfWork } from '../database/unit-of-work';
import { Milestone } from '../milestones/milestone.entity';
import { SettingsService } from '../settings/settings.service';
import { lockCaseSchedule } from '../updates/update-scheduler';
import { UpdateDecline } from '../updates/update-decline.entity';
import { WellbeingCheck } from '../wellbeing/wellbeing-check.entity';
import { Case } from './case.entity';
import { FamilyContact } from './family-contact.entity';
import { retentionReviewDate } from './retention';

export interface ErasureView {
  id: string;
  /** The non-identifying token that replaced the force reference. */
  reference: string;
  erasedAt: Date;
  retentionReviewDate: string;
  /** How many records lost their personal data, by kind (counts only). */
  erased: Record<string, number>;
}

/**
 * Erases a closed case's personal data once its retention review date has come (docs: README,
 * "Retention"). What identifies or describes the family goes: the force reference (replaced by a
 * random token), family contacts, contact preferences and language, the household, every free
 * text (contact summaries and topics, wellbeing actions, referrals, indicators and reasons, alert
 * reasons, milestone and decline notes) and the idempotency keys' stored answers. What the audit
 * counts stays, unchanged: the scheduled updates with their status and dates, and the bare facts
 * they were worked out from (contact dates, methods and outcomes, milestone types and dates,
 * wellbeing risk levels, decline dates, arrest and closure dates), so a recompute finds the same
 * schedule. The erasure itself is logged with metadata only.
 */
@Injectable()
export class CaseErasureService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accessLog: AccessLogService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  erase(actor: Actor, caseId: string): Promise<ErasureView> {
    return this.unitOfWork.write(async (manager) => {
      await lockCaseSchedule(manager, caseId);
      const kase = await manager.findOne(Case, { where: { id: caseId } });
      if (!kase) throw DomainError.notFound('Case');
      if (kase.erasedAt) {
        throw new DomainError('conflict', `This case's personal data was already erased on ${kase.erasedAt.toISOString().slice(0, 10)}`);
      }
      if (kase.status !== 'closed' || !kase.closedDate) {
        throw new DomainError('conflict', 'This case is open: only a closed case past its retention review date can be erased', [
          { field: 'status', messages: ['is open'] },
        ]);
      }
      // Cases closed before review dates were recorded get theirs from today's setting.
      const reviewDate = kase.retentionReviewDate ?? retentionReviewDate(kase.closedDate, (await this.settings.retention(manager)).retentionReviewMonths);
      const today = londonDate(this.clock.now());
      if (today < reviewDate) {
        throw new DomainError('conflict', `This case is kept until its retention review date, ${reviewDate}: it can be erased from that day`, [
          { field: 'retentionReviewDate', messages: [`is ${reviewDate}`] },
        ]);
      }
      const erasedAt = this.clock.now();
      const reference = `ERASED-${randomBytes(8).toString('hex')}`;
      const erased = await this.erasePersonalData(manager, caseId);
      await manager.update(
        Case,
        { id: caseId },
        {
          reference,
          contactMethod: 'phone',
          contactTimes: '',
          voicemailSafe: false,
          textSafe: false,
          preferredLanguage: '',
          mediaInterest: false,
          childrenAtHome: false,
          childrenUnder5: 0,
          children5to11: 0,
          children12to17: 0,
          partnerWorksWithChildren: false,
          retentionReviewDate: reviewDate,
          erasedAt,
          version: kase.version + 1,
          updatedAt: erasedAt,
        },
      );
      await this.accessLog.record(manager, {
        actor,
        operation: 'erasure',
        recordType: 'case',
        recordId: caseId,
        caseId,
        purpose: 'POST /api/cases/:id/erase (retention review date passed)',
      });
      return { id: caseId, reference, erasedAt, retentionReviewDate: reviewDate, erased };
    });
  }

  private async erasePersonalData(manager: EntityManager, caseId: string): Promise<Record<string, number>> {
    const count = async (run: Promise<{ affected?: number | null }>) => (await run).affected ?? 0;
    return {
      // Contacts keep their date, method and outcome (what met an update); they lose who and what was said.
      contacts: await count(manager.update(Contact, { caseId }, { summary: '', topicsCovered: [], familyContactId: null })),
      familyContacts: await count(manager.delete(FamilyContact, { caseId })),
      wellbeingChecks: await count(manager.update(WellbeingCheck, { caseId }, { indicators: [], riskReasons: [], referrals: [], actions: '' })),
      supervisorAlerts: await count(manager.update(SupervisorAlert, { caseId }, { reasons: [] })),
      milestones: await count(manager.update(Milestone, { caseId }, { note: '' })),
      updateDeclines: await count(manager.update(UpdateDecline, { caseId }, { note: '' })),
      idempotencyKeys: await count(manager.delete(IdempotencyKey, { caseId })),
    };
  }
}
