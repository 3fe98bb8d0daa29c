import { FieldProblem } from '../../common/domain-error';
import { SupportEntry } from '../../handbook/support-directory';
import { DISTRESS_LEVELS, INDICATORS } from '../../rules';
import { WELLBEING_CONTEXTS } from '../../wellbeing/wellbeing-check.entity';
import { dateTimeValues, formInstant } from '../forms/date-time';
import { dateFieldNames, definedOnly, FormBody, formInteger, formList, formText, FormValues, formYesNo, optionalText } from '../forms/form-body';
import { FieldSpec, FormState, listValue } from '../forms/form-state';
import { DISTRESS_LABELS, INDICATOR_LABELS, WELLBEING_CONTEXT_LABELS } from '../labels';

const FIELDS: Record<string, FieldSpec> = {
  occurredAt: {
    label: 'When was the check?',
    noun: 'the date of the check',
    kind: 'date',
    hint: 'For example, 10 3 2026 and 14:30',
  },
  'occurredAt.time': { label: 'Time', noun: 'the time', kind: 'text' },
  context: { label: 'What was the check for?', noun: 'what the check was for', kind: 'choice' },
  distressLevel: {
    label: 'How distressed were they?',
    noun: 'how distressed they were',
    kind: 'choice',
    hint: 'Your judgement, from 0 (calm) to 4 (in crisis)',
  },
  indicators: {
    label: 'Which of these apply? (optional)',
    noun: 'the signs that apply',
    kind: 'choice',
    hint: 'Tick every one that applies. Leave them all unticked if none do.',
    fixedMessage: 'Tick the signs that apply from the list, or none',
  },
  trustedPersonPresent: {
    label: 'Is a trusted person with them, such as a friend or relative?',
    noun: 'whether a trusted person is with them',
    kind: 'choice',
  },
  referrals: {
    label: 'Support you referred them to or gave details of (optional)',
    noun: 'the referrals',
    kind: 'choice',
    hint: 'From the support directory printed in the handbook.',
    fixedMessage: 'Choose the referrals from the list',
  },
  actions: {
    label: 'What you did or agreed (optional)',
    noun: 'what you did or agreed',
    kind: 'text',
    hint: 'For example, stayed until her sister arrived; agreed to call tomorrow morning.',
    formatMessage: 'What you did or agreed must be 2000 characters or fewer',
  },
};

export const WELLBEING_FORM_FIELDS = ['occurredAt', 'occurredAt.time', 'context', 'distressLevel', 'indicators', 'trustedPersonPresent', 'referrals', 'actions'];
const SCALAR_FIELDS = [...dateFieldNames('occurredAt'), 'occurredAt.time', 'context', 'distressLevel', 'trustedPersonPresent', 'actions'];

export function wellbeingFormState(values: FormValues, problems: FieldProblem[] = []): FormState {
  return new FormState(values, problems, (name) => FIELDS[name.replace(/\.\d+$/, '')]);
}

export function newWellbeingValues(now: Date): FormValues {
  return dateTimeValues('occurredAt', now);
}

export function postedWellbeingValues(form: FormBody): FormValues {
  return {
    ...Object.fromEntries(SCALAR_FIELDS.map((name) => [name, formText(form, name)])),
    indicators: listValue(formList(form, 'indicators')),
    referrals: listValue(formList(form, 'referrals')),
  };
}

/** A posted wellbeing check in the shape of CreateWellbeingCheckDto. There is no risk field: the service derives it. */
export function wellbeingBody(form: FormBody): { body: Record<string, unknown>; problems: FieldProblem[] } {
  const when = formInstant(form, 'occurredAt');
  const referrals = formList(form, 'referrals');
  const body = definedOnly({
    occurredAt: when.value,
    context: optionalText(formText(form, 'context')),
    distressLevel: formInteger(formText(form, 'distressLevel')),
    indicators: formList(form, 'indicators'),
    trustedPersonPresent: formYesNo(formText(form, 'trustedPersonPresent')),
    referrals: referrals.length ? referrals : undefined,
    actions: formText(form, 'actions'),
  });
  return { body, problems: when.timeProblem ? [{ field: 'occurredAt.time', messages: [when.timeProblem] }] : [] };
}

/**
 * The support lines an officer may refer a family to: the directory's printed entries from the
 * national list (the wellbeing service checks referrals against that list's keys).
 */
export function referralOptions(directory: readonly SupportEntry[]) {
  return directory.filter((entry) => entry.enabled && entry.verified && !entry.local).map((entry) => ({ value: entry.key, text: entry.name }));
}

export function wellbeingFormModel(state: FormState, directory: readonly SupportEntry[]) {
  return {
    errors: state.errors,
    occurredAt: state.date('occurredAt'),
    time: state.input('occurredAt.time'),
    context: state.choice('context', WELLBEING_CONTEXTS.map((value) => ({ value, text: WELLBEING_CONTEXT_LABELS[value] }))),
    distressLevel: state.choice('distressLevel', DISTRESS_LEVELS.map((value) => ({ value: String(value), text: DISTRESS_LABELS[value] }))),
    indicators: state.checkboxes('indicators', INDICATORS.map((value) => ({ value, text: INDICATOR_LABELS[value] }))),
    trustedPersonPresent: state.choice('trustedPersonPresent', [
      { value: 'yes', text: 'Yes' },
      { value: 'no', text: 'No' },
    ]),
    referrals: state.checkboxes('referrals', referralOptions(directory)),
    actions: state.input('actions'),
  };
}
