/**
 * Fills a SQLite database with a national-scale history for the audit benchmark.
 *
 *   npm run bench:data -- --cases 100000 [--out data/bench/national.sqlite] [--years 3]
 *                         [--today 2026-11-18] [--seed 1] [--history-fraction 0.1]
 *
 * The schema comes from the app's real migrations; rows are then bulk-inserted with prepared
 * multi-row statements in large transactions (synchronous=OFF and an in-memory journal: this
 * file is scratch data, and only the generator runs like that). The two big tables are written
 * to staging tables first and copied over in the order the app would have created their rows
 * (by createdAt / recordedAt), so rows due in the same weeks sit together on disk as they would
 * in a live database; their indexes are dropped during the load and rebuilt from the migrations'
 * own SQL afterwards.
 *
 * --history-fraction 0.1 writes the same force on the same report date with only the most recent
 * tenth of the history: cases active in that period, and the updates, contacts, checks and alerts
 * dated in it. Its last 30 days are identical to the full database's, so the benchmark can compare
 * the same report over a tenth of the rows.
 *
 * A sidecar <out>.json records the report date and the row counts for bench/audit.ts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { createWorkingDayCalendar, fromDayNumber, loadExtraHolidays, toDayNumber } from '../src/rules';
import { GeneratedCase, buildForce, generateCase, sqliteInstant } from './national-history';

export interface GeneratorOptions {
  cases: number;
  out: string;
  years: number;
  today: string;
  seed: number;
  historyFraction: number;
  quiet?: boolean;
}

export interface GeneratedDatabase {
  file: string;
  today: string;
  historyFraction: number;
  counts: Record<string, number>;
  seconds: number;
}

const BIG_TABLES = ['scheduled_updates', 'contacts'] as const;
const CASE_TABLES = [
  'cases',
  'family_contacts',
  'milestones',
  'wellbeing_checks',
  'supervisor_alerts',
  'update_declines',
  'contacts',
  'scheduled_updates',
] as const;
type CaseTable = (typeof CASE_TABLES)[number];
const ROWS_PER_STATEMENT = 100;
const CASES_PER_TRANSACTION = 2_000;

export const DEFAULTS: Omit<GeneratorOptions, 'out'> = { cases: 100_000, years: 3, today: '2026-11-18', seed: 1, historyFraction: 1 };

export function parseArgs(argv: string[]): GeneratorOptions {
  const options: GeneratorOptions = { ...DEFAULTS, out: 'data/bench/national.sqlite' };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    switch (flag) {
      case '--cases':
        options.cases = positiveInteger(flag, value);
        break;
      case '--out':
        options.out = value;
        break;
      case '--years':
        options.years = Number(value);
        break;
      case '--today':
        options.today = value;
        break;
      case '--seed':
        options.seed = positiveInteger(flag, value);
        break;
      case '--history-fraction':
        options.historyFraction = Number(value);
        break;
      default:
        throw new Error(`Unknown option ${flag}. Use --cases N --out FILE --years Y --today YYYY-MM-DD --seed S --history-fraction F`);
    }
  }
  if (!(options.years > 0)) throw new Error('--years must be a positive number');
  if (!(options.historyFraction > 0 && options.historyFraction <= 1)) throw new Error('--history-fraction must be in (0, 1]');
  toDayNumber(options.today);
  return options;
}

function positiveInteger(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} must be a whole number above 0, got ${value}`);
  return number;
}

export async function generate(options: GeneratorOptions): Promise<GeneratedDatabase> {
  const started = performance.now();
  const file = path.resolve(options.out);
  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal', '.json']) rmSync(`${file}${suffix}`, { force: true });

  // 1. The real schema, from the real migrations.
  const dataSource = new DataSource(buildDataSourceOptions({ type: 'sqlite', location: file }));
  await dataSource.initialize();
  await runMigrations(dataSource, { log: () => undefined } as unknown as Logger);
  await dataSource.destroy();

  const db = await open(file);
  try {
    await exec(db, 'PRAGMA journal_mode = MEMORY');
    await exec(db, 'PRAGMA synchronous = OFF');
    await exec(db, 'PRAGMA foreign_keys = OFF');
    await exec(db, 'PRAGMA cache_size = -1000000');
    await exec(db, 'PRAGMA temp_store = MEMORY');

    // 2. Indexes of the tables we fill go while loading; their CREATE statements come back after.
    const indexes = await all<{ name: string; sql: string }>(
      db,
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${CASE_TABLES.map(() => '?').join(', ')})`,
      [...CASE_TABLES],
    );
    for (const index of indexes) await exec(db, `DROP INDEX "${index.name}"`);
    for (const table of BIG_TABLES) await exec(db, `CREATE TABLE "stage_${table}" AS SELECT * FROM "${table}" WHERE 0`);

    // 3. The force, then the cases.
    const today = toDayNumber(options.today);
    const start = today - Math.round(options.years * 365.25);
    const cutoff = today - Math.round(options.years * 365.25 * options.historyFraction);
    const force = buildForce(options.seed, today);
    const calendar = createWorkingDayCalendar(loadExtraHolidays());
    const nowText = sqliteInstant(today * 86_400_000);
    await insertAll(db, 'teams', force.teams.map((team) => ({ ...team, createdAt: nowText })));
    await insertAll(
      db,
      'officers',
      force.officers.map((officer) => ({
        ...officer,
        active: officer.active ? 1 : 0,
        workPhone: '01632 960000',
        email: `${officer.username}@force.example`,
        passwordHash: 'disabled: bench data has no sign-in',
        failedLoginCount: 0,
        lockedUntil: null,
        createdAt: nowText,
      })),
    );

    const writers = new Map<CaseTable, BulkWriter>();
    for (const table of CASE_TABLES) {
      const target = (BIG_TABLES as readonly string[]).includes(table) ? `stage_${table}` : table;
      writers.set(table, new BulkWriter(db, target, await columnsOf(db, table)));
    }
    const counts: Record<string, number> = Object.fromEntries(CASE_TABLES.map((table) => [table, 0]));
    const progress = new Progress('cases', options.cases, options.quiet);
    await exec(db, 'BEGIN');
    for (let index = 0; index < options.cases; index += 1) {
      const generated = generateCase(index, { seed: options.seed, force, today, start, calendar, activeFrom: cutoff });
      for (const [table, rows] of Object.entries(keep(generated, cutoff))) {
        for (const row of rows) await writers.get(table as CaseTable)!.add(row);
        counts[table] += rows.length;
      }
      if ((index + 1) % CASES_PER_TRANSACTION === 0) {
        for (const writer of writers.values()) await writer.flush();
        await exec(db, 'COMMIT');
        await exec(db, 'BEGIN');
      }
      progress.tick(index + 1, `${counts.scheduled_updates.toLocaleString('en-GB')} updates, ${counts.contacts.toLocaleString('en-GB')} contacts`);
    }
    for (const writer of writers.values()) await writer.flush();
    await exec(db, 'COMMIT');
    for (const writer of writers.values()) await writer.close();
    progress.done();

    // 4. The big tables in creation order, then every index rebuilt from the migrations' SQL.
    const order: Record<(typeof BIG_TABLES)[number], string> = { scheduled_updates: '"createdAt", "id"', contacts: '"recordedAt", "id"' };
    for (const table of BIG_TABLES) {
      note(options, `copying ${table} in creation order…`);
      await exec(db, `INSERT INTO "${table}" SELECT * FROM "stage_${table}" ORDER BY ${order[table]}`);
      await exec(db, `DROP TABLE "stage_${table}"`);
    }
    const indexing = new Progress('indexes', indexes.length, options.quiet);
    for (const [done, index] of indexes.entries()) {
      await exec(db, index.sql);
      indexing.tick(done + 1, index.name);
    }
    indexing.done();
    note(options, 'vacuuming…');
    await exec(db, 'VACUUM');
    await exec(db, 'PRAGMA journal_mode = WAL');
    const result: GeneratedDatabase = {
      file,
      today: options.today,
      historyFraction: options.historyFraction,
      counts: { teams: force.teams.length, officers: force.officers.length, ...counts },
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    await close(db);
    writeFileSync(`${file}.json`, `${JSON.stringify({ ...options, ...result, historyStarts: fromDayNumber(cutoff) }, null, 2)}\n`);
    return result;
  } catch (error) {
    // Closing fails while statements are unfinalized; the first error is the one worth seeing.
    await close(db).catch(() => undefined);
    throw error;
  }
}

/** The rows of one generated case that fall in the kept part of the history. */
function keep(generated: GeneratedCase, cutoff: number): Partial<Record<CaseTable, Record<string, unknown>[]>> {
  const { rows } = generated;
  if (generated.closedDay !== null && generated.closedDay < cutoff) return {};
  if (generated.arrestDay >= cutoff) return rows;
  const updates = rows.scheduled_updates.filter((row) => row.day >= cutoff);
  const metBy = new Set(updates.map((row) => row.metByContactId).filter(Boolean));
  return {
    ...rows,
    scheduled_updates: updates,
    contacts: rows.contacts.filter((row) => row.day >= cutoff || metBy.has(row.id)),
    supervisor_alerts: rows.supervisor_alerts.filter((row) => row.day >= cutoff),
  };
}

