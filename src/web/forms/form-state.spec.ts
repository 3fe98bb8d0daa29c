import { FieldSpec, FormState } from './form-state';

const SPECS: Record<string, FieldSpec> = {
  reference: { label: 'Force reference', noun: 'the force reference', kind: 'text' },
  suspectStatus: { label: 'Suspect', noun: "the suspect's status", kind: 'choice' },
  arrestDate: { label: 'Date of arrest', noun: 'the date of arrest', kind: 'date' },
  'contact.email': { label: 'Email', noun: 'their email address', kind: 'text', formatMessage: 'Enter an email address like name@example.com' },
  version: { label: 'Version', noun: 'the version', kind: 'text', anchor: 'stale', fixedMessage: 'Someone else changed this' },
  childrenAgeBands: { label: 'Age bands', noun: 'the number of children in each age band', kind: 'group', anchor: 'childrenAgeBands-under5' },
};

const state = (values: Record<string, string>, field: string, message: string) =>
  new FormState(values, [{ field, messages: [message] }], (name) => SPECS[name], { 'childrenAtHome is false': 'no children live at the home' });

describe('FormState error wording (GOV.UK error messages from DTO and service problems)', () => {
  it.each([
    ['an empty text field', {}, 'reference', 'reference must be 2–40 letters', 'Enter the force reference', '#reference'],
    ['an unchosen choice', {}, 'suspectStatus', 'suspectStatus must be one of the following values: a, b', "Select the suspect's status", '#suspectStatus'],
    ['a filled-in value with a format message', { 'contact.email': 'x' }, 'contact.email', 'email must be an email', 'Enter an email address like name@example.com', '#contact-email'],
    ['an impossible date', { 'arrestDate.day': '30', 'arrestDate.month': '2', 'arrestDate.year': '2026' }, 'arrestDate', 'arrestDate must be a real date written YYYY-MM-DD', 'The date of arrest must be a real date, for example 27 3 2026', '#arrestDate-day'],
    ['an empty date', {}, 'arrestDate', 'arrestDate must be a real date written YYYY-MM-DD', 'Enter the date of arrest', '#arrestDate-day'],
    ['a service rule about the field', { reference: 'NOR/1' }, 'reference', 'is already used by another case', 'The force reference is already used by another case', '#reference'],
    ['a service instruction', {}, 'childrenAgeBands', 'give how many children live at the home', 'Give how many children live at the home', '#childrenAgeBands-under5'],
    ['API words in a service message', {}, 'childrenAgeBands', 'must all be 0 when childrenAtHome is false', 'The number of children in each age band must all be 0 when no children live at the home', '#childrenAgeBands-under5'],
    ['a fixed message', { version: '3' }, 'version', 'is 3 but the case is at version 4', 'Someone else changed this', '#stale'],
  ])('words %s', (_case, values, field, message, text, href) => {
    expect(state(values, field, message).errors).toEqual([{ field, href, text }]);
  });

  it('shows one error per field, the first, beside the field', () => {
    const form = new FormState({}, [
      { field: 'reference', messages: ['reference must match'] },
      { field: 'reference', messages: ['reference must be longer'] },
    ], (name) => SPECS[name]);
    expect(form.errors).toHaveLength(1);
    expect(form.input('reference')).toMatchObject({ id: 'reference', error: 'Enter the force reference', value: '' });
  });

  it('gives each option an id, the first one the field’s, and marks the chosen one', () => {
    const choice = new FormState({ suspectStatus: 'charged' }, [], (name) => SPECS[name]).choice('suspectStatus', [
      { value: 'in_custody', text: 'In custody' },
      { value: 'charged', text: 'Charged' },
    ]);
    expect(choice.options.map((o) => [o.id, o.checked])).toEqual([
      ['suspectStatus', false],
      ['suspectStatus-charged', true],
    ]);
  });
});
