import { ComplianceCounts } from '../../audit/compliance.query';
import { complianceChart, trendRange, weeklyTotals, WeekRecord } from './compliance-chart';

const counts = (fields: Partial<ComplianceCounts>): ComplianceCounts => ({
  due: 0,
  metOnTime: 0,
  metLate: 0,
  attempted: 0,
  missed: 0,
  declined: 0,
  pending: 0,
  onTimeRate: null,
  ...fields,
});

describe('the weekly on-time chart', () => {
  it('covers the 12 ISO weeks up to today, from a Monday', () => {
    expect(trendRange('2026-03-10')).toEqual({ from: '2025-12-22', to: '2026-03-10' });
  });

  it('adds up every officer’s rows per week, and keeps the weeks with nothing due', () => {
    const records: WeekRecord[] = [
      { weekStart: '2026-03-02', ...counts({ due: 2, metOnTime: 2 }) },
      { weekStart: '2026-03-02', ...counts({ due: 2, metOnTime: 1, missed: 1 }) },
      { weekStart: '2026-03-09', ...counts({ due: 3, declined: 1, pending: 2 }) },
    ];
    const totals = weeklyTotals(records, '2026-02-23', 3);
    expect(totals.map((week) => [week.week, week.due, week.onTimeRate])).toEqual([
      ['2026-W09', 0, null],
      ['2026-W10', 4, 0.75],
      ['2026-W11', 3, null],
    ]);
  });

  it('draws a bar for each judged week only, and says in words what the chart shows', () => {
    const totals = weeklyTotals([{ weekStart: '2026-03-02', ...counts({ due: 4, metOnTime: 1, metLate: 1, missed: 2 }) }], '2026-02-23', 2);
    const chart = complianceChart(totals, 'North');
    expect(chart.title).toBe('North team: updates met on time, per week');
    expect(chart.description).toBe(
      'A bar chart of the share of updates met on time for the 2 weeks from 23 February 2026 to the week of 2 March 2026. ' +
        'Over the whole period 25% were met on time; the lowest week was 2026-W10 at 25%. The same figures are in the table below the chart.',
    );
    expect(chart.bars.map((bar) => [bar.hasBar, bar.valueLabel])).toEqual([
      [false, '–'],
      [true, '25%'],
    ]);
    const [, bar] = chart.bars;
    expect(bar.y + bar.height).toBe(chart.plot.bottom);
    expect(bar.valueY).toBeLessThan(bar.y);
    expect(chart.rows.map((row) => row.rate)).toEqual(['Nothing to judge', '25%']);
  });

  it('keeps a 100% bar’s label inside the drawing', () => {
    const chart = complianceChart(weeklyTotals([{ weekStart: '2026-03-02', ...counts({ due: 1, metOnTime: 1 }) }], '2026-03-02', 1), 'South');
    expect(chart.bars[0].valueY).toBeGreaterThan(10);
  });

  it('says so when no week has anything to judge', () => {
    expect(complianceChart(weeklyTotals([], '2026-03-02', 2), 'South').description).toContain('No week has updates to judge yet.');
  });
});
