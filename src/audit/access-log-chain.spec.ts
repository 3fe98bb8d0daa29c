import { AccessLogEntry } from '../access-log/access-log-entry.entity';
import { GENESIS_HASH, chainHash } from '../access-log/access-log.service';
import { checkLink } from './access-log-chain';

function chain(length: number): AccessLogEntry[] {
  const entries: AccessLogEntry[] = [];
  for (let id = 1; id <= length; id += 1) {
    const fields = {
      at: new Date(Date.UTC(2026, 2, 10, 9, id)),
      officerId: null,
      username: 'supervisor1',
      operation: 'consultation' as const,
      outcome: 'allowed' as const,
      recordType: 'case',
      recordId: `r${id}`,
      caseId: null,
      purpose: `GET /api/cases/r${id}`,
      prevHash: entries.length ? entries[entries.length - 1].hash : GENESIS_HASH,
    };
    entries.push({ id, ...fields, hash: chainHash(fields) });
  }
  return entries;
}

/** The first problem found walking the entries in order, as checkLink reports it. */
function firstBreak(entries: AccessLogEntry[]): { id: number; reason: string } | null {
  let previous: AccessLogEntry | null = null;
  for (const entry of entries) {
    const reason = checkLink(previous, entry);
    if (reason) return { id: entry.id, reason };
    previous = entry;
  }
  return null;
}

describe('the access-log hash chain', () => {
  it('holds for entries appended as AccessLogService appends them', () => {
    expect(firstBreak(chain(5))).toBeNull();
  });

  it('names an entry whose content was changed', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], purpose: 'nothing to see here' };
    expect(firstBreak(entries)).toEqual({ id: 3, reason: expect.stringMatching(/entry 3 was altered/) });
  });

  it('names an entry whose time was changed', () => {
    const entries = chain(5);
    entries[1] = { ...entries[1], at: new Date(entries[1].at.getTime() + 1000) };
    expect(firstBreak(entries)?.id).toBe(2);
  });

  it('names the entry after a removed one, and the ids missing', () => {
    const entries = chain(5);
    entries.splice(2, 1);
    expect(firstBreak(entries)).toEqual({ id: 4, reason: expect.stringMatching(/entry 4 does not follow entry 2.*ids 3–3 are missing/) });
  });

  it('notices the first entry removed', () => {
    expect(firstBreak(chain(3).slice(1))).toEqual({ id: 2, reason: expect.stringMatching(/does not follow the start of the log/) });
  });

  it('notices an entry rewritten with a fresh hash by the entry after it', () => {
    const entries = chain(5);
    const forged = { ...entries[2], purpose: 'forged' };
    forged.hash = chainHash(forged);
    entries[2] = forged;
    expect(firstBreak(entries)?.id).toBe(4);
  });
});
