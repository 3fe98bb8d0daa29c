import { BankHoliday, ExtraHolidays, NO_EXTRA_HOLIDAYS, bankHolidaysOf } from './bank-holidays';
import {
  IsoDate,
  dayNumberFromParts,
  fromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './dates';

const SUNDAY = 0;
const SATURDAY = 6;

/**
 * Working days in England & Wales: Monday to Friday except bank holidays.
 *
 * Holidays are worked out once per year and kept as day numbers, because a data generator asks
 * this calendar millions of questions. The calendar never reads the clock.
 */
export class WorkingDayCalendar {
  private readonly holidayNames = new Map<number, string>();
  private readonly loadedYears = new Set<number>();
  // Day-number span of the years already loaded, so the common case skips the year lookup.
  private loadedFrom = Number.POSITIVE_INFINITY;
  private loadedTo = Number.NEGATIVE_INFINITY;

  constructor(private readonly extras: ExtraHolidays = NO_EXTRA_HOLIDAYS) {}

  bankHolidays(year: number): BankHoliday[] {
    return bankHolidaysOf(year, this.extras);
  }

  isBankHoliday(date: IsoDate): boolean {
    return this.isHolidayDay(toDayNumber(date));
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** The date itself when it is a working day, otherwise the next working day after it. */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
    return fromDayNumber(this.rollForward(toDayNumber(date)));
  }

  /** The date itself when it is a working day, otherwise the last working day before it. */
  previousWorkingDayOnOrBefore(date: IsoDate): IsoDate {
    return fromDayNumber(this.rollBack(toDayNumber(date)));
  }

  /**
   * The n-th working day after `date`, not counting `date` itself: "within 1 working day of an
   * event on D" is `addWorkingDays(D, 1)`, the next working day after D. Adding 0 rolls a
   * non-working day forward to the next working day.
   */
  addWorkingDays(date: IsoDate, workingDays: number): IsoDate {
    assertWholeNonNegative(workingDays, 'workingDays');
    let day = toDayNumber(date);
    if (workingDays === 0) return fromDayNumber(this.rollForward(day));
    for (let counted = 0; counted < workingDays; ) {
      day += 1;
      if (this.isWorkingDayNumber(day)) counted += 1;
    }
    return fromDayNumber(day);
  }

  /**
   * The n-th working day before `date`, not counting `date` itself: "2 working days before a
   * hearing on Tuesday 22 April 2025" skips Easter Monday and Good Friday and gives Wednesday 16th.
   * Subtracting 0 rolls a non-working day back to the previous working day.
   */
  subtractWorkingDays(date: IsoDate, workingDays: number): IsoDate {
    assertWholeNonNegative(workingDays, 'workingDays');
    let day = toDayNumber(date);
    if (workingDays === 0) return fromDayNumber(this.rollBack(day));
    for (let counted = 0; counted < workingDays; ) {
      day -= 1;
      if (this.isWorkingDayNumber(day)) counted += 1;
    }
    return fromDayNumber(day);
  }

  addCalendarDays(date: IsoDate, days: number): IsoDate {
    return fromDayNumber(toDayNumber(date) + days);
  }

  private rollForward(day: number): number {
    while (!this.isWorkingDayNumber(day)) day += 1;
    return day;
  }

  private rollBack(day: number): number {
    while (!this.isWorkingDayNumber(day)) day -= 1;
    return day;
  }

  private isWorkingDayNumber(day: number): boolean {
    const weekday = weekdayOfDayNumber(day);
    if (weekday === SATURDAY || weekday === SUNDAY) return false;
    return !this.isHolidayDay(day);
  }

  private isHolidayDay(day: number): boolean {
    if (day < this.loadedFrom || day > this.loadedTo) this.loadYear(yearOfDayNumber(day));
    return this.holidayNames.has(day);
  }

  private loadYear(year: number): void {
    // Keep the loaded span contiguous so "inside the span" always means "already loaded".
    const from = Number.isFinite(this.loadedFrom) ? Math.min(year, yearOfDayNumber(this.loadedFrom)) : year;
    const to = Number.isFinite(this.loadedTo) ? Math.max(year, yearOfDayNumber(this.loadedTo)) : year;
    for (let each = from; each <= to; each += 1) {
      if (this.loadedYears.has(each)) continue;
      for (const holiday of bankHolidaysOf(each, this.extras)) {
        this.holidayNames.set(toDayNumber(holiday.date), holiday.name);
      }
      this.loadedYears.add(each);
    }
    this.loadedFrom = dayNumberFromParts(from, 1, 1);
    this.loadedTo = dayNumberFromParts(to, 12, 31);
  }
}

function assertWholeNonNegative(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

/** A calendar for England & Wales with the given one-off changes (see `loadExtraHolidays`). */
export function createWorkingDayCalendar(extras: ExtraHolidays = NO_EXTRA_HOLIDAYS): WorkingDayCalendar {
  return new WorkingDayCalendar(extras);
}
