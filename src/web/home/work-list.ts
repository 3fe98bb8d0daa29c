import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { UpdateStatus } from '../../rules';
import { WorkItemView, WorkService } from '../../work/work.service';
import { UPDATE_REASON_LABELS } from '../labels';

/** One update the family is owed, as the work list shows it. */
export interface WorkListItem {
  caseId: string;
  reference: string;
  dueDate: string;
  /** Why it is owed, in words: "Regular update", "After a milestone". */
  reason: string;
  status: UpdateStatus;
  /** A follow-up to a high-risk wellbeing check: listed first and marked. */
  highRisk: boolean;
}

export interface WorkList {
  today: string;
  overdue: WorkListItem[];
  dueToday: WorkListItem[];
  next7Days: WorkListItem[];
}

/** Where the work list comes from: a hook, so a test can give the page a list of its own. */
export abstract class WorkListSource {
  abstract workFor(actor: Actor): Promise<WorkList | null>;
}

function toItem(item: WorkItemView): WorkListItem {
  return {
    caseId: item.caseId,
    reference: item.reference,
    dueDate: item.dueDate,
    reason: UPDATE_REASON_LABELS[item.reason],
    status: item.status,
    highRisk: item.reason === 'wellbeing_follow_up' && item.riskLevel === 'high',
  };
}

/** The owed-updates service behind `GET /api/me/work`: most urgent first, high-risk follow-ups at the top. */
@Injectable()
export class ServiceWorkListSource extends WorkListSource {
  constructor(private readonly work: WorkService) {
    super();
  }

  async workFor(actor: Actor): Promise<WorkList> {
    const work = await this.work.forActor(actor);
    return {
      today: work.today,
      overdue: work.overdue.map(toItem),
      dueToday: work.dueToday.map(toItem),
      next7Days: work.next7Days.map(toItem),
    };
  }
}
