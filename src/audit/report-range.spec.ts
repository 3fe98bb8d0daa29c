import { DomainError } from '../common/domain-error';
import { reportRange } from './report-range';

describe('report range', () => {
  const today = '2026-03-10';

  it('covers the 30 days up to today by default', () => {
    expect(reportRange({}, today)).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });

  it('runs from a given start up to today', () => {
    expect(reportRange({ from: '2026-03-01' }, today)).toEqual({ from: '2026-03-01', to: '2026-03-10' });
  });

  it('covers the 30 days up to a given end', () => {
    expect(reportRange({ to: '2026-01-31' }, today)).toEqual({ from: '2026-01-02', to: '2026-01-31' });
  });

  it('takes a start in the future as a one-day range rather than an inverted one', () => {
    expect(reportRange({ from: '2026-04-01' }, today)).toEqual({ from: '2026-04-01', to: '2026-04-01' });
  });

  it('refuses a start after the end, naming from', () => {
    const attempt = () => reportRange({ from: '2026-03-11', to: '2026-03-10' }, today);
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).code).toBe('invalid');
      expect((error as DomainError).fields.map((f) => f.field)).toEqual(['from']);
    }
  });

  it('allows a whole leap year and refuses anything longer', () => {
    expect(reportRange({ from: '2028-01-01', to: '2028-12-31' }, today)).toEqual({ from: '2028-01-01', to: '2028-12-31' });
    expect(() => reportRange({ from: '2026-01-01', to: '2027-01-02' }, today)).toThrow(/at most 366 days/);
  });
});
