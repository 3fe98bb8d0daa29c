import { DomainError } from '../common/domain-error';
import { IsoDate, addCalendarDays, calendarDaysBetween } from '../rules';

/** A report covers 30 days unless asked otherwise… */
export const DEFAULT_RANGE_DAYS = 30;
/** …and at most a year and a day, so one request's cost stays bounded. */
export const MAX_RANGE_DAYS = 366;

/**
 * The due dates a report covers, both ends included: by default the 30 days up to today.
 * `from` after `to`, or a range longer than MAX_RANGE_DAYS, is refused naming `from`.
 */
export function reportRange(query: { from?: IsoDate; to?: IsoDate }, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = query.to ?? (query.from ? maxDate(today, query.from) : today);
  const from = query.from ?? addCalendarDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw DomainError.invalidField('from', `from (${from}) must not be after to (${to})`);
  if (calendarDaysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    throw DomainError.invalidField('from', `a report covers at most ${MAX_RANGE_DAYS} days; ask for a shorter range`);
  }
  return { from, to };
}

function maxDate(left: IsoDate, right: IsoDate): IsoDate {
  return left > right ? left : right;
}
