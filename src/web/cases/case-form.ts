import { OFFENCE_TYPES, SUSPECT_STATUSES, CONTACT_METHODS } from '../../cases/case-enums';
import { CaseView } from '../../cases/case-view';
import { FieldProblem } from '../../common/domain-error';
import { Role } from '../../officers/officer.entity';
import { OfficerView } from '../../officers/officers.service';
import {
  dateFieldNames,
  dateValues,
  definedOnly,
  FormBody,
  formCheckbox,
  formDate,
  formInteger,
  formText,
  FormValues,
  formYesNo,
  nullableText,
  optionalText,
} from '../forms/form-body';
import { FieldSpec, FormState, Option } from '../forms/form-state';
import { CONTACT_METHOD_LABELS, OFFENCE_TYPE_LABELS, SUSPECT_STATUS_LABELS } from '../labels';

/** The API takes up to 10 family contacts; the create form offers two, the edit form one spare. */
export const MAX_FAMILY_CONTACTS = 10;
const CONTACT_PARTS = ['id', 'name', 'relationship', 'phone', 'email'] as const;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

const SCALAR_FIELDS = [
  'version',
  'status',
  'reference',
  'offenceType',
  'suspectStatus',
  'childrenAtHome',
  'childrenAgeBands.under5',
  'childrenAgeBands.age5to11',
  'childrenAgeBands.age12to17',
  'partnerWorksWithChildren',
  'updateFrequencyDays',
  'liaisonOfficerId',
  'deputyOfficerId',
  'investigatingOfficerId',
  'contactPreferences.method',
  'contactPreferences.times',
  'contactPreferences.voicemailSafe',
  'contactPreferences.textSafe',
  'preferredLanguage',
  'mediaInterest',
  ...dateFieldNames('plannedArrestDate'),
  ...dateFieldNames('arrestDate'),
];

const FIELD_SPECS: Record<string, FieldSpec> = {
  version: {
    label: 'Version',
    noun: 'the version',
    kind: 'text',
    anchor: 'stale-version',
    fixedMessage: 'Someone else changed this case while you were editing it, so your changes have not been saved',
  },
  status: { label: 'Is the case open or closed?', noun: 'whether the case is open or closed', kind: 'choice' },
  reference: { label: 'Force reference', noun: 'the force reference', kind: 'text', hint: 'For example, NOR/2026/0101' },
  offenceType: { label: 'Offence', noun: 'the offence', kind: 'choice' },
  suspectStatus: { label: 'Where is the suspect now?', noun: "the suspect's status", kind: 'choice' },
  plannedArrestDate: {
    label: 'Planned arrest date (optional)',
    noun: 'the planned arrest date',
    kind: 'date',
    hint: 'When a warrant is planned. For example, 27 3 2026',
  },
  arrestDate: {
    label: 'Date of arrest',
    noun: 'the date of arrest',
    kind: 'date',
    hint: 'Leave empty if the suspect has not been arrested yet. For example, 27 3 2026',
  },
  childrenAtHome: { label: 'Do children under 18 live at the home?', noun: 'whether children under 18 live at the home', kind: 'choice' },
  childrenAgeBands: {
    label: 'If yes, how many children live at the home in each age band?',
    noun: 'the number of children in each age band',
    kind: 'group',
    hint: 'Children are counted, never named. Leave empty if no children live at the home.',
    anchor: 'childrenAgeBands-under5',
  },
  'childrenAgeBands.under5': { label: 'Aged 0 to 4', noun: 'the number of children aged 0 to 4', kind: 'text' },
  'childrenAgeBands.age5to11': { label: 'Aged 5 to 11', noun: 'the number of children aged 5 to 11', kind: 'text' },
  'childrenAgeBands.age12to17': { label: 'Aged 12 to 17', noun: 'the number of children aged 12 to 17', kind: 'text' },
  partnerWorksWithChildren: {
    label: 'Does the partner work or volunteer with children?',
    noun: 'whether the partner works or volunteers with children',
    kind: 'choice',
    hint: 'The handbook then explains what the LADO does and what disqualification by association means.',
  },
  updateFrequencyDays: {
    label: 'Days between updates',
    noun: 'the number of days between updates',
    kind: 'text',
    hint: 'As agreed with the family, from 1 to 56. The standard is 14.',
    formatMessage: 'The number of days between updates must be a whole number from 1 to 56',
  },
  liaisonOfficerId: { label: 'Liaison officer', noun: 'the liaison officer', kind: 'choice' },
  deputyOfficerId: { label: 'Deputy liaison officer (optional)', noun: 'the deputy liaison officer', kind: 'choice' },
  investigatingOfficerId: {
    label: 'Investigating officer (optional)',
    noun: 'the investigating officer',
    kind: 'choice',
    hint: 'Choose them if they are one of these officers: the service warns when the liaison officer also investigates.',
  },
  contactPreferences: { label: 'How to contact the family', noun: 'how to contact the family', kind: 'group', anchor: 'contactPreferences-method' },
  'contactPreferences.method': { label: 'How do they prefer to be contacted?', noun: 'how they prefer to be contacted', kind: 'choice' },
  'contactPreferences.times': {
    label: 'Best times to contact them (optional)',
    noun: 'the best times to contact them',
    kind: 'text',
    hint: 'For example, weekday evenings after 6pm',
  },
  'contactPreferences.voicemailSafe': { label: 'It is safe to leave a voicemail', noun: 'whether a voicemail is safe', kind: 'choice' },
  'contactPreferences.textSafe': { label: 'It is safe to send a text message', noun: 'whether a text message is safe', kind: 'choice' },
  preferredLanguage: { label: 'Preferred language', noun: "the family's preferred language", kind: 'text' },
  mediaInterest: { label: 'There is media interest in this case', noun: 'whether there is media interest', kind: 'choice' },
  familyContacts: { label: 'Family contacts', noun: 'the family contacts', kind: 'group', anchor: 'familyContacts-0-name' },
};

