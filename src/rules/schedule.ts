import { IsoDate, IsoTimestamp, addCalendarDays, calendarDaysBetween, isIsoDate, londonDate } from './dates';
import { RiskLevel, followUpForRisk } from './risk';
import { MAX_CADENCE_DAYS, MIN_CADENCE_DAYS, RuleSettings, isValidUpdateFrequency } from './settings';
import {
  CaseStatus,
  ContactMethod,
  ContactOutcome,
  MilestoneStatus,
  MilestoneType,
  UPDATE_REASONS,
  UpdateReason,
  UpdateStatus,
} from './vocabulary';
import { WorkingDayCalendar } from './working-days';

/** Ids are whatever the persistence layer uses; the rules only copy them and put them in keys. */
export type RecordId = string | number;

export interface MilestoneFacts {
  id: RecordId;
  type: MilestoneType;
  status: MilestoneStatus;
  expectedDate: IsoDate | null;
  doneDate: IsoDate | null;
  /** When the milestone was first recorded. */
  recordedAt: IsoTimestamp;
  /** When its expected or done date last changed; null if never changed since it was recorded. */
  dateChangedAt: IsoTimestamp | null;
}

export interface ContactFacts {
  id: RecordId;
  occurredAt: IsoTimestamp;
  outcome: ContactOutcome;
  method: ContactMethod;
}

export interface WellbeingCheckFacts {
  id: RecordId;
  occurredAt: IsoTimestamp;
  riskLevel: RiskLevel;
}

/** The family asked not to be updated from `from` until `reviewDate`. */
export interface DeclineFacts {
  id: RecordId;
  from: IsoDate;
  reviewDate: IsoDate;
}

export interface CaseFacts {
  status: CaseStatus;
  closedDate?: IsoDate | null;
  arrestDate?: IsoDate | null;
  /** Not used by the schedule: nothing is owed to a family before the arrest. */
  plannedArrestDate?: IsoDate | null;
  updateFrequencyDays: number;
  milestones: readonly MilestoneFacts[];
  contacts: readonly ContactFacts[];
  wellbeingChecks: readonly WellbeingCheckFacts[];
  declines: readonly DeclineFacts[];
}

/** What makes an update owed, before looking at the contacts that answer it. */
export interface Obligation {
  /** Stable and deterministic: the same obligation always gets the same key. */
  key: string;
  reason: UpdateReason;
  /** The first day on which a contact can meet it. */
  owedFrom: IsoDate;
  dueDate: IsoDate;
  milestoneId: RecordId | null;
  wellbeingCheckId: RecordId | null;
  /** Risk level of the wellbeing check behind a follow-up, else null (used to order work). */
  riskLevel: RiskLevel | null;
}

export interface UpdateStatusFacts {
  status: UpdateStatus;
  metByContactId: RecordId | null;
  metAt: IsoTimestamp | null;
  /** Met: calendar days after the due date (0 when on time). Attempted/missed: days overdue as of today. Else null. */
  daysLate: number | null;
}

export type OwedUpdate = Obligation & UpdateStatusFacts;

/** Orders updates that fall due on the same day; also the order reasons are listed in docs. */
const REASON_ORDER: Record<UpdateReason, number> = Object.fromEntries(
  UPDATE_REASONS.map((reason, index) => [reason, index]),
) as Record<UpdateReason, number>;

/** The first contact covers these: the family must never be told about a warrant in advance. */
const COVERED_BY_FIRST_CONTACT: readonly MilestoneType[] = ['planned_warrant', 'arrest'];

const ADVANCE_NOTICE_STATUSES: readonly MilestoneStatus[] = ['expected', 'delayed'];

/**
 * Every update the family of one case is owed as of `today`, each with its status.
 *
 * The function is pure and deterministic: it reads no clock and returns the same list for the
 * same facts. It returns what is owed *now*: an obligation that no longer exists (the advance
 * notice for a hearing that has been re-dated, done or cancelled) is simply not returned, and the
 * persistence layer keeps rows it already resolved (met, attempted, missed, declined) and drops
 * rows that are still open. See docs/rules.md for every rule in plain English.
 */
