import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';

/** One update the family is owed, as the work list shows it. */
export interface WorkListItem {
  caseId: string;
  reference: string;
  dueDate: string;
  /** Why it is owed, in words: "Every 14 days", "After the interview". */
  reason: string;
  /** A follow-up to a high-risk wellbeing check: listed first and marked. */
  highRisk: boolean;
}

export interface WorkList {
  overdue: WorkListItem[];
  dueToday: WorkListItem[];
  next7Days: WorkListItem[];
}

/**
 * Where the work list comes from. The owed-updates API (issue 3, `GET /api/me/work`) is still being
 * built; until its service is bound here, the page says the list is coming.
 */
export abstract class WorkListSource {
  abstract workFor(actor: Actor): Promise<WorkList | null>;
}

@Injectable()
export class PendingWorkListSource extends WorkListSource {
  async workFor(): Promise<WorkList | null> {
    return null;
  }
}
