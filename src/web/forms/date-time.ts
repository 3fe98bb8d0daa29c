import { londonDate } from '../../rules';
import { FormBody, formDate, formText, FormValues } from './form-body';

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** `14:30`, `9:05`, `9.05` or `0930` → `14:30` / `09:05`; anything else null. */
export function parseTime(text: string): string | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The London wall time of an instant, `HH:MM`. */
export function londonTime(instant: Date): string {
  return LONDON_TIME.format(instant);
}

/**
 * A London date and wall-clock time as the instant it names (ISO 8601, UTC). In the hour the
 * clocks go back a time happens twice; the earlier (BST) one is taken. In the hour they go forward
 * a time never happens; it is read as GMT, an hour later on the clock.
 */
export function londonInstant(date: string, time: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    if (londonDate(candidate) === date && londonTime(candidate) === time) return candidate.toISOString();
  }
  return new Date(wall).toISOString();
}

/** The date and time fields of a form (`name.day|month|year` and `name.time`), for a stored instant. */
export function dateTimeValues(name: string, instant: Date): FormValues {
  const [year, month, day] = londonDate(instant).split('-');
  return {
    [`${name}.day`]: String(Number(day)),
    [`${name}.month`]: String(Number(month)),
    [`${name}.year`]: year,
    [`${name}.time`]: londonTime(instant),
  };
}

export interface PostedInstant {
  /** What to give the DTO: an ISO instant, a malformed date for it to refuse, or undefined when no date was given. */
  value: string | undefined;
  /** A problem with the time field, which the DTO cannot name on its own. */
  timeProblem: string | null;
}

/**
 * The date and time fields as an ISO instant. A bad or missing time is reported on the time field;
 * a bad date is passed on as it is, so the DTO's own check words it.
 */
export function formInstant(body: FormBody, name: string): PostedInstant {
  const date = formDate(body, name);
  const timeText = formText(body, `${name}.time`);
  const time = parseTime(timeText);
  const timeProblem = time ? null : timeText === '' ? 'Enter the time' : 'Enter a real time using the 24-hour clock, for example 14:30';
  if (date === undefined) return { value: undefined, timeProblem: timeText === '' ? null : timeProblem };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return { value: date, timeProblem };
  return { value: time ? londonInstant(date, time) : `${date}T00:00:00Z`, timeProblem };
}