// ---------------------------------------------------------------------------------------------
// SQLite, by hand: the sqlite3 driver's callbacks as promises, and a multi-row prepared insert.

function open(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(db)));
  });
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
}

function all<T>(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
}

interface TableColumn {
  name: string;
  notnull: number;
  dflt_value: unknown;
}

async function columnsOf(db: sqlite3.Database, table: string): Promise<TableColumn[]> {
  return all<TableColumn>(db, `PRAGMA table_info("${table}")`);
}

async function insertAll(db: sqlite3.Database, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const writer = new BulkWriter(db, table, await columnsOf(db, table));
  for (const row of rows) await writer.add(row);
  await writer.flush();
  await writer.close();
}

/**
 * Buffers rows and inserts them a hundred at a time with one prepared statement. The columns are
 * those of the table that the first row has: a column added by a later migration with a default
 * is left to its default, and one without a default stops the generator.
 */
class BulkWriter {
  private columns: string[] | null = null;
  private full: sqlite3.Statement | null = null;
  private buffer: unknown[] = [];
  private pending = 0;

  constructor(
    private readonly db: sqlite3.Database,
    private readonly table: string,
    private readonly tableColumns: TableColumn[],
  ) {}

  async add(row: Record<string, unknown>): Promise<void> {
    if (!this.columns) {
      const missing = this.tableColumns.filter((c) => !(c.name in row) && c.notnull && c.dflt_value === null);
      if (missing.length) throw new Error(`${this.table}: the generator has no value for ${missing.map((c) => c.name).join(', ')}`);
      this.columns = this.tableColumns.map((c) => c.name).filter((name) => name in row);
      this.full = await prepare(this.db, insertSql(this.table, this.columns, ROWS_PER_STATEMENT));
    }
    for (const column of this.columns) this.buffer.push(row[column]);
    this.pending += 1;
    if (this.pending === ROWS_PER_STATEMENT) {
      await run(this.full!, this.buffer);
      this.buffer = [];
      this.pending = 0;
    }
  }

