import { AccessLogEntry } from '../access-log/access-log-entry.entity';
import { Session } from '../auth/session.entity';
import { Case } from '../cases/case.entity';
import { FamilyContact } from '../cases/family-contact.entity';
import { Officer } from '../officers/officer.entity';
import { Team } from '../officers/team.entity';

/** Every entity, in one list shared by the app, the migration CLI and the tests. */
export const ENTITIES = [Team, Officer, Session, Case, FamilyContact, AccessLogEntry];
