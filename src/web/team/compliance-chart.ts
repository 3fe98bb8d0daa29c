import { ComplianceCounts } from '../../audit/compliance.query';
import { isoWeek, isoWeekStart } from '../../audit/iso-week';
import { sumCounts } from '../../audit/compliance.query';
import { addCalendarDays, IsoDate } from '../../rules';

/** One officer's counts for one ISO week, as the compliance report gives them. */
export interface WeekRecord extends ComplianceCounts {
  weekStart: IsoDate;
}

/** The team's counts for one week: every officer's rows added up. */
export interface WeekTotal extends ComplianceCounts {
  week: string;
  weekStart: IsoDate;
}

export const TREND_WEEKS = 12;

/** The Monday `weeks - 1` weeks before this week's, and today: the range of the trend. */
export function trendRange(today: IsoDate, weeks = TREND_WEEKS): { from: IsoDate; to: IsoDate } {
  return { from: addCalendarDays(isoWeekStart(today), -7 * (weeks - 1)), to: today };
}

/** One total per week of the range, in order, weeks with nothing due included (their rate is null). */
export function weeklyTotals(records: readonly WeekRecord[], from: IsoDate, weeks = TREND_WEEKS): WeekTotal[] {
  return Array.from({ length: weeks }, (_, index) => {
    const weekStart = addCalendarDays(isoWeekStart(from), 7 * index);
    return { week: isoWeek(weekStart), weekStart, ...sumCounts(records.filter((record) => record.weekStart === weekStart)) };
  });
}

const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function shortDate(date: IsoDate): string {
  return SHORT_DATE.format(new Date(`${date}T00:00:00Z`));
}

function percent(rate: number | null): string {
  return rate === null ? 'Nothing to judge' : `${Math.round(rate * 100)}%`;
}

// The drawing's own units; the SVG scales to the width of the page (viewBox).
const WIDTH = 720;
const HEIGHT = 320;
const PLOT = { left: 56, right: 16, top: 30, bottom: 52 };

/**
 * The on-time rate per week as a bar chart, drawn on the server: every number the template needs
 * is worked out here, so the template only places elements. A week with nothing to judge has no
 * bar, and says so in its label. The same figures are given as a table below the chart.
 */
export function complianceChart(totals: readonly WeekTotal[], teamName: string) {
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = plotWidth / Math.max(totals.length, 1);
  const barWidth = Math.round(slot * 0.6);
  const y = (rate: number) => Math.round(PLOT.top + plotHeight * (1 - rate));
  const judged = totals.filter((week) => week.onTimeRate !== null);
  const overall = sumCounts(totals);
  const first = totals[0];
  const last = totals[totals.length - 1];
  const range = first && last ? `the ${totals.length} weeks from ${LONG_DATE.format(new Date(`${first.weekStart}T00:00:00Z`))} to the week of ${LONG_DATE.format(new Date(`${last.weekStart}T00:00:00Z`))}` : 'no weeks';
  const lowest = judged.length ? judged.reduce((low, week) => ((week.onTimeRate as number) < (low.onTimeRate as number) ? week : low)) : null;
  return {
    width: WIDTH,
    height: HEIGHT,
    title: `${teamName} team: updates met on time, per week`,
    description:
      judged.length === 0
        ? `A bar chart of the share of updates met on time for ${range}. No week has updates to judge yet.`
        : `A bar chart of the share of updates met on time for ${range}. Over the whole period ${percent(overall.onTimeRate)} were met on time` +
          (lowest ? `; the lowest week was ${lowest.week} at ${percent(lowest.onTimeRate)}` : '') +
          '. The same figures are in the table below the chart.',
    gridLines: [0, 0.25, 0.5, 0.75, 1].map((rate) => ({ y: y(rate), label: `${rate * 100}%`, labelY: y(rate) + 5 })),
    plot: { left: PLOT.left, right: WIDTH - PLOT.right, bottom: y(0) },
    labelX: PLOT.left - 8,
    bars: totals.map((week, index) => {
      const centre = Math.round(PLOT.left + slot * index + slot / 2);
      const rate = week.onTimeRate;
      return {
        week: week.week,
        hasBar: rate !== null,
        x: centre - Math.round(barWidth / 2),
        y: rate === null ? y(0) : y(rate),
        width: barWidth,
        height: rate === null ? 0 : y(0) - y(rate),
        valueLabel: rate === null ? '–' : percent(rate),
        valueY: rate === null ? y(0) - 6 : y(rate) - 8,
        centre,
        dateLabel: shortDate(week.weekStart),
        dateY: HEIGHT - PLOT.bottom + 20,
        weekLabelY: HEIGHT - PLOT.bottom + 38,
        weekLabel: week.week.slice(5),
      };
    }),
    rows: totals.map((week) => ({
      week: week.week,
      weekStart: LONG_DATE.format(new Date(`${week.weekStart}T00:00:00Z`)),
      due: week.due,
      metOnTime: week.metOnTime,
      metLate: week.metLate,
      attempted: week.attempted,
      missed: week.missed,
      declined: week.declined,
      pending: week.pending,
      rate: percent(week.onTimeRate),
    })),
    overall: percent(overall.onTimeRate),
  };
}
