import { AccessLogEntry } from '../../src/access-log/access-log-entry.entity';
import { caseBody } from './builders';
import { TestApp } from './test-app';

/** Shortcuts for driving one officer's session through the API in e2e specs. */
export function asUser(t: TestApp, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    get: (path: string) => t.http.get(path).set(auth),
    post: (path: string, body: object = {}) => t.http.post(path).set(auth).send(body),
    patch: (path: string, body: object) => t.http.patch(path).set(auth).send(body),
    /** Creates a case (caseBody with overrides) and returns its body. */
    async createCase(overrides: Record<string, unknown> = {}) {
      const res = await t.http.post('/api/cases').set(auth).send(caseBody(overrides)).expect(201);
      return res.body as { id: string; reference: string; version: number; familyContacts: { id: string }[] };
    },
    /** The case's stored updates, as GET /api/cases/:id/updates answers them. */
    async updates(caseId: string) {
      const res = await t.http.get(`/api/cases/${caseId}/updates`).set(auth).expect(200);
      return res.body.updates as UpdateRow[];
    },
  };
}

export interface UpdateRow {
  id: string;
  key: string;
  reason: string;
  owedFrom: string;
  dueDate: string;
  status: string;
  milestoneId: string | null;
  wellbeingCheckId: string | null;
  metByContactId: string | null;
  daysLate: number | null;
  riskLevel: string | null;
}

/** [reason, dueDate, status] triples, for compact expectations. */
export function summary(updates: UpdateRow[]): [string, string, string][] {
  return updates.map((u) => [u.reason, u.dueDate, u.status]);
}

/** Row counts of the given tables, to show that a refused request wrote nothing. */
export async function rowCounts(t: TestApp, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`);
    counts[table] = Number(row.n);
  }
  return counts;
}

export async function accessEntries(t: TestApp, caseId: string) {
  return t.dataSource.getRepository(AccessLogEntry).find({ where: { caseId }, order: { id: 'ASC' } });
}
