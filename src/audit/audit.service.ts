import { Injectable } from '@nestjs/common';
import { AccessLogService } from '../access-log/access-log.service';
import { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { londonDate } from '../rules';
import { ChainVerdict } from './access-log-chain';
import {
  AccessLogPage,
  COMPLIANCE_CSV,
  ComplianceReport,
  MISSED_UPDATES_CSV,
  MissedUpdatesReport,
  OfficerCompliance,
  PagedReport,
  toAccessLogEntryView,
  toMissedUpdateRow,
} from './audit-views';
import { sumCounts } from './compliance.query';
import { toCsv } from './csv';
import { AccessLogQuery, ComplianceQuery, DEFAULT_PAGE_SIZE, MissedUpdatesQuery, NoRecentContactQuery, PageQuery, TeamQuery } from './dto/audit-query.dto';
import { londonDayBounds } from './london-day';
import { PageWindow } from './missed-updates.query';
import { ReportRunner } from './report-runner';
import { reportRange } from './report-range';
import { HighRiskRecord, ListPage, NoRecentContactRecord, UnacknowledgedAlertRecord, UnassignedRecord } from './standing-lists.query';
import { TeamRefused, TeamScope, supervisorTeam } from './team-scope';

export const DEFAULT_NO_CONTACT_DAYS = 28;

export interface CsvExport {
  filename: string;
  body: string;
}

interface Consultation {
  recordType: string;
  purpose: string;
}

/**
 * The supervisor's audit. Every report is scoped to the supervisor's own team here, on the
 * server. Reports run in the report worker (ReportRunner); every consultation — including reading the
 * access log itself — is written to the access log before the answer is returned.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
    private readonly reports: ReportRunner,
  ) {}

  async missedUpdates(actor: Actor, query: MissedUpdatesQuery): Promise<MissedUpdatesReport> {
    const today = this.today();
    const range = reportRange(query, today);
    const window = pageWindow(query);
    return this.forTeam(actor, query.team, this.missedUpdatesConsultation(range, query, 'json'), async (scope) => {
      const { total, rows } = await this.reports.run('findMissedUpdates', { ...criteria(query), teamId: scope.teamId, ...range, today }, window);
      return {
        team: scope.teamName,
        reportDate: today,
        ...range,
        page: window.page,
        pageSize: window.limit,
        total,
        rows: rows.map((row) => toMissedUpdateRow(row, scope.teamName)),
      };
    });
  }

  /** Every matching row (page and pageSize are for the JSON view). */
  async missedUpdatesCsv(actor: Actor, query: MissedUpdatesQuery): Promise<CsvExport> {
    const today = this.today();
    const range = reportRange(query, today);
    return this.forTeam(actor, query.team, this.missedUpdatesConsultation(range, query, 'csv'), async (scope) => {
      const { rows } = await this.reports.run('findMissedUpdates', { ...criteria(query), teamId: scope.teamId, ...range, today });
      return {
        filename: csvName('missed-updates', scope, range),
        body: toCsv(MISSED_UPDATES_CSV, rows.map((row) => toMissedUpdateRow(row, scope.teamName))),
      };
    });
  }

  async compliance(actor: Actor, query: ComplianceQuery, format: 'json' | 'csv' = 'json'): Promise<ComplianceReport> {
    const today = this.today();
    const range = reportRange(query, today);
    const consultation = { recordType: 'compliance_report', purpose: `GET /api/audit/compliance (${format}) ${range.from}..${range.to}` };
    return this.forTeam(actor, query.team, consultation, async (scope) => {
      const records = await this.reports.run('findCompliance', { teamId: scope.teamId, ...range, today });
      const byOfficer = new Map<string | null, typeof records>();
      for (const record of records) byOfficer.set(record.officerId, [...(byOfficer.get(record.officerId) ?? []), record]);
      const officers: OfficerCompliance[] = [...byOfficer.values()].map((weeks) => ({
        officerId: weeks[0].officerId,
        officerName: weeks[0].officerName,
        ...sumCounts(weeks),
      }));
      return {
        team: scope.teamName,
        reportDate: today,
        ...range,
        rows: records.map((record) => ({ ...record, team: scope.teamName })),
        officers,
        totals: sumCounts(records),
      };
    });
  }

  async complianceCsv(actor: Actor, query: ComplianceQuery): Promise<CsvExport> {
    const report = await this.compliance(actor, query, 'csv');
    return {
      filename: csvName('compliance', { teamName: report.team }, report),
      body: toCsv(COMPLIANCE_CSV, report.rows),
    };
  }

  noRecentContact(actor: Actor, query: NoRecentContactQuery): Promise<PagedReport<NoRecentContactRecord> & { days: number }> {
    const days = query.days ?? DEFAULT_NO_CONTACT_DAYS;
    return this.standingList(actor, query, { recordType: 'no_recent_contact_list', purpose: `GET /api/audit/no-recent-contact days=${days}` }, (scope, today, window) =>
      this.reports.run('findNoRecentContact', { teamId: scope.teamId, today, days }, window),
    ).then((report) => ({ ...report, days }));
  }

  highRiskWithoutFollowUp(actor: Actor, query: TeamQuery): Promise<PagedReport<HighRiskRecord>> {
    return this.standingList(actor, query, { recordType: 'high_risk_list', purpose: 'GET /api/audit/high-risk-without-follow-up' }, (scope, today, window) =>
      this.reports.run('findHighRiskWithoutFollowUp', { teamId: scope.teamId, today }, window),
    );
  }

  unassignedCases(actor: Actor, query: TeamQuery): Promise<PagedReport<UnassignedRecord>> {
    return this.standingList(actor, query, { recordType: 'unassigned_case_list', purpose: 'GET /api/audit/unassigned-cases' }, (scope, _today, window) =>
      this.reports.run('findUnassignedCases', { teamId: scope.teamId }, window),
    );
  }

  unacknowledgedAlerts(actor: Actor, query: TeamQuery): Promise<PagedReport<UnacknowledgedAlertRecord>> {
    return this.standingList(actor, query, { recordType: 'alert_list', purpose: 'GET /api/audit/unacknowledged-alerts' }, (scope, _today, window) =>
      this.reports.run('findUnacknowledgedAlerts', { teamId: scope.teamId, now: this.clock.now() }, window),
    );
  }

  /** Supervisors: entries about their team's cases or by their team's officers. Admins: all. */
  async accessLogEntries(actor: Actor, query: AccessLogQuery): Promise<AccessLogPage> {
    if (query.from && query.to && query.from > query.to) {
      throw DomainError.invalidField('from', `from (${query.from}) must not be after to (${query.to})`);
    }
    const window = pageWindow(query);
    const bounds = {
      start: query.from ? londonDayBounds(query.from, query.from).start : undefined,
      end: query.to ? londonDayBounds(query.to, query.to).end : undefined,
    };
    const teamId = await this.accessLogScope(actor);
    const { total, rows } = await this.reports.run('findAccessLog', { teamId, caseId: query.caseId, officerId: query.officerId, ...bounds }, window);
    await this.accessLog.recordCommitted({
      actor,
      operation: 'consultation',
      recordType: 'access_log',
      recordId: null,
      caseId: query.caseId ?? null,
      purpose: `GET /api/audit/access-log${describeFilters({ caseId: query.caseId, officerId: query.officerId, from: query.from, to: query.to })}`,
    });
    return { page: window.page, pageSize: window.limit, total, entries: rows.map(toAccessLogEntryView) };
  }

  /** Walks the whole chain, a batch at a time, in the report worker; then records that it did. */
  async verifyAccessLog(actor: Actor): Promise<ChainVerdict> {
    await this.accessLogScope(actor);
    const verdict = await this.reports.run('verifyChain');
    await this.accessLog.recordCommitted({
      actor,
      operation: 'consultation',
      recordType: 'access_log',
      recordId: verdict.firstBrokenId === null ? null : String(verdict.firstBrokenId),
      purpose: `GET /api/audit/access-log/verify: ${verdict.ok ? 'chain intact' : 'chain broken'}, ${verdict.checked} checked`,
    });
    return verdict;
  }

  private async accessLogScope(actor: Actor): Promise<string | null> {
    if (actor.role === 'admin') return null;
    return (await supervisorTeam(this.unitOfWork.reports, actor, undefined)).teamId;
  }

  private today(): string {
    return londonDate(this.clock.now());
  }

  private missedUpdatesConsultation(range: { from: string; to: string }, query: MissedUpdatesQuery, format: 'json' | 'csv'): Consultation {
    const filters = describeFilters({ officerId: query.officerId, reason: query.reason, status: query.status });
    return { recordType: 'missed_updates_report', purpose: `GET /api/audit/missed-updates (${format}) ${range.from}..${range.to}${filters}` };
  }

  private async standingList<T>(
    actor: Actor,
    query: TeamQuery,
    consultation: Consultation,
    find: (scope: TeamScope, today: string, window: PageWindow) => Promise<ListPage<T>>,
  ): Promise<PagedReport<T>> {
    const today = this.today();
    const window = pageWindow(query);
    return this.forTeam(actor, query.team, consultation, async (scope) => {
      const { total, rows } = await find(scope, today, window);
      return { team: scope.teamName, reportDate: today, page: window.page, pageSize: window.limit, total, rows };
    });
  }

  /**
   * Checks the supervisor's team on the reports connection, runs the report (`work` asks the
   * report worker: a long read never holds up the API's writes or its event loop), then logs the
   * consultation; the answer goes out only once the log entry is committed. A supervisor asking
   * for another team is refused, and the refusal is logged.
   */
  private async forTeam<T>(
    actor: Actor,
    requestedTeam: string | undefined,
    consultation: Consultation,
    work: (scope: TeamScope) => Promise<T>,
  ): Promise<T> {
    const reader = this.unitOfWork.reports;
    let scope: TeamScope;
    try {
      scope = await supervisorTeam(reader, actor, requestedTeam);
    } catch (error) {
      if (error instanceof TeamRefused) {
        await this.accessLog.recordCommitted({
          actor,
          operation: 'consultation',
          outcome: 'refused',
          recordId: null,
          ...consultation,
          purpose: `${consultation.purpose}${requestedTeam === undefined ? '' : ` team=${requestedTeam}`}`,
        });
      }
      throw error;
    }
    const result = await work(scope);
    await this.accessLog.recordCommitted({ actor, operation: 'consultation', recordId: null, ...consultation, purpose: `${consultation.purpose} team=${scope.teamName}` });
    return result;
  }
}

function pageWindow(query: PageQuery): PageWindow & { page: number } {
  const page = query.page ?? 1;
  const limit = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, limit, offset: (page - 1) * limit };
}

function criteria(query: MissedUpdatesQuery) {
  return { officerId: query.officerId, reason: query.reason, status: query.status };
}

function describeFilters(filters: Record<string, string | undefined>): string {
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}=${value}`)
    .join('');
}

function csvName(report: string, scope: { teamName: string }, range: { from: string; to: string }): string {
  const team = scope.teamName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'team';
  return `${report}-${team}-${range.from}-to-${range.to}.csv`;
}
