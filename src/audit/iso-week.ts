import { IsoDate, fromDayNumber, toDayNumber, weekdayOfDayNumber } from '../rules';

/** The Monday that starts the ISO 8601 week of a date. */
export function isoWeekStart(date: IsoDate): IsoDate {
  const day = toDayNumber(date);
  return fromDayNumber(day - ((weekdayOfDayNumber(day) + 6) % 7));
}

/**
 * The ISO 8601 week label of a date, e.g. '2026-W01'. The week belongs to the year of its
 * Thursday, so 2026-12-31 (a Thursday) is 2026-W53 and 2027-01-01 is still 2026-W53.
 */
export function isoWeek(date: IsoDate): string {
  const monday = toDayNumber(isoWeekStart(date));
  const thursday = fromDayNumber(monday + 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursdayOfYear = toDayNumber(`${thursday.slice(0, 4)}-01-04`);
  const firstMonday = firstThursdayOfYear - ((weekdayOfDayNumber(firstThursdayOfYear) + 6) % 7);
  const week = Math.floor((monday - firstMonday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
