import { isoWeek, isoWeekStart } from './iso-week';

describe('ISO weeks for the compliance report', () => {
  it('starts a week on Monday', () => {
    expect(isoWeekStart('2026-03-10')).toBe('2026-03-09'); // Tuesday
    expect(isoWeekStart('2026-03-09')).toBe('2026-03-09'); // Monday
    expect(isoWeekStart('2026-03-15')).toBe('2026-03-09'); // Sunday
  });

  it('gives the week of the year its Thursday falls in', () => {
    expect(isoWeek('2026-03-10')).toBe('2026-W11');
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2025-12-29')).toBe('2026-W01'); // Monday of that week, still 2025 on the calendar
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53'); // Sunday after it
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });
});
