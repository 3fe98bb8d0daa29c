/**
 * All-day dates are 'YYYY-MM-DD' strings (Europe/London calendar dates). Internally the rules
 * count in whole days since 1970-01-01 ("day numbers") so that date arithmetic never touches a
 * clock or a time zone.
 */

/** A calendar date written 'YYYY-MM-DD'. */
export type IsoDate = string;

/** An instant written as an ISO 8601 timestamp, e.g. '2025-08-22T09:30:00Z'. */
export type IsoTimestamp = string;

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2026-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseDayNumber(value) !== null;
}

/** Whole days since 1970-01-01 for an all-day date. Throws on anything that is not a real date. */
export function toDayNumber(date: IsoDate): number {
  const dayNumber = typeof date === 'string' ? parseDayNumber(date) : null;
  if (dayNumber === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  return dayNumber;
}

// The conversions below avoid Date objects: the working-day calendar runs them millions of
// times for the data generator. Algorithms from Howard Hinnant, "chrono-compatible low-level
// date algorithms" (days_from_civil / civil_from_days).

function parseDayNumber(text: string): number | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumberFromParts(year, month, day);
}

/** The number written by text[from, to), or -1 if any character there is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Day number of a date given as numbers; month and day may overflow (month 13, day 0) like Date.UTC. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const carriedYear = year + Math.floor((month - 1) / 12);
  const carriedMonth = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = carriedMonth <= 2 ? carriedYear - 1 : carriedYear;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (carriedMonth + (carriedMonth > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function yearOfDayNumber(dayNumber: number): number {
  return civilFromDayNumber(dayNumber).year;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

// Building an Intl formatter is expensive; formatting with a shared one is cheap.
const londonDateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// A data generator converts the same timestamps over and over; formatting is the slow part.
const LONDON_DATE_CACHE_LIMIT = 50_000;
const londonDateCache = new Map<string, IsoDate>();

/**
 * The Europe/London calendar date of an instant: '2025-06-30T23:30:00Z' is already 1 July in
 * London (BST), while '2025-01-31T23:30:00Z' is still 31 January (GMT).
 */
export function londonDate(instant: IsoTimestamp | Date): IsoDate {
  if (typeof instant === 'string') {
    const cached = londonDateCache.get(instant);
    if (cached !== undefined) return cached;
  }
  const when = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(when.getTime())) throw new RangeError(`Not a timestamp: ${String(instant)}`);
  let year = '';
  let month = '';
  let day = '';
  for (const part of londonDateParts.formatToParts(when)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  const date = `${year}-${month}-${day}`;
  if (typeof instant === 'string') {
    if (londonDateCache.size >= LONDON_DATE_CACHE_LIMIT) londonDateCache.clear();
    londonDateCache.set(instant, date);
  }
  return date;
}
