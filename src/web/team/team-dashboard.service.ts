import { Injectable } from '@nestjs/common';
import { AlertsService } from '../../alerts/alerts.service';
import { MissedUpdatesReport } from '../../audit/audit-views';
import { AuditService } from '../../audit/audit.service';
import { CSV_CONTENT_TYPE } from '../../audit/csv';
import { MissedUpdatesQuery } from '../../audit/dto/audit-query.dto';
import { UNASSIGNED_REASONS } from '../../audit/standing-lists.query';
import { Actor } from '../../auth/actor';
import { FieldProblem } from '../../common/domain-error';
import { OfficersService } from '../../officers/officers.service';
import { UpdateScheduler } from '../../updates/update-scheduler';
import { formProblems } from '../forms/form-problems';
import { validateAs } from '../forms/validate-as';
import { formatDate, formatDateTime, plural, UPDATE_REASON_LABELS, updateStatusTag } from '../labels';
import { pageTitle } from '../shell/page-shell';
import { download, FileResult, page, PageResult, redirectTo, WebResult } from '../shell/web-result';
import { reasonsForLevel } from '../wellbeing/wellbeing-pages.service';
import { complianceChart, trendRange, weeklyTotals } from './compliance-chart';
import {
  csvQueryString,
  dashboardQueryString,
  filterFormModel,
  filterState,
  filterValues,
  missedUpdatesQueryFrom,
  pagination,
  rangeProblems,
  REPORTED_STATUS_LABELS,
} from './missed-updates-filter';
import { TeamDashboardQuery } from './team-dashboard.dto';

/** How long each standing list on the dashboard is; the API gives the rest. */
const LIST_LENGTH = 10;

const UNASSIGNED_TEXT: Record<(typeof UNASSIGNED_REASONS)[number], string> = {
  no_officer: 'No liaison officer',
  officer_inactive: 'The liaison officer’s account is deactivated',
  officer_in_another_team: 'The liaison officer is now in another team',
};

function statusTag(row: MissedUpdatesReport['rows'][number]) {
  if (row.status === 'open') return { text: REPORTED_STATUS_LABELS.open, classes: 'govuk-tag--red' };
  return updateStatusTag(row.status, row.status === 'met' ? row.daysLate : null);
}

/**
 * The supervisor's dashboard of their own team: alerts to acknowledge, missed and late updates
 * (filtered, paged, downloadable), the weekly on-time trend and the standing lists. Every figure
 * comes from the audit and alert services, which scope it to the supervisor's team.
 */
@Injectable()
export class TeamDashboardService {
  constructor(
    private readonly audit: AuditService,
    private readonly alerts: AlertsService,
    private readonly officers: OfficersService,
    private readonly scheduler: UpdateScheduler,
  ) {}

