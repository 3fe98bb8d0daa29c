import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../common/domain-error';
import { idleClassPrefix } from '../common/thread-priority';
import { ReportQueryArgs, ReportQueryName, ReportQueryResult } from './report-queries';
import type { ReportReply, ReportRequest, ReportWorkerData } from './report-worker';

/**
 * The report process's nice value, the lowest priority: under contention the API gets about 70
 * times its CPU (nice 10, on a worker thread whose SQL ran at normal priority on the shared
 * thread pool, left the API's read p99 about 1.8x idle during a report loop). Where chrt is
 * there, the process also goes into the idle class, like Chromium.
 */
export const REPORT_PROCESS_NICENESS = 19;
const CLOSE_TIMEOUT_MS = 5_000;

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface RunningWorker {
  worker: ChildProcess;
  ready: Promise<void>;
}

/**
 * The report worker failed to start, or stopped while a report was running: answered 503, so the
 * supervisor knows to try again. The cause is in the server log.
 */
export class ReportWorkerError extends DomainError {
  constructor(readonly detail: string) {
    super('unavailable', 'Reports are unavailable just now. Try again in a moment.');
    this.name = 'ReportWorkerError';
  }
}

/**
 * Runs the audit's long reads (report-queries.ts) in a child process (report-worker.ts), started
 * on the first report and kept. Reports queue on its one read connection and answer in any
 * order. If the worker dies, the reports it was running fail and the next one starts a new worker.
 */
@Injectable()
export class ReportRunner implements OnApplicationShutdown {
  private readonly logger = new Logger(ReportRunner.name);
  private running: RunningWorker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async run<Q extends ReportQueryName>(query: Q, ...args: ReportQueryArgs<Q>): Promise<ReportQueryResult<Q>> {
    if (this.closed) throw new ReportWorkerError('the report worker has been shut down');
    const { worker, ready } = this.ensureWorker();
    await ready;
    const id = this.nextId++;
    return new Promise<ReportQueryResult<Q>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.send({ id, query, args } satisfies ReportRequest);
    });
  }

  /** The worker's process id while one runs (for tests). */
  get pid(): number | null {
    return this.running?.worker.pid ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const running = this.running;
    if (!running) return;
    const exited = new Promise<void>((resolve) => running.worker.once('exit', () => resolve()));
    running.worker.send({ close: true } satisfies ReportRequest);
    const timer = setTimeout(() => running.worker.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private ensureWorker(): RunningWorker {
    if (this.running) return this.running;
    const data: ReportWorkerData = { database: this.config.database, niceness: REPORT_PROCESS_NICENESS };
    const worker = startWorker();
    worker.send({ start: data } satisfies ReportRequest);
    let started!: () => void;
    let failed!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    ready.catch(() => undefined);
    const running: RunningWorker = { worker, ready };
    worker.on('message', (reply: ReportReply) => {
      if ('ready' in reply) return started();
      if ('startFailed' in reply) {
        this.logger.error(`Report worker could not open the database: ${reply.startFailed}`);
        return failed(new ReportWorkerError(`could not open the database: ${reply.startFailed}`));
      }
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      else waiting.resolve(reply.result);
    });
    const stopped = (error: Error) => {
      if (this.running === running) this.running = null;
      failed(error);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => {
      this.logger.error(`Report worker failed: ${error.message}`);
      stopped(new ReportWorkerError(`failed: ${error.message}`));
    });
    worker.on('exit', (code) => stopped(new ReportWorkerError(`stopped (exit code ${code})`)));
    this.running = running;
    return running;
  }
}

/**
 * Built, the worker is report-worker.js beside this file. Run from the TypeScript sources (tests,
 * ts-node), it is report-worker.ts, which the new process compiles with ts-node as it loads it.
 * Started through chrt where it is there, so it is born in the idle class (idleClassPrefix).
 * Advanced serialisation carries dates and other structured values as they are.
 */
function startWorker(): ChildProcess {
  const extension = path.extname(__filename);
  const entry = path.join(__dirname, `report-worker${extension}`);
  const [command, ...prefix] = [...idleClassPrefix(), process.execPath];
  const execArgv = [...prefix, ...(extension === '.ts' ? ['-r', 'ts-node/register/transpile-only'] : [])];
  return fork(entry, [], { execPath: command, execArgv, serialization: 'advanced', env: { ...process.env, LIAISON_REPORT_WORKER: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}
