import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bankHolidaysOf, easterSunday, parseExtraHolidays, ruleBasedBankHolidays, validateExtraHolidays } from './bank-holidays';
import { loadExtraHolidays } from './load-extra-holidays';

const extras = loadExtraHolidays();
const datesOf = (year: number) => bankHolidaysOf(year, extras).map((holiday) => holiday.date);

// Written by hand from the published gov.uk calendar for England and Wales.
const PUBLISHED_CALENDARS: Record<number, string[]> = {
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

describe('England & Wales bank holidays', () => {
  describe.each(Object.keys(PUBLISHED_CALENDARS).map(Number))('the published calendar for %i', (year) => {
    it('is reproduced exactly by the rules plus the data file', () => {
      expect(datesOf(year)).toEqual(PUBLISHED_CALENDARS[year]);
    });
  });

  describe('Easter (anonymous Gregorian algorithm)', () => {
    it.each([
      [2019, '2019-04-21'],
      [2022, '2022-04-17'],
      [2024, '2024-03-31'],
      [2025, '2025-04-20'],
      [2027, '2027-03-28'],
      [2038, '2038-04-25'], // latest possible Easter
      [2285, '2285-03-22'], // earliest possible Easter
    ])('Easter %i falls on %s', (year, sunday) => {
      expect(easterSunday(year)).toBe(sunday);
    });

    it('Easter 2025 gives Good Friday 18 April and Easter Monday 21 April', () => {
      const names = Object.fromEntries(bankHolidaysOf(2025).map((holiday) => [holiday.name, holiday.date]));
      expect(names['Good Friday']).toBe('2025-04-18');
      expect(names['Easter Monday']).toBe('2025-04-21');
    });
  });

  describe('substitute days', () => {
    it("New Year's Day on a Saturday moves to Monday 3 January (2022)", () => {
      expect(ruleBasedBankHolidays(2022)[0]).toEqual({ date: '2022-01-03', name: "New Year's Day (substitute day)" });
    });

    it("New Year's Day on a Sunday moves to Monday 2 January (2023)", () => {
      expect(ruleBasedBankHolidays(2023)[0].date).toBe('2023-01-02');
    });

    it('Christmas on a Sunday: Boxing Day Monday 26th, Christmas substitute Tuesday 27th (2022)', () => {
      expect(ruleBasedBankHolidays(2022).slice(-2)).toEqual([
        { date: '2022-12-26', name: 'Boxing Day' },
        { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
      ]);
    });

    it('Christmas on a Saturday: Monday 27th and Tuesday 28th (2027)', () => {
      expect(ruleBasedBankHolidays(2027).slice(-2)).toEqual([
        { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
        { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
      ]);
    });

    it('Christmas on a Friday: Boxing Day substitute Monday 28th (2026)', () => {
      expect(ruleBasedBankHolidays(2026).slice(-2).map((holiday) => holiday.date)).toEqual(['2026-12-25', '2026-12-28']);
    });
  });

  describe('one-off changes from data/bank-holidays-extra.json', () => {
    it('2020: early May bank holiday moved from Monday 4 May to Friday 8 May (VE Day)', () => {
      expect(datesOf(2020)).toContain('2020-05-08');
      expect(datesOf(2020)).not.toContain('2020-05-04');
    });

    it('2022: spring bank holiday moved from 30 May to 2 June, plus 3 June (Platinum Jubilee)', () => {
      expect(datesOf(2022)).not.toContain('2022-05-30');
      expect(datesOf(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03']));
    });

    it('2012: spring bank holiday moved to 4 June, plus 5 June (Diamond Jubilee)', () => {
      expect(datesOf(2012)).not.toContain('2012-05-28');
      expect(datesOf(2012)).toEqual(expect.arrayContaining(['2012-06-04', '2012-06-05']));
    });

    it('without the data file, 2022 keeps the rule date of the spring bank holiday', () => {
      expect(bankHolidaysOf(2022).map((holiday) => holiday.date)).toContain('2022-05-30');
      expect(bankHolidaysOf(2022).map((holiday) => holiday.date)).not.toContain('2022-09-19');
    });

    it('every entry in the shipped file names its source', () => {
      for (const entry of [...extras.add, ...extras.remove]) expect(entry.source).not.toBe('');
    });

    it('a force can extend the file with its own one-off holiday', () => {
      const folder = mkdtempSync(join(tmpdir(), 'holidays-'));
      const file = join(folder, 'extra.json');
      writeFileSync(
        file,
        JSON.stringify({
          add: [...extras.add, { date: '2030-07-05', name: 'Hypothetical national holiday', source: 'test' }],
          remove: extras.remove,
        }),
      );
      expect(bankHolidaysOf(2030, loadExtraHolidays(file)).map((holiday) => holiday.date)).toContain('2030-07-05');
    });

    it('a malformed file is refused, naming each problem', () => {
      expect(validateExtraHolidays({ add: [{ date: '2026-02-30', name: '', source: 'x' }], remove: 'nope' })).toEqual([
        'add[0].date must be a real date written YYYY-MM-DD',
        'add[0].name must be a non-empty string',
        '"remove" must be a list',
      ]);
      expect(() => parseExtraHolidays([])).toThrow(/object/);
    });

    it('a file that is not JSON is refused with its path', () => {
      const folder = mkdtempSync(join(tmpdir(), 'holidays-'));
      const file = join(folder, 'broken.json');
      writeFileSync(file, '{ not json');
      expect(() => loadExtraHolidays(file)).toThrow(file);
    });
  });
});