export function computeOwedUpdates(
  facts: CaseFacts,
  today: IsoDate,
  settings: RuleSettings,
  calendar: WorkingDayCalendar,
): OwedUpdate[] {
  assertDate(today, 'today');
  if (!facts.arrestDate) return [];
  assertDate(facts.arrestDate, 'arrestDate');
  if (!isValidUpdateFrequency(facts.updateFrequencyDays)) {
    throw new RangeError(
      `updateFrequencyDays must be a whole number from ${MIN_CADENCE_DAYS} to ${MAX_CADENCE_DAYS}, got ${facts.updateFrequencyDays}`,
    );
  }

  const closedDate = facts.status === 'closed' ? (facts.closedDate ?? today) : null;
  const history = new ContactHistory(facts.contacts, facts.declines);
  const context: ScheduleContext = { facts, arrestDate: facts.arrestDate, settings, calendar };

  const obligations = [
    firstContact(context),
    ...milestoneUpdates(context),
    ...advanceNotices(context),
    ...wellbeingFollowUps(context),
    ...declineReviews(context),
  ].filter((obligation) => isOwedGivenClosure(obligation, closedDate));

  const updates = obligations.map((obligation) => ({ ...obligation, ...history.statusOf(obligation, today) }));
  updates.push(...cadenceChain(context, history, today, closedDate));
  return updates.sort(byDueDateThenReason);
}

/**
 * The status of one obligation given the case's contacts and declines, for the persistence
 * layer to refresh rows it keeps but `computeOwedUpdates` no longer produces.
 */
export function resolveUpdateStatus(
  obligation: Obligation,
  facts: Pick<CaseFacts, 'contacts' | 'declines'>,
  today: IsoDate,
): UpdateStatusFacts {
  return new ContactHistory(facts.contacts, facts.declines).statusOf(obligation, today);
}

interface ScheduleContext {
  facts: CaseFacts;
  arrestDate: IsoDate;
  settings: RuleSettings;
  calendar: WorkingDayCalendar;
}

function obligation(
  fields: Pick<Obligation, 'key' | 'reason' | 'owedFrom' | 'dueDate'> & Partial<Obligation>,
): Obligation {
  return { milestoneId: null, wellbeingCheckId: null, riskLevel: null, ...fields };
}

function firstContact({ arrestDate, settings, calendar }: ScheduleContext): Obligation {
  return obligation({
    key: 'first_contact',
    reason: 'first_contact',
    owedFrom: arrestDate,
    dueDate: calendar.addWorkingDays(arrestDate, settings.firstContactWorkingDays),
  });
}

/**
 * A milestone done owes an update after its done date; a milestone not yet done whose date
 * changed owes one after the day of the change. Only the latest event of each milestone is known.
 */
function milestoneUpdates({ facts, arrestDate, settings, calendar }: ScheduleContext): Obligation[] {
  const owed: Obligation[] = [];
  for (const milestone of facts.milestones) {
    if (milestone.status === 'cancelled' || COVERED_BY_FIRST_CONTACT.includes(milestone.type)) continue;
    const eventDate =
      milestone.status === 'done' && milestone.doneDate
        ? milestone.doneDate
        : milestone.dateChangedAt
          ? londonDate(milestone.dateChangedAt)
          : null;
    // Before the arrest the family knows nothing yet; the first contact covers those events.
    if (eventDate === null || eventDate < arrestDate) continue;
    owed.push(
      obligation({
        key: `milestone:${milestone.id}:${eventDate}`,
        reason: 'milestone',
        owedFrom: eventDate,
        dueDate: calendar.addWorkingDays(eventDate, settings.afterMilestoneWorkingDays),
        milestoneId: milestone.id,
      }),
    );
  }
  return owed;
}

/**
 * Notice before a hearing, bail return or media release. It is owed from the day the current
 * date became known (recorded or last re-dated). If that was too late for the full notice, it is
 * due on the first working day after learning of it; if no working day is left before the
 * milestone, no advance notice is owed (the after-milestone update covers it).
 */
function advanceNotices({ facts, arrestDate, settings, calendar }: ScheduleContext): Obligation[] {
  const owed: Obligation[] = [];
  for (const milestone of facts.milestones) {
    const { expectedDate } = milestone;
    if (!expectedDate || !ADVANCE_NOTICE_STATUSES.includes(milestone.status)) continue;
    if (!settings.advanceNoticeMilestoneTypes.includes(milestone.type)) continue;
    const learnedOn = maxDate(londonDate(milestone.dateChangedAt ?? milestone.recordedAt), arrestDate);
    const fullNotice = calendar.subtractWorkingDays(expectedDate, settings.advanceNoticeWorkingDays);
    const dueDate = maxDate(fullNotice, calendar.nextWorkingDayOnOrAfter(learnedOn));
    if (dueDate >= expectedDate) continue;
    owed.push(
      obligation({
        key: `advance_notice:${milestone.id}:${expectedDate}`,
        reason: 'advance_notice',
        owedFrom: learnedOn,
        dueDate,
        milestoneId: milestone.id,
      }),
    );
  }
  return owed;
}

