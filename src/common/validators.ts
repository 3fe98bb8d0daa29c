import { applyDecorators } from '@nestjs/common';
import { IsUUID, Matches, ValidateBy, ValidationOptions } from 'class-validator';

export const EARLIEST_DATE = '1990-01-01';
export const LATEST_DATE = '2100-12-31';

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30) within the service's range. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    value >= EARLIEST_DATE &&
    value <= LATEST_DATE
  );
}

/** An all-day date: YYYY-MM-DD, a real day, not before 1990. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: (args) =>
          `${args?.property} must be a real date written YYYY-MM-DD, between ${EARLIEST_DATE} and ${LATEST_DATE}`,
      },
    },
    options,
  );
}

/** An ISO 8601 instant with a time zone (2026-03-02T10:15:00Z), not before 1990. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
          isCalendarDate(value.slice(0, 10)) &&
          !Number.isNaN(Date.parse(value)),
        defaultMessage: (args) =>
          `${args?.property} must be an ISO 8601 date-time with a time zone, e.g. 2026-03-02T10:15:00Z`,
      },
    },
    options,
  );
}

export const IsId = (options?: ValidationOptions) =>
  applyDecorators(IsUUID('all', { message: '$property must be an id (UUID)', ...options }));

/** Plain printable text: no control characters other than newline and tab. */
export const IsPlainText = (options?: ValidationOptions) =>
  Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/u, {
    message: '$property must not contain control characters',
    ...options,
  });
