import { MILESTONE_TYPES, MilestoneType } from './vocabulary';

/**
 * A force's service standards. The admin edits them with `PATCH /api/settings` using these
 * field names; every rule function takes the settings rather than reading constants.
 */
export interface RuleSettings {
  /** First contact is due this many working days after the arrest. */
  firstContactWorkingDays: number;
  /** A milestone done or re-dated owes an update this many working days after the event. */
  afterMilestoneWorkingDays: number;
  /** Advance notice is due this many working days before the milestone's expected date. */
  advanceNoticeWorkingDays: number;
  /** Cadence for a new case, in calendar days; each case may agree its own within the limits. */
  defaultCadenceDays: number;
  /** A high-risk wellbeing check owes a follow-up this many working days later. */
  highRiskFollowUpWorkingDays: number;
  /** A medium-risk wellbeing check owes a follow-up this many calendar days later (rolled to a working day). */
  mediumRiskFollowUpDays: number;
  /** Milestone types the family must hear about before they happen. */
  advanceNoticeMilestoneTypes: MilestoneType[];
  /** Warn when the liaison officer is also the investigating officer. */
  impartialityWarning: boolean;
}

export const MIN_CADENCE_DAYS = 1;
export const MAX_CADENCE_DAYS = 56;

export const DEFAULT_RULE_SETTINGS: Readonly<RuleSettings> = Object.freeze<RuleSettings>({
  firstContactWorkingDays: 1,
  afterMilestoneWorkingDays: 1,
  advanceNoticeWorkingDays: 2,
  defaultCadenceDays: 14,
  highRiskFollowUpWorkingDays: 1,
  mediumRiskFollowUpDays: 7,
  advanceNoticeMilestoneTypes: ['bail_return', 'first_hearing', 'plea_hearing', 'trial', 'sentence', 'media_release'],
  impartialityWarning: true,
});

/**
 * Allowed range of each numeric setting. The upper bounds keep a typo (70 instead of 7) from
 * quietly switching a service standard off; 0 working days means "on the day itself".
 */
export const NUMERIC_SETTING_LIMITS = {
  firstContactWorkingDays: { min: 0, max: 10 },
  afterMilestoneWorkingDays: { min: 0, max: 10 },
  advanceNoticeWorkingDays: { min: 1, max: 20 },
  defaultCadenceDays: { min: MIN_CADENCE_DAYS, max: MAX_CADENCE_DAYS },
  highRiskFollowUpWorkingDays: { min: 0, max: 5 },
  mediumRiskFollowUpDays: { min: 1, max: 28 },
} as const satisfies Partial<Record<keyof RuleSettings, { min: number; max: number }>>;

export interface SettingsProblem {
  field: string;
  message: string;
}

const SETTING_FIELDS = Object.keys(DEFAULT_RULE_SETTINGS) as (keyof RuleSettings)[];

/** True for an agreed update frequency a case may use (whole days, 1–56). */
export function isValidUpdateFrequency(days: unknown): days is number {
  return Number.isInteger(days) && (days as number) >= MIN_CADENCE_DAYS && (days as number) <= MAX_CADENCE_DAYS;
}

/**
 * Problems with a (partial) settings patch, one per field, so the API can answer 400 naming
 * each field. An empty list means the patch may be applied.
 */
export function validateRuleSettings(patch: unknown): SettingsProblem[] {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return [{ field: '(body)', message: 'settings must be an object' }];
  }
  const problems: SettingsProblem[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (!SETTING_FIELDS.includes(field as keyof RuleSettings)) {
      problems.push({ field, message: 'is not a known setting' });
      continue;
    }
    const problem = problemWith(field as keyof RuleSettings, value);
    if (problem) problems.push({ field, message: problem });
  }
  return problems;
}

function problemWith(field: keyof RuleSettings, value: unknown): string | null {
  if (field === 'impartialityWarning') {
    return typeof value === 'boolean' ? null : 'must be true or false';
  }
  if (field === 'advanceNoticeMilestoneTypes') {
    if (!Array.isArray(value)) return 'must be a list of milestone types';
    const unknown = value.filter((type) => !(MILESTONE_TYPES as readonly unknown[]).includes(type));
    if (unknown.length > 0) return `unknown milestone type(s): ${unknown.map(String).join(', ')}`;
    if (new Set(value).size !== value.length) return 'lists a milestone type more than once';
    return null;
  }
  const { min, max } = NUMERIC_SETTING_LIMITS[field];
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    return `must be a whole number from ${min} to ${max}`;
  }
  return null;
}

/** The settings after applying a patch that `validateRuleSettings` accepted. */
export function applyRuleSettings(current: Readonly<RuleSettings>, patch: Partial<RuleSettings>): RuleSettings {
  const problems = validateRuleSettings(patch);
  if (problems.length > 0) {
    throw new RangeError(`Invalid settings: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  }
  return {
    ...current,
    ...patch,
    advanceNoticeMilestoneTypes: [...(patch.advanceNoticeMilestoneTypes ?? current.advanceNoticeMilestoneTypes)],
  };
}
