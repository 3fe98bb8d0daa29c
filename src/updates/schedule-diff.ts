import { CaseFacts, OwedUpdate, RiskLevel, UpdateReason, UpdateStatus, resolveUpdateStatus } from '../rules';

/** The stored fields of a scheduled update that recomputation owns (metAt as an ISO string). */
export interface UpdateRow {
  key: string;
  reason: UpdateReason;
  milestoneId: string | null;
  wellbeingCheckId: string | null;
  owedFrom: string;
  dueDate: string;
  status: UpdateStatus;
  metByContactId: string | null;
  metAt: string | null;
  daysLate: number | null;
  riskLevel: RiskLevel | null;
  officerId: string | null;
  teamId: string;
}

export interface StoredUpdateRow extends UpdateRow {
  id: string;
}

/** Who is responsible for the case now. */
export interface Responsible {
  officerId: string | null;
  teamId: string;
}

export interface ScheduleDiff {
  insert: UpdateRow[];
  update: { id: string; fields: Partial<UpdateRow> }[];
  remove: string[];
}

const COMPARED: readonly (keyof UpdateRow)[] = [
  'reason',
  'milestoneId',
  'wellbeingCheckId',
  'owedFrom',
  'dueDate',
  'status',
  'metByContactId',
  'metAt',
  'daysLate',
  'riskLevel',
  'officerId',
  'teamId',
];

/**
 * What to write so that the stored rows of one case match what the rules say it is owed today.
 *
 * - an obligation without a row is inserted;
 * - a row still produced is updated only in the fields that changed;
 * - an open row no longer produced is removed (the rules no longer owe it);
 * - a resolved row (met, attempted, missed, declined) no longer produced is kept, its status
 *   refreshed with resolveUpdateStatus; if that makes it open again it is removed, like any other
 *   open row that is not owed.
 *
 * Responsibility follows the case while a row is open and is frozen once the row is resolved, so
 * an audit charges a missed update to the officer who held the case then.
 *
 * Pure: the same inputs give the same diff, and applying a diff then diffing again gives nothing.
 */
export function diffSchedule(
  stored: readonly StoredUpdateRow[],
  owed: readonly OwedUpdate[],
  facts: Pick<CaseFacts, 'contacts' | 'declines'>,
  today: string,
  responsible: Responsible,
): ScheduleDiff {
  const diff: ScheduleDiff = { insert: [], update: [], remove: [] };
  const byKey = new Map(stored.map((row) => [row.key, row]));
  const produced = new Set<string>();

  for (const update of owed) {
    produced.add(update.key);
    const row = byKey.get(update.key);
    const wanted: UpdateRow = {
      key: update.key,
      reason: update.reason,
      milestoneId: update.milestoneId === null ? null : String(update.milestoneId),
      wellbeingCheckId: update.wellbeingCheckId === null ? null : String(update.wellbeingCheckId),
      owedFrom: update.owedFrom,
      dueDate: update.dueDate,
      status: update.status,
      metByContactId: update.metByContactId === null ? null : String(update.metByContactId),
      metAt: update.metAt === null ? null : new Date(update.metAt).toISOString(),
      daysLate: update.daysLate,
      riskLevel: update.riskLevel,
      ...responsibleFor(update.status, row, responsible),
    };
    if (!row) diff.insert.push(wanted);
    else pushChanges(diff, row, wanted);
  }

  for (const row of stored) {
    if (produced.has(row.key)) continue;
    if (row.status === 'open') {
      diff.remove.push(row.id);
      continue;
    }
    const status = resolveUpdateStatus(row, facts, today);
    if (status.status === 'open') {
      diff.remove.push(row.id);
      continue;
    }
    pushChanges(diff, row, {
      ...row,
      status: status.status,
      metByContactId: status.metByContactId === null ? null : String(status.metByContactId),
      metAt: status.metAt === null ? null : new Date(status.metAt).toISOString(),
      daysLate: status.daysLate,
    });
  }
  return diff;
}

export function isEmptyDiff(diff: ScheduleDiff): boolean {
  return diff.insert.length === 0 && diff.update.length === 0 && diff.remove.length === 0;
}

function responsibleFor(status: UpdateStatus, row: StoredUpdateRow | undefined, now: Responsible): Responsible {
  if (status !== 'open' && row && row.status !== 'open') return { officerId: row.officerId, teamId: row.teamId };
  return { officerId: now.officerId, teamId: now.teamId };
}

function pushChanges(diff: ScheduleDiff, row: StoredUpdateRow, wanted: UpdateRow): void {
  const fields: Partial<UpdateRow> = {};
  for (const field of COMPARED) {
    if (row[field] !== wanted[field]) (fields as Record<string, unknown>)[field] = wanted[field];
  }
  if (Object.keys(fields).length) diff.update.push({ id: row.id, fields });
}