const CONTACT_SPECS: Record<(typeof CONTACT_PARTS)[number], (ordinal: string) => FieldSpec> = {
  id: (ordinal) => ({ label: 'Id', noun: `the ${ordinal} contact`, kind: 'text' }),
  name: (ordinal) => ({ label: 'Full name', noun: `the ${ordinal} contact's name`, kind: 'text' }),
  relationship: (ordinal) => ({
    label: 'Relationship to the suspect',
    noun: `the ${ordinal} contact's relationship to the suspect`,
    kind: 'text',
    hint: 'For example, partner, wife, mother',
  }),
  phone: (ordinal) => ({
    label: 'Phone number (optional)',
    noun: `the ${ordinal} contact's phone number`,
    kind: 'text',
    formatMessage: `Enter the ${ordinal} contact's phone number using digits, spaces and brackets, like 07700 900 982`,
  }),
  email: (ordinal) => ({
    label: 'Email address (optional)',
    noun: `the ${ordinal} contact's email address`,
    kind: 'text',
    formatMessage: `Enter the ${ordinal} contact's email address in the correct format, like name@example.com`,
  }),
};

export function caseFieldSpec(name: string): FieldSpec | undefined {
  const contact = /^familyContacts\.(\d+)\.(\w+)$/.exec(name);
  if (contact && contact[2] in CONTACT_SPECS) {
    return CONTACT_SPECS[contact[2] as (typeof CONTACT_PARTS)[number]](ORDINALS[Number(contact[1])] ?? 'next');
  }
  return FIELD_SPECS[name];
}

/** API words that turn up inside the services' messages, and what an officer reads instead. */
export const CASE_VOCABULARY: Record<string, string> = {
  'childrenAtHome is false': 'no children live at the home',
  'use plannedArrestDate for a planned arrest': 'give a planned arrest date instead',
  'when suspectStatus is': "when the suspect's status is",
  'cannot be not_arrested when an arrestDate is recorded': `cannot be "${SUSPECT_STATUS_LABELS.not_arrested}" when a date of arrest is given`,
  ...Object.fromEntries(SUSPECT_STATUSES.map((status) => [status, `"${SUSPECT_STATUS_LABELS[status]}"`])),
};

export function caseFormState(values: FormValues, problems: FieldProblem[] = []): FormState {
  return new FormState(values, problems, caseFieldSpec, CASE_VOCABULARY);
}

/** What a new case form starts with: the service's standard cadence and language. */
export function newCaseValues(): FormValues {
  return { updateFrequencyDays: '14', preferredLanguage: 'English' };
}

