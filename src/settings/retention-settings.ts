/**
 * How long a closed case's personal data is kept before it is reviewed for erasure. Not a rule of
 * the owed-updates schedule, so it lives beside RuleSettings rather than in it; stored on the same
 * force settings record and changed with the same PATCH /api/settings.
 */
export interface RetentionSettings {
  /** Months after a case is closed until its retention review date (when an admin may erase it). */
  retentionReviewMonths: number;
}

export const DEFAULT_RETENTION_SETTINGS: Readonly<RetentionSettings> = Object.freeze({ retentionReviewMonths: 24 });

/** At least a month (a family may come back soon after closure); at most ten years. */
export const RETENTION_REVIEW_MONTHS_LIMITS = { min: 1, max: 120 } as const;

export const RETENTION_SETTING_FIELDS = Object.keys(DEFAULT_RETENTION_SETTINGS) as (keyof RetentionSettings)[];

export function isRetentionSetting(field: string): field is keyof RetentionSettings {
  return (RETENTION_SETTING_FIELDS as string[]).includes(field);
}

/** Problems with the retention fields of a settings patch, one per field (empty: valid). */
export function validateRetentionSettings(patch: Partial<Record<keyof RetentionSettings, unknown>>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const months = patch.retentionReviewMonths;
  if (months !== undefined) {
    const { min, max } = RETENTION_REVIEW_MONTHS_LIMITS;
    if (!Number.isInteger(months) || (months as number) < min || (months as number) > max) {
      problems.push({ field: 'retentionReviewMonths', message: `must be a whole number of months from ${min} to ${max}` });
    }
  }
  return problems;
}
