import { ScheduledUpdate } from '../updates/scheduled-update.entity';
import { WellbeingCheck } from './wellbeing-check.entity';

export interface WellbeingCheckView {
  id: string;
  caseId: string;
  occurredAt: Date;
  context: WellbeingCheck['context'];
  distressLevel: number;
  indicators: WellbeingCheck['indicators'];
  trustedPersonPresent: boolean;
  referrals: string[];
  actions: string;
  riskLevel: WellbeingCheck['riskLevel'];
  /** The rows of the risk table that applied. */
  riskReasons: string[];
  officerId: string;
  recordedAt: Date;
  /** The follow-up the check made the family owed (high and medium risk), else null. */
  followUp: { updateId: string; dueDate: string; status: ScheduledUpdate['status'] } | null;
  /** The supervisor alert a high-risk check raised, else null. */
  alertId: string | null;
}

export function toWellbeingCheckView(check: WellbeingCheck, followUp: ScheduledUpdate | undefined, alertId: string | null): WellbeingCheckView {
  return {
    id: check.id,
    caseId: check.caseId,
    occurredAt: check.occurredAt,
    context: check.context,
    distressLevel: check.distressLevel,
    indicators: check.indicators,
    trustedPersonPresent: check.trustedPersonPresent,
    referrals: check.referrals,
    actions: check.actions,
    riskLevel: check.riskLevel,
    riskReasons: check.riskReasons,
    officerId: check.officerId,
    recordedAt: check.recordedAt,
    followUp: followUp ? { updateId: followUp.id, dueDate: followUp.dueDate, status: followUp.status } : null,
    alertId,
  };
}
