import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CasesService } from '../../cases/cases.service';
import { OfficersService } from '../../officers/officers.service';
import { caseListRow, officerNames } from '../cases/case-page-model';
import { formatDate } from '../labels';
import { homePathFor } from '../shell/navigation';
import { pageTitle } from '../shell/page-shell';
import { page, redirectTo, WebResult } from '../shell/web-result';
import { WorkList, WorkListItem, WorkListSource } from './work-list';

function workSection(id: string, heading: string, items: WorkListItem[], empty: string) {
  return {
    id,
    heading,
    empty,
    items: items.map((item) => ({
      href: `/cases/${item.caseId}`,
      reference: item.reference,
      due: formatDate(item.dueDate) ?? item.dueDate,
      reason: item.reason,
      highRisk: item.highRisk,
    })),
  };
}

function workSections(work: WorkList) {
  return [
    workSection('overdue', 'Overdue', work.overdue, 'Nothing overdue.'),
    workSection('due-today', 'Due today', work.dueToday, 'Nothing due today.'),
    workSection('next-7-days', 'Due in the next 7 days', work.next7Days, 'Nothing due in the next 7 days.'),
  ];
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
    return page('home', {
      title: pageTitle('Work list'),
      heading: supervisor ? "Your team's work" : 'Your work',
      casesHeading: supervisor ? "Your team's open cases" : 'Your open cases',
      work: work ? workSections(work) : null,
      showLiaisonOfficer: supervisor,
      rows: openCases.map((kase) => caseListRow(kase, names)),
    });
  }
}
