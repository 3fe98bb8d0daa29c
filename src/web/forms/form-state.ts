import { FieldProblem } from '../../common/domain-error';
import { DATE_PARTS, FormValues } from './form-body';

export interface FieldSpec {
  label: string;
  /** How messages name the field: "Enter the force reference", "The force reference must …". */
  noun: string;
  kind: 'text' | 'choice' | 'date' | 'group';
  hint?: string;
  /** Said instead of the validator's words when a filled-in value has the wrong form. */
  formatMessage?: string;
  /** Said for any problem with this field, whatever its cause. */
  fixedMessage?: string;
  /** Where an error summary link takes focus, when that is not the field's own input. */
  anchor?: string;
  /** A password: its value judges the wording of an error but is never shown back. */
  secret?: boolean;
}

/** The spec of a field by its name; undefined for names the form does not know. */
export type FieldSpecs = (name: string) => FieldSpec | undefined;

export interface ErrorItem {
  field: string;
  href: string;
  text: string;
}

export interface FieldView {
  id: string;
  name: string;
  label: string;
  hint: string | null;
  value: string;
  error: string | null;
}

export interface OptionView {
  id: string;
  value: string;
  text: string;
  hint: string | null;
  checked: boolean;
}

export interface ChoiceView extends FieldView {
  options: OptionView[];
}

export interface DateFieldView extends FieldView {
  parts: { id: string; name: string; label: string; value: string; widthClass: string }[];
}

export type Option = { value: string; text: string; hint?: string };

const VERB_START = /^(must|is|are|cannot|should|does|has|was|already)\b/;

/** Ticked checkbox values as one form value, for FormState.checkboxes. */
export function listValue(values: readonly string[]): string {
  return values.join('\n');
}

/** `familyContacts.0.email` → `familyContacts-0-email`: ids without dots, so `#id` links and CSS need no escaping. */
export function fieldId(name: string): string {
  return name.replace(/\./g, '-');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A form as shown to the officer: the values they sent (or the stored ones), and each problem the
 * DTO or the service found, worded for a person and placed beside its field (GOV.UK error pattern).
 */
export class FormState {
  readonly errors: ErrorItem[];

  constructor(
    readonly values: FormValues,
    problems: FieldProblem[],
    private readonly specs: FieldSpecs,
    /** API words that may appear inside messages (field names, codes) and what to say instead. */
    private readonly vocabulary: Record<string, string> = {},
  ) {
    const seen = new Set<string>();
    this.errors = problems
      .filter((problem) => !seen.has(problem.field) && seen.add(problem.field))
      .map((problem) => this.describe(problem));
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  errorFor(name: string): string | null {
    return this.errors.find((error) => error.field === name)?.text ?? null;
  }

  value(name: string): string {
    return this.values[name] ?? '';
  }

  input(name: string): FieldView {
    const spec = this.spec(name);
    const value = spec.secret ? '' : this.value(name);
    return { id: fieldId(name), name, label: spec.label, hint: spec.hint ?? null, value, error: this.errorFor(name) };
  }

  /** Radios, a select or checkboxes. The first option carries the field's id, so error links reach it. */
  choice(name: string, options: Option[]): ChoiceView {
    const field = this.input(name);
    return {
      ...field,
      options: options.map((option, index) => ({
        id: index === 0 ? field.id : `${field.id}-${fieldId(option.value) || 'none'}`,
        value: option.value,
        text: option.text,
        hint: option.hint ?? null,
        checked: option.value === field.value,
      })),
    };
  }

  /** Checkboxes: several options may be ticked. Their values are kept one a line (see listValue). */
  checkboxes(name: string, options: Option[]): ChoiceView {
    const view = this.choice(name, options);
    const ticked = new Set(this.value(name).split('\n'));
    return { ...view, options: view.options.map((option) => ({ ...option, checked: ticked.has(option.value) })) };
  }

  date(name: string): DateFieldView {
    const field = this.input(name);
    return {
      ...field,
      parts: DATE_PARTS.map((part) => ({
        id: `${field.id}-${part}`,
        name: `${name}.${part}`,
        label: capitalise(part),
        value: this.value(`${name}.${part}`),
        widthClass: part === 'year' ? 'govuk-input--width-4' : 'govuk-input--width-2',
      })),
    };
  }

  private spec(name: string): FieldSpec {
    return this.specs(name) ?? { label: name, noun: name, kind: 'text' };
  }

  private describe(problem: FieldProblem): ErrorItem {
    const spec = this.spec(problem.field);
    const id = fieldId(problem.field);
    const anchor = spec.anchor ?? (spec.kind === 'date' ? `${id}-day` : id);
    return { field: problem.field, href: `#${anchor}`, text: this.wording(problem, spec) };
  }

  private wording(problem: FieldProblem, spec: FieldSpec): string {
    if (spec.fixedMessage) return spec.fixedMessage;
    const message = problem.messages[0] ?? 'is not valid';
    const property = problem.field.split('.').pop() as string;
    // class-validator's messages start with the property's name; the services' messages do not.
    const fromValidator = message.startsWith(`${property} `) || message.startsWith(`${problem.field} `);
    if (fromValidator) {
      if (this.isEmpty(problem.field, spec)) return `${spec.kind === 'choice' ? 'Select' : 'Enter'} ${spec.noun}`;
      if (spec.formatMessage) return spec.formatMessage;
      if (spec.kind === 'date') return `${capitalise(spec.noun)} must be a real date, for example 27 3 2026`;
    }
    const predicate = this.plainWords(fromValidator ? message.slice(message.indexOf(' ') + 1) : message);
    return VERB_START.test(predicate) ? `${capitalise(spec.noun)} ${predicate}` : capitalise(predicate);
  }

  private isEmpty(name: string, spec: FieldSpec): boolean {
    if (spec.kind === 'date') return DATE_PARTS.every((part) => this.value(`${name}.${part}`) === '');
    return this.value(name) === '';
  }

  /** Replaces API words and phrases with plain ones, longest first so phrases win over their words. */
  private plainWords(text: string): string {
    return Object.keys(this.vocabulary)
      .sort((a, b) => b.length - a.length)
      .reduce((result, phrase) => result.split(phrase).join(this.vocabulary[phrase]), text);
  }
}
