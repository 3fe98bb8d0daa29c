import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Case } from '../cases/case.entity';
import { Clock } from '../common/clock';
import { Contact } from '../contacts/contact.entity';
import { CompiledFind } from '../database/compiled-find';
import { together } from '../database/together';
import { Milestone } from '../milestones/milestone.entity';
import { CaseFacts, RuleSettings, WorkingDayCalendar, computeOwedUpdates, londonDate } from '../rules';
import { SettingsService } from '../settings/settings.service';
import { WellbeingCheck } from '../wellbeing/wellbeing-check.entity';
import { ScheduleDiff, StoredUpdateRow, diffSchedule } from './schedule-diff';
import { ScheduledUpdate } from './scheduled-update.entity';
import { UpdateDecline, effectiveReviewDate } from './update-decline.entity';

export interface RecomputeContext {
  /** The Europe/London date the statuses are worked out for. */
  today: string;
  /** Stamped on rows written. */
  now: Date;
  settings: RuleSettings;
  calendar: WorkingDayCalendar;
}

export interface RecomputeResult {
  inserted: number;
  updated: number;
  deleted: number;
}

/** SQLite's limit on bound variables is 999; 14 columns a row. */
const INSERT_CHUNK = 50;

/**
 * Serialises everything that writes one case's schedule on PostgreSQL, where writes run
 * concurrently: without it, two transactions could each insert the same new obligation. Taken
 * first thing in every such transaction, so two of them never wait on each other in opposite
 * orders. (On SQLite the UnitOfWork already runs writes one at a time.)
 */
export async function lockCaseSchedule(manager: EntityManager, caseId: string): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  await manager.query('SELECT id FROM cases WHERE id = $1 FOR NO KEY UPDATE', [caseId]);
}

/** What recomputing one case's schedule reads besides the case row itself. */
export interface ScheduleInputs {
  milestones: Milestone[];
  /** Only what the rules look at: a case's contacts are its longest list, and their text is not needed. */
  contacts: ScheduledContact[];
  checks: WellbeingCheck[];
  declines: UpdateDecline[];
  stored: ScheduledUpdate[];
}

export type ScheduledContact = Pick<Contact, 'id' | 'occurredAt' | 'outcome' | 'method' | 'correctsContactId'>;

/** Every contact write reads these: their SQL is written once (CompiledFind). */
const INPUTS = {
  milestones: new CompiledFind(Milestone, ['caseId']),
  contacts: new CompiledFind(Contact, ['caseId'], { select: ['id', 'occurredAt', 'outcome', 'method', 'correctsContactId'] }),
  checks: new CompiledFind(WellbeingCheck, ['caseId']),
  declines: new CompiledFind(UpdateDecline, ['caseId']),
  stored: new CompiledFind(ScheduledUpdate, ['caseId']),
};

/** Reads a case's schedule inputs in the caller's transaction, all at once where the engine allows. */
export async function loadScheduleInputs(manager: EntityManager, caseId: string): Promise<ScheduleInputs> {
  const [milestones, contacts, checks, declines, stored] = await together(manager, [
    () => INPUTS.milestones.many(manager, caseId),
    () => INPUTS.contacts.many(manager, caseId),
    () => INPUTS.checks.many(manager, caseId),
    () => INPUTS.declines.many(manager, caseId),
    () => INPUTS.stored.many(manager, caseId),
  ] as const);
  return { milestones, contacts, checks, declines, stored };
}

/** The facts the rules need about one case. */
function caseFacts(kase: Case, { milestones, contacts, checks, declines }: ScheduleInputs): CaseFacts {
  const corrected = new Set(contacts.map((c) => c.correctsContactId).filter((id): id is string => id !== null));
  return {
    status: kase.status,
    closedDate: kase.closedDate,
    arrestDate: kase.arrestDate,
    plannedArrestDate: kase.plannedArrestDate,
    updateFrequencyDays: kase.updateFrequencyDays,
    milestones: milestones.map((m) => ({
      id: m.id,
      type: m.type,
      status: m.status,
      expectedDate: m.expectedDate,
      doneDate: m.doneDate,
      recordedAt: m.recordedAt.toISOString(),
      dateChangedAt: m.dateChangedAt ? m.dateChangedAt.toISOString() : null,
    })),
    // A corrected entry no longer counts: the correction that replaced it does.
    contacts: contacts
      .filter((c) => !corrected.has(c.id))
      .map((c) => ({ id: c.id, occurredAt: c.occurredAt.toISOString(), outcome: c.outcome, method: c.method })),
    wellbeingChecks: checks.map((w) => ({ id: w.id, occurredAt: w.occurredAt.toISOString(), riskLevel: w.riskLevel })),
    declines: declines.map((d) => ({ id: d.id, from: d.from, reviewDate: effectiveReviewDate(d) })),
  };
}

