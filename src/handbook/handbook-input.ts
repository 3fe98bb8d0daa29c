import type { SupportEntry } from './support-directory';

// The handbook speaks the case's own vocabulary: one list of statuses and offences for the whole app.
export { OFFENCE_TYPES, SUSPECT_STATUSES } from '../cases/case-enums';
export type { OffenceType, SuspectStatus } from '../cases/case-enums';
import type { OffenceType, SuspectStatus } from '../cases/case-enums';

/** An all-day date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface ChildrenAgeBands {
  under5: number;
  age5to11: number;
  age12to17: number;
}

export interface LiaisonOfficerCard {
  name: string;
  collarNumber: string;
  workPhone: string;
  email: string;
}

export interface HandbookOptions {
  largePrint: boolean;
}

/**
 * Everything the arrest-day handbook prints, and nothing more: the Nest service maps a case,
 * its officer and the force's directory onto this. Every string may hold hostile text and is
 * printed escaped.
 */
export interface HandbookInput {
  forceName: string;
  caseReference: string;
  suspectStatus: SuspectStatus;
  offenceType: OffenceType;
  plannedArrestDate: IsoDate | null;
  arrestDate: IsoDate | null;
  childrenAtHome: boolean;
  childrenAgeBands: ChildrenAgeBands;
  partnerWorksWithChildren: boolean;
  updateFrequencyDays: number;
  /** Null before the first contact is booked: the card then promises contact within one working day of the arrest. */
  nextUpdateDate: IsoDate | null;
  liaisonOfficer: LiaisonOfficerCard;
  /** Free text as recorded on the case, e.g. "English", "Polish", "Cymraeg". */
  preferredLanguage: string;
  /** Already merged with the force's overrides and filtered with `entriesFor`. */
  supportEntries: SupportEntry[];
  options: HandbookOptions;
  printedOn: IsoDate;
}
