import { IsoDate, dayNumberFromParts, fromDayNumber, isIsoDate, toDayNumber, weekdayOfDayNumber } from './dates';

/** A bank holiday in England & Wales. */
export interface BankHoliday {
  date: IsoDate;
  name: string;
}

/**
 * One-off changes to the rule-generated calendar, as kept in `data/bank-holidays-extra.json`.
 * A moved holiday is a `remove` of the rule date plus an `add` of the new one.
 */
export interface ExtraHolidays {
  add: { date: IsoDate; name: string; source: string }[];
  remove: { date: IsoDate; reason: string; source: string }[];
}

export const NO_EXTRA_HOLIDAYS: ExtraHolidays = { add: [], remove: [] };

const SUNDAY = 0;
const MONDAY = 1;
const SATURDAY = 6;

function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === SATURDAY || weekday === SUNDAY;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromDayNumber(dayNumberFromParts(year, month, day));
}

function firstMondayOf(year: number, month: number): number {
  const first = dayNumberFromParts(year, month, 1);
  return first + ((MONDAY - weekdayOfDayNumber(first) + 7) % 7);
}

function lastMondayOf(year: number, month: number): number {
  const last = dayNumberFromParts(year, month + 1, 0);
  return last - ((weekdayOfDayNumber(last) - MONDAY + 7) % 7);
}

/**
 * The bank holidays of one year that follow from the standing rules (Banking and Financial
 * Dealings Act 1971 and the annual royal proclamations), before any one-off change.
 *
 * Substitute days: a holiday falling on a weekend moves to the next weekday that is not
 * already a holiday, so Christmas on a Sunday gives Boxing Day on Monday 26th and the Christmas
 * substitute on Tuesday 27th, and Christmas on a Saturday gives Monday 27th and Tuesday 28th.
 */
export function ruleBasedBankHolidays(year: number): BankHoliday[] {
  const taken = new Set<number>();
  const holidays: BankHoliday[] = [];
  const add = (dayNumber: number, name: string) => {
    taken.add(dayNumber);
    holidays.push({ date: fromDayNumber(dayNumber), name });
  };
  const nextFreeWeekdayAfter = (dayNumber: number) => {
    let candidate = dayNumber + 1;
    while (isWeekend(candidate) || taken.has(candidate)) candidate += 1;
    return candidate;
  };

  const newYear = dayNumberFromParts(year, 1, 1);
  if (isWeekend(newYear)) add(nextFreeWeekdayAfter(newYear), "New Year's Day (substitute day)");
  else add(newYear, "New Year's Day");

  const easter = toDayNumber(easterSunday(year));
  add(easter - 2, 'Good Friday');
  add(easter + 1, 'Easter Monday');

  add(firstMondayOf(year, 5), 'Early May bank holiday');
  add(lastMondayOf(year, 5), 'Spring bank holiday');
  add(lastMondayOf(year, 8), 'Summer bank holiday');

  // Weekday holidays keep their own date first, so substitutes only fill the gaps after them.
  const christmas = dayNumberFromParts(year, 12, 25);
  const boxingDay = christmas + 1;
  if (!isWeekend(christmas)) add(christmas, 'Christmas Day');
  if (!isWeekend(boxingDay)) add(boxingDay, 'Boxing Day');
  if (isWeekend(christmas)) add(nextFreeWeekdayAfter(christmas), 'Christmas Day (substitute day)');
  if (isWeekend(boxingDay)) add(nextFreeWeekdayAfter(boxingDay), 'Boxing Day (substitute day)');

  return holidays.sort((left, right) => left.date.localeCompare(right.date));
}

/** The year's bank holidays: the standing rules, then the one-off removals and additions. */
export function bankHolidaysOf(year: number, extras: ExtraHolidays = NO_EXTRA_HOLIDAYS): BankHoliday[] {
  const prefix = `${year}-`;
  const removed = new Set(extras.remove.filter((entry) => entry.date.startsWith(prefix)).map((entry) => entry.date));
  const byDate = new Map<IsoDate, BankHoliday>();
  for (const holiday of ruleBasedBankHolidays(year)) {
    if (!removed.has(holiday.date)) byDate.set(holiday.date, holiday);
  }
  for (const addition of extras.add) {
    if (addition.date.startsWith(prefix)) byDate.set(addition.date, { date: addition.date, name: addition.name });
  }
  return [...byDate.values()].sort((left, right) => left.date.localeCompare(right.date));
}

/** Problems with an extra-holidays document, as readable sentences; empty when it is valid. */
export function validateExtraHolidays(document: unknown): string[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return ['the file must hold an object with "add" and "remove" lists'];
  }
  const problems: string[] = [];
  const record = document as Record<string, unknown>;
  const checkList = (listName: 'add' | 'remove', textField: 'name' | 'reason') => {
    const list = record[listName];
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      problems.push(`"${listName}" must be a list`);
      return;
    }
    list.forEach((entry: unknown, index) => {
      const where = `${listName}[${index}]`;
      if (typeof entry !== 'object' || entry === null) {
        problems.push(`${where} must be an object`);
        return;
      }
      const fields = entry as Record<string, unknown>;
      if (!isIsoDate(fields.date)) problems.push(`${where}.date must be a real date written YYYY-MM-DD`);
      if (typeof fields[textField] !== 'string' || fields[textField] === '') {
        problems.push(`${where}.${textField} must be a non-empty string`);
      }
      if (typeof fields.source !== 'string' || fields.source === '') {
        problems.push(`${where}.source must say where the change was announced`);
      }
    });
  };
  checkList('add', 'name');
  checkList('remove', 'reason');
  return problems;
}

/** Checks and normalises a parsed extra-holidays document; throws naming every problem. */
export function parseExtraHolidays(document: unknown): ExtraHolidays {
  const problems = validateExtraHolidays(document);
  if (problems.length > 0) throw new Error(`Invalid extra bank holidays: ${problems.join('; ')}`);
  const record = document as Partial<ExtraHolidays>;
  return {
    add: (record.add ?? []).map(({ date, name, source }) => ({ date, name, source })),
    remove: (record.remove ?? []).map(({ date, reason, source }) => ({ date, reason, source })),
  };
}
