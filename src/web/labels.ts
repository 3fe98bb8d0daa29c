import { ContactMethod, OffenceType, SuspectStatus } from '../cases/case-enums';
import { Role } from '../officers/officer.entity';

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
