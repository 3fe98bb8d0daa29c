import { createWorkingDayCalendar } from './working-days';
import { loadExtraHolidays } from './load-extra-holidays';
import { DEFAULT_RULE_SETTINGS } from './settings';
import { INDICATORS, RISK_TABLE, RiskIndicator, assessRisk, deriveRiskLevel, followUpForRisk } from './risk';

const calendar = createWorkingDayCalendar(loadExtraHolidays());
const check = (distressLevel: number, indicators: RiskIndicator[] = [], trustedPersonPresent = true) =>
  deriveRiskLevel({ distressLevel, indicators, trustedPersonPresent });

describe('deriveRiskLevel', () => {
  describe('every distress level with no indicators and a trusted person present', () => {
    it.each([
      [0, 'low'],
      [1, 'low'],
      [2, 'low'],
      [3, 'medium'],
      [4, 'high'],
    ])('distress %i → %s', (distress, level) => {
      expect(check(distress)).toBe(level);
    });
  });

  describe('every distress level alone (no trusted person present)', () => {
    it.each([
      [0, 'low'],
      [1, 'low'],
      [2, 'low'],
      [3, 'high'],
      [4, 'high'],
    ])('distress %i → %s', (distress, level) => {
      expect(check(distress, [], false)).toBe(level);
    });
  });

  describe('every indicator on its own, at distress 0 with a trusted person present', () => {
    it.each<[RiskIndicator, string]>([
      ['self_harm_thoughts', 'high'],
      ['alone_without_support', 'medium'],
      ['children_needs_unmet', 'medium'],
      ['financial_hardship', 'medium'],
      ['housing_risk', 'medium'],
      ['harassment_or_media', 'medium'],
      ['concern_for_arrested_person', 'medium'],
    ])('%s → %s', (indicator, level) => {
      expect(check(0, [indicator])).toBe(level);
    });

    it('covers every indicator in INDICATORS', () => {
      expect(INDICATORS).toHaveLength(7);
    });
  });

  it('thoughts of self-harm are high even when calm and with a trusted person', () => {
    expect(check(0, ['self_harm_thoughts'], true)).toBe('high');
  });

  it('alone without support at distress 3 is high even if a friend has just arrived', () => {
    expect(check(3, ['alone_without_support'], true)).toBe('high');
  });

  it('alone without support at distress 2 is medium', () => {
    expect(check(2, ['alone_without_support'], true)).toBe('medium');
  });

  it('concern for the arrested person on arrest day is at least medium', () => {
    expect(check(1, ['concern_for_arrested_person'])).toBe('medium');
    expect(check(4, ['concern_for_arrested_person'])).toBe('high');
  });

  it('two or more indicators are at least medium', () => {
    expect(check(0, ['financial_hardship', 'housing_risk'])).toBe('medium');
  });

  it('explains which rules applied', () => {
    const { level, matchedRules } = assessRisk({ distressLevel: 4, indicators: ['self_harm_thoughts'], trustedPersonPresent: true });
    expect(level).toBe('high');
    expect(matchedRules.map((rule) => rule.when)).toEqual(['self_harm_thoughts is recorded', 'distress level is 4']);
  });

  it('every rule in the table is documented', () => {
    for (const rule of RISK_TABLE) {
      expect(rule.when).not.toBe('');
      expect(rule.why).not.toBe('');
    }
  });

  it('refuses distress outside 0–4 and unknown indicators, naming the field', () => {
    expect(() => check(5)).toThrow(/distressLevel/);
    expect(() => check(-1)).toThrow(/distressLevel/);
    expect(() => check(2.5)).toThrow(/distressLevel/);
    expect(() => check(1, ['sad' as RiskIndicator])).toThrow(/indicators/);
  });
});

describe('followUpForRisk', () => {
  it('high risk on a Friday before a bank holiday: follow-up due Tuesday', () => {
    expect(followUpForRisk('high', '2025-08-22', DEFAULT_RULE_SETTINGS, calendar)).toBe('2025-08-26');
  });

  it('medium risk: 7 calendar days later, on a working day', () => {
    expect(followUpForRisk('medium', '2025-03-04', DEFAULT_RULE_SETTINGS, calendar)).toBe('2025-03-11');
  });

  it('medium risk landing on Easter Monday rolls to the Tuesday', () => {
    expect(followUpForRisk('medium', '2025-04-14', DEFAULT_RULE_SETTINGS, calendar)).toBe('2025-04-22');
  });

  it('low risk owes nothing extra: the next cadence update covers it', () => {
    expect(followUpForRisk('low', '2025-03-04', DEFAULT_RULE_SETTINGS, calendar)).toBeNull();
  });

  it('follows the force settings', () => {
    const settings = { ...DEFAULT_RULE_SETTINGS, highRiskFollowUpWorkingDays: 0, mediumRiskFollowUpDays: 3 };
    expect(followUpForRisk('high', '2025-03-08', settings, calendar)).toBe('2025-03-10');
    expect(followUpForRisk('medium', '2025-03-04', settings, calendar)).toBe('2025-03-07');
  });
});