  async flush(): Promise<void> {
    if (this.pending === 0 || !this.columns) return;
    const statement = await prepare(this.db, insertSql(this.table, this.columns, this.pending));
    await run(statement, this.buffer);
    await finalize(statement);
    this.buffer = [];
    this.pending = 0;
  }

  async close(): Promise<void> {
    if (this.full) await finalize(this.full);
  }
}

function insertSql(table: string, columns: string[], rows: number): string {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`;
}

function prepare(db: sqlite3.Database, sql: string): Promise<sqlite3.Statement> {
  return new Promise((resolve, reject) => {
    const statement = db.prepare(sql, (error) => (error ? reject(error) : resolve(statement)));
  });
}

function run(statement: sqlite3.Statement, params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => statement.run(params, (error) => (error ? reject(error) : resolve())));
}

function finalize(statement: sqlite3.Statement): Promise<void> {
  return new Promise((resolve) => statement.finalize(() => resolve()));
}

// ---------------------------------------------------------------------------------------------
// Progress on stderr

export class Progress {
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastTenth = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly quiet = false,
  ) {}

  tick(done: number, detail = ''): void {
    if (this.quiet) return;
    const now = performance.now();
    const tty = process.stderr.isTTY;
    const tenth = Math.floor((done / this.total) * 10);
    if (tty ? now - this.lastDraw < 200 && done < this.total : tenth === this.lastTenth && done < this.total) return;
    this.lastDraw = now;
    this.lastTenth = tenth;
    const fraction = done / this.total;
    const width = 30;
    const filled = Math.round(fraction * width);
    const seconds = (now - this.started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? Math.round((this.total - done) / rate) : 0;
    const line = `${this.label.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${done.toLocaleString('en-GB')}/${this.total.toLocaleString('en-GB')}  ${Math.round(rate).toLocaleString('en-GB')}/s  ETA ${eta}s  ${detail}`;
    process.stderr.write(tty ? `\r${line.slice(0, (process.stderr.columns ?? 120) - 1).padEnd((process.stderr.columns ?? 120) - 1)}` : `${line}\n`);
  }

  done(): void {
    if (!this.quiet && process.stderr.isTTY) process.stderr.write('\n');
  }
}

function note(options: GeneratorOptions, message: string): void {
  if (!options.quiet) process.stderr.write(`${message}\n`);
}

if (require.main === module) {
  (async () => {
    const options = parseArgs(process.argv.slice(2));
    process.stderr.write(
      `Generating ${options.cases.toLocaleString('en-GB')} cases over ${options.years} years to ${options.today}` +
        `${options.historyFraction < 1 ? `, keeping the last ${options.historyFraction} of the history` : ''} → ${options.out}\n`,
    );
    const result = await generate(options);
    process.stderr.write(`Done in ${result.seconds}s\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  })().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
