import { londonDayBounds, londonDayStart } from './london-day';

describe('London days as instants', () => {
  it('begins a winter day at midnight GMT', () => {
    expect(londonDayStart('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });

  it('begins a summer day at 23:00 UTC the evening before', () => {
    expect(londonDayStart('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // Clocks go forward at 01:00 GMT on Sunday 29 March 2026: that day still starts at midnight GMT.
    expect(londonDayStart('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonDayStart('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    // Clocks go back at 02:00 BST on Sunday 25 October 2026: that day starts at 23:00 UTC.
    expect(londonDayStart('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonDayStart('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('bounds a range of days, the end exclusive', () => {
    const { start, end } = londonDayBounds('2026-03-01', '2026-03-31');
    expect(start.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-31T23:00:00.000Z');
  });
});