/** A stored case as the edit form's values. */
export function caseValues(kase: CaseView): FormValues {
  const values: FormValues = {
    version: String(kase.version),
    status: kase.status,
    reference: kase.reference,
    offenceType: kase.offenceType,
    suspectStatus: kase.suspectStatus,
    ...dateValues('plannedArrestDate', kase.plannedArrestDate),
    ...dateValues('arrestDate', kase.arrestDate),
    childrenAtHome: kase.childrenAtHome ? 'yes' : 'no',
    'childrenAgeBands.under5': String(kase.childrenAgeBands.under5),
    'childrenAgeBands.age5to11': String(kase.childrenAgeBands.age5to11),
    'childrenAgeBands.age12to17': String(kase.childrenAgeBands.age12to17),
    partnerWorksWithChildren: kase.partnerWorksWithChildren ? 'yes' : 'no',
    updateFrequencyDays: String(kase.updateFrequencyDays),
    investigatingOfficerId: kase.investigatingOfficerId ?? '',
    'contactPreferences.method': kase.contactPreferences.method,
    'contactPreferences.times': kase.contactPreferences.times,
    'contactPreferences.voicemailSafe': kase.contactPreferences.voicemailSafe ? 'yes' : '',
    'contactPreferences.textSafe': kase.contactPreferences.textSafe ? 'yes' : '',
    preferredLanguage: kase.preferredLanguage,
    mediaInterest: kase.mediaInterest ? 'yes' : '',
  };
  kase.familyContacts.forEach((contact, index) => {
    for (const part of CONTACT_PARTS) values[`familyContacts.${index}.${part}`] = contact[part];
  });
  return values;
}

/** The posted values worth showing again, family contacts included. */
export function postedCaseValues(body: FormBody): FormValues {
  const values: FormValues = {};
  for (const name of SCALAR_FIELDS) values[name] = formText(body, name);
  for (let index = 0; index < MAX_FAMILY_CONTACTS; index++) {
    for (const part of CONTACT_PARTS) {
      const name = `familyContacts.${index}.${part}`;
      if (name in body) values[name] = formText(body, name);
    }
  }
  return values;
}

/**
 * A form's family contacts as the API's list. A slot left empty (or cleared, on the edit form) is
 * left out; `slots` remembers which form slot each list entry came from, so an error on
 * `familyContacts.0` is shown beside the right fields.
 */
function familyContactsFrom(body: FormBody): { contacts: Record<string, unknown>[]; slots: number[] } {
  const contacts: Record<string, unknown>[] = [];
  const slots: number[] = [];
  for (let index = 0; index < MAX_FAMILY_CONTACTS; index++) {
    const [id, name, relationship, phone, email] = CONTACT_PARTS.map((part) => formText(body, `familyContacts.${index}.${part}`));
    if (!name && !relationship && !phone && !email) continue;
    contacts.push(definedOnly({ id: optionalText(id), name, relationship, phone: optionalText(phone), email: optionalText(email) }));
    slots.push(index);
  }
  return { contacts, slots };
}

function ageBandsFrom(body: FormBody): Record<string, unknown> | undefined {
  const bands = ['under5', 'age5to11', 'age12to17'].map((band) => formText(body, `childrenAgeBands.${band}`));
  if (bands.every((band) => band === '')) return undefined;
  const [under5, age5to11, age12to17] = bands.map((band) => formInteger(band) ?? 0);
  return { under5, age5to11, age12to17 };
}

function contactPreferencesFrom(body: FormBody): Record<string, unknown> | undefined {
  const method = formText(body, 'contactPreferences.method');
  const times = formText(body, 'contactPreferences.times');
  const voicemailSafe = formCheckbox(formText(body, 'contactPreferences.voicemailSafe'));
  const textSafe = formCheckbox(formText(body, 'contactPreferences.textSafe'));
  if (!method && !times && !voicemailSafe && !textSafe) return undefined;
  return definedOnly({ method: optionalText(method), times, voicemailSafe, textSafe });
}

export interface MappedCaseForm {
  body: Record<string, unknown>;
  /** Form slot of each family contact in `body.familyContacts`. */
  contactSlots: number[];
}

