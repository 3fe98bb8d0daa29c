import { DataSource } from 'typeorm';
import { niceThreads } from '../common/thread-priority';
import { DatabaseConfig } from '../config/app-config';
import { buildReportsDataSourceOptions } from '../database/data-source';
import { ReportQueryName, runReportQuery } from './report-queries';

/** The runner's messages: `start` first, then queries to run, or `close` to end the worker. */
export type ReportRequest = { start: ReportWorkerData } | { id: number; query: ReportQueryName; args: unknown[] } | { close: true };
/** What the worker answers: `ready` once connected, then one message per request. */
export type ReportReply = { ready: true } | { startFailed: string } | { id: number; result: unknown } | { id: number; error: { message: string; stack?: string } };

export interface ReportWorkerData {
  database: DatabaseConfig;
  /** Nice value for every thread of this process: reports take only the CPU the API leaves. */
  niceness: number;
}

/**
 * The audit's long reads in a child process (started by ReportRunner). A report turns thousands
 * of rows into objects: on the API's event loop that work, and the garbage it leaves, delayed
 * every officer's request while it ran. Here it has its own event loop, heap and database
 * connection (read only, like the reports connection), and the whole process runs at a low
 * priority. A process rather than a worker thread because the SQL itself runs on libuv's thread
 * pool, which a worker thread shares with the API: only in a process of its own, started niced,
 * do those threads give way to the API too.
 */
function serve(): void {
  const send = (reply: ReportReply) => process.send?.(reply);
  let dataSource: DataSource | null = null;
  // The server went away (even by kill -9): nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: ReportRequest) => {
    if ('start' in request) {
      // Before the first query starts the thread pool: new threads take their creator's value.
      niceThreads(process.pid, request.start.niceness);
      dataSource = new DataSource({ ...buildReportsDataSourceOptions(request.start.database, 'report-worker'), logging: false });
      dataSource.initialize().then(
        () => send({ ready: true }),
        (error: Error) => send({ startFailed: error.message }),
      );
      return;
    }
    if ('close' in request) {
      void (dataSource?.isInitialized ? dataSource.destroy() : Promise.resolve()).finally(() => process.disconnect());
      return;
    }
    if (!dataSource?.isInitialized) return send({ id: request.id, error: { message: 'the report worker has no database connection' } });
    runReportQuery(dataSource.manager, request.query, request.args as never).then(
      (result) => send({ id: request.id, result }),
      (error: Error) => send({ id: request.id, error: { message: error.message, stack: error.stack } }),
    );
  });
}

if (process.send && process.env.LIAISON_REPORT_WORKER === '1') serve();
