import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainError } from '../common/domain-error';
import type { HandbookInput } from './handbook-input';

export const SUPPORT_AUDIENCES = [
  'everyone',
  'children',
  'children-at-home',
  'partner-works-with-children',
  'remanded',
] as const;
export type SupportAudience = (typeof SUPPORT_AUDIENCES)[number];

export interface SupportContact {
  phone?: string;
  text?: { number: string; message?: string };
  web?: string;
  email?: string;
}

export interface SupportEntry {
  key: string;
  name: string;
  /** Printed as written: plain words, no claims beyond the source. */
  what: string;
  contact: SupportContact;
  audience: SupportAudience[];
  source: string;
  checkedOn: string;
  enabled: boolean;
  /** False for anything the fact sheet marks UNVERIFIED: such an entry is never printed. */
  verified: boolean;
  note?: string;
  /** Added by a force rather than taken from the national list. */
  local?: boolean;
}

/**
 * A force's changes to the national list: an entry whose key is already there is patched
 * (for example `{ key: 'shout', enabled: false }`); any other key adds a complete local entry.
 */
export type SupportEntryOverride = Partial<Omit<SupportEntry, 'key'>> & { key: string };

export class SupportDirectoryError extends DomainError {
  constructor(message: string) {
    super('invalid', message);
    this.name = 'SupportDirectoryError';
  }
}

export const DEFAULT_DIRECTORY_PATH = resolve(process.cwd(), 'data/support-directory.json');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[a-z][a-z0-9_]*$/;

/** Read at print time rather than import time, so an edited directory is printed without a restart. */
export function loadNationalDirectory(path: string = DEFAULT_DIRECTORY_PATH): SupportEntry[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { entries?: unknown };
  if (!Array.isArray(parsed.entries)) {
    throw new SupportDirectoryError(`${path}: expected an "entries" array`);
  }
  return parsed.entries.map((entry) => validateSupportEntry(entry as SupportEntry));
}

export function validateSupportEntry(entry: SupportEntry): SupportEntry {
  const where = `support entry "${entry?.key ?? '?'}"`;
  if (typeof entry?.key !== 'string' || !KEY.test(entry.key)) {
    throw new SupportDirectoryError(`${where}: key must be snake_case letters and digits`);
  }
  for (const field of ['name', 'what', 'source'] as const) {
    if (typeof entry[field] !== 'string' || entry[field].trim() === '') {
      throw new SupportDirectoryError(`${where}: ${field} is required`);
    }
  }
  if (typeof entry.checkedOn !== 'string' || !ISO_DATE.test(entry.checkedOn)) {
    throw new SupportDirectoryError(`${where}: checkedOn must be a YYYY-MM-DD date`);
  }
  if (!Array.isArray(entry.audience) || entry.audience.length === 0) {
    throw new SupportDirectoryError(`${where}: audience must list at least one of ${SUPPORT_AUDIENCES.join(', ')}`);
  }
  const unknown = entry.audience.filter((a) => !SUPPORT_AUDIENCES.includes(a));
  if (unknown.length > 0) {
    throw new SupportDirectoryError(`${where}: unknown audience ${unknown.join(', ')}`);
  }
  if (typeof entry.enabled !== 'boolean' || typeof entry.verified !== 'boolean') {
    throw new SupportDirectoryError(`${where}: enabled and verified must be true or false`);
  }
  const contact = entry.contact ?? {};
  const channels = [contact.phone, contact.text?.number, contact.web, contact.email].filter(Boolean);
  if (entry.enabled && entry.verified && channels.length === 0) {
    throw new SupportDirectoryError(`${where}: a printed entry needs a phone, text, web or email contact`);
  }
  return entry;
}

export function mergeDirectory(
  national: readonly SupportEntry[],
  forceOverrides: readonly SupportEntryOverride[] = [],
): SupportEntry[] {
  const merged = national.map((entry) => ({ ...entry, contact: { ...entry.contact } }));
  for (const override of forceOverrides) {
    const index = merged.findIndex((entry) => entry.key === override.key);
    if (index >= 0) {
      const base = merged[index];
      merged[index] = validateSupportEntry({
        ...base,
        ...override,
        contact: override.contact ? { ...override.contact } : base.contact,
      });
    } else {
      merged.push(validateSupportEntry({ enabled: true, verified: true, ...override, local: true } as SupportEntry));
    }
  }
  return merged;
}

export type SupportCircumstances = Pick<HandbookInput, 'childrenAtHome' | 'partnerWorksWithChildren' | 'suspectStatus'>;

export function audiencesFor(circumstances: SupportCircumstances): Set<SupportAudience> {
  const audiences = new Set<SupportAudience>(['everyone']);
  if (circumstances.childrenAtHome) {
    audiences.add('children');
    audiences.add('children-at-home');
  }
  if (circumstances.partnerWorksWithChildren) audiences.add('partner-works-with-children');
  if (circumstances.suspectStatus === 'remanded') audiences.add('remanded');
  return audiences;
}

/** The entries to print for this family, in directory order; nothing switched off or unverified. */
export function entriesFor(directory: readonly SupportEntry[], circumstances: SupportCircumstances): SupportEntry[] {
  const audiences = audiencesFor(circumstances);
  return directory.filter(
    (entry) => entry.enabled && entry.verified && entry.audience.some((audience) => audiences.has(audience)),
  );
}
