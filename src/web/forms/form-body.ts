/**
 * A urlencoded form body as the body parser gives it: flat names (`familyContacts.0.email`) to
 * strings. Typed as a plain record on purpose: form posts are not validated by the global pipe but
 * mapped into the API's own DTO classes and validated there (see validateAs), so the rules are the
 * same for both.
 */
export type FormBody = Record<string, unknown>;

/** The flat string values of a form, as they are shown back in the fields. */
export type FormValues = Record<string, string>;

/** A field's text, trimmed; a repeated field keeps its last value; anything else is empty. */
export function formText(body: FormBody, name: string): string {
  const raw = body[name];
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  return typeof value === 'string' ? value.trim() : '';
}

/** The given fields' values, for showing a form again after an error. */
export function formValues(body: FormBody, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((name) => [name, formText(body, name)]));
}

export function optionalText(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** Empty clears the field on an update. */
export function nullableText(value: string): string | null {
  return value === '' ? null : value;
}

/** A whole number when the text is one; otherwise the text itself, for the validator to refuse by name. */
export function formInteger(value: string): number | string | undefined {
  if (value === '') return undefined;
  return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
}

/** Yes/no radios; nothing chosen stays undefined so the validator asks for a choice. */
export function formYesNo(value: string): boolean | string | undefined {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return optionalText(value);
}

/** A ticked checkbox sends its value; an unticked one sends nothing. */
export function formCheckbox(value: string): boolean {
  return value !== '';
}

export const DATE_PARTS = ['day', 'month', 'year'] as const;

/** The names of a GOV.UK date input's three fields: `arrestDate.day`, `arrestDate.month`, `arrestDate.year`. */
export function dateFieldNames(name: string): string[] {
  return DATE_PARTS.map((part) => `${name}.${part}`);
}

/** Day, month and year fields → `YYYY-MM-DD`, or undefined when all three are empty. */
export function formDate(body: FormBody, name: string): string | undefined {
  const [day, month, year] = DATE_PARTS.map((part) => formText(body, `${name}.${part}`));
  if (!day && !month && !year) return undefined;
  const pad = (text: string, width: number) => (/^\d+$/.test(text) ? text.padStart(width, '0') : text);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `2026-03-02` → the three date fields' values `2`, `3`, `2026`. */
export function dateValues(name: string, isoDate: string | null): FormValues {
  const [year, month, day] = isoDate ? isoDate.split('-') : ['', '', ''];
  return {
    [`${name}.day`]: day ? String(Number(day)) : '',
    [`${name}.month`]: month ? String(Number(month)) : '',
    [`${name}.year`]: year ?? '',
  };
}

/** Drops undefined members, so a DTO sees only what the form really sent. */
export function definedOnly<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Every value of a repeated field (ticked checkboxes), trimmed, empties and repeats dropped. */
export function formList(body: FormBody, name: string): string[] {
  const raw = body[name];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string');
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}