/** The check itself usually happens during a contact, so only a later day's contact follows it up. */
function wellbeingFollowUps({ facts, settings, calendar }: ScheduleContext): Obligation[] {
  const owed: Obligation[] = [];
  for (const check of facts.wellbeingChecks) {
    const checkDate = londonDate(check.occurredAt);
    const dueDate = followUpForRisk(check.riskLevel, checkDate, settings, calendar);
    if (dueDate === null) continue;
    owed.push(
      obligation({
        key: `wellbeing_follow_up:${check.id}`,
        reason: 'wellbeing_follow_up',
        // A force may ask for a same-day follow-up (0 working days); then the day itself counts.
        owedFrom: minDate(addCalendarDays(checkDate, 1), dueDate),
        dueDate,
        wellbeingCheckId: check.id,
        riskLevel: check.riskLevel,
      }),
    );
  }
  return owed;
}

/** The review of a family's decision to decline updates is itself a (cadence) update, due on the review date. */
function declineReviews({ facts, calendar }: ScheduleContext): Obligation[] {
  return facts.declines.map((decline) =>
    obligation({
      key: `decline_review:${decline.id}`,
      reason: 'cadence',
      owedFrom: decline.reviewDate,
      dueDate: calendar.nextWorkingDayOnOrAfter(decline.reviewDate),
    }),
  );
}

/**
 * Regular updates every `updateFrequencyDays` calendar days (rolled forward to a working day),
 * counted from the arrest, then from the latest contact that reached the family on or before
 * each due date, or from the due date itself when none did. Counting a missed update from its
 * due date keeps it missed in history while the chain carries on. The chain runs up to and
 * including the first update due after today that is still open (one met early is followed by
 * the next), or stops at closure.
 */
function cadenceChain(
  { facts, arrestDate, calendar }: ScheduleContext,
  history: ContactHistory,
  today: IsoDate,
  closedDate: IsoDate | null,
): OwedUpdate[] {
  const chain: OwedUpdate[] = [];
  let anchor = arrestDate;
  for (;;) {
    const owedFrom = addCalendarDays(anchor, 1);
    const dueDate = calendar.nextWorkingDayOnOrAfter(addCalendarDays(anchor, facts.updateFrequencyDays));
    if (closedDate !== null && dueDate > closedDate) break;
    // Two chain links can roll onto the same working day, so the key carries where each starts.
    const link = obligation({ key: `cadence:${owedFrom}:${dueDate}`, reason: 'cadence', owedFrom, dueDate });
    const update: OwedUpdate = { ...link, ...history.statusOf(link, today) };
    chain.push(update);
    if (dueDate > today && update.status === 'open') break;
    anchor = history.lastReachedBetween(owedFrom, dueDate) ?? dueDate;
  }
  return chain;
}

/**
 * A closed case owes nothing new after its closed date. What was already owed for news (first
 * contact, a milestone such as the closure itself, a wellbeing follow-up) is still owed;
 * cadence and advance notice stop at the closed date.
 */
function isOwedGivenClosure(owed: Obligation, closedDate: IsoDate | null): boolean {
  if (closedDate === null) return true;
  if (owed.owedFrom > closedDate) return false;
  const stopsAtClosure = owed.reason === 'cadence' || owed.reason === 'advance_notice';
  return !stopsAtClosure || owed.dueDate <= closedDate;
}

interface DatedContact {
  id: RecordId;
  occurredAt: IsoTimestamp;
  date: IsoDate;
  outcome: ContactOutcome;
}

/** The case's contacts in the order they happened, answering "what met this update?". */
class ContactHistory {
  /** Contacts in which the family was reached: they spoke, or they said they declined. */
  private readonly reached: DatedContact[];
  private readonly attempts: DatedContact[];

  constructor(
    contacts: readonly ContactFacts[],
    private readonly declines: readonly DeclineFacts[],
  ) {
    const dated = contacts
      .map((contact) => ({
        id: contact.id,
        occurredAt: contact.occurredAt,
        date: londonDate(contact.occurredAt),
        outcome: contact.outcome,
        instant: Date.parse(contact.occurredAt),
      }))
      .sort((left, right) => left.instant - right.instant || compareText(String(left.id), String(right.id)))
      .map(({ instant: _instant, ...contact }) => contact);
    this.reached = dated.filter((contact) => contact.outcome === 'spoke' || contact.outcome === 'declined');
    this.attempts = dated.filter((contact) => contact.outcome === 'no_answer' || contact.outcome === 'left_message');
  }

