import { isCalendarDate } from './validators';

describe('isCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '1990-01-01', '2100-12-31'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2026-02-30', '2023-02-29', '1989-12-31', '2026-13-01', '2026-1-01', '20260101', '', 'today', 2026])(
    'refuses %p',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );
});
