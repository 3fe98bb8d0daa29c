import { Contact } from './contact.entity';

export interface ContactView {
  id: string;
  caseId: string;
  occurredAt: Date;
  method: Contact['method'];
  outcome: Contact['outcome'];
  summary: string;
  familyContactId: string | null;
  officerId: string;
  topicsCovered: string[];
  correctsContactId: string | null;
  /** The later entry that corrects this one; a corrected entry no longer counts in the rules. */
  correctedByContactId: string | null;
  recordedAt: Date;
}

export function toContactView(contact: Contact, correctedByContactId: string | null): ContactView {
  return {
    id: contact.id,
    caseId: contact.caseId,
    occurredAt: contact.occurredAt,
    method: contact.method,
    outcome: contact.outcome,
    summary: contact.summary,
    familyContactId: contact.familyContactId,
    officerId: contact.officerId,
    topicsCovered: contact.topicsCovered,
    correctsContactId: contact.correctsContactId,
    correctedByContactId,
    recordedAt: contact.recordedAt,
  };
}
