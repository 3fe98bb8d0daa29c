import { ScheduledUpdate } from './scheduled-update.entity';
import { UpdateDecline, effectiveReviewDate } from './update-decline.entity';

export interface ScheduledUpdateView {
  id: string;
  key: string;
  reason: ScheduledUpdate['reason'];
  owedFrom: string;
  dueDate: string;
  milestoneId: string | null;
  wellbeingCheckId: string | null;
  status: ScheduledUpdate['status'];
  metByContactId: string | null;
  metAt: Date | null;
  daysLate: number | null;
  riskLevel: ScheduledUpdate['riskLevel'];
  officerId: string | null;
  teamId: string;
}

export interface DeclineView {
  id: string;
  caseId: string;
  from: string;
  /** The review date agreed; `endedOn` is set when updates resumed early. */
  reviewDate: string;
  endedOn: string | null;
  /** True while today falls in the period the family declined updates for. */
  active: boolean;
  note: string;
  recordedAt: Date;
  recordedByOfficerId: string | null;
  endedAt: Date | null;
  endedByOfficerId: string | null;
}

export interface CaseUpdatesView {
  caseId: string;
  /** The Europe/London date the statuses are current for. */
  today: string;
  updates: ScheduledUpdateView[];
  declines: DeclineView[];
}

export function toScheduledUpdateView(row: ScheduledUpdate): ScheduledUpdateView {
  return {
    id: row.id,
    key: row.key,
    reason: row.reason,
    owedFrom: row.owedFrom,
    dueDate: row.dueDate,
    milestoneId: row.milestoneId,
    wellbeingCheckId: row.wellbeingCheckId,
    status: row.status,
    metByContactId: row.metByContactId,
    metAt: row.metAt,
    daysLate: row.daysLate,
    riskLevel: row.riskLevel,
    officerId: row.officerId,
    teamId: row.teamId,
  };
}

export function toDeclineView(decline: UpdateDecline, today: string): DeclineView {
  return {
    id: decline.id,
    caseId: decline.caseId,
    from: decline.from,
    reviewDate: decline.reviewDate,
    endedOn: decline.endedOn,
    active: decline.from <= today && today < effectiveReviewDate(decline),
    note: decline.note,
    recordedAt: decline.recordedAt,
    recordedByOfficerId: decline.recordedByOfficerId,
    endedAt: decline.endedAt,
    endedByOfficerId: decline.endedByOfficerId,
  };
}
