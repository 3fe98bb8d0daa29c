import { AccessLogEntry } from '../access-log/access-log-entry.entity';
import { IsoDate } from '../rules';
import { ComplianceCounts, ComplianceRecord } from './compliance.query';
import { CsvColumn } from './csv';
import { MissedUpdateRecord } from './missed-updates.query';

/** DESIGN "Missed-updates report row", plus the update's id. */
export interface MissedUpdateRow {
  caseId: string;
  reference: string;
  officerId: string | null;
  officerName: string | null;
  team: string;
  dueDate: IsoDate;
  reason: MissedUpdateRecord['reason'];
  status: MissedUpdateRecord['status'];
  daysLate: number;
  updateId: string;
}

export interface ReportHeader {
  team: string;
  /** The date the report was run for (Europe/London): days late of unmet updates count up to it. */
  reportDate: IsoDate;
}

export interface PagedReport<T> extends ReportHeader {
  page: number;
  pageSize: number;
  total: number;
  rows: T[];
}

export interface MissedUpdatesReport extends PagedReport<MissedUpdateRow> {
  from: IsoDate;
  to: IsoDate;
}

export interface OfficerCompliance extends ComplianceCounts {
  officerId: string | null;
  officerName: string | null;
}

export interface ComplianceReport extends ReportHeader {
  from: IsoDate;
  to: IsoDate;
  /** One row per officer and ISO week in which they had updates due. */
  rows: (ComplianceRecord & { team: string })[];
  /** Each officer over the whole range. */
  officers: OfficerCompliance[];
  /** The team over the whole range. */
  totals: ComplianceCounts;
}

export interface AccessLogEntryView {
  id: number;
  at: Date;
  officerId: string | null;
  username: string | null;
  operation: AccessLogEntry['operation'];
  outcome: AccessLogEntry['outcome'];
  recordType: string;
  recordId: string | null;
  caseId: string | null;
  purpose: string;
  prevHash: string;
  hash: string;
}

export interface AccessLogPage {
  page: number;
  pageSize: number;
  total: number;
  entries: AccessLogEntryView[];
}

export function toMissedUpdateRow(record: MissedUpdateRecord, team: string): MissedUpdateRow {
  return {
    caseId: record.caseId,
    reference: record.reference,
    officerId: record.officerId,
    officerName: record.officerName,
    team,
    dueDate: record.dueDate,
    reason: record.reason,
    status: record.status,
    daysLate: record.daysLate,
    updateId: record.updateId,
  };
}

export function toAccessLogEntryView(entry: AccessLogEntry): AccessLogEntryView {
  return {
    id: entry.id,
    at: entry.at,
    officerId: entry.officerId,
    username: entry.username,
    operation: entry.operation,
    outcome: entry.outcome,
    recordType: entry.recordType,
    recordId: entry.recordId,
    caseId: entry.caseId,
    purpose: entry.purpose,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}

export const MISSED_UPDATES_CSV: CsvColumn<MissedUpdateRow>[] = [
  { header: 'caseId', value: (row) => row.caseId },
  { header: 'reference', value: (row) => row.reference },
  { header: 'officerId', value: (row) => row.officerId },
  { header: 'officerName', value: (row) => row.officerName },
  { header: 'team', value: (row) => row.team },
  { header: 'dueDate', value: (row) => row.dueDate },
  { header: 'reason', value: (row) => row.reason },
  { header: 'status', value: (row) => row.status },
  { header: 'daysLate', value: (row) => row.daysLate },
  { header: 'updateId', value: (row) => row.updateId },
];

export const COMPLIANCE_CSV: CsvColumn<ComplianceReport['rows'][number]>[] = [
  { header: 'officerId', value: (row) => row.officerId },
  { header: 'officerName', value: (row) => row.officerName },
  { header: 'team', value: (row) => row.team },
  { header: 'week', value: (row) => row.week },
  { header: 'weekStart', value: (row) => row.weekStart },
  { header: 'due', value: (row) => row.due },
  { header: 'metOnTime', value: (row) => row.metOnTime },
  { header: 'metLate', value: (row) => row.metLate },
  { header: 'attempted', value: (row) => row.attempted },
  { header: 'missed', value: (row) => row.missed },
  { header: 'declined', value: (row) => row.declined },
  { header: 'pending', value: (row) => row.pending },
  { header: 'onTimeRate', value: (row) => row.onTimeRate },
];
