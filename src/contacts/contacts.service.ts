import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { CaseAccessService } from '../cases/case-access.service';
import { Case } from '../cases/case.entity';
import { FamilyContact } from '../cases/family-contact.entity';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { isUniqueViolation } from '../common/unique-violation';
import { UnitOfWork } from '../database/unit-of-work';
import { together } from '../database/together';
import { loadScheduleInputs, lockCaseSchedule, planSchedule, scheduleWrites, UpdateScheduler } from '../updates/update-scheduler';
import { Contact } from './contact.entity';
import { ContactView, toContactView } from './contact-view';
import { CreateContactDto } from './dto/contact.dto';
import { IDEMPOTENCY_HEADER, requestHash } from './idempotency';
import { IdempotencyKey } from './idempotency-key.entity';
import { IdempotencyStore, KeyAlreadyUsed } from './idempotency-store';

const ROUTE = 'POST /api/cases/:id/contacts';
/** Devices' clocks drift: a contact logged "now" from a phone a little ahead is not in the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

@Injectable()
export class ContactsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly caseAccess: CaseAccessService,
    private readonly scheduler: UpdateScheduler,
    private readonly idempotency: IdempotencyStore,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, caseId: string): Promise<ContactView[]> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'consultation', recordType: 'contact', purpose: 'GET /api/cases/:id/contacts', readOnly: true },
      async (manager) => {
        const contacts = await manager.find(Contact, { where: { caseId }, order: { occurredAt: 'DESC', recordedAt: 'DESC' } });
        const correctedBy = new Map(contacts.filter((c) => c.correctsContactId).map((c) => [c.correctsContactId as string, c.id]));
        return contacts.map((c) => toContactView(c, correctedBy.get(c.id) ?? null));
      },
    );
  }

  /**
   * Logs a contact and recomputes the family's updates in the same transaction. With an
   * Idempotency-Key: the same key and body again answers the first result without a new row; the
   * same key with a different body is a 422. The key is checked inside the transaction, so a
   * first request costs no extra round trip; a repeat rolls back and replays.
   */
  async create(actor: Actor, caseId: string, dto: CreateContactDto, key: string | null): Promise<ContactView> {
    if (key === null) return this.record(actor, caseId, dto, null);
    const hash = requestHash(ROUTE, caseId, dto);
    try {
      return await this.record(actor, caseId, dto, { key, hash });
    } catch (error) {
      if (!(error instanceof KeyAlreadyUsed) && !isUniqueViolation(error)) throw error;
      const winner = await this.unitOfWork.write((manager) => this.idempotency.find(manager, actor.id, key));
      if (!winner) throw new DomainError('conflict', 'Someone else changed this case at the same moment. Try again.');
      return this.replay(actor, winner, hash);
    }
  }

  /**
   * Four round trips on SQLite, each a batch of statements run together: the case with
   * everything the write needs to read; the contact (and its Idempotency-Key); the schedule's
   * changes, which may refer to the contact; the commit group's savepoint step.
   * The schedule is planned from what was read plus the new contact, which is what reading it
   * back after the insert would give.
   */
  private record(actor: Actor, caseId: string, dto: CreateContactDto, idempotency: { key: string; hash: string } | null): Promise<ContactView> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'collection', recordType: 'contact', purpose: ROUTE },
      async (manager, kase, { inputs, context, usedKey, familyContact, original, laterCorrection }) => {
        if (usedKey && !this.idempotency.isExpired(usedKey)) throw new KeyAlreadyUsed();
        this.check(kase, dto, familyContact, original, laterCorrection);
        // A key past its lifetime the purge has not reached yet: it is new again.
        if (usedKey) await this.idempotency.forget(manager, usedKey);
        const contact: Contact = {
          id: randomUUID(),
          caseId,
          occurredAt: new Date(dto.occurredAt),
          method: dto.method,
          outcome: dto.outcome,
          summary: dto.summary,
          topicsCovered: dto.topicsCovered ?? [],
          familyContactId: dto.familyContactId ?? null,
          officerId: actor.id,
          correctsContactId: dto.correctsContactId ?? null,
          recordedAt: this.clock.now(),
        };
        const diff = planSchedule(kase, { ...inputs, contacts: [...inputs.contacts, contact] }, context);
        // What an exact replay will answer: the JSON, not the objects.
        const view = JSON.parse(JSON.stringify(toContactView(contact, null))) as ContactView;
        await together(manager, [
          () => manager.createQueryBuilder().insert().into(Contact).values(contact).updateEntity(false).execute(),
          ...(idempotency
            ? [
                () =>
                  this.idempotency.store(
                    manager,
                    { officerId: actor.id, key: idempotency.key, requestHash: idempotency.hash, caseId, recordType: 'contact' },
                    contact.id,
                    view,
                  ),
              ]
            : []),
        ]);
        // After the contact is stored: an update it meets refers to it.
        await together(manager, scheduleWrites(manager, caseId, diff, context.now));
        return view;
      },
      async (manager: EntityManager) => {
        // Taken before the schedule's inputs are read (PostgreSQL; nothing to do on SQLite).
        await lockCaseSchedule(manager, caseId);
        const [inputs, context, usedKey, familyContact, original, laterCorrection] = await together(manager, [
          () => loadScheduleInputs(manager, caseId),
          () => this.scheduler.context(manager),
          () => (idempotency ? this.idempotency.find(manager, actor.id, idempotency.key) : Promise.resolve(null)),
          () => (dto.familyContactId ? manager.exists(FamilyContact, { where: { id: dto.familyContactId, caseId } }) : Promise.resolve(true)),
          () => (dto.correctsContactId ? manager.findOne(Contact, { where: { id: dto.correctsContactId, caseId } }) : Promise.resolve(null)),
          () => (dto.correctsContactId ? manager.findOne(Contact, { where: { correctsContactId: dto.correctsContactId } }) : Promise.resolve(null)),
        ] as const);
        return { inputs, context, usedKey, familyContact, original, laterCorrection };
      },
    );
  }

  private replay(actor: Actor, stored: IdempotencyKey, hash: string): Promise<ContactView> {
    if (stored.requestHash !== hash) {
      throw new DomainError('unprocessable', `This ${IDEMPOTENCY_HEADER} was already used for a different request`, [
        { field: IDEMPOTENCY_HEADER, messages: [`${IDEMPOTENCY_HEADER} was already used with a different body or case; send a new key`] },
      ]);
    }
    return this.caseAccess.withCase(
      actor,
      stored.caseId,
      { operation: 'consultation', recordType: 'contact', recordId: stored.recordId, purpose: `${ROUTE} (${IDEMPOTENCY_HEADER} replay)`, readOnly: true },
      async () => JSON.parse(stored.responseBody as string) as ContactView,
    );
  }

  private check(kase: Case, dto: CreateContactDto, familyContactFound: boolean, original: Contact | null, laterCorrection: Contact | null): void {
    if (!kase.arrestDate) {
      throw new DomainError('conflict', 'Record the arrest before logging contact with the family: nothing is owed to them before it', [
        { field: 'arrestDate', messages: ['the case has no arrest date yet'] },
      ]);
    }
    if (Date.parse(dto.occurredAt) > this.clock.now().getTime() + FUTURE_TOLERANCE_MS) {
      throw DomainError.invalidField('occurredAt', 'occurredAt must not be in the future');
    }
    if (!familyContactFound) {
      throw DomainError.invalidField('familyContactId', 'familyContactId must be one of this case’s family contacts');
    }
    if (dto.correctsContactId) {
      if (!original) throw DomainError.invalidField('correctsContactId', 'correctsContactId must be a contact of this case');
      if (laterCorrection) {
        throw new DomainError('conflict', 'That entry has already been corrected: correct the newer entry instead', [
          { field: 'correctsContactId', messages: [`already corrected by ${laterCorrection.id}`] },
        ]);
      }
    }
  }
}
