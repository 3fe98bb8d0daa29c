import { IsoDate, addCalendarDays, londonDate } from '../rules';

/**
 * The instant a Europe/London calendar day begins: 00:00 GMT in winter, 23:00 UTC the evening
 * before in summer time. Used to turn a `from`/`to` day into bounds on stored instants.
 */
export function londonDayStart(date: IsoDate): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const hourBefore = new Date(utcMidnight - 3_600_000);
  return londonDate(hourBefore) === date ? hourBefore : new Date(utcMidnight);
}

/** The instants of one London day, or of a run of days: [start of `from`, start of the day after `to`). */
export function londonDayBounds(from: IsoDate, to: IsoDate): { start: Date; end: Date } {
  return { start: londonDayStart(from), end: londonDayStart(addCalendarDays(to, 1)) };
}
