import { createWorkingDayCalendar } from './working-days';
import { loadExtraHolidays } from './load-extra-holidays';

const calendar = createWorkingDayCalendar(loadExtraHolidays());

describe('WorkingDayCalendar', () => {
  describe('isWorkingDay', () => {
    it.each([
      ['2025-08-22', true, 'an ordinary Friday'],
      ['2025-08-23', false, 'a Saturday'],
      ['2025-08-24', false, 'a Sunday'],
      ['2025-08-25', false, 'the summer bank holiday'],
      ['2022-09-19', false, 'the state funeral (from the data file)'],
      ['2022-05-30', true, 'the spring bank holiday that moved away in 2022'],
    ])('%s is a working day: %s (%s)', (date, expected) => {
      expect(calendar.isWorkingDay(date)).toBe(expected);
    });

    it('refuses an impossible date', () => {
      expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    });
  });

  describe('addWorkingDays', () => {
    it('arrest on a Friday before a bank holiday: 1 working day after Fri 22 Aug 2025 is Tue 26 Aug', () => {
      expect(calendar.addWorkingDays('2025-08-22', 1)).toBe('2025-08-26');
    });

    it('arrest on Maundy Thursday 2025: 1 working day later is Tuesday after Easter Monday', () => {
      expect(calendar.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    });

    it('an event on a Saturday: the next working day is Monday', () => {
      expect(calendar.addWorkingDays('2025-03-08', 1)).toBe('2025-03-10');
    });

    it('Christmas 2026: a Thursday event gives Tuesday 29 December', () => {
      expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    });

    it('adding 0 to a working day keeps it; adding 0 to a bank holiday rolls forward', () => {
      expect(calendar.addWorkingDays('2025-08-22', 0)).toBe('2025-08-22');
      expect(calendar.addWorkingDays('2025-08-25', 0)).toBe('2025-08-26');
    });

    it('crosses a year boundary and New Year substitute day (31 Dec 2021 + 1 = Tue 4 Jan 2022)', () => {
      expect(calendar.addWorkingDays('2021-12-31', 1)).toBe('2022-01-04');
    });

    it('counts a whole working week', () => {
      expect(calendar.addWorkingDays('2025-03-03', 5)).toBe('2025-03-10');
    });

    it('refuses a negative or fractional count', () => {
      expect(() => calendar.addWorkingDays('2025-03-03', -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('2025-03-03', 1.5)).toThrow(RangeError);
    });
  });

  describe('subtractWorkingDays', () => {
    it('hearing on the Tuesday after Easter Monday 2025: 2 working days before is Wed 16 April', () => {
      expect(calendar.subtractWorkingDays('2025-04-22', 2)).toBe('2025-04-16');
    });

    it('hearing on an ordinary Thursday: 2 working days before is the Tuesday', () => {
      expect(calendar.subtractWorkingDays('2025-03-13', 2)).toBe('2025-03-11');
    });

    it('hearing on the Monday after the Platinum Jubilee weekend 2022: Monday 30 May was a working day', () => {
      expect(calendar.subtractWorkingDays('2022-06-06', 2)).toBe('2022-05-31');
    });

    it('subtracting 0 from a Sunday rolls back to Friday', () => {
      expect(calendar.subtractWorkingDays('2025-03-09', 0)).toBe('2025-03-07');
    });
  });

  describe('rolling to a working day', () => {
    it('nextWorkingDayOnOrAfter skips the Easter weekend', () => {
      expect(calendar.nextWorkingDayOnOrAfter('2025-04-18')).toBe('2025-04-22');
      expect(calendar.nextWorkingDayOnOrAfter('2025-04-22')).toBe('2025-04-22');
    });

    it('previousWorkingDayOnOrBefore skips the Easter weekend', () => {
      expect(calendar.previousWorkingDayOnOrBefore('2025-04-21')).toBe('2025-04-17');
    });
  });

  it('addCalendarDays crosses months and leap days', () => {
    expect(calendar.addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(calendar.addCalendarDays('2024-02-28', 14)).toBe('2024-03-13');
    expect(calendar.addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('answers the same whichever year is asked about first', () => {
    const fresh = createWorkingDayCalendar(loadExtraHolidays());
    expect(fresh.isWorkingDay('2027-12-28')).toBe(false);
    expect(fresh.isWorkingDay('2020-05-08')).toBe(false);
    expect(fresh.isWorkingDay('2023-05-08')).toBe(false);
    expect(fresh.isWorkingDay('2023-05-09')).toBe(true);
  });

});
