import { setPriority } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { buildReportsDataSourceOptions } from '../database/data-source';
import { ReportQueryName, runReportQuery } from './report-queries';

/** What the report runner sends: a query to run, or `close` to end the worker. */
export type ReportRequest = { id: number; query: ReportQueryName; args: unknown[] } | { close: true };
/** What the worker answers: `ready` once connected, then one message per request. */
export type ReportReply = { ready: true } | { startFailed: string } | { id: number; result: unknown } | { id: number; error: { message: string; stack?: string } };

export interface ReportWorkerData {
  reportWorker: true;
  database: DatabaseConfig;
  /** Nice value for this thread (Linux niceness is per thread): reports take the CPU the API leaves. */
  niceness: number;
}

/**
 * The audit's long reads in a worker thread (started by ReportRunner). A report turns thousands
 * of rows into objects: on the API's event loop that work, and the garbage it leaves, delayed
 * every officer's request while it ran. Here it has its own event loop, heap and database
 * connection (read only, like the reports connection), and the thread runs at a low priority.
 */
async function serve(data: ReportWorkerData): Promise<void> {
  const port = parentPort!;
  try {
    setPriority(0, data.niceness);
  } catch {
    // Not allowed here (some containers): run at normal priority.
  }
  const dataSource = new DataSource({ ...buildReportsDataSourceOptions(data.database, 'report-worker'), logging: false });
  try {
    await dataSource.initialize();
  } catch (error) {
    port.postMessage({ startFailed: (error as Error).message } satisfies ReportReply);
    return;
  }
  port.on('message', (request: ReportRequest) => {
    if ('close' in request) {
      port.removeAllListeners('message');
      void dataSource.destroy().finally(() => port.close());
      return;
    }
    runReportQuery(dataSource.manager, request.query, request.args as never).then(
      (result) => port.postMessage({ id: request.id, result } satisfies ReportReply),
      (error: Error) => port.postMessage({ id: request.id, error: { message: error.message, stack: error.stack } } satisfies ReportReply),
    );
  });
  port.postMessage({ ready: true } satisfies ReportReply);
}

if (!isMainThread && (workerData as ReportWorkerData | undefined)?.reportWorker) void serve(workerData as ReportWorkerData);
