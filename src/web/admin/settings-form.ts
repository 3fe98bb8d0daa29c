import { FieldProblem } from '../../common/domain-error';
import { MILESTONE_TYPES, NUMERIC_SETTING_LIMITS } from '../../rules';
import { RETENTION_REVIEW_MONTHS_LIMITS } from '../../settings/retention-settings';
import { SettingsView } from '../../settings/settings.service';
import { FormBody, formInteger, formList, formText, FormValues, formYesNo } from '../forms/form-body';
import { FieldSpec, FormState, listValue } from '../forms/form-state';
import { MILESTONE_TYPE_LABELS } from '../labels';

type NumericSetting = keyof typeof NUMERIC_SETTING_LIMITS | 'retentionReviewMonths';

const LIMITS: Record<NumericSetting, { min: number; max: number }> = {
  ...NUMERIC_SETTING_LIMITS,
  retentionReviewMonths: RETENTION_REVIEW_MONTHS_LIMITS,
};

/** Each number's label and unit, in the order the page shows them. */
const NUMBERS: { name: NumericSetting; label: string; noun: string; unit: string; hint: string }[] = [
  {
    name: 'firstContactWorkingDays',
    label: 'First contact after the arrest',
    noun: 'the working days to the first contact',
    unit: 'working days',
    hint: 'The family is owed an update this many working days after the arrest. 0 means on the day.',
  },
  {
    name: 'afterMilestoneWorkingDays',
    label: 'Update after a milestone',
    noun: 'the working days to the update after a milestone',
    unit: 'working days',
    hint: 'When a step of the investigation is done or its date changes.',
  },
  {
    name: 'advanceNoticeWorkingDays',
    label: 'Advance notice',
    noun: 'the working days of advance notice',
    unit: 'working days before',
    hint: 'Before a bail return, a court hearing or a planned media release (the steps ticked below).',
  },
  {
    name: 'defaultCadenceDays',
    label: 'Regular updates for a new case',
    noun: 'the days between regular updates',
    unit: 'days',
    hint: 'Each case may agree its own with the family.',
  },
  {
    name: 'highRiskFollowUpWorkingDays',
    label: 'Follow-up after a high-risk wellbeing check',
    noun: 'the working days to a high-risk follow-up',
    unit: 'working days',
    hint: 'A supervisor is alerted as well.',
  },
  {
    name: 'mediumRiskFollowUpDays',
    label: 'Follow-up after a medium-risk wellbeing check',
    noun: 'the days to a medium-risk follow-up',
    unit: 'days',
    hint: 'Moved on to a working day when it falls on a weekend or bank holiday.',
  },
  {
    name: 'retentionReviewMonths',
    label: 'Review a closed case for erasure after',
    noun: 'the months to the retention review',
    unit: 'months',
    hint: 'After this many months an admin may erase a closed case’s personal data.',
  },
];

function rangeText(name: NumericSetting): string {
  const { min, max } = LIMITS[name];
  return `from ${min} to ${max}`;
}

const FIELDS: Record<string, FieldSpec> = {
  version: {
    label: 'Version',
    noun: 'the version',
    kind: 'text',
    anchor: 'stale-version',
    fixedMessage: 'Someone else changed the settings while you were editing them, so your changes have not been saved',
  },
  ...Object.fromEntries(
    NUMBERS.map((number) => [
      number.name,
      {
        label: number.label,
        noun: number.noun,
        kind: 'text',
        hint: `${number.hint} In ${number.unit}, ${rangeText(number.name)}.`,
        formatMessage: `${number.noun.charAt(0).toUpperCase()}${number.noun.slice(1)} must be a whole number ${rangeText(number.name)}`,
      } satisfies FieldSpec,
    ]),
  ),
  advanceNoticeMilestoneTypes: {
    label: 'Steps the family must hear about before they happen',
    noun: 'the steps that need advance notice',
    kind: 'choice',
    fixedMessage: 'Choose the steps from the list',
  },
  impartialityWarning: {
    label: 'Warn when the liaison officer is also the investigating officer?',
    noun: 'whether to warn when the liaison officer also investigates',
    kind: 'choice',
  },
};

export const SETTINGS_NUMBERS = NUMBERS.map((number) => number.name);

export function settingsFormState(values: FormValues, problems: FieldProblem[] = []): FormState {
  return new FormState(values, problems, (name) => FIELDS[name]);
}

export function settingsValues(settings: SettingsView): FormValues {
  return {
    version: String(settings.version),
    ...Object.fromEntries(NUMBERS.map((number) => [number.name, String(settings[number.name])])),
    advanceNoticeMilestoneTypes: listValue(settings.advanceNoticeMilestoneTypes),
    impartialityWarning: settings.impartialityWarning ? 'yes' : 'no',
  };
}

export function postedSettingsValues(form: FormBody): FormValues {
  return {
    version: formText(form, 'version'),
    ...Object.fromEntries(NUMBERS.map((number) => [number.name, formText(form, number.name)])),
    advanceNoticeMilestoneTypes: listValue(formList(form, 'advanceNoticeMilestoneTypes')),
    impartialityWarning: formText(form, 'impartialityWarning'),
  };
}

/** The whole form in the shape of UpdateSettingsDto: every setting is sent, so an emptied number is refused, not skipped. */
export function settingsBody(form: FormBody): Record<string, unknown> {
  return {
    version: formInteger(formText(form, 'version')),
    ...Object.fromEntries(NUMBERS.map((number) => [number.name, formInteger(formText(form, number.name)) ?? ''])),
    advanceNoticeMilestoneTypes: formList(form, 'advanceNoticeMilestoneTypes'),
    impartialityWarning: formYesNo(formText(form, 'impartialityWarning')) ?? '',
  };
}

export function settingsFormModel(state: FormState) {
  return {
    errors: state.errors,
    version: state.input('version'),
    stale: state.errorFor('version') !== null,
    numbers: NUMBERS.filter((number) => number.name !== 'retentionReviewMonths').map((number) => ({ field: state.input(number.name), unit: number.unit })),
    retention: { field: state.input('retentionReviewMonths'), unit: 'months' },
    advanceNoticeMilestoneTypes: state.checkboxes(
      'advanceNoticeMilestoneTypes',
      MILESTONE_TYPES.map((value) => ({ value, text: MILESTONE_TYPE_LABELS[value] })),
    ),
    impartialityWarning: state.choice('impartialityWarning', [
      { value: 'yes', text: 'Yes' },
      { value: 'no', text: 'No' },
    ]),
  };
}
