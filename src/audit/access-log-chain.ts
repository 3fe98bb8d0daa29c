import { EntityManager, MoreThan } from 'typeorm';
import { AccessLogEntry } from '../access-log/access-log-entry.entity';
import { GENESIS_HASH, chainHash } from '../access-log/access-log.service';

export interface ChainVerdict {
  ok: boolean;
  /** Entries read. */
  checked: number;
  /** The first entry that does not fit the chain, or null when the chain holds. */
  firstBrokenId: number | null;
  reason: string | null;
}

/** Entries read per query: the walk never holds more than this many in memory. */
export const VERIFY_BATCH = 1_000;

type ChainLink = Pick<AccessLogEntry, 'id' | 'hash' | 'prevHash'> & Parameters<typeof chainHash>[0];

/**
 * Checks one entry against the one before it (null for the first entry of the log). An entry
 * whose fields were changed no longer matches its own hash; an entry whose predecessor was
 * removed (or replaced wholesale, hashes and all) no longer points at the hash before it.
 */
export function checkLink(previous: Pick<AccessLogEntry, 'id' | 'hash'> | null, entry: ChainLink): string | null {
  const expectedPrev = previous?.hash ?? GENESIS_HASH;
  if (entry.prevHash !== expectedPrev) {
    const after = previous ? `entry ${previous.id}` : 'the start of the log';
    const gap = previous && entry.id > previous.id + 1 ? ` (ids ${previous.id + 1}–${entry.id - 1} are missing)` : '';
    return `entry ${entry.id} does not follow ${after}: an entry was removed or replaced${gap}`;
  }
  if (chainHash(entry) !== entry.hash) return `entry ${entry.id} was altered: its content does not match its hash`;
  return null;
}

/**
 * Walks the whole log in id order, a batch at a time, up to the last entry that existed when the
 * walk began, and stops at the first entry that breaks the chain. (Removing the newest entries
 * leaves a shorter chain that still holds: that needs the head's hash kept somewhere else.)
 */
export async function verifyChain(manager: EntityManager, batch = VERIFY_BATCH): Promise<ChainVerdict> {
  const head = await manager
    .createQueryBuilder(AccessLogEntry, 'e')
    .select('MAX(e.id)', 'id')
    .getRawOne<{ id: unknown }>();
  const lastId = head?.id === null || head?.id === undefined ? 0 : Number(head.id);
  let previous: Pick<AccessLogEntry, 'id' | 'hash'> | null = null;
  let checked = 0;
  for (;;) {
    const entries: AccessLogEntry[] = await manager.find(AccessLogEntry, {
      where: { id: MoreThan(previous?.id ?? 0) },
      order: { id: 'ASC' },
      take: batch,
    });
    for (const entry of entries) {
      if (entry.id > lastId) return { ok: true, checked, firstBrokenId: null, reason: null };
      checked += 1;
      const problem = checkLink(previous, entry);
      if (problem) return { ok: false, checked, firstBrokenId: entry.id, reason: problem };
      previous = { id: entry.id, hash: entry.hash };
    }
    if (entries.length < batch) return { ok: true, checked, firstBrokenId: null, reason: null };
  }
}
