import { AccessLogEntry } from '../access-log/access-log-entry.entity';
import { SupervisorAlert } from '../alerts/supervisor-alert.entity';
import { Session } from '../auth/session.entity';
import { SignInFailure } from '../auth/sign-in-failure.entity';
import { Case } from '../cases/case.entity';
import { FamilyContact } from '../cases/family-contact.entity';
import { Contact } from '../contacts/contact.entity';
import { IdempotencyKey } from '../contacts/idempotency-key.entity';
import { HandbookIssue } from '../handbook/handbook-issue.entity';
import { Milestone } from '../milestones/milestone.entity';
import { Officer } from '../officers/officer.entity';
import { Team } from '../officers/team.entity';
import { ForceSettings } from '../settings/force-settings.entity';
import { ScheduledUpdate } from '../updates/scheduled-update.entity';
import { UpdateDecline } from '../updates/update-decline.entity';
import { CalendarFeed } from '../web/calendar/calendar-feed.entity';
import { WellbeingCheck } from '../wellbeing/wellbeing-check.entity';

/** Every entity, in one list shared by the app, the migration CLI and the tests. */
export const ENTITIES = [
  Team,
  Officer,
  Session,
  SignInFailure,
  Case,
  FamilyContact,
  AccessLogEntry,
  ForceSettings,
  Milestone,
  Contact,
  IdempotencyKey,
  WellbeingCheck,
  SupervisorAlert,
  UpdateDecline,
  ScheduledUpdate,
  HandbookIssue,
  CalendarFeed,
];
