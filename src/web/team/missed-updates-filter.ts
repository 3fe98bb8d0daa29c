import { REPORTED_STATUSES, ReportedStatus } from '../../audit/missed-updates.query';
import { FieldProblem } from '../../common/domain-error';
import { OfficerView } from '../../officers/officers.service';
import { UPDATE_REASONS } from '../../rules';
import { dateValues, definedOnly, formDate, FormValues, optionalText } from '../forms/form-body';
import { FieldSpec, FormState } from '../forms/form-state';
import { UPDATE_REASON_LABELS } from '../labels';
import { TeamDashboardQuery } from './team-dashboard.dto';

export const MISSED_UPDATES_PAGE_SIZE = 25;

export const REPORTED_STATUS_LABELS: Record<ReportedStatus, string> = {
  missed: 'Missed',
  attempted: 'Attempted',
  met: 'Met late',
  open: 'Overdue, not yet marked',
};

const FIELDS: Record<string, FieldSpec> = {
  from: { label: 'Due from', noun: 'the first due date', kind: 'date', hint: 'For example, 9 2 2026' },
  to: { label: 'Due to', noun: 'the last due date', kind: 'date', hint: 'For example, 10 3 2026' },
  officerId: { label: 'Officer', noun: 'the officer', kind: 'choice' },
  reason: { label: 'Reason', noun: 'the reason', kind: 'choice' },
  status: { label: 'Status', noun: 'the status', kind: 'choice' },
  page: { label: 'Page', noun: 'the page', kind: 'text', anchor: 'missed-updates', fixedMessage: 'That page of the report does not exist' },
};

/**
 * The report service refuses a range on `from` in its own words (with the dates in ISO form);
 * the filter says the same in the form's words.
 */
export function rangeProblems(problems: FieldProblem[]): FieldProblem[] {
  return problems.map((problem) => {
    const message = problem.messages[0] ?? '';
    if (/must not be after/.test(message)) return { field: 'from', messages: ['must not be after the last due date'] };
    if (/at most \d+ days/.test(message)) return { field: 'from', messages: ['must be at most a year before the last due date: choose a shorter range'] };
    return problem;
  });
}

/** `fromDay`, `fromMonth`, `fromYear` → the form body names formDate reads (`from.day` …). */
function asFormBody(query: TeamDashboardQuery): Record<string, string | undefined> {
  return {
    'from.day': query.fromDay,
    'from.month': query.fromMonth,
    'from.year': query.fromYear,
    'to.day': query.toDay,
    'to.month': query.toMonth,
    'to.year': query.toYear,
  };
}

/** The filters in the shape of the API's MissedUpdatesQuery. */
export function missedUpdatesQueryFrom(query: TeamDashboardQuery): Record<string, unknown> {
  const body = asFormBody(query);
  return definedOnly({
    from: formDate(body, 'from'),
    to: formDate(body, 'to'),
    officerId: optionalText(query.officerId?.trim() ?? ''),
    reason: optionalText(query.reason?.trim() ?? ''),
    status: optionalText(query.status?.trim() ?? ''),
    page: query.page ? Number(query.page) : undefined,
    pageSize: MISSED_UPDATES_PAGE_SIZE,
  });
}

/** The filter form's values as sent, or the report's effective range when none was given. */
export function filterValues(query: TeamDashboardQuery, range: { from: string; to: string } | null): FormValues {
  const sent = asFormBody(query);
  const dates = Object.values(sent).some((value) => value)
    ? Object.fromEntries(Object.entries(sent).map(([name, value]) => [name, value?.trim() ?? '']))
    : { ...dateValues('from', range?.from ?? null), ...dateValues('to', range?.to ?? null) };
  return { ...dates, officerId: query.officerId ?? '', reason: query.reason ?? '', status: query.status ?? '' };
}

export function filterState(values: FormValues, problems: FieldProblem[]): FormState {
  return new FormState(values, problems, (name) => FIELDS[name]);
}

/** The query string of the dashboard for these filters (ISO dates as the form's day, month and year). */
export function dashboardQueryString(filters: { from: string; to: string; officerId?: string; reason?: string; status?: string }, page?: number): string {
  const [fromYear, fromMonth, fromDay] = filters.from.split('-');
  const [toYear, toMonth, toDay] = filters.to.split('-');
  const params = new URLSearchParams(
    definedOnly({
      fromDay: String(Number(fromDay)),
      fromMonth: String(Number(fromMonth)),
      fromYear,
      toDay: String(Number(toDay)),
      toMonth: String(Number(toMonth)),
      toYear,
      officerId: filters.officerId,
      reason: filters.reason,
      status: filters.status,
      page: page && page > 1 ? String(page) : undefined,
    }) as Record<string, string>,
  );
  return params.toString();
}

/** The CSV route's query: the API's own names, every matching row. */
export function csvQueryString(filters: { from: string; to: string; officerId?: string; reason?: string; status?: string }): string {
  return new URLSearchParams(
    definedOnly({ from: filters.from, to: filters.to, officerId: filters.officerId, reason: filters.reason, status: filters.status }) as Record<string, string>,
  ).toString();
}

export function filterFormModel(state: FormState, officers: OfficerView[]) {
  return {
    errors: state.errors,
    from: state.date('from'),
    to: state.date('to'),
    officerId: state.choice('officerId', [
      { value: '', text: 'All officers' },
      ...officers.filter((officer) => officer.role !== 'admin').map((officer) => ({ value: officer.id, text: officer.name })),
    ]),
    reason: state.choice('reason', [{ value: '', text: 'All reasons' }, ...UPDATE_REASONS.map((value) => ({ value, text: UPDATE_REASON_LABELS[value] }))]),
    status: state.choice('status', [{ value: '', text: 'All statuses' }, ...REPORTED_STATUSES.map((value) => ({ value, text: REPORTED_STATUS_LABELS[value] }))]),
  };
}

/** GOV.UK pagination: previous, numbered pages (with gaps), next. */
export function pagination(page: number, pageSize: number, total: number, href: (page: number) => string) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: { number: number | null; href: string | null; current: boolean; ellipsis: boolean }[] = [];
  shown.forEach((number, index) => {
    if (index > 0 && number - shown[index - 1] > 1) items.push({ number: null, href: null, current: false, ellipsis: true });
    items.push({ number, href: href(number), current: number === page, ellipsis: false });
  });
  return {
    previous: page > 1 ? href(page - 1) : null,
    next: page < pages ? href(page + 1) : null,
    items,
    summary: `Page ${page} of ${pages}`,
  };
}