/** A posted create form in the shape of the API's CreateCaseDto. Officers become the liaison officer themselves. */
export function createCaseBody(form: FormBody, role: Role): MappedCaseForm {
  const { contacts, slots } = familyContactsFrom(form);
  const body = definedOnly({
    reference: formText(form, 'reference'),
    offenceType: optionalText(formText(form, 'offenceType')),
    suspectStatus: optionalText(formText(form, 'suspectStatus')),
    plannedArrestDate: formDate(form, 'plannedArrestDate'),
    arrestDate: formDate(form, 'arrestDate'),
    childrenAtHome: formYesNo(formText(form, 'childrenAtHome')),
    childrenAgeBands: ageBandsFrom(form),
    partnerWorksWithChildren: formYesNo(formText(form, 'partnerWorksWithChildren')),
    updateFrequencyDays: formInteger(formText(form, 'updateFrequencyDays')),
    liaisonOfficerId: role === 'supervisor' ? optionalText(formText(form, 'liaisonOfficerId')) : undefined,
    deputyOfficerId: optionalText(formText(form, 'deputyOfficerId')),
    investigatingOfficerId: optionalText(formText(form, 'investigatingOfficerId')),
    contactPreferences: contactPreferencesFrom(form),
    preferredLanguage: formText(form, 'preferredLanguage'),
    mediaInterest: formCheckbox(formText(form, 'mediaInterest')),
    familyContacts: contacts.length ? contacts : undefined,
  });
  return { body, contactSlots: slots };
}

/**
 * A posted edit form in the shape of UpdateCaseDto. Emptied dates and officers are cleared (null);
 * the contacts sent are the whole list. Who the case is assigned to is changed on the reassign form.
 */
export function updateCaseBody(form: FormBody): MappedCaseForm {
  const { contacts, slots } = familyContactsFrom(form);
  const body = definedOnly({
    version: formInteger(formText(form, 'version')),
    status: optionalText(formText(form, 'status')),
    offenceType: optionalText(formText(form, 'offenceType')),
    suspectStatus: optionalText(formText(form, 'suspectStatus')),
    plannedArrestDate: formDate(form, 'plannedArrestDate') ?? null,
    arrestDate: formDate(form, 'arrestDate') ?? null,
    childrenAtHome: formYesNo(formText(form, 'childrenAtHome')),
    childrenAgeBands: ageBandsFrom(form) ?? { under5: 0, age5to11: 0, age12to17: 0 },
    partnerWorksWithChildren: formYesNo(formText(form, 'partnerWorksWithChildren')),
    updateFrequencyDays: formInteger(formText(form, 'updateFrequencyDays')),
    investigatingOfficerId: nullableText(formText(form, 'investigatingOfficerId')),
    contactPreferences: contactPreferencesFrom(form),
    preferredLanguage: formText(form, 'preferredLanguage'),
    mediaInterest: formCheckbox(formText(form, 'mediaInterest')),
    familyContacts: contacts,
  });
  return { body, contactSlots: slots };
}

/** A posted reassign form in the shape of UpdateCaseDto: the liaison officer and deputy only. */
export function reassignBody(form: FormBody): Record<string, unknown> {
  return definedOnly({
    version: formInteger(formText(form, 'version')),
    liaisonOfficerId: optionalText(formText(form, 'liaisonOfficerId')),
    deputyOfficerId: nullableText(formText(form, 'deputyOfficerId')),
  });
}

/** Moves problems on `familyContacts.<n>` to the form slot that entry came from. */
export function problemsOnFormSlots(problems: FieldProblem[], contactSlots: number[]): FieldProblem[] {
  return problems.map((problem) => {
    const match = /^familyContacts\.(\d+)(\..*)?$/.exec(problem.field);
    if (!match) return problem;
    const slot = contactSlots[Number(match[1])];
    return slot === undefined ? problem : { ...problem, field: `familyContacts.${slot}${match[2] ?? ''}` };
  });
}

const YES_NO: Option[] = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

function officerOptions(officers: OfficerView[], none: string | null): Option[] {
  const options = officers.map((officer) => ({ value: officer.id, text: `${officer.name} (${officer.collarNumber})` }));
  return none === null ? [{ value: '', text: 'Choose an officer' }, ...options] : [{ value: '', text: none }, ...options];
}

export interface CaseFormOptions {
  mode: 'create' | 'edit';
  role: Role;
  /** Active officers of the team, for the officer fields. */
  officers: OfficerView[];
}

