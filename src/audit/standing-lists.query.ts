import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SupervisorAlert } from '../alerts/supervisor-alert.entity';
import { Case } from '../cases/case.entity';
import { Contact } from '../contacts/contact.entity';
import { Officer } from '../officers/officer.entity';
import { IsoDate, UpdateStatus, addCalendarDays, calendarDaysBetween, londonDate } from '../rules';
import { ScheduledUpdate } from '../updates/scheduled-update.entity';
import { UpdateDecline } from '../updates/update-decline.entity';
import { WellbeingCheck } from '../wellbeing/wellbeing-check.entity';
import { londonDayStart } from './london-day';
import { PageWindow } from './missed-updates.query';
import { instantFromRaw, numberFromRaw, reportSql } from './report-sql';

/**
 * The standing lists a supervisor works from. Each is about the team's cases as they stand now,
 * so each starts from the case's current team (cases (teamId, status) index) or the alert's team
 * (supervisor_alerts (teamId, acknowledgedAt, raisedAt)), and reaches other tables by indexed
 * lookups per case.
 */
export interface ListPage<T> {
  total: number;
  rows: T[];
}

/** Outcomes in which the family was reached (the rules count a "declined" answer as reaching them). */
const REACHED = ['spoke', 'declined'];

export interface NoRecentContactRecord {
  caseId: string;
  reference: string;
  officerId: string | null;
  officerName: string | null;
  arrestDate: IsoDate;
  /** When the family was last reached; null if never. */
  lastReachedAt: Date | null;
  /** Calendar days (Europe/London) since the family was last reached, or since the arrest if never. */
  daysWithoutContact: number;
}

/**
 * Open cases, arrested at least `days` days ago, in which nobody reached the family in the last
 * `days` days (a corrected contact log entry counts as its correction), leaving out families who
 * have declined updates for now.
 */