/**
 * What must change in a case's stored schedule for it to match the rules, given inputs already
 * read (and, for a write that adds a record, that record added to them). Pure.
 */
export function planSchedule(kase: Case, inputs: ScheduleInputs, context: RecomputeContext): ScheduleDiff {
  const facts = caseFacts(kase, inputs);
  const owed = computeOwedUpdates(facts, context.today, context.settings, context.calendar);
  return diffSchedule(inputs.stored.map(toRow), owed, facts, context.today, {
    officerId: kase.liaisonOfficerId,
    teamId: kase.teamId,
  });
}

/**
 * Brings one case's stored scheduled updates in line with the rules, inside the caller's
 * transaction. Idempotent: a second run with the same facts and day writes nothing.
 */
export async function recomputeSchedule(manager: EntityManager, caseOrId: string | Case, context: RecomputeContext): Promise<RecomputeResult> {
  const caseId = typeof caseOrId === 'string' ? caseOrId : caseOrId.id;
  await lockCaseSchedule(manager, caseId);
  const kase = typeof caseOrId === 'string' ? await manager.findOneOrFail(Case, { where: { id: caseId } }) : caseOrId;
  const diff = planSchedule(kase, await loadScheduleInputs(manager, caseId), context);
  await together(manager, scheduleWrites(manager, caseId, diff, context.now));
  return { inserted: diff.insert.length, updated: diff.update.length, deleted: diff.remove.length };
}

/**
 * The statements that apply a diff, to run with `together` (alone or with the caller's own). They
 * touch different rows, so their order does not matter: a removed row's key is no longer owed, so
 * no inserted row takes it.
 */
export function scheduleWrites(manager: EntityManager, caseId: string, diff: ScheduleDiff, now: Date): (() => Promise<unknown>)[] {
  return [
    ...(diff.remove.length ? [() => manager.delete(ScheduledUpdate, { id: In(diff.remove) })] : []),
    ...diff.update.map(({ id, fields }) => () => {
      const { metAt, ...rest } = fields;
      return manager.update(ScheduledUpdate, { id }, { ...rest, ...(metAt !== undefined ? { metAt: metAt === null ? null : new Date(metAt) } : {}), updatedAt: now });
    }),
    ...chunks(diff.insert, INSERT_CHUNK).map((chunk) => () => {
      const values = chunk.map((row) => ({
        ...row,
        caseId,
        metAt: row.metAt === null ? null : new Date(row.metAt),
        createdAt: now,
        updatedAt: now,
      }));
      // The case lock makes a conflict impossible; should one happen anyway (a second instance that
      // predates the lock), the unique (caseId, key) index keeps one row and the other is skipped.
      return manager.createQueryBuilder().insert().into(ScheduledUpdate).values(values).orIgnore().execute();
    }),
  ];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

function toRow(row: ScheduledUpdate): StoredUpdateRow {
  return {
    id: row.id,
    key: row.key,
    reason: row.reason,
    milestoneId: row.milestoneId,
    wellbeingCheckId: row.wellbeingCheckId,
    owedFrom: row.owedFrom,
    dueDate: row.dueDate,
    status: row.status,
    metByContactId: row.metByContactId,
    metAt: row.metAt ? row.metAt.toISOString() : null,
    daysLate: row.daysLate,
    riskLevel: row.riskLevel,
    officerId: row.officerId,
    teamId: row.teamId,
  };
}

/**
 * The one way the app recomputes a case's schedule: with the force's current settings, the
 * working-day calendar loaded at start-up and the injected clock.
 */
@Injectable()
export class UpdateScheduler {
  constructor(
    private readonly settings: SettingsService,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  /**
   * Recomputes one case in the caller's transaction (which must be a write transaction). Pass the
   * case itself when the transaction has already loaded it and not changed it since.
   */
  async recompute(manager: EntityManager, caseOrId: string | Case, today?: string): Promise<RecomputeResult> {
    return recomputeSchedule(manager, caseOrId, await this.context(manager, today));
  }

  async context(manager: EntityManager, today?: string): Promise<RecomputeContext> {
    const now = this.clock.now();
    return { today: today ?? londonDate(now), now, settings: await this.settings.rules(manager), calendar: this.calendar };
  }

  today(): string {
    return londonDate(this.clock.now());
  }
}
