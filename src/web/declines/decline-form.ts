import { FieldProblem } from '../../common/domain-error';
import { addCalendarDays } from '../../rules';
import { dateFieldNames, dateValues, definedOnly, FormBody, formDate, formText, FormValues } from '../forms/form-body';
import { FieldSpec, FormState } from '../forms/form-state';

const FIELDS: Record<string, FieldSpec> = {
  from: { label: 'From when do they not want updates?', noun: 'the date they stop wanting updates', kind: 'date', hint: 'For example, 10 3 2026' },
  reviewDate: {
    label: 'When will you check with them again?',
    noun: 'the review date',
    kind: 'date',
    hint: 'An update falls due on this day, to ask whether they want updates again. Within a year. For example, 7 4 2026',
  },
  note: {
    label: 'What did they say? (optional)',
    noun: 'the note',
    kind: 'text',
    hint: 'In their words if you can, and how they would like to be contacted at the review.',
    formatMessage: 'The note must be 1000 characters or fewer',
  },
};

const VOCABULARY: Record<string, string> = {
  'after from': 'after the date they stop wanting updates',
  'end it first': 'resume updates on the case page first',
  "within 366 days of from: review the family's decision at least yearly": 'within a year of the date they stop wanting updates',
};

export const DECLINE_FORM_FIELDS = ['from', 'reviewDate', 'note'];

export function declineFormState(values: FormValues, problems: FieldProblem[] = []): FormState {
  return new FormState(values, problems, (name) => FIELDS[name], VOCABULARY);
}

/** From today, reviewed in four weeks unless the officer agrees another date. */
export function newDeclineValues(today: string): FormValues {
  return { ...dateValues('from', today), ...dateValues('reviewDate', addCalendarDays(today, 28)), note: '' };
}

export function postedDeclineValues(form: FormBody): FormValues {
  return Object.fromEntries([...dateFieldNames('from'), ...dateFieldNames('reviewDate'), 'note'].map((name) => [name, formText(form, name)]));
}

/** A posted decline in the shape of CreateDeclineDto. */
export function declineBody(form: FormBody): Record<string, unknown> {
  return definedOnly({ from: formDate(form, 'from'), reviewDate: formDate(form, 'reviewDate'), note: formText(form, 'note') });
}

export function declineFormModel(state: FormState) {
  return { errors: state.errors, from: state.date('from'), reviewDate: state.date('reviewDate'), note: state.input('note') };
}
