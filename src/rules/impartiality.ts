import { RuleSettings } from './settings';

export interface CaseOfficers {
  liaisonOfficerId: string | number | null | undefined;
  investigatingOfficerId: string | number | null | undefined;
}

export const IMPARTIALITY_WARNING =
  'The liaison officer is also the investigating officer. Families need a liaison officer who is ' +
  'impartial and separate from the investigation; consider assigning another liaison officer.';

/** The warning to show when one officer holds both roles, or null when there is nothing to warn about. */
export function impartialityWarning(
  officers: CaseOfficers,
  settings: Pick<RuleSettings, 'impartialityWarning'> = { impartialityWarning: true },
): string | null {
  if (!settings.impartialityWarning) return null;
  const { liaisonOfficerId, investigatingOfficerId } = officers;
  if (liaisonOfficerId == null || investigatingOfficerId == null) return null;
  return String(liaisonOfficerId) === String(investigatingOfficerId) ? IMPARTIALITY_WARNING : null;
}
