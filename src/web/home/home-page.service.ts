import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CasesService } from '../../cases/cases.service';
import { OfficersService } from '../../officers/officers.service';
import { calendarDaysBetween } from '../../rules';
import { caseListRow, officerNames } from '../cases/case-page-model';
import { formatDate, plural, UPDATE_STATUS_LABELS } from '../labels';
import { homePathFor } from '../shell/navigation';
import { pageTitle } from '../shell/page-shell';
import { page, redirectTo, WebResult } from '../shell/web-result';
import { WorkList, WorkListItem, WorkListSource } from './work-list';

function dueText(item: WorkListItem, today: string): string {
  const due = formatDate(item.dueDate) ?? item.dueDate;
  const late = calendarDaysBetween(item.dueDate, today);
  if (late <= 0) return `due ${due}`;
  const status = item.status === 'open' ? '' : `, ${UPDATE_STATUS_LABELS[item.status].toLowerCase()}`;
  return `was due ${due} (${plural(late, 'day')} ago${status})`;
}

function workSection(id: string, heading: string, items: WorkListItem[], empty: string, today: string) {
  return {
    id,
    heading: items.length ? `${heading} (${items.length})` : heading,
    empty,
    overdue: id === 'overdue',
    items: items.map((item) => ({
      href: `/cases/${item.caseId}`,
      reference: item.reference,
      due: dueText(item, today),
      reason: item.reason,
      highRisk: item.highRisk,
    })),
  };
}

function workSections(work: WorkList) {
  return [
    workSection('overdue', 'Overdue', work.overdue, 'Nothing overdue.', work.today),
    workSection('due-today', 'Due today', work.dueToday, 'Nothing due today.', work.today),
    workSection('next-7-days', 'Due in the next 7 days', work.next7Days, 'Nothing due in the next 7 days.', work.today),
  ];
}

/** Each case's most urgent owed update, as the "Next update" column of the officer's case table says it. */
function nextUpdates(work: WorkList): Map<string, string> {
  const next = new Map<string, string>();
  for (const item of [...work.overdue, ...work.dueToday, ...work.next7Days]) {
    if (next.has(item.caseId)) continue;
    const due = formatDate(item.dueDate) ?? item.dueDate;
    next.set(item.caseId, item.dueDate < work.today ? `Overdue since ${due}` : item.dueDate === work.today ? 'Due today' : `Due ${due}`);
  }
  return next;
}

/** The start page: the updates owed, then the open cases (the officer's own, or the supervisor's team's). */
@Injectable()
export class HomePageService {
  constructor(
    private readonly cases: CasesService,
    private readonly officers: OfficersService,
    private readonly workList: WorkListSource,
  ) {}

  async home(actor: Actor): Promise<WebResult> {
    if (actor.role === 'admin') return redirectTo(homePathFor(actor.role));
    const [work, openCases, officers] = await Promise.all([
      this.workList.workFor(actor),
      this.cases.list(actor, { status: 'open' }),
      this.officers.list(actor),
    ]);
    const names = officerNames(officers);
    const supervisor = actor.role === 'supervisor';
    const next = work ? nextUpdates(work) : new Map<string, string>();
    return page('home', {
      title: pageTitle('Work list'),
      heading: 'Your work',
      intro: supervisor
        ? 'The updates owed on the cases you are liaison officer or deputy for. Your team’s missed updates, alerts and figures are on the team dashboard.'
        : 'The updates each of your families is owed, most urgent first. Follow-ups to high-risk wellbeing checks come first in each list.',
      teamDashboard: supervisor ? { href: '/team', text: 'Go to your team dashboard' } : null,
      casesHeading: supervisor ? "Your team's open cases" : 'Your open cases',
      work: work ? workSections(work) : null,
      showLiaisonOfficer: supervisor,
      nextUpdateColumn: !supervisor,
      rows: openCases.map((kase) => ({ ...caseListRow(kase, names), nextUpdate: next.get(kase.id) ?? 'None in the next 7 days' })),
    });
  }
}
