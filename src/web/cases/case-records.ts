import { CaseView } from '../../cases/case-view';
import { ContactView } from '../../contacts/contact-view';
import { MilestoneView } from '../../milestones/milestone-view';
import { calendarDaysBetween } from '../../rules';
import { CaseUpdatesView, DeclineView, ScheduledUpdateView } from '../../updates/update-views';
import { WellbeingCheckView } from '../../wellbeing/wellbeing-view';
import {
  CONTACT_METHOD_LABELS,
  CONTACT_OUTCOME_LABELS,
  DISTRESS_LABELS,
  formatDate,
  formatDateTime,
  INDICATOR_LABELS,
  MILESTONE_TYPE_LABELS,
  milestoneStatusTag,
  plural,
  riskTag,
  UPDATE_REASON_LABELS,
  updateStatusTag,
  WELLBEING_CONTEXT_LABELS,
} from '../labels';
import { OfficerNames } from './case-page-model';

/** The date a milestone sits at on the timeline: when it happened, else when it is expected. */
function timelineDate(milestone: MilestoneView): string | null {
  return milestone.doneDate ?? milestone.expectedDate;
}

/** The investigation's steps in date order; steps with no date yet come last, in the order recorded. */
export function milestoneTimeline(caseId: string, milestones: MilestoneView[]) {
  const dated = milestones.filter((m) => timelineDate(m) !== null).sort((a, b) => (timelineDate(a) as string).localeCompare(timelineDate(b) as string));
  const undated = milestones.filter((m) => timelineDate(m) === null);
  return [...dated, ...undated].map((milestone) => ({
    id: `milestone-${milestone.id}`,
    name: MILESTONE_TYPE_LABELS[milestone.type],
    statusTag: milestoneStatusTag(milestone.status),
    cancelled: milestone.status === 'cancelled',
    expected: formatDate(milestone.expectedDate),
    done: formatDate(milestone.doneDate),
    note: milestone.note || null,
    editHref: `/cases/${caseId}/milestones/${milestone.id}`,
  }));
}

/** `Bail or RUI decision` → `bail or RUI decision`: lower case inside a sentence, abbreviations kept. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function reasonText(update: ScheduledUpdateView, milestones: Map<string, MilestoneView>): string {
  const base = UPDATE_REASON_LABELS[update.reason];
  const milestone = update.milestoneId ? milestones.get(update.milestoneId) : undefined;
  if (milestone) return `${base}: ${lowerFirst(MILESTONE_TYPE_LABELS[milestone.type])}`;
  if (update.reason === 'wellbeing_follow_up' && update.riskLevel) return `${base} (${update.riskLevel} risk)`;
  return base;
}

/** Days late as the table shows them: the stored figure for a met update, counted to today for one still unmet. */
function daysLate(update: ScheduledUpdateView, today: string): number {
  if (update.status === 'met') return update.daysLate ?? 0;
  if (update.status === 'declined' || update.dueDate >= today) return 0;
  return calendarDaysBetween(update.dueDate, today);
}

/** The decline running now or starting later, if any: the one a "Resume updates" button ends. */
export function currentDecline(view: CaseUpdatesView): DeclineView | null {
  return view.declines.find((decline) => (decline.endedOn ?? decline.reviewDate) > view.today) ?? null;
}

/** Every update the family is owed, the latest due first, with how each turned out. */
export function updatesOwed(caseId: string, view: CaseUpdatesView, milestones: MilestoneView[]) {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const rows = [...view.updates]
    .sort((a, b) => b.dueDate.localeCompare(a.dueDate))
    .map((update) => {
      const late = daysLate(update, view.today);
      return {
        due: formatDate(update.dueDate) ?? update.dueDate,
        reason: reasonText(update, byId),
        statusTag: updateStatusTag(update.status, update.daysLate),
        daysLate: late > 0 ? plural(late, 'day') : '–',
        metBy: update.metByContactId ? `#contact-${update.metByContactId}` : null,
      };
    });
  const decline = currentDecline(view);
  return {
    rows,
    decline: decline
      ? {
          from: formatDate(decline.from),
          review: formatDate(decline.endedOn ?? decline.reviewDate),
          started: decline.from <= view.today,
          note: decline.note || null,
          resumeAction: `/cases/${caseId}/declines/${decline.id}/end`,
        }
      : null,
    declineHref: `/cases/${caseId}/declines/new`,
  };
}

/** The contact log, newest first; a correction names the entry it replaces and the replaced entry says so. */
export function contactLog(kase: CaseView, contacts: ContactView[], names: OfficerNames) {
  const people = new Map(kase.familyContacts.map((person) => [person.id, person.name]));
  const when = new Map(contacts.map((contact) => [contact.id, formatDateTime(contact.occurredAt)]));
  return contacts.map((contact) => ({
    id: `contact-${contact.id}`,
    when: formatDateTime(contact.occurredAt),
    how: CONTACT_METHOD_LABELS[contact.method],
    outcome: CONTACT_OUTCOME_LABELS[contact.outcome],
    person: contact.familyContactId ? (people.get(contact.familyContactId) ?? 'A former family contact') : null,
    officer: names(contact.officerId),
    summary: contact.summary,
    topics: contact.topicsCovered.length ? contact.topicsCovered.join(', ') : null,
    corrects: contact.correctsContactId
      ? { href: `#contact-${contact.correctsContactId}`, text: `the entry of ${when.get(contact.correctsContactId) ?? 'an earlier date'}` }
      : null,
    correctedBy: contact.correctedByContactId
      ? { href: `#contact-${contact.correctedByContactId}`, text: `the entry of ${when.get(contact.correctedByContactId) ?? 'a later date'}` }
      : null,
    correctHref: contact.correctedByContactId ? null : `/cases/${kase.id}/contacts/${contact.id}/correct`,
  }));
}

/** The wellbeing checks, newest first, each with its derived risk. */
export function wellbeingList(caseId: string, checks: WellbeingCheckView[]) {
  return [...checks]
    .sort((a, b) => new Date(b.occurredAt).getTime() - new Date(a.occurredAt).getTime())
    .map((check) => ({
      href: `/cases/${caseId}/wellbeing-checks/${check.id}`,
      when: formatDateTime(check.occurredAt),
      context: WELLBEING_CONTEXT_LABELS[check.context],
      distress: DISTRESS_LABELS[check.distressLevel] ?? String(check.distressLevel),
      riskTag: riskTag(check.riskLevel),
      signs: check.indicators.map((indicator) => INDICATOR_LABELS[indicator]).join('; ') || 'None',
      followUp: check.followUp ? `Due ${formatDate(check.followUp.dueDate)}` : 'None',
      alerted: check.alertId !== null,
    }));
}
