import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReferralDirectory, SUPPORT_DIRECTORY_FILE } from './referral-directory';

describe('ReferralDirectory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'referrals-'));

  it('knows the keys of the shipped support directory', () => {
    const directory = new ReferralDirectory(SUPPORT_DIRECTORY_FILE);
    expect(directory.unknown(['samaritans', 'no_such_service'])).toEqual(['no_such_service']);
  });

  it('accepts any key when there is no directory file', () => {
    expect(new ReferralDirectory(join(dir, 'missing.json')).unknown(['anything'])).toEqual([]);
  });

  it('accepts any key when the file is not a directory it understands', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ not json');
    expect(new ReferralDirectory(path).unknown(['anything'])).toEqual([]);
  });
});
