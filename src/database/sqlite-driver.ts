import sqlite3 from 'sqlite3';

type StatementConstructor = new (database: sqlite3.Database, sql: string, callback: (error: Error | null) => void) => sqlite3.Statement;
type Callback = (this: sqlite3.Statement | sqlite3.RunResult, error: Error | null, rows?: unknown[]) => void;

/** How long a statement waits for another connection's lock before SQLITE_BUSY, from the moment a connection opens. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Prepared statements kept per connection; the least recently used is finalized beyond this. */
export const STATEMENT_CACHE_SIZE = 200;

/**
 * `run` steps a statement once: a statement that returns rows (a PRAGMA, a RETURNING clause) would
 * stay open and hold its lock, so only statements that finish in one step are kept for `run`.
 * (`all` always steps to the end.)
 */
const RUNS_TO_COMPLETION = /^\s*(INSERT|UPDATE|DELETE|SAVEPOINT|RELEASE|BEGIN|COMMIT|ROLLBACK)\b(?![\s\S]*\bRETURNING\b)/i;

/**
 * A sqlite3 connection that keeps its prepared statements. node-sqlite3 prepares every query on a
 * thread-pool thread and runs it on another hop, so a query costs two handovers between threads;
 * with the statement kept, a repeated query (TypeORM writes the same SQL for the same find or
 * insert) costs one. On this kind of machine a handover is the most expensive part of a short query.
 *
 * Only `run` and `all` with (sql, parameters?, callback) are cached, which is how TypeORM calls
 * them, and `run` only for statements that finish in one step; anything else goes straight to
 * sqlite3. A statement is cached only once it has prepared without error, and one that fails
 * while running is finalized rather than reused, so an error never leaves a half-run statement
 * holding a read snapshot.
 */
export class CachingDatabase extends sqlite3.Database {
  private readonly statements = new Map<string, sqlite3.Statement>();
  private closing = false;

  constructor(...args: ConstructorParameters<typeof sqlite3.Database>) {
    super(...args);
    // TypeORM sets its busy_timeout only after PRAGMA journal_mode, which therefore ran with
    // sqlite3's default of 1 s: an app opening while another connection held the database for
    // longer (a closing app's last checkpoint) failed with SQLITE_BUSY and retried 3 s later.
    this.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
  }

  override run(sql: string, ...rest: unknown[]): this {
    return this.cached('run', sql, rest) ? this : super.run(sql, ...(rest as [])) as this;
  }

  override all(sql: string, ...rest: unknown[]): this {
    return this.cached('all', sql, rest) ? this : super.all(sql, ...(rest as [])) as this;
  }

  override close(callback?: (error: Error | null) => void): void {
    this.closing = true;
    const open = [...this.statements.values()];
    this.statements.clear();
    let left = open.length;
    if (left === 0) return super.close(callback);
    for (const statement of open) {
      statement.finalize(() => {
        if (--left === 0) super.close(callback);
      });
    }
  }

  /** Cached statements now (for tests). */
  get cachedStatements(): number {
    return this.statements.size;
  }

  private cached(method: 'run' | 'all', sql: string, rest: unknown[]): boolean {
    const callback = rest[rest.length - 1];
    if (this.closing || typeof callback !== 'function' || rest.length > 2) return false;
    if (method === 'run' && !RUNS_TO_COMPLETION.test(sql)) return false;
    const parameters = rest.length === 2 ? rest[0] ?? [] : [];
    if (!Array.isArray(parameters)) return false;
    const statement = this.statements.get(sql);
    if (statement) {
      // Most recently used last, so the first key is the one to evict.
      this.statements.delete(sql);
      this.statements.set(sql, statement);
      this.execute(method, sql, statement, parameters, callback as Callback);
      return true;
    }
    const fresh: sqlite3.Statement = new (sqlite3.Statement as unknown as StatementConstructor)(this, sql, (error: Error | null) => {
      // A statement that fails to prepare is finalized by sqlite3 itself.
      if (error) return (callback as Callback).call(fresh, error);
      const keep = !this.closing && !this.statements.has(sql);
      if (keep) this.remember(sql, fresh);
      this.execute(method, sql, fresh, parameters, callback as Callback, !keep);
    });
    return true;
  }

  private execute(method: 'run' | 'all', sql: string, statement: sqlite3.Statement, parameters: unknown[], callback: Callback, once = false): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const database = this;
    // A function, not an arrow: sqlite3 passes the statement (with lastID and changes) as `this`.
    statement[method](parameters, function (this: sqlite3.Statement, error: Error | null, rows?: unknown[]) {
      if (error || once) database.forget(sql, statement);
      callback.call(this, error, rows);
    });
  }

  private remember(sql: string, statement: sqlite3.Statement): void {
    this.statements.set(sql, statement);
    if (this.statements.size > STATEMENT_CACHE_SIZE) {
      const [oldest] = this.statements.keys();
      this.forget(oldest, this.statements.get(oldest)!);
    }
  }

  private forget(sql: string, statement: sqlite3.Statement): void {
    if (this.statements.get(sql) === statement) this.statements.delete(sql);
    statement.finalize();
  }
}

/**
 * sqlite3 as TypeORM loads it (the `driver` option): its Database keeps prepared statements, and
 * verbose mode is off. TypeORM calls `.verbose()`, which wraps every database call to capture a
 * stack trace and util.inspect its SQL and parameters; that cost about a tenth of a contact write's
 * CPU (bench/api.ts). An error still carries its message and SQL.
 */
export const cachingSqlite3: typeof sqlite3 = Object.assign(Object.create(sqlite3) as typeof sqlite3, {
  Database: CachingDatabase,
  verbose: () => cachingSqlite3,
});
