import { ContactMethod, OffenceType, SuspectStatus } from '../cases/case-enums';
import { Role } from '../officers/officer.entity';
import { ContactOutcome, MilestoneStatus, MilestoneType, RiskIndicator, RiskLevel, UpdateReason, UpdateStatus } from '../rules';
import { WellbeingContext } from '../wellbeing/wellbeing-check.entity';

/** The words officers read for the API's codes. One table per vocabulary, so every page says the same. */
export const OFFENCE_TYPE_LABELS: Record<OffenceType, string> = {
  iioc_possession: 'Possessing indecent images of children',
  iioc_making: 'Making indecent images of children',
  iioc_distribution: 'Distributing indecent images of children',
  iioc_production: 'Producing indecent images of children',
  sexual_communication: 'Sexual communication with a child',
  other_online: 'Other online offence',
  contact_offence: 'Contact offence',
};

export const SUSPECT_STATUS_LABELS: Record<SuspectStatus, string> = {
  not_arrested: 'Not arrested yet',
  in_custody: 'In custody',
  bail_with_conditions: 'On bail with conditions',
  released_under_investigation: 'Released under investigation',
  charged: 'Charged',
  remanded: 'Remanded in custody',
  convicted: 'Convicted',
  no_further_action: 'No further action',
};

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: 'Phone call',
  visit: 'Visit',
  text: 'Text message',
  email: 'Email',
  letter: 'Letter',
};

export const ROLE_LABELS: Record<Role, string> = {
  officer: 'Officer',
  supervisor: 'Supervisor',
  admin: 'Administrator',
};

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-03-02` → `2 March 2026`, the way GOV.UK-style services write dates. */
export function formatDate(isoDate: string | null): string | null {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  return DATE_FORMAT.format(new Date(`${isoDate}T00:00:00Z`));
}

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

export const MILESTONE_TYPE_LABELS: Record<MilestoneType, string> = {
  planned_warrant: 'Planned warrant',
  arrest: 'Arrest',
  interview: 'Interview',
  devices_seized: 'Devices seized',
  forensic_started: 'Forensic examination started',
  forensic_completed: 'Forensic examination completed',
  bail_decision: 'Bail or RUI decision',
  bail_return: 'Bail return date',
  bail_conditions_changed: 'Bail conditions changed',
  charging_decision: 'Charging decision',
  first_hearing: 'First hearing',
  plea_hearing: 'Plea hearing',
  trial: 'Trial',
  sentence: 'Sentence',
  notification: 'Notification requirements',
  media_release: 'Planned media release',
  case_closed: 'Case closed',
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  expected: 'Expected',
  done: 'Done',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
};

export const UPDATE_REASON_LABELS: Record<UpdateReason, string> = {
  first_contact: 'First contact after the arrest',
  milestone: 'After a milestone',
  advance_notice: 'Advance notice',
  cadence: 'Regular update',
  wellbeing_follow_up: 'Wellbeing follow-up',
};

/** How an update turned out, as the updates table and the supervisor's report say it. */
export const UPDATE_STATUS_LABELS: Record<UpdateStatus | 'met_late', string> = {
  open: 'Open',
  met: 'Met',
  met_late: 'Met late',
  attempted: 'Attempted',
  missed: 'Missed',
  declined: 'Declined',
};

export const CONTACT_OUTCOME_LABELS: Record<ContactOutcome, string> = {
  spoke: 'Spoke to them',
  no_answer: 'No answer',
  left_message: 'Left a message',
  declined: 'They declined to talk',
};

export const WELLBEING_CONTEXT_LABELS: Record<WellbeingContext, string> = {
  arrest_day: 'On the day of the arrest',
  routine: 'Routine check',
  milestone: 'After a milestone',
  crisis: 'Crisis',
};

export const INDICATOR_LABELS: Record<RiskIndicator, string> = {
  self_harm_thoughts: 'Expressed thoughts of self-harm or suicide',
  alone_without_support: 'Alone without support',
  children_needs_unmet: "Children's needs are not being met",
  financial_hardship: 'Financial hardship',
  housing_risk: 'Housing at risk',
  harassment_or_media: 'Harassment, threats or media exposure',
  concern_for_arrested_person: "Concern for the arrested person's safety",
};

export const DISTRESS_LABELS: Record<number, string> = {
  0: '0 – calm',
  1: '1 – a little upset',
  2: '2 – upset',
  3: '3 – very distressed',
  4: '4 – in crisis',
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
};

export interface Tag {
  text: string;
  classes: string;
}

export function riskTag(level: RiskLevel): Tag {
  const classes = { low: 'govuk-tag--green', medium: 'govuk-tag--yellow', high: 'govuk-tag--red' }[level];
  return { text: RISK_LEVEL_LABELS[level], classes };
}

/** A stored update's status, with "met" split into on time and late as officers and supervisors speak of it. */
export function updateStatusTag(status: UpdateStatus, daysLate: number | null): Tag {
  if (status === 'met' && (daysLate ?? 0) > 0) return { text: UPDATE_STATUS_LABELS.met_late, classes: 'govuk-tag--yellow' };
  const classes: Record<UpdateStatus, string> = {
    open: 'govuk-tag--blue',
    met: 'govuk-tag--green',
    attempted: 'govuk-tag--orange',
    missed: 'govuk-tag--red',
    declined: 'govuk-tag--grey',
  };
  return { text: UPDATE_STATUS_LABELS[status], classes: classes[status] };
}

export function milestoneStatusTag(status: MilestoneStatus): Tag {
  const classes: Record<MilestoneStatus, string> = {
    expected: 'govuk-tag--blue',
    done: 'govuk-tag--green',
    delayed: 'govuk-tag--orange',
    cancelled: 'govuk-tag--grey',
  };
  return { text: MILESTONE_STATUS_LABELS[status], classes: classes[status] };
}

const DATE_TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** An instant as London wall time: `10 March 2026 at 09:30`. */
export function formatDateTime(instant: Date | string): string {
  const parts = Object.fromEntries(DATE_TIME_FORMAT.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
