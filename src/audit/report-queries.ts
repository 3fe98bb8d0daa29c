import { EntityManager } from 'typeorm';
import { verifyChain } from './access-log-chain';
import { findAccessLog } from './access-log.query';
import { findCompliance } from './compliance.query';
import { findMissedUpdates } from './missed-updates.query';
import { findHighRiskWithoutFollowUp, findNoRecentContact, findUnacknowledgedAlerts, findUnassignedCases } from './standing-lists.query';

/**
 * The audit's long reads, by name, so that the report worker (report-worker.ts) can run them in
 * its own process: a name and plain arguments cross to the worker; the rows come back. Each takes
 * the reader first; the rest of its arguments must survive structured cloning (plain objects,
 * strings, numbers, Dates).
 */
export const REPORT_QUERIES = {
  findMissedUpdates,
  findCompliance,
  findNoRecentContact,
  findHighRiskWithoutFollowUp,
  findUnassignedCases,
  findUnacknowledgedAlerts,
  findAccessLog,
  verifyChain,
} as const;

export type ReportQueryName = keyof typeof REPORT_QUERIES;
export type ReportQueryArgs<Q extends ReportQueryName> = (typeof REPORT_QUERIES)[Q] extends (manager: EntityManager, ...args: infer A) => Promise<unknown> ? A : never;
export type ReportQueryResult<Q extends ReportQueryName> = Awaited<ReturnType<(typeof REPORT_QUERIES)[Q]>>;

export function runReportQuery<Q extends ReportQueryName>(manager: EntityManager, query: Q, args: ReportQueryArgs<Q>): Promise<ReportQueryResult<Q>> {
  const run = REPORT_QUERIES[query] as (manager: EntityManager, ...args: unknown[]) => Promise<ReportQueryResult<Q>>;
  if (typeof run !== 'function') return Promise.reject(new Error(`No report query named ${String(query)}`));
  return run(manager, ...args);
}
