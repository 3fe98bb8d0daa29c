import { DomainError, FieldProblem } from '../../common/domain-error';

/**
 * The problems a form shows beside its fields, with the status to answer, when a service refused
 * the input for reasons tied to fields. Anything else (not found, forbidden, a fault) is not the
 * form's business and becomes an error page.
 */
export function formProblems(error: unknown): { problems: FieldProblem[]; status: number } | null {
  if (!(error instanceof DomainError) || !error.fields.length) return null;
  if (error.code === 'invalid') return { problems: error.fields, status: 400 };
  if (error.code === 'conflict' || error.code === 'stale_version') return { problems: error.fields, status: 409 };
  return null;
}

const TODAY_NOTE = /\s*\(today is \d{4}-\d{2}-\d{2}\)/g;

/**
 * formProblems for the forms of a case's records (milestones, contacts, wellbeing, declines), whose
 * services word their messages for people once the field's API name is taken off the front. A
 * conflict's own message says what to do, so it is shown instead of its field's detail; a problem
 * on a field the form does not have is shown on `fallbackField`.
 */
export function recordFormProblems(
  error: unknown,
  formFields: readonly string[],
  fallbackField: string,
): { problems: FieldProblem[]; status: number } | null {
  const shown = formProblems(error);
  if (!shown) return null;
  const conflict = (error as DomainError).code === 'conflict';
  return {
    status: shown.status,
    problems: shown.problems.map((problem) => {
      const property = problem.field.split('.').pop() as string;
      const messages = problem.messages.map((message) => {
        if (conflict) return (error as DomainError).message;
        const words = message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
        return words.replace(TODAY_NOTE, '');
      });
      return { field: formFields.includes(problem.field) ? problem.field : fallbackField, messages };
    }),
  };
}
