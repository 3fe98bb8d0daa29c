import { EntityManager } from 'typeorm';

/**
 * The few SQL expressions the reports need that SQLite and PostgreSQL spell differently. Every
 * argument is an expression written in TypeORM's `alias.property` form or a `:parameter`.
 */
export interface ReportSql {
  engine: 'sqlite' | 'postgres';
  /** Whole days from the date `from` to the date `to` (both 'YYYY-MM-DD' expressions). */
  daysBetween(from: string, to: string): string;
  /** The Monday of the ISO week of a date expression, as 'YYYY-MM-DD' text. */
  isoWeekStart(date: string): string;
  /** A date column as 'YYYY-MM-DD' text (PostgreSQL's driver would otherwise hand back a Date). */
  dateText(date: string): string;
  /** A quoted identifier, for ordering by a select alias. */
  quote(alias: string): string;
}

const SQLITE: ReportSql = {
  engine: 'sqlite',
  daysBetween: (from, to) => `CAST(julianday(${to}) - julianday(${from}) AS INTEGER)`,
  isoWeekStart: (date) => `date(${date}, '-' || ((CAST(strftime('%w', ${date}) AS INTEGER) + 6) % 7) || ' days')`,
  dateText: (date) => date,
  quote: (alias) => `"${alias}"`,
};

const POSTGRES: ReportSql = {
  engine: 'postgres',
  daysBetween: (from, to) => `(CAST(${to} AS date) - CAST(${from} AS date))`,
  isoWeekStart: (date) => `to_char(date_trunc('week', CAST(${date} AS date)), 'YYYY-MM-DD')`,
  dateText: (date) => `to_char(${date}, 'YYYY-MM-DD')`,
  quote: (alias) => `"${alias}"`,
};

export function reportSql(manager: EntityManager): ReportSql {
  return manager.connection.options.type === 'postgres' ? POSTGRES : SQLITE;
}

/**
 * An instant read with getRawMany: SQLite hands back TypeORM's UTC text ('2026-03-10 09:30:00.000'),
 * PostgreSQL a Date.
 */
export function instantFromRaw(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** COUNT(*) and SUM(...) arrive as strings from PostgreSQL (bigint) and as numbers from SQLite. */
export function numberFromRaw(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
