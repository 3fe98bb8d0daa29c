import { FieldProblem } from '../common/domain-error';
import { MilestoneStatus } from '../rules';

export interface MilestoneDates {
  status: MilestoneStatus;
  expectedDate: string | null;
  doneDate: string | null;
}

/** Rules across fields of a milestone, checked on the merged result of a create or update. */
export function milestoneProblems(milestone: MilestoneDates, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (milestone.status === 'done' && !milestone.doneDate) {
    problems.push({ field: 'doneDate', messages: ['doneDate is needed when the status is done'] });
  } else if (milestone.status !== 'done' && milestone.doneDate) {
    problems.push({ field: 'doneDate', messages: [`doneDate is only for a done milestone (status is ${milestone.status})`] });
  } else if (milestone.doneDate && milestone.doneDate > today) {
    problems.push({ field: 'doneDate', messages: [`doneDate must not be in the future (today is ${today})`] });
  }
  return problems;
}