  async dashboard(actor: Actor, query: TeamDashboardQuery): Promise<PageResult> {
    const validated = await validateAs(MissedUpdatesQuery, missedUpdatesQueryFrom(query));
    let report: MissedUpdatesReport | null = null;
    let problems: FieldProblem[] = validated.ok ? [] : validated.problems;
    if (validated.ok) {
      try {
        report = await this.audit.missedUpdates(actor, validated.value);
      } catch (error) {
        const shown = formProblems(error);
        if (!shown) throw error;
        problems = rangeProblems(shown.problems);
      }
    }
    const trend = trendRange(this.scheduler.today());
    const [alerts, compliance, highRisk, noContact, unassigned, officers] = await Promise.all([
      this.alerts.list(actor, { acknowledged: 'false' }),
      this.audit.compliance(actor, trend),
      this.audit.highRiskWithoutFollowUp(actor, { pageSize: LIST_LENGTH }),
      this.audit.noRecentContact(actor, { pageSize: LIST_LENGTH }),
      this.audit.unassignedCases(actor, { pageSize: LIST_LENGTH }),
      this.officers.list(actor),
    ]);
    const names = new Map(officers.map((officer) => [officer.id, officer.name]));
    const state = filterState(filterValues(query, report), problems);
    const team = compliance.team;
    return page(
      'team/dashboard',
      {
        title: pageTitle(`${team} team`, state.hasErrors),
        team,
        saved: query.saved === 'acknowledged' ? 'Alert acknowledged' : null,
        alerts: alerts.map((alert) => ({
          reference: alert.reference,
          caseHref: `/cases/${alert.caseId}`,
          checkHref: alert.wellbeingCheckId ? `/cases/${alert.caseId}/wellbeing-checks/${alert.wellbeingCheckId}` : null,
          raised: formatDateTime(alert.raisedAt),
          raisedBy: alert.raisedByOfficerId ? (names.get(alert.raisedByOfficerId) ?? 'an officer of another team') : 'the service',
          reasons: reasonsForLevel(alert.reasons, 'high'),
          acknowledgeAction: `/team/alerts/${alert.id}/acknowledge`,
        })),
        filter: filterFormModel(state, officers),
        missed: report && validated.ok ? this.missedModel(report, validated.value) : null,
        chart: complianceChart(weeklyTotals(compliance.rows, trend.from), team),
        highRisk: {
          total: highRisk.total,
          more: highRisk.total > highRisk.rows.length ? `Showing ${highRisk.rows.length} of ${highRisk.total}.` : null,
          rows: highRisk.rows.map((row) => ({
            reference: row.reference,
            caseHref: `/cases/${row.caseId}`,
            checkHref: `/cases/${row.caseId}/wellbeing-checks/${row.wellbeingCheckId}`,
            checked: formatDateTime(row.checkedAt),
            officer: row.officerName ?? 'Not assigned',
            due: formatDate(row.followUpDueDate) ?? row.followUpDueDate,
            status: updateStatusTag(row.followUpStatus, null),
            overdue: row.daysOverdue > 0 ? plural(row.daysOverdue, 'day') : 'Not yet due',
          })),
        },
        noContact: {
          days: noContact.days,
          total: noContact.total,
          more: noContact.total > noContact.rows.length ? `Showing ${noContact.rows.length} of ${noContact.total}.` : null,
          rows: noContact.rows.map((row) => ({
            reference: row.reference,
            caseHref: `/cases/${row.caseId}`,
            reassignHref: `/cases/${row.caseId}#reassign`,
            officer: row.officerName ?? 'Not assigned',
            lastReached: row.lastReachedAt ? formatDateTime(row.lastReachedAt) : 'Never',
            days: plural(row.daysWithoutContact, 'day'),
          })),
        },
        unassigned: {
          total: unassigned.total,
          more: unassigned.total > unassigned.rows.length ? `Showing ${unassigned.rows.length} of ${unassigned.total}.` : null,
          rows: unassigned.rows.map((row) => ({
            reference: row.reference,
            reassignHref: `/cases/${row.caseId}#reassign`,
            officer: row.officerName ?? '–',
            reason: UNASSIGNED_TEXT[row.reason],
            nextDue: row.nextDueDate ? (formatDate(row.nextDueDate) ?? row.nextDueDate) : 'Nothing owed',
          })),
        },
      },
      state.hasErrors ? 400 : 200,
    );
  }

  async missedUpdatesCsv(actor: Actor, query: MissedUpdatesQuery): Promise<FileResult> {
    const file = await this.audit.missedUpdatesCsv(actor, query);
    return download(CSV_CONTENT_TYPE, file.filename, file.body);
  }

  async acknowledge(actor: Actor, alertId: string): Promise<WebResult> {
    await this.alerts.acknowledge(actor, alertId);
    return redirectTo('/team?saved=acknowledged#alerts');
  }

  private missedModel(report: MissedUpdatesReport, query: MissedUpdatesQuery) {
    const filters = { from: report.from, to: report.to, officerId: query.officerId, reason: query.reason, status: query.status };
    const first = (report.page - 1) * report.pageSize + 1;
    const last = first + report.rows.length - 1;
    return {
      totalText: `${plural(report.total, 'update')} missed or late`,
      range: `Due from ${formatDate(report.from)} to ${formatDate(report.to)}`,
      shown: report.total === 0 ? null : report.rows.length ? `Showing ${first} to ${last} of ${report.total}` : `No rows on this page: there are ${report.total}`,
      csvHref: `/team/missed-updates.csv?${csvQueryString(filters)}`,
      rows: report.rows.map((row) => ({
        reference: row.reference,
        caseHref: `/cases/${row.caseId}`,
        officer: row.officerName ?? 'Not assigned',
        due: formatDate(row.dueDate) ?? row.dueDate,
        reason: UPDATE_REASON_LABELS[row.reason],
        status: statusTag(row),
        daysLate: plural(row.daysLate, 'day'),
      })),
      pagination: pagination(report.page, report.pageSize, report.total, (n) => `/team?${dashboardQueryString(filters, n)}#missed-updates`),
    };
  }
}
