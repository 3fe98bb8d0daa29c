import { EntityManager } from 'typeorm';
import { Officer } from '../officers/officer.entity';
import { IsoDate } from '../rules';
import { ScheduledUpdate } from '../updates/scheduled-update.entity';
import { isoWeek } from './iso-week';
import { numberFromRaw, reportSql } from './report-sql';

export interface ComplianceCriteria {
  teamId: string;
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
}

/** How one officer's updates due in one ISO week turned out. */
export interface ComplianceCounts {
  /** Every update due in the week. */
  due: number;
  metOnTime: number;
  metLate: number;
  /** Only unanswered attempts by the due date, and still not met. */
  attempted: number;
  /** Nothing logged by the due date and still not met, including open updates already past due. */
  missed: number;
  declined: number;
  /** Open and not yet due on the report date: too early to judge. */
  pending: number;
  /** metOnTime ÷ (due − declined − pending); null when nothing could be judged. */
  onTimeRate: number | null;
}

export interface ComplianceRecord extends ComplianceCounts {
  officerId: string | null;
  officerName: string | null;
  /** ISO 8601 week, e.g. '2026-W11', and its Monday. */
  week: string;
  weekStart: IsoDate;
}

const COUNTED = ['due', 'metOnTime', 'metLate', 'attempted', 'missed', 'declined', 'pending'] as const;

/**
 * Counts per officer and ISO week, grouped in SQL over the team's (teamId, dueDate) index range:
 * the database returns one row per officer-week, never the updates themselves.
 */
export async function findCompliance(manager: EntityManager, criteria: ComplianceCriteria): Promise<ComplianceRecord[]> {
  const sql = reportSql(manager);
  const weekStart = sql.isoWeekStart('u.dueDate');
  const when = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const raw = await manager
    .createQueryBuilder(ScheduledUpdate, 'u')
    .leftJoin(Officer, 'o', 'o.id = u.officerId')
    .select('u.officerId', 'officerId')
    .addSelect('o.name', 'officerName')
    .addSelect(weekStart, 'weekStart')
    .addSelect('COUNT(*)', 'due')
    .addSelect(when('u.status = :met AND COALESCE(u.daysLate, 0) = 0'), 'metOnTime')
    .addSelect(when('u.status = :met AND u.daysLate > 0'), 'metLate')
    .addSelect(when('u.status = :attempted'), 'attempted')
    .addSelect(when('(u.status = :missed OR (u.status = :open AND u.dueDate < :today))'), 'missed')
    .addSelect(when('u.status = :declined'), 'declined')
    .addSelect(when('u.status = :open AND u.dueDate >= :today'), 'pending')
    .where('u.teamId = :teamId AND u.dueDate >= :from AND u.dueDate <= :to')
    .setParameters({
      ...criteria,
      met: 'met',
      attempted: 'attempted',
      missed: 'missed',
      open: 'open',
      declined: 'declined',
    })
    .groupBy('u.officerId')
    .addGroupBy('o.name')
    .addGroupBy(weekStart)
    .orderBy('o.name', 'ASC')
    .addOrderBy('u.officerId', 'ASC')
    .addOrderBy(weekStart, 'ASC')
    .getRawMany<Record<string, unknown>>();
  return raw.map((row) => {
    const counts = Object.fromEntries(COUNTED.map((key) => [key, numberFromRaw(row[key])])) as Omit<ComplianceCounts, 'onTimeRate'>;
    const start = String(row.weekStart);
    return {
      officerId: (row.officerId as string | null) ?? null,
      officerName: (row.officerName as string | null) ?? null,
      week: isoWeek(start),
      weekStart: start,
      ...withRate(counts),
    };
  });
}

export function withRate(counts: Omit<ComplianceCounts, 'onTimeRate'>): ComplianceCounts {
  const judged = counts.due - counts.declined - counts.pending;
  return { ...counts, onTimeRate: judged > 0 ? Math.round((counts.metOnTime / judged) * 1000) / 1000 : null };
}

/** Adds up officer-week rows (for an officer's or the team's totals over the range). */
export function sumCounts(rows: readonly ComplianceCounts[]): ComplianceCounts {
  const sum = Object.fromEntries(COUNTED.map((key) => [key, 0])) as Omit<ComplianceCounts, 'onTimeRate'>;
  for (const row of rows) for (const key of COUNTED) sum[key] += row[key];
  return withRate(sum);
}