  /**
   * Met or declined by the first contact that reached the family on or after `owedFrom` — on time
   * if by the due date, otherwise late. A due date inside a decline period is declined unless the
   * family was reached in time anyway. Without either: open until the due date, then attempted
   * (only unanswered attempts between owedFrom and the due date) or missed.
   */
  statusOf(owed: Obligation, today: IsoDate): UpdateStatusFacts {
    const answer = this.reached[firstIndexOnOrAfter(this.reached, owed.owedFrom)];
    if (answer && answer.date <= owed.dueDate) return this.answeredBy(answer, owed);
    if (owed.reason !== 'wellbeing_follow_up' && this.isInDeclinePeriod(owed.dueDate)) return DECLINED;
    if (answer) return this.answeredBy(answer, owed);
    if (today <= owed.dueDate) return OPEN;
    const attempted = this.attempts[firstIndexOnOrAfter(this.attempts, owed.owedFrom)];
    return {
      status: attempted && attempted.date <= owed.dueDate ? 'attempted' : 'missed',
      metByContactId: null,
      metAt: null,
      daysLate: calendarDaysBetween(owed.dueDate, today),
    };
  }

  /** Date of the latest contact that reached the family within [from, to], or null. */
  lastReachedBetween(from: IsoDate, to: IsoDate): IsoDate | null {
    const after = firstIndexOnOrAfter(this.reached, addCalendarDays(to, 1));
    const latest = this.reached[after - 1];
    return latest && latest.date >= from ? latest.date : null;
  }

  private answeredBy(contact: DatedContact, owed: Obligation): UpdateStatusFacts {
    if (contact.outcome === 'declined') return DECLINED;
    return {
      status: 'met',
      metByContactId: contact.id,
      metAt: contact.occurredAt,
      daysLate: Math.max(0, calendarDaysBetween(owed.dueDate, contact.date)),
    };
  }

  private isInDeclinePeriod(date: IsoDate): boolean {
    return this.declines.some((decline) => decline.from <= date && date < decline.reviewDate);
  }
}

const OPEN: UpdateStatusFacts = Object.freeze({ status: 'open', metByContactId: null, metAt: null, daysLate: null });
const DECLINED: UpdateStatusFacts = Object.freeze({ status: 'declined', metByContactId: null, metAt: null, daysLate: null });

/** Index of the first contact dated on or after `date` in a list sorted by date (binary search). */
function firstIndexOnOrAfter(contacts: readonly DatedContact[], date: IsoDate): number {
  let low = 0;
  let high = contacts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (contacts[middle].date < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

function byDueDateThenReason(left: OwedUpdate, right: OwedUpdate): number {
  return (
    left.dueDate.localeCompare(right.dueDate) ||
    REASON_ORDER[left.reason] - REASON_ORDER[right.reason] ||
    compareText(left.key, right.key)
  );
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function maxDate(left: IsoDate, right: IsoDate): IsoDate {
  return left > right ? left : right;
}

function minDate(left: IsoDate, right: IsoDate): IsoDate {
  return left < right ? left : right;
}

function assertDate(value: unknown, field: string): void {
  if (!isIsoDate(value)) throw new RangeError(`${field} must be a calendar date written YYYY-MM-DD, got ${String(value)}`);
}

// ---------------------------------------------------------------------------------------------
// The officer's work list

/** The fields of an update the work list needs; stored rows with extra fields are welcome. */
export interface WorkItem {
  key: string;
  dueDate: IsoDate;
  reason: UpdateReason;
  status: UpdateStatus;
  riskLevel?: RiskLevel | null;
}

export interface WorkSummary<T extends WorkItem> {
  overdue: T[];
  dueToday: T[];
  next7Days: T[];
}

const OUTSTANDING: readonly UpdateStatus[] = ['open', 'attempted', 'missed'];

/**
 * What is overdue, due today and due in the next 7 calendar days, each list ordered by urgency:
 * follow-ups to high-risk wellbeing checks first, then by due date. Met and declined updates are
 * not work.
 */
export function summariseWork<T extends WorkItem>(updates: readonly T[], today: IsoDate): WorkSummary<T> {
  assertDate(today, 'today');
  const weekAhead = addCalendarDays(today, 7);
  const summary: WorkSummary<T> = { overdue: [], dueToday: [], next7Days: [] };
  for (const update of updates) {
    if (!OUTSTANDING.includes(update.status)) continue;
    if (update.dueDate < today) summary.overdue.push(update);
    else if (update.dueDate === today) summary.dueToday.push(update);
    else if (update.dueDate <= weekAhead) summary.next7Days.push(update);
  }
  summary.overdue.sort(byUrgency);
  summary.dueToday.sort(byUrgency);
  summary.next7Days.sort(byUrgency);
  return summary;
}

function isHighRiskFollowUp(item: WorkItem): boolean {
  return item.reason === 'wellbeing_follow_up' && item.riskLevel === 'high';
}

function byUrgency(left: WorkItem, right: WorkItem): number {
  return (
    Number(isHighRiskFollowUp(right)) - Number(isHighRiskFollowUp(left)) ||
    left.dueDate.localeCompare(right.dueDate) ||
    REASON_ORDER[left.reason] - REASON_ORDER[right.reason] ||
    compareText(left.key, right.key)
  );
}
