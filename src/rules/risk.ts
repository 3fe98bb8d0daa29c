import { IsoDate } from './dates';
import { RuleSettings } from './settings';
import { WorkingDayCalendar } from './working-days';

export const INDICATORS = [
  'self_harm_thoughts',
  'alone_without_support',
  'children_needs_unmet',
  'financial_hardship',
  'housing_risk',
  'harassment_or_media',
  'concern_for_arrested_person',
] as const;
export type RiskIndicator = (typeof INDICATORS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const DISTRESS_LEVELS = [0, 1, 2, 3, 4] as const;
export type DistressLevel = (typeof DISTRESS_LEVELS)[number];

export interface WellbeingAssessment {
  distressLevel: number;
  indicators: readonly RiskIndicator[];
  trustedPersonPresent: boolean;
}

export interface RiskRule {
  level: Exclude<RiskLevel, 'low'>;
  when: string;
  why: string;
  applies: (assessment: WellbeingAssessment) => boolean;
}

const has = (assessment: WellbeingAssessment, indicator: RiskIndicator) => assessment.indicators.includes(indicator);

const HARDSHIP_INDICATORS: readonly RiskIndicator[] = [
  'alone_without_support',
  'children_needs_unmet',
  'financial_hardship',
  'housing_risk',
  'harassment_or_media',
];

/**
 * How a wellbeing check's risk level is derived. The level is the highest level of any rule
 * that applies, and `low` when none does; nothing here ever lowers a level, so a trusted person
 * being present never cancels out thoughts of self-harm. Every indicator on its own already
 * gives at least medium, so "two or more indicators" needs no rule of its own. Mirrored in
 * docs/rules.md.
 */
export const RISK_TABLE: readonly RiskRule[] = [
  {
    level: 'high',
    when: 'self_harm_thoughts is recorded',
    why: 'expressed thoughts of self-harm or suicide always need a check within a working day',
    applies: (a) => has(a, 'self_harm_thoughts'),
  },
  {
    level: 'high',
    when: 'distress level is 4',
    why: 'the highest distress on the scale is a crisis in itself',
    applies: (a) => a.distressLevel === 4,
  },
  {
    level: 'high',
    when: 'alone_without_support is recorded and distress level is 3 or more',
    why: 'severe distress with no support network is the situation the research warns about',
    applies: (a) => has(a, 'alone_without_support') && a.distressLevel >= 3,
  },
  {
    level: 'high',
    when: 'distress level is 3 or more and no trusted person is with them',
    why: 'families were sometimes left alone in shock after the arrest',
    applies: (a) => a.distressLevel >= 3 && !a.trustedPersonPresent,
  },
  {
    level: 'medium',
    when: 'concern_for_arrested_person is recorded',
    why: 'the first 48 hours after arrest carry the highest suicide risk for the arrested person, and the partner often knows first',
    applies: (a) => has(a, 'concern_for_arrested_person'),
  },
  {
    level: 'medium',
    when: `any of ${HARDSHIP_INDICATORS.join(', ')} is recorded`,
    why: 'a practical or safety need that should be followed up within a week',
    applies: (a) => HARDSHIP_INDICATORS.some((indicator) => has(a, indicator)),
  },
  {
    level: 'medium',
    when: 'distress level is 3',
    why: 'severe distress even with support around them',
    applies: (a) => a.distressLevel === 3,
  },
];

/** Throws a RangeError naming the field when the assessment is outside the recorded scales. */
export function assertValidAssessment(assessment: WellbeingAssessment): void {
  if (!(DISTRESS_LEVELS as readonly number[]).includes(assessment.distressLevel)) {
    throw new RangeError(`distressLevel must be a whole number from 0 to 4, got ${assessment.distressLevel}`);
  }
  const unknown = assessment.indicators.filter((indicator) => !(INDICATORS as readonly string[]).includes(indicator));
  if (unknown.length > 0) throw new RangeError(`indicators: unknown indicator(s) ${unknown.join(', ')}`);
}

/** The risk level and the rules that produced it (for the check's record and the supervisor alert). */
export function assessRisk(assessment: WellbeingAssessment): { level: RiskLevel; matchedRules: RiskRule[] } {
  assertValidAssessment(assessment);
  const matchedRules = RISK_TABLE.filter((rule) => rule.applies(assessment));
  const level: RiskLevel = matchedRules.some((rule) => rule.level === 'high')
    ? 'high'
    : matchedRules.length > 0
      ? 'medium'
      : 'low';
  return { level, matchedRules };
}

export function deriveRiskLevel(assessment: WellbeingAssessment): RiskLevel {
  return assessRisk(assessment).level;
}

/**
 * When the follow-up to a wellbeing check on `checkDate` is due: high risk within
 * `highRiskFollowUpWorkingDays` working days; medium risk `mediumRiskFollowUpDays` calendar days
 * later, rolled forward to a working day; low risk owes nothing extra (the next cadence update
 * covers it), hence null.
 */
export function followUpForRisk(
  level: RiskLevel,
  checkDate: IsoDate,
  settings: Pick<RuleSettings, 'highRiskFollowUpWorkingDays' | 'mediumRiskFollowUpDays'>,
  calendar: WorkingDayCalendar,
): IsoDate | null {
  switch (level) {
    case 'high':
      return calendar.addWorkingDays(checkDate, settings.highRiskFollowUpWorkingDays);
    case 'medium':
      return calendar.nextWorkingDayOnOrAfter(calendar.addCalendarDays(checkDate, settings.mediumRiskFollowUpDays));
    case 'low':
      return null;
  }
}
