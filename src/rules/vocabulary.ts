/**
 * The closed lists of values the rules understand, exported so DTOs and entities validate
 * against exactly the same words (see DESIGN.md "JSON shapes").
 */

export const MILESTONE_TYPES = [
  'planned_warrant',
  'arrest',
  'interview',
  'devices_seized',
  'forensic_started',
  'forensic_completed',
  'bail_decision',
  'bail_return',
  'bail_conditions_changed',
  'charging_decision',
  'first_hearing',
  'plea_hearing',
  'trial',
  'sentence',
  'notification',
  'media_release',
  'case_closed',
] as const;
export type MilestoneType = (typeof MILESTONE_TYPES)[number];

export const MILESTONE_STATUSES = ['expected', 'done', 'delayed', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const CONTACT_METHODS = ['phone', 'visit', 'text', 'email', 'letter'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const CONTACT_OUTCOMES = ['spoke', 'no_answer', 'left_message', 'declined'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const UPDATE_REASONS = ['first_contact', 'milestone', 'advance_notice', 'cadence', 'wellbeing_follow_up'] as const;
export type UpdateReason = (typeof UPDATE_REASONS)[number];

export const UPDATE_STATUSES = ['open', 'met', 'attempted', 'missed', 'declined'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
