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
