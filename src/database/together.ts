import { EntityManager } from 'typeorm';

/**
 * Runs independent statements of one transaction together. SQLite takes them all at once (they
 * queue on its connection and the thread pool runs them back to back, instead of one round trip
 * between threads each); a PostgreSQL client runs one query at a time, and asking it for more is
 * deprecated, so there they run one after another, and the first failure stops the rest. On
 * SQLite a failure is reported only once every statement has finished, so a caller that rolls
 * back never does so under a statement still running.
 */
export async function together<T extends readonly unknown[]>(
  manager: EntityManager,
  work: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (manager.connection.options.type !== 'sqlite') {
    const results: unknown[] = [];
    for (const step of work) results.push(await step());
    return results as unknown as T;
  }
  const settled = await Promise.allSettled(work.map((step) => step()));
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
