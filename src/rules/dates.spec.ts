import { addCalendarDays, calendarDaysBetween, isIsoDate, londonDate, toDayNumber, fromDayNumber } from './dates';

describe('all-day dates', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
  });

  it('round-trips through day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2025-08-22'))).toBe('2025-08-22');
  });

  it('counts calendar days between two dates', () => {
    expect(calendarDaysBetween('2025-08-22', '2025-09-05')).toBe(14);
    expect(calendarDaysBetween('2025-09-05', '2025-08-22')).toBe(-14);
    expect(addCalendarDays('2025-12-25', 7)).toBe('2026-01-01');
  });
});

describe('londonDate', () => {
  it('late evening UTC in summer is already the next day in London (BST)', () => {
    expect(londonDate('2025-06-30T23:30:00Z')).toBe('2025-07-01');
  });

  it('late evening UTC in winter is the same day in London (GMT)', () => {
    expect(londonDate('2025-01-31T23:30:00Z')).toBe('2025-01-31');
  });

  it('the night the clocks go forward (30 March 2025)', () => {
    expect(londonDate('2025-03-29T23:59:59Z')).toBe('2025-03-29');
    expect(londonDate('2025-03-30T00:30:00Z')).toBe('2025-03-30');
  });

  it('honours an explicit offset in the timestamp', () => {
    expect(londonDate('2025-07-01T00:30:00+02:00')).toBe('2025-06-30');
  });

  it('accepts a Date and refuses nonsense', () => {
    expect(londonDate(new Date(Date.UTC(2025, 11, 25, 12)))).toBe('2025-12-25');
    expect(() => londonDate('yesterday')).toThrow(RangeError);
  });
});

describe('day numbers agree with the JavaScript Date for every day from 1900 to 2100', () => {
  it('in both directions, including every leap day', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2100, 11, 31) / 86_400_000;
    for (let dayNumber = first; dayNumber <= last; dayNumber += 1) {
      const expected = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(dayNumber) !== expected || toDayNumber(expected) !== dayNumber) {
        throw new Error(`day ${dayNumber}: ${fromDayNumber(dayNumber)} / ${toDayNumber(expected)} vs ${expected}`);
      }
    }
  });

  it('refuses 29 February outside leap years and 1900 (not a leap year)', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('2025-01-00')).toBe(false);
    expect(isIsoDate('2025-01-1a')).toBe(false);
  });
});
