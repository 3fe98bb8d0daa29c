import { DataSource } from 'typeorm';

/**
 * Tables that legitimately grow during the corpus: the access log (refusals are logged), sign-in
 * sessions, failed sign-ins (the corpus's bad logins, for the address throttle), idempotency keys,
 * and the record of handbook prints (a GET of handbook.pdf with a junk body it ignores still
 * prints, and every print is recorded).
 */
export const GROWING_TABLES = ['access_log', 'sessions', 'sign_in_failures', 'idempotency_keys', 'handbook_issues'];

export type Fingerprint = Record<string, unknown[]>;

/**
 * Every row of every entity table (except those that legitimately grow), in primary-key order
 * and normalised so the two engines compare alike. Two fingerprints are equal when no stored
 * record was added, changed or removed.
 */
export async function fingerprint(dataSource: DataSource): Promise<Fingerprint> {
  const result: Fingerprint = {};
  const metadatas = [...dataSource.entityMetadatas].sort((a, b) => a.tableName.localeCompare(b.tableName));
  for (const metadata of metadatas) {
    if (GROWING_TABLES.includes(metadata.tableName)) continue;
    const order = metadata.primaryColumns.map((c) => `"${c.databaseName}"`).join(', ');
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM "${metadata.tableName}" ORDER BY ${order}`);
    result[metadata.tableName] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('hex') : v]),
      ),
    );
  }
  return result;
}

/** Tables whose rows differ, with a short account of how, for a readable failure. */
export function differences(before: Fingerprint, after: Fingerprint): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = (before[table] ?? []).map((r) => JSON.stringify(r));
    const b = (after[table] ?? []).map((r) => JSON.stringify(r));
    const added = b.filter((r) => !a.includes(r));
    const removed = a.filter((r) => !b.includes(r));
    if (added.length || removed.length) {
      out.push(`${table}: ${removed.length} row(s) gone or changed, ${added.length} new or changed:\n  - ${removed.slice(0, 3).join('\n  - ')}\n  + ${added.slice(0, 3).join('\n  + ')}`);
    }
  }
  return out;
}
