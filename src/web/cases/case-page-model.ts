import { CaseView } from '../../cases/case-view';
import { OfficerView } from '../../officers/officers.service';
import { CONTACT_METHOD_LABELS, formatDate, OFFENCE_TYPE_LABELS, SUSPECT_STATUS_LABELS, yesNo } from '../labels';

export interface SummaryRow {
  key: string;
  value: string;
}

/** Officer id → how the page names them. */
export type OfficerNames = (id: string | null) => string | null;

/** Names officers by id, with their collar number; an officer not in the list is said to be of another team. */
export function officerNames(officers: Pick<OfficerView, 'id' | 'name' | 'collarNumber'>[]): OfficerNames {
  const byId = new Map(officers.map((officer) => [officer.id, `${officer.name} (${officer.collarNumber})`]));
  return (id) => (id === null ? null : (byId.get(id) ?? 'An officer of another team'));
}

export interface StatusTag {
  text: string;
  classes: string;
}

export function caseStatusTag(status: CaseView['status']): StatusTag {
  return status === 'open' ? { text: 'Open', classes: 'govuk-tag--blue' } : { text: 'Closed', classes: 'govuk-tag--grey' };
}

/** "Arrested 2 March 2026", "Arrest planned for 27 March 2026", or "No arrest date". */
export function arrestText(kase: Pick<CaseView, 'arrestDate' | 'plannedArrestDate'>): string {
  if (kase.arrestDate) return `Arrested ${formatDate(kase.arrestDate)}`;
  if (kase.plannedArrestDate) return `Arrest planned for ${formatDate(kase.plannedArrestDate)}`;
  return 'No arrest date';
}

export function childrenText(kase: Pick<CaseView, 'childrenAtHome' | 'childrenAgeBands'>): string {
  if (!kase.childrenAtHome) return 'No children at home';
  const { under5, age5to11, age12to17 } = kase.childrenAgeBands;
  const total = under5 + age5to11 + age12to17;
  return `${total} ${total === 1 ? 'child' : 'children'} at home`;
}

/** One row of a case list, the same on the work list and the cases page. */
export function caseListRow(kase: CaseView, names: OfficerNames) {
  return {
    href: `/cases/${kase.id}`,
    reference: kase.reference,
    suspectStatus: SUSPECT_STATUS_LABELS[kase.suspectStatus],
    arrest: arrestText(kase),
    children: childrenText(kase),
    liaisonOfficer: names(kase.liaisonOfficerId) ?? 'Not assigned',
    status: caseStatusTag(kase.status),
  };
}

const MEDIA_NOTE = 'Yes: expect press interest; agree a media plan with the family';

/** The case page's summaries: the case, its household, how to contact the family, and who they are. */
export function caseSummaries(kase: CaseView, names: OfficerNames) {
  const { under5, age5to11, age12to17 } = kase.childrenAgeBands;
  const caseRows: SummaryRow[] = [
    { key: 'Force reference', value: kase.reference },
    { key: 'Status', value: kase.status === 'open' ? 'Open' : `Closed ${formatDate(kase.closedDate) ?? ''}`.trim() },
    { key: 'Offence', value: OFFENCE_TYPE_LABELS[kase.offenceType] },
    { key: 'Suspect', value: SUSPECT_STATUS_LABELS[kase.suspectStatus] },
    { key: 'Date of arrest', value: formatDate(kase.arrestDate) ?? 'Not arrested yet' },
    { key: 'Planned arrest date', value: formatDate(kase.plannedArrestDate) ?? 'None' },
    { key: 'Liaison officer', value: names(kase.liaisonOfficerId) ?? 'Not assigned' },
    { key: 'Deputy liaison officer', value: names(kase.deputyOfficerId) ?? 'None' },
    { key: 'Investigating officer', value: names(kase.investigatingOfficerId) ?? 'Not recorded' },
    { key: 'Media interest', value: kase.mediaInterest ? MEDIA_NOTE : 'No' },
  ];
  const householdRows: SummaryRow[] = [
    { key: 'Children under 18 at home', value: yesNo(kase.childrenAtHome) },
    ...(kase.childrenAtHome
      ? [
          { key: 'Aged 0 to 4', value: String(under5) },
          { key: 'Aged 5 to 11', value: String(age5to11) },
          { key: 'Aged 12 to 17', value: String(age12to17) },
        ]
      : []),
    { key: 'Partner works or volunteers with children', value: yesNo(kase.partnerWorksWithChildren) },
  ];
  const preferences = kase.contactPreferences;
  const contactRows: SummaryRow[] = [
    { key: 'Preferred contact', value: CONTACT_METHOD_LABELS[preferences.method] },
    { key: 'Best times', value: preferences.times || 'Not given' },
    { key: 'Safe to leave a voicemail', value: yesNo(preferences.voicemailSafe) },
    { key: 'Safe to send a text message', value: yesNo(preferences.textSafe) },
    { key: 'Preferred language', value: kase.preferredLanguage },
    { key: 'Update every', value: `${kase.updateFrequencyDays} ${kase.updateFrequencyDays === 1 ? 'day' : 'days'}` },
  ];
  const familyContacts = kase.familyContacts.map((contact) => ({
    title: contact.name,
    rows: [
      { key: 'Relationship', value: contact.relationship },
      { key: 'Phone', value: contact.phone || 'Not given' },
      { key: 'Email', value: contact.email || 'Not given' },
    ],
  }));
  return { caseRows, householdRows, contactRows, familyContacts };
}

/** The confirmation banner after a form on the case was saved. */
export const SAVED_MESSAGES = {
  created: 'Case created',
  updated: 'Case details saved',
  reassigned: 'Case reassigned',
  milestone: 'Milestone recorded',
  milestoneUpdated: 'Milestone updated',
  milestoneCancelled: 'Milestone cancelled',
  contact: 'Contact logged',
  correction: 'Correction logged: the earlier entry no longer counts',
  declined: 'Recorded that the family declined updates',
  resumed: 'Updates resumed: an update is due today',
} as const;
export type SavedMessage = keyof typeof SAVED_MESSAGES;
