import { Milestone } from './milestone.entity';

export interface MilestoneView {
  id: string;
  caseId: string;
  type: Milestone['type'];
  status: Milestone['status'];
  expectedDate: string | null;
  doneDate: string | null;
  note: string;
  recordedAt: Date;
  dateChangedAt: Date | null;
  updatedAt: Date;
  recordedByOfficerId: string | null;
}

export function toMilestoneView(m: Milestone): MilestoneView {
  return {
    id: m.id,
    caseId: m.caseId,
    type: m.type,
    status: m.status,
    expectedDate: m.expectedDate,
    doneDate: m.doneDate,
    note: m.note,
    recordedAt: m.recordedAt,
    dateChangedAt: m.dateChangedAt,
    updatedAt: m.updatedAt,
    recordedByOfficerId: m.recordedByOfficerId,
  };
}