export async function findNoRecentContact(
  manager: EntityManager,
  criteria: { teamId: string; today: IsoDate; days: number },
  page: PageWindow,
): Promise<ListPage<NoRecentContactRecord>> {
  const sql = reportSql(manager);
  const sinceDay = addCalendarDays(criteria.today, -criteria.days);
  /** Contacts of case c that reached the family and were not later corrected. */
  const reached = (qb: SelectQueryBuilder<ObjectLiteral>, alias: string) =>
    qb
      .subQuery()
      .from(Contact, alias)
      .where(`${alias}.caseId = c.id AND ${alias}.outcome IN (:...reached)`)
      .andWhere(`NOT EXISTS ${qb.subQuery().select('1').from(Contact, `${alias}fix`).where(`${alias}fix.correctsContactId = ${alias}.id`).getQuery()}`);
  const query = manager
    .createQueryBuilder(Case, 'c')
    .leftJoin(Officer, 'o', 'o.id = c.liaisonOfficerId')
    .where('c.teamId = :teamId AND c.status = :open')
    .andWhere('c.arrestDate IS NOT NULL AND c.arrestDate <= :sinceDay')
    .andWhere((qb) => `NOT EXISTS ${reached(qb, 'k').select('1').andWhere('k.occurredAt >= :since').getQuery()}`)
    .andWhere(
      (qb) =>
        `NOT EXISTS ${qb
          .subQuery()
          .select('1')
          .from(UpdateDecline, 'd')
          .where('d.caseId = c.id AND d.from <= :today AND COALESCE(d.endedOn, d.reviewDate) > :today')
          .getQuery()}`,
    )
    .setParameters({
      teamId: criteria.teamId,
      open: 'open',
      sinceDay,
      reached: REACHED,
      since: londonDayStart(sinceDay),
      today: criteria.today,
    });
  const lastReached = reached(query, 'r').select('MAX(r.occurredAt)').getQuery();
  const total = await countOf(query);
  const raw = await query
    .select('c.id', 'caseId')
    .addSelect('c.reference', 'reference')
    .addSelect('c.liaisonOfficerId', 'officerId')
    .addSelect('o.name', 'officerName')
    .addSelect(sql.dateText('c.arrestDate'), 'arrestDate')
    .addSelect(lastReached, 'lastReachedAt')
    .orderBy(sql.quote('lastReachedAt'), 'ASC', 'NULLS FIRST')
    .addOrderBy('c.arrestDate', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .limit(page.limit)
    .offset(page.offset)
    .getRawMany<Record<string, unknown>>();
  return {
    total,
    rows: raw.map((row) => {
      const lastReachedAt = instantFromRaw(row.lastReachedAt);
      const arrestDate = String(row.arrestDate);
      return {
        caseId: String(row.caseId),
        reference: String(row.reference),
        officerId: (row.officerId as string | null) ?? null,
        officerName: (row.officerName as string | null) ?? null,
        arrestDate,
        lastReachedAt,
        daysWithoutContact: calendarDaysBetween(lastReachedAt ? londonDate(lastReachedAt) : arrestDate, criteria.today),
      };
    }),
  };
}

export interface HighRiskRecord {
  wellbeingCheckId: string;
  caseId: string;
  reference: string;
  checkedAt: Date;
  /** Who did the check. */
  checkedByOfficerId: string;
  /** The case's liaison officer now. */
  officerId: string | null;
  officerName: string | null;
  followUpUpdateId: string;
  followUpDueDate: IsoDate;
  followUpStatus: UpdateStatus;
  /** Days past the follow-up's due date on the report date (0 while not yet due). */
  daysOverdue: number;
}

/**
 * High-risk wellbeing checks whose follow-up update has not been met (open, attempted or missed),
 * on the team's cases, longest overdue first. Reaches the checks by case and the follow-up by
 * check (scheduled_updates (wellbeingCheckId) index).
 */
export async function findHighRiskWithoutFollowUp(
  manager: EntityManager,
  criteria: { teamId: string; today: IsoDate },
  page: PageWindow,
): Promise<ListPage<HighRiskRecord>> {
  const sql = reportSql(manager);
  const query = manager
    .createQueryBuilder(Case, 'c')
    .innerJoin(WellbeingCheck, 'w', 'w.caseId = c.id AND w.riskLevel = :high')
    // "Not met and not declined" rather than status IN (…): the team's cases, not the national
    // status index, are where this list should start.
    .innerJoin(ScheduledUpdate, 'u', 'u.wellbeingCheckId = w.id AND u.reason = :followUp AND u.status <> :met AND u.status <> :declined')
    .leftJoin(Officer, 'o', 'o.id = c.liaisonOfficerId')
    .where('c.teamId = :teamId')
    .setParameters({ teamId: criteria.teamId, high: 'high', followUp: 'wellbeing_follow_up', met: 'met', declined: 'declined' });
  const total = await countOf(query);
  const raw = await query
    .select('w.id', 'wellbeingCheckId')
    .addSelect('c.id', 'caseId')
    .addSelect('c.reference', 'reference')
    .addSelect('w.occurredAt', 'checkedAt')
    .addSelect('w.officerId', 'checkedByOfficerId')
    .addSelect('c.liaisonOfficerId', 'officerId')
    .addSelect('o.name', 'officerName')
    .addSelect('u.id', 'followUpUpdateId')
    .addSelect(sql.dateText('u.dueDate'), 'followUpDueDate')
    .addSelect('u.status', 'followUpStatus')
    .orderBy('u.dueDate', 'ASC')
    .addOrderBy('w.occurredAt', 'ASC')
    .addOrderBy('w.id', 'ASC')
    .limit(page.limit)
    .offset(page.offset)
    .getRawMany<Record<string, unknown>>();
  return {
    total,
    rows: raw.map((row) => {
      const dueDate = String(row.followUpDueDate);
      return {
        wellbeingCheckId: String(row.wellbeingCheckId),
        caseId: String(row.caseId),
        reference: String(row.reference),
        checkedAt: instantFromRaw(row.checkedAt)!,
        checkedByOfficerId: String(row.checkedByOfficerId),
        officerId: (row.officerId as string | null) ?? null,
        officerName: (row.officerName as string | null) ?? null,
        followUpUpdateId: String(row.followUpUpdateId),
        followUpDueDate: dueDate,
        followUpStatus: row.followUpStatus as UpdateStatus,
        daysOverdue: Math.max(0, calendarDaysBetween(dueDate, criteria.today)),
      };
    }),
  };
}

export const UNASSIGNED_REASONS = ['no_officer', 'officer_inactive', 'officer_in_another_team'] as const;
export type UnassignedReason = (typeof UNASSIGNED_REASONS)[number];

export interface UnassignedRecord {
  caseId: string;
  reference: string;
  officerId: string | null;
  officerName: string | null;
  reason: UnassignedReason;
  /** The next update the family is owed that is not yet met, if any. */
  nextDueDate: IsoDate | null;
}

/** Open cases of the team with no liaison officer, or one who is inactive or now in another team. */
export async function findUnassignedCases(
  manager: EntityManager,
  criteria: { teamId: string },
  page: PageWindow,
): Promise<ListPage<UnassignedRecord>> {
  const sql = reportSql(manager);
  const query = manager
    .createQueryBuilder(Case, 'c')
    .leftJoin(Officer, 'o', 'o.id = c.liaisonOfficerId')
    .where('c.teamId = :teamId AND c.status = :open')
    .andWhere('(o.id IS NULL OR o.active = :inactive OR o.teamId IS NULL OR o.teamId <> c.teamId)')
    .setParameters({ teamId: criteria.teamId, open: 'open', inactive: false, unmet: ['open', 'attempted', 'missed'] });
  const total = await countOf(query);
  const nextDue = query
    .subQuery()
    .select('MIN(n.dueDate)')
    .from(ScheduledUpdate, 'n')
    .where('n.caseId = c.id AND n.status IN (:...unmet)')
    .getQuery();
  const raw = await query
    .select('c.id', 'caseId')
    .addSelect('c.reference', 'reference')
    .addSelect('c.liaisonOfficerId', 'officerId')
    .addSelect('o.name', 'officerName')
    .addSelect('o.id', 'foundOfficerId')
    .addSelect('o.active', 'officerActive')
    .addSelect(sql.dateText(nextDue), 'nextDueDate')
    .orderBy(sql.quote('nextDueDate'), 'ASC', 'NULLS LAST')
    .addOrderBy('c.reference', 'ASC')
    .limit(page.limit)
    .offset(page.offset)
    .getRawMany<Record<string, unknown>>();
  return {
    total,
    rows: raw.map((row) => ({
      caseId: String(row.caseId),
      reference: String(row.reference),
      officerId: (row.officerId as string | null) ?? null,
      officerName: (row.officerName as string | null) ?? null,
      reason: row.foundOfficerId === null ? 'no_officer' : isTrue(row.officerActive) ? 'officer_in_another_team' : 'officer_inactive',
      nextDueDate: (row.nextDueDate as string | null) ?? null,
    })),
  };
}

export interface UnacknowledgedAlertRecord {
  alertId: string;
  kind: SupervisorAlert['kind'];
  caseId: string;
  reference: string;
  officerId: string | null;
  officerName: string | null;
  reasons: string[];
  raisedAt: Date;
  /** Whole days the alert has waited, up to the report date. */
  daysWaiting: number;
}

/** Alerts raised to the team and not yet acknowledged, oldest first. */
export async function findUnacknowledgedAlerts(
  manager: EntityManager,
  criteria: { teamId: string; now: Date },
  page: PageWindow,
): Promise<ListPage<UnacknowledgedAlertRecord>> {
  const query = manager
    .createQueryBuilder(SupervisorAlert, 'a')
    .innerJoin(Case, 'c', 'c.id = a.caseId')
    .leftJoin(Officer, 'o', 'o.id = c.liaisonOfficerId')
    .where('a.teamId = :teamId AND a.acknowledgedAt IS NULL', { teamId: criteria.teamId });
  const total = await countOf(query);
  const raw = await query
    .select('a.id', 'alertId')
    .addSelect('a.kind', 'kind')
    .addSelect('a.caseId', 'caseId')
    .addSelect('c.reference', 'reference')
    .addSelect('c.liaisonOfficerId', 'officerId')
    .addSelect('o.name', 'officerName')
    .addSelect('a.reasons', 'reasons')
    .addSelect('a.raisedAt', 'raisedAt')
    .orderBy('a.raisedAt', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .limit(page.limit)
    .offset(page.offset)
    .getRawMany<Record<string, unknown>>();
  return {
    total,
    rows: raw.map((row) => {
      const raisedAt = instantFromRaw(row.raisedAt)!;
      return {
        alertId: String(row.alertId),
        kind: row.kind as SupervisorAlert['kind'],
        caseId: String(row.caseId),
        reference: String(row.reference),
        officerId: (row.officerId as string | null) ?? null,
        officerName: (row.officerName as string | null) ?? null,
        reasons: parseJsonList(row.reasons),
        raisedAt,
        daysWaiting: Math.max(0, Math.floor((criteria.now.getTime() - raisedAt.getTime()) / 86_400_000)),
      };
    }),
  };
}

async function countOf(query: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
  const row = await query.clone().select('COUNT(*)', 'total').orderBy().limit(undefined).offset(undefined).getRawOne<{ total: unknown }>();
  return numberFromRaw(row?.total);
}

function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** simple-json columns come back as text from getRawMany. */
function parseJsonList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  try {
    const parsed = JSON.parse(String(value));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}
