export const OFFENCE_TYPES = [
  'iioc_possession',
  'iioc_making',
  'iioc_distribution',
  'iioc_production',
  'sexual_communication',
  'other_online',
  'contact_offence',
] as const;
export type OffenceType = (typeof OFFENCE_TYPES)[number];

export const SUSPECT_STATUSES = [
  'not_arrested',
  'in_custody',
  'bail_with_conditions',
  'released_under_investigation',
  'charged',
  'remanded',
  'convicted',
  'no_further_action',
] as const;
export type SuspectStatus = (typeof SUSPECT_STATUSES)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CONTACT_METHODS = ['phone', 'visit', 'text', 'email', 'letter'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