/** Everything the case form template shows, one entry per field. */
export function caseFormModel(state: FormState, options: CaseFormOptions) {
  const filledSlots = Object.keys(state.values)
    .map((name) => /^familyContacts\.(\d+)\./.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
  const used = filledSlots.length ? Math.max(...filledSlots) + 1 : 0;
  const slotCount = Math.min(MAX_FAMILY_CONTACTS, options.mode === 'create' ? Math.max(2, used) : used + 1);
  const familyContacts = Array.from({ length: slotCount }, (_, index) => {
    const field = (part: string) => state.input(`familyContacts.${index}.${part}`);
    return {
      legend: index === 0 ? 'First family contact' : `${capitalise(ORDINALS[index])} family contact (optional)`,
      hint: index === 0 ? 'Usually the partner of the person arrested.' : null,
      id: field('id'),
      name: field('name'),
      relationship: field('relationship'),
      phone: field('phone'),
      email: field('email'),
    };
  });
  // An officer already chosen stays a choice even if since deactivated, so saving never drops them silently.
  const choosable = (name: string) =>
    options.officers.filter((officer) => (officer.active && officer.role !== 'admin') || officer.id === state.value(name));
  return {
    creating: options.mode === 'create',
    assignmentNote:
      options.mode === 'edit'
        ? options.role === 'supervisor'
          ? 'To change the liaison officer or deputy, use Reassign on the case page.'
          : 'To change the liaison officer or deputy, ask your supervisor.'
        : null,
    errors: state.errors,
    version: state.input('version'),
    stale: state.errorFor('version') !== null,
    status: options.mode === 'edit' ? state.choice('status', [{ value: 'open', text: 'Open' }, { value: 'closed', text: 'Closed' }]) : null,
    reference: options.mode === 'create' ? state.input('reference') : null,
    offenceType: state.choice('offenceType', OFFENCE_TYPES.map((value) => ({ value, text: OFFENCE_TYPE_LABELS[value] }))),
    suspectStatus: state.choice('suspectStatus', SUSPECT_STATUSES.map((value) => ({ value, text: SUSPECT_STATUS_LABELS[value] }))),
    plannedArrestDate: state.date('plannedArrestDate'),
    arrestDate: state.date('arrestDate'),
    childrenAtHome: state.choice('childrenAtHome', YES_NO),
    childrenAgeBands: {
      legend: FIELD_SPECS.childrenAgeBands.label,
      error: state.errorFor('childrenAgeBands'),
      hint: FIELD_SPECS.childrenAgeBands.hint,
      bands: [state.input('childrenAgeBands.under5'), state.input('childrenAgeBands.age5to11'), state.input('childrenAgeBands.age12to17')],
    },
    partnerWorksWithChildren: state.choice('partnerWorksWithChildren', YES_NO),
    updateFrequencyDays: state.input('updateFrequencyDays'),
    liaisonOfficerId:
      options.mode === 'create' && options.role === 'supervisor' ? state.choice('liaisonOfficerId', officerOptions(choosable('liaisonOfficerId'), null)) : null,
    deputyOfficerId: options.mode === 'create' ? state.choice('deputyOfficerId', officerOptions(choosable('deputyOfficerId'), 'No deputy')) : null,
    investigatingOfficerId: state.choice('investigatingOfficerId', officerOptions(choosable('investigatingOfficerId'), 'Not one of these officers')),
    contactMethod: state.choice('contactPreferences.method', CONTACT_METHODS.map((value) => ({ value, text: CONTACT_METHOD_LABELS[value] }))),
    contactPreferencesError: state.errorFor('contactPreferences'),
    contactTimes: state.input('contactPreferences.times'),
    voicemailSafe: state.choice('contactPreferences.voicemailSafe', [{ value: 'yes', text: 'It is safe to leave a voicemail' }]),
    textSafe: state.choice('contactPreferences.textSafe', [{ value: 'yes', text: 'It is safe to send a text message' }]),
    preferredLanguage: state.input('preferredLanguage'),
    mediaInterest: state.choice('mediaInterest', [{ value: 'yes', text: 'There is media interest in this case' }]),
    familyContactsError: state.errorFor('familyContacts'),
    familyContacts,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
