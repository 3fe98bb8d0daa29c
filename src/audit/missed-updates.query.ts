import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Case } from '../cases/case.entity';
import { Officer } from '../officers/officer.entity';
import { IsoDate, UpdateReason } from '../rules';
import { ScheduledUpdate } from '../updates/scheduled-update.entity';
import { numberFromRaw, reportSql } from './report-sql';

/**
 * The statuses a missed-or-late row can have: missed, attempted (only unanswered attempts by the
 * due date), met late, and open past its due date — an update the refresh job has not yet marked
 * missed or attempted, which is a missed update in progress and must not hide from the report.
 */
export const REPORTED_STATUSES = ['missed', 'attempted', 'met', 'open'] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

export interface MissedUpdatesCriteria {
  teamId: string;
  /** Due dates from `from` to `to`, both included. */
  from: IsoDate;
  to: IsoDate;
  /** The report date: days late of an update not yet met are counted up to it. */
  today: IsoDate;
  officerId?: string;
  reason?: UpdateReason;
  status?: ReportedStatus;
}

export interface MissedUpdateRecord {
  updateId: string;
  caseId: string;
  reference: string;
  officerId: string | null;
  officerName: string | null;
  dueDate: IsoDate;
  reason: UpdateReason;
  status: ReportedStatus;
  daysLate: number;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

/**
 * Missed and late updates of one team, most late first. One indexed range over
 * scheduled_updates (teamId, dueDate) — the responsible team is stored on each row, frozen once
 * the row is resolved — then a primary-key lookup of the case and the officer for each row kept.
 * Days late come from the stored value for a met update and from the report date for the rest.
 */
export function missedUpdatesQuery(manager: EntityManager, criteria: MissedUpdatesCriteria): SelectQueryBuilder<ScheduledUpdate> {
  const sql = reportSql(manager);
  const daysLate = `CASE WHEN u.status = :met THEN u.daysLate ELSE ${sql.daysBetween('u.dueDate', ':today')} END`;
  return filtered(manager, criteria)
    .innerJoin(Case, 'c', 'c.id = u.caseId')
    .leftJoin(Officer, 'o', 'o.id = u.officerId')
    .select('u.id', 'updateId')
    .addSelect('u.caseId', 'caseId')
    .addSelect('c.reference', 'reference')
    .addSelect('u.officerId', 'officerId')
    .addSelect('o.name', 'officerName')
    .addSelect(sql.dateText('u.dueDate'), 'dueDate')
    .addSelect('u.reason', 'reason')
    .addSelect('u.status', 'status')
    .addSelect(daysLate, 'daysLate')
    .orderBy(sql.quote('daysLate'), 'DESC')
    .addOrderBy('u.dueDate', 'ASC')
    .addOrderBy('u.id', 'ASC');
}

export async function findMissedUpdates(
  manager: EntityManager,
  criteria: MissedUpdatesCriteria,
  page?: PageWindow,
): Promise<{ total: number; rows: MissedUpdateRecord[] }> {
  const query = missedUpdatesQuery(manager, criteria);
  if (page) query.limit(page.limit).offset(page.offset);
  const raw = await query.getRawMany<Record<string, unknown>>();
  const rows = raw.map(toRecord);
  // A page that is not full, or the whole list, already says how many there are.
  const total =
    !page || (rows.length > 0 && rows.length < page.limit) || (rows.length === 0 && page.offset === 0)
      ? (page?.offset ?? 0) + rows.length
      : await countMissedUpdates(manager, criteria);
  return { total, rows };
}

export async function countMissedUpdates(manager: EntityManager, criteria: MissedUpdatesCriteria): Promise<number> {
  const row = await filtered(manager, criteria).select('COUNT(*)', 'total').getRawOne<{ total: unknown }>();
  return numberFromRaw(row?.total);
}

function filtered(manager: EntityManager, criteria: MissedUpdatesCriteria): SelectQueryBuilder<ScheduledUpdate> {
  const query = manager
    .createQueryBuilder(ScheduledUpdate, 'u')
    .where('u.teamId = :teamId', { teamId: criteria.teamId })
    .andWhere('u.dueDate >= :from AND u.dueDate <= :to', { from: criteria.from, to: criteria.to })
    .andWhere(
      '(u.status IN (:...unresolved) OR (u.status = :met AND u.daysLate > 0) OR (u.status = :open AND u.dueDate < :today))',
      { unresolved: ['missed', 'attempted'], met: 'met', open: 'open', today: criteria.today },
    );
  if (criteria.officerId) query.andWhere('u.officerId = :officerId', { officerId: criteria.officerId });
  if (criteria.reason) query.andWhere('u.reason = :reason', { reason: criteria.reason });
  if (criteria.status) query.andWhere('u.status = :status', { status: criteria.status });
  return query;
}

function toRecord(raw: Record<string, unknown>): MissedUpdateRecord {
  return {
    updateId: String(raw.updateId),
    caseId: String(raw.caseId),
    reference: String(raw.reference),
    officerId: (raw.officerId as string | null) ?? null,
    officerName: (raw.officerName as string | null) ?? null,
    dueDate: String(raw.dueDate),
    reason: raw.reason as UpdateReason,
    status: raw.status as ReportedStatus,
    daysLate: numberFromRaw(raw.daysLate),
  };
}
