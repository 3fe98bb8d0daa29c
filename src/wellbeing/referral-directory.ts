import { Logger } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Resolves to data/support-directory.json from both src/wellbeing and dist/wellbeing. */
export const SUPPORT_DIRECTORY_FILE = resolve(__dirname, '..', '..', 'data', 'support-directory.json');
export const REFERRAL_KEY = /^[a-z0-9_-]{2,40}$/;

/**
 * The support-directory keys a referral may name, read once at start-up. The directory itself
 * belongs to the handbook; only its `key`s matter here. Without a readable directory any
 * well-formed key is accepted.
 */
export class ReferralDirectory {
  private readonly keys: ReadonlySet<string> | null;

  constructor(path: string = SUPPORT_DIRECTORY_FILE) {
    this.keys = readKeys(path);
  }

  /** The referrals that are not keys of the directory. */
  unknown(referrals: readonly string[]): string[] {
    return this.keys ? referrals.filter((key) => !this.keys!.has(key)) : [];
  }
}

function readKeys(path: string): ReadonlySet<string> | null {
  if (!existsSync(path)) return null;
  try {
    const document = JSON.parse(readFileSync(path, 'utf8')) as { entries?: unknown } | unknown[];
    const entries = Array.isArray(document) ? document : (document as { entries?: unknown }).entries;
    if (!Array.isArray(entries)) return null;
    const keys = entries.map((entry) => (entry as { key?: unknown })?.key).filter((key): key is string => typeof key === 'string');
    return keys.length ? new Set(keys) : null;
  } catch (error) {
    new Logger('ReferralDirectory').warn(`${path} could not be read (${(error as Error).message}); accepting any well-formed referral key`);
    return null;
  }
}
