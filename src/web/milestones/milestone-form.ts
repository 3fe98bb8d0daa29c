import { FieldProblem } from '../../common/domain-error';
import { MilestoneView } from '../../milestones/milestone-view';
import { MILESTONE_STATUSES, MILESTONE_TYPES } from '../../rules';
import { dateFieldNames, dateValues, definedOnly, FormBody, formDate, formText, FormValues, optionalText } from '../forms/form-body';
import { FieldSpec, FormState } from '../forms/form-state';
import { MILESTONE_STATUS_LABELS, MILESTONE_TYPE_LABELS } from '../labels';

const FIELDS: Record<string, FieldSpec> = {
  type: { label: 'Which step of the investigation?', noun: 'which step of the investigation this is', kind: 'choice' },
  status: { label: 'Status', noun: 'the status', kind: 'choice' },
  'status.new': {
    label: 'Status (optional)',
    noun: 'the status',
    kind: 'choice',
    hint: 'If you leave this, a step with the date it happened is recorded as done, and any other as expected.',
  },
  expectedDate: {
    label: 'Expected date (optional)',
    noun: 'the expected date',
    kind: 'date',
    hint: 'When it is planned or expected, for example a bail return date or a hearing. For example, 14 4 2026',
  },
  doneDate: {
    label: 'Date it happened',
    noun: 'the date it happened',
    kind: 'date',
    hint: 'Only for a step that is done. Not in the future. For example, 10 3 2026',
  },
  note: {
    label: 'Note for the family (optional)',
    noun: 'the note for the family',
    kind: 'text',
    hint: 'What the family may be told about this step, in plain words. It may be read to them or printed.',
  },
};

/** API words in the services' messages about milestones, and what an officer reads instead. */
const VOCABULARY: Record<string, string> = {
  'when the status is done': 'when the step is done',
  'a done milestone': 'a step that is done',
  ...Object.fromEntries(MILESTONE_STATUSES.map((status) => [`(status is ${status})`, `(the status is "${MILESTONE_STATUS_LABELS[status]}")`])),
};

export const MILESTONE_FORM_FIELDS = ['type', 'status', 'expectedDate', 'doneDate', 'note'] as const;
const POSTED_FIELDS = ['type', 'status', 'note', ...dateFieldNames('expectedDate'), ...dateFieldNames('doneDate')];

export function milestoneFormState(values: FormValues, problems: FieldProblem[] = [], creating = false): FormState {
  return new FormState(values, problems, (name) => (creating && name === 'status' ? FIELDS['status.new'] : FIELDS[name]), VOCABULARY);
}

export function postedMilestoneValues(form: FormBody): FormValues {
  return Object.fromEntries(POSTED_FIELDS.map((name) => [name, formText(form, name)]));
}

export function milestoneValues(milestone: MilestoneView): FormValues {
  return {
    status: milestone.status,
    note: milestone.note,
    ...dateValues('expectedDate', milestone.expectedDate),
    ...dateValues('doneDate', milestone.doneDate),
  };
}

/** A posted "record a milestone" form in the shape of CreateMilestoneDto. */
export function newMilestoneBody(form: FormBody): Record<string, unknown> {
  return definedOnly({
    type: optionalText(formText(form, 'type')),
    status: optionalText(formText(form, 'status')),
    expectedDate: formDate(form, 'expectedDate'),
    doneDate: formDate(form, 'doneDate'),
    note: formText(form, 'note'),
  });
}

/** A posted "update a milestone" form in the shape of UpdateMilestoneDto: emptied dates are cleared. */
export function milestoneChangeBody(form: FormBody): Record<string, unknown> {
  return definedOnly({
    status: optionalText(formText(form, 'status')),
    expectedDate: formDate(form, 'expectedDate') ?? null,
    doneDate: formDate(form, 'doneDate') ?? null,
    note: formText(form, 'note'),
  });
}

const STATUS_HINTS: Record<(typeof MILESTONE_STATUSES)[number], string> = {
  expected: 'Planned or expected, not happened yet',
  done: 'It has happened: give the date below',
  delayed: 'It will happen later than expected',
  cancelled: 'It will not happen',
};

export function milestoneFormModel(state: FormState, creating: boolean) {
  const statuses = MILESTONE_STATUSES.filter((status) => !creating || status !== 'cancelled');
  return {
    errors: state.errors,
    type: creating
      ? state.choice('type', [{ value: '', text: 'Choose a step' }, ...MILESTONE_TYPES.map((value) => ({ value, text: MILESTONE_TYPE_LABELS[value] }))])
      : null,
    status: state.choice('status', statuses.map((value) => ({ value, text: MILESTONE_STATUS_LABELS[value], hint: STATUS_HINTS[value] }))),
    expectedDate: state.date('expectedDate'),
    doneDate: state.date('doneDate'),
    note: state.input('note'),
  };
}
