import { Case } from './case.entity';

export interface FamilyContactView {
  id: string;
  name: string;
  relationship: string;
  phone: string;
  email: string;
}

export interface CaseView {
  id: string;
  reference: string;
  status: Case['status'];
  teamId: string;
  offenceType: Case['offenceType'];
  suspectStatus: Case['suspectStatus'];
  plannedArrestDate: string | null;
  arrestDate: string | null;
  childrenAtHome: boolean;
  childrenAgeBands: { under5: number; age5to11: number; age12to17: number };
  partnerWorksWithChildren: boolean;
  updateFrequencyDays: number;
  liaisonOfficerId: string | null;
  deputyOfficerId: string | null;
  investigatingOfficerId: string | null;
  contactPreferences: { method: Case['contactMethod']; times: string; voicemailSafe: boolean; textSafe: boolean };
  preferredLanguage: string;
  mediaInterest: boolean;
  familyContacts: FamilyContactView[];
  impartialityWarning: string | null;
  closedDate: string | null;
  retentionReviewDate: string | null;
  erasedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function toCaseView(kase: Case): CaseView {
  return {
    id: kase.id,
    reference: kase.reference,
    status: kase.status,
    teamId: kase.teamId,
    offenceType: kase.offenceType,
    suspectStatus: kase.suspectStatus,
    plannedArrestDate: kase.plannedArrestDate,
    arrestDate: kase.arrestDate,
    childrenAtHome: kase.childrenAtHome,
    childrenAgeBands: { under5: kase.childrenUnder5, age5to11: kase.children5to11, age12to17: kase.children12to17 },
    partnerWorksWithChildren: kase.partnerWorksWithChildren,
    updateFrequencyDays: kase.updateFrequencyDays,
    liaisonOfficerId: kase.liaisonOfficerId,
    deputyOfficerId: kase.deputyOfficerId,
    investigatingOfficerId: kase.investigatingOfficerId,
    contactPreferences: {
      method: kase.contactMethod,
      times: kase.contactTimes,
      voicemailSafe: kase.voicemailSafe,
      textSafe: kase.textSafe,
    },
    preferredLanguage: kase.preferredLanguage,
    mediaInterest: kase.mediaInterest,
    familyContacts: (kase.familyContacts ?? []).map(({ id, name, relationship, phone, email }) => ({ id, name, relationship, phone, email })),
    impartialityWarning:
      kase.investigatingOfficerId && kase.investigatingOfficerId === kase.liaisonOfficerId
        ? 'The liaison officer is also the investigating officer: the family may not see them as impartial. Consider another liaison officer.'
        : null,
    closedDate: kase.closedDate,
    retentionReviewDate: kase.retentionReviewDate,
    erasedAt: kase.erasedAt,
    version: kase.version,
    createdAt: kase.createdAt,
    updatedAt: kase.updatedAt,
  };
}
