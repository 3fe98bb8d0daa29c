import { DEFAULT_RULE_SETTINGS, applyRuleSettings, isValidUpdateFrequency, validateRuleSettings } from './settings';

describe('rule settings', () => {
  it('defaults match the service standards in DESIGN.md', () => {
    expect(DEFAULT_RULE_SETTINGS).toEqual({
      firstContactWorkingDays: 1,
      afterMilestoneWorkingDays: 1,
      advanceNoticeWorkingDays: 2,
      defaultCadenceDays: 14,
      highRiskFollowUpWorkingDays: 1,
      mediumRiskFollowUpDays: 7,
      advanceNoticeMilestoneTypes: ['bail_return', 'first_hearing', 'plea_hearing', 'trial', 'sentence', 'media_release'],
      impartialityWarning: true,
    });
  });

  it('the defaults are themselves valid', () => {
    expect(validateRuleSettings(DEFAULT_RULE_SETTINGS)).toEqual([]);
  });

  it('an empty patch is valid', () => {
    expect(validateRuleSettings({})).toEqual([]);
  });

  it('names every bad field', () => {
    expect(
      validateRuleSettings({
        defaultCadenceDays: 57,
        firstContactWorkingDays: 1.5,
        impartialityWarning: 'yes',
        advanceNoticeMilestoneTypes: ['trial', 'picnic'],
        colour: 'blue',
      }),
    ).toEqual([
      { field: 'defaultCadenceDays', message: 'must be a whole number from 1 to 56' },
      { field: 'firstContactWorkingDays', message: 'must be a whole number from 0 to 10' },
      { field: 'impartialityWarning', message: 'must be true or false' },
      { field: 'advanceNoticeMilestoneTypes', message: 'unknown milestone type(s): picnic' },
      { field: 'colour', message: 'is not a known setting' },
    ]);
  });

  it('refuses a repeated milestone type and a body that is not an object', () => {
    expect(validateRuleSettings({ advanceNoticeMilestoneTypes: ['trial', 'trial'] })[0].field).toBe('advanceNoticeMilestoneTypes');
    expect(validateRuleSettings(null)).toEqual([{ field: '(body)', message: 'settings must be an object' }]);
  });

  it.each([
    [1, true],
    [14, true],
    [56, true],
    [0, false],
    [57, false],
    [7.5, false],
    ['14', false],
  ])('update frequency %p is valid: %p', (days, valid) => {
    expect(isValidUpdateFrequency(days)).toBe(valid);
  });

  it('applies a valid patch without touching the defaults', () => {
    const changed = applyRuleSettings(DEFAULT_RULE_SETTINGS, { defaultCadenceDays: 7, advanceNoticeMilestoneTypes: ['trial'] });
    expect(changed.defaultCadenceDays).toBe(7);
    expect(changed.advanceNoticeMilestoneTypes).toEqual(['trial']);
    expect(DEFAULT_RULE_SETTINGS.defaultCadenceDays).toBe(14);
    expect(() => applyRuleSettings(DEFAULT_RULE_SETTINGS, { defaultCadenceDays: 0 })).toThrow(/defaultCadenceDays/);
  });
});
