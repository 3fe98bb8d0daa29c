import { DEFAULT_RETENTION_SETTINGS, validateRetentionSettings } from './retention-settings';

describe('retention settings', () => {
  it('reviews a closed case after 24 months by default, and the default is valid', () => {
    expect(DEFAULT_RETENTION_SETTINGS).toEqual({ retentionReviewMonths: 24 });
    expect(validateRetentionSettings(DEFAULT_RETENTION_SETTINGS)).toEqual([]);
  });

  it.each([1, 6, 72, 120])('accepts %p months', (months) => {
    expect(validateRetentionSettings({ retentionReviewMonths: months })).toEqual([]);
  });

  it.each([0, -1, 121, 1.5, '24', null, true, Number.NaN])('refuses %p months, naming the field', (months) => {
    expect(validateRetentionSettings({ retentionReviewMonths: months })).toEqual([
      { field: 'retentionReviewMonths', message: 'must be a whole number of months from 1 to 120' },
    ]);
  });
});
