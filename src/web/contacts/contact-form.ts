import { randomUUID } from 'node:crypto';
import { CaseView } from '../../cases/case-view';
import { FieldProblem } from '../../common/domain-error';
import { ContactView } from '../../contacts/contact-view';
import { CONTACT_METHODS, CONTACT_OUTCOMES } from '../../rules';
import { dateFieldNames, definedOnly, FormBody, formText, FormValues, optionalText } from '../forms/form-body';
import { dateTimeValues, formInstant } from '../forms/date-time';
import { FieldSpec, FormState } from '../forms/form-state';
import { CONTACT_METHOD_LABELS, CONTACT_OUTCOME_LABELS } from '../labels';

/** The hidden field that makes a double-submitted form log one entry (the API's Idempotency-Key). */
export const IDEMPOTENCY_FIELD = 'idempotencyKey';
const KEY_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const FIELDS: Record<string, FieldSpec> = {
  occurredAt: {
    label: 'When was it?',
    noun: 'the date of the contact',
    kind: 'date',
    hint: 'It can be earlier than today if you are logging it late. For example, 10 3 2026 and 14:30',
  },
  'occurredAt.time': { label: 'Time', noun: 'the time', kind: 'text' },
  method: { label: 'How?', noun: 'how the contact was made', kind: 'choice' },
  outcome: { label: 'What happened?', noun: 'what happened', kind: 'choice' },
  familyContactId: { label: 'Who was it with?', noun: 'who it was with', kind: 'choice' },
  summary: {
    label: 'Summary',
    noun: 'a summary of the contact',
    kind: 'text',
    hint: 'What was said or done, and anything agreed. Keep to the facts.',
    formatMessage: 'The summary must be 2000 characters or fewer',
  },
  topicsCovered: {
    label: 'Topics covered (optional)',
    noun: 'the topics covered',
    kind: 'text',
    hint: 'Separate them with commas, for example: bail conditions, next steps, support services',
    fixedMessage: 'Give up to 20 topics separated by commas, each up to 80 characters',
  },
  [IDEMPOTENCY_FIELD]: {
    label: 'Form',
    noun: 'the form',
    kind: 'text',
    anchor: 'summary',
    fixedMessage: 'This form was already used to log a contact. Check the contact log: if this is a different contact, send it again',
  },
};

export const CONTACT_FORM_FIELDS = ['occurredAt', 'occurredAt.time', 'method', 'outcome', 'familyContactId', 'summary', 'topicsCovered', IDEMPOTENCY_FIELD];
const POSTED_FIELDS = [...dateFieldNames('occurredAt'), 'occurredAt.time', 'method', 'outcome', 'familyContactId', 'summary', 'topicsCovered', IDEMPOTENCY_FIELD];

export function contactFormState(values: FormValues, problems: FieldProblem[] = []): FormState {
  return new FormState(values, problems, (name) => FIELDS[name.startsWith('topicsCovered') ? 'topicsCovered' : name]);
}

/** A new form: now, with the first family contact (usually the partner), and a fresh key for this form only. */
export function newContactValues(now: Date, kase: CaseView): FormValues {
  return { ...dateTimeValues('occurredAt', now), familyContactId: kase.familyContacts[0]?.id ?? '', [IDEMPOTENCY_FIELD]: randomUUID() };
}

export function freshIdempotencyKey(): string {
  return randomUUID();
}

/** A correction starts from the entry it corrects. */
export function correctionValues(contact: ContactView): FormValues {
  return {
    ...dateTimeValues('occurredAt', new Date(contact.occurredAt)),
    method: contact.method,
    outcome: contact.outcome,
    familyContactId: contact.familyContactId ?? '',
    summary: contact.summary,
    topicsCovered: contact.topicsCovered.join(', '),
    [IDEMPOTENCY_FIELD]: randomUUID(),
  };
}

export function postedContactValues(form: FormBody): FormValues {
  const values = Object.fromEntries(POSTED_FIELDS.map((name) => [name, formText(form, name)]));
  if (!KEY_SHAPE.test(values[IDEMPOTENCY_FIELD])) values[IDEMPOTENCY_FIELD] = randomUUID();
  return values;
}

/** The form's key when it is one this service handed out; otherwise none (the post is not deduplicated). */
export function idempotencyKey(form: FormBody): string | null {
  const key = formText(form, IDEMPOTENCY_FIELD);
  return KEY_SHAPE.test(key) ? key : null;
}

export interface MappedContactForm {
  body: Record<string, unknown>;
  /** Problems the DTO cannot find: the time field is the form's own. */
  problems: FieldProblem[];
}

/** A posted contact form in the shape of CreateContactDto. */
export function contactBody(form: FormBody, correctsContactId?: string): MappedContactForm {
  const when = formInstant(form, 'occurredAt');
  const topics = formText(form, 'topicsCovered')
    .split(',')
    .map((topic) => topic.trim())
    .filter((topic) => topic !== '');
  const body = definedOnly({
    occurredAt: when.value,
    method: optionalText(formText(form, 'method')),
    outcome: optionalText(formText(form, 'outcome')),
    summary: formText(form, 'summary'),
    familyContactId: optionalText(formText(form, 'familyContactId')),
    topicsCovered: topics.length ? topics : undefined,
    correctsContactId,
  });
  return { body, problems: when.timeProblem ? [{ field: 'occurredAt.time', messages: [when.timeProblem] }] : [] };
}

export function contactFormModel(state: FormState, kase: CaseView) {
  const familyContacts = kase.familyContacts.map((contact) => ({ value: contact.id, text: `${contact.name} (${contact.relationship})` }));
  return {
    errors: state.errors,
    idempotencyKey: state.input(IDEMPOTENCY_FIELD),
    occurredAt: state.date('occurredAt'),
    time: state.input('occurredAt.time'),
    method: state.choice('method', CONTACT_METHODS.map((value) => ({ value, text: CONTACT_METHOD_LABELS[value] }))),
    outcome: state.choice('outcome', CONTACT_OUTCOMES.map((value) => ({ value, text: CONTACT_OUTCOME_LABELS[value] }))),
    familyContactId: familyContacts.length
      ? state.choice('familyContactId', [...familyContacts, { value: '', text: 'Someone else, or not recorded' }])
      : null,
    summary: state.input('summary'),
    topicsCovered: state.input('topicsCovered'),
  };
}
