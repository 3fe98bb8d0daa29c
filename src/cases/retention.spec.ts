import { retentionReviewDate } from './retention';

describe('retentionReviewDate', () => {
  it.each([
    ['an ordinary day, the default 24 months', '2026-03-10', 24, '2028-03-10'],
    ['the end of a long month into February', '2026-08-31', 6, '2027-02-28'],
    ['into a leap-year February', '2027-08-31', 6, '2028-02-29'],
    ['29 February a year on', '2028-02-29', 12, '2029-02-28'],
    ['across a year end', '2026-11-30', 3, '2027-02-28'],
    ['one month from 31 January', '2026-01-31', 1, '2026-02-28'],
    ['ten years', '2026-03-10', 120, '2036-03-10'],
  ])('%s: closed %s + %i months → %s', (_story, closed, months, expected) => {
    expect(retentionReviewDate(closed, months)).toBe(expected);
  });
});
