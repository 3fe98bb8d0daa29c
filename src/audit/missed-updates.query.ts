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
 * Missed and late updates of one team, most late first.
 *
 * The inner query ranks the team's rows due in the range using only the covering index
 * IDX_scheduled_updates_team_report (teamId, dueDate, status, daysLate, officerId, id): it never
 * touches the table, however many rows the range holds. Only the rows of the page asked for are
 * then read in full, with their case and officer, by primary key. Days late come from the stored
 * value for a met update and from the report date for the rest.
 */
export function missedUpdatesQuery(manager: EntityManager, criteria: MissedUpdatesCriteria, page?: PageWindow): SelectQueryBuilder<ScheduledUpdate> {
  const sql = reportSql(manager);
  const daysLate = `CASE WHEN u.status = :met THEN u.daysLate ELSE ${sql.daysBetween('u.dueDate', ':today')} END`;
  const top = (qb: SelectQueryBuilder<ScheduledUpdate>) => {
    const ranked = filtered(qb.subQuery().from(ScheduledUpdate, 'u'), criteria)
      .select('u.id', 'id')
      .addSelect('u.dueDate', 'dueDate')
      .addSelect(daysLate, 'daysLate')
      .orderBy(sql.quote('daysLate'), 'DESC')
      .addOrderBy('u.dueDate', 'ASC')
      .addOrderBy('u.id', 'ASC');
    return page ? ranked.limit(page.limit).offset(page.offset) : ranked;
  };
  return manager
    .createQueryBuilder()
    .from(top, 'top')
    .innerJoin(ScheduledUpdate, 'r', 'r.id = "top"."id"')
    .innerJoin(Case, 'c', 'c.id = r.caseId')
    .leftJoin(Officer, 'o', 'o.id = r.officerId')
    .select('r.id', 'updateId')
    .addSelect('r.caseId', 'caseId')
    .addSelect('c.reference', 'reference')
    .addSelect('r.officerId', 'officerId')
    .addSelect('o.name', 'officerName')
    .addSelect(sql.dateText('r.dueDate'), 'dueDate')
    .addSelect('r.reason', 'reason')
    .addSelect('r.status', 'status')
    .addSelect('"top"."daysLate"', 'daysLate')
    // The total rides along as an uncorrelated subquery (worked out once, from the index), which
    // saves the page a second round trip.
    .addSelect(`(${filtered(manager.createQueryBuilder(ScheduledUpdate, 'u'), criteria).select('COUNT(*)').getQuery()})`, 'total')
    .orderBy('"top"."daysLate"', 'DESC')
    .addOrderBy('"top"."dueDate"', 'ASC')
    .addOrderBy('"top"."id"', 'ASC') as SelectQueryBuilder<ScheduledUpdate>;
}

export async function findMissedUpdates(
  manager: EntityManager,
  criteria: MissedUpdatesCriteria,
  page?: PageWindow,
): Promise<{ total: number; rows: MissedUpdateRecord[] }> {
  const raw = await missedUpdatesQuery(manager, criteria, page).getRawMany<Record<string, unknown>>();
  // Every row carries the total; only a page past the end has to ask for it separately.
  const total = raw.length ? numberFromRaw(raw[0].total) : page?.offset ? await countMissedUpdates(manager, criteria) : 0;
  return { total, rows: raw.map(toRecord) };
}

/** How many rows the report has in all: the same filter, answered from the covering index. */
export function missedUpdatesCountQuery(manager: EntityManager, criteria: MissedUpdatesCriteria): SelectQueryBuilder<ScheduledUpdate> {
  return filtered(manager.createQueryBuilder(ScheduledUpdate, 'u'), criteria).select('COUNT(*)', 'total');
}

export async function countMissedUpdates(manager: EntityManager, criteria: MissedUpdatesCriteria): Promise<number> {
  const row = await missedUpdatesCountQuery(manager, criteria).getRawOne<{ total: unknown }>();
  return numberFromRaw(row?.total);
}

function filtered(query: SelectQueryBuilder<ScheduledUpdate>, criteria: MissedUpdatesCriteria): SelectQueryBuilder<ScheduledUpdate> {
  query
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
