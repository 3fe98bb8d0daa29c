import { londonDate } from '../rules';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError, FieldProblem } from '../common/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { Officer } from '../officers/officer.entity';
import { SettingsService } from '../settings/settings.service';
import { UpdateScheduler } from '../updates/update-scheduler';
import { CaseAccessService } from './case-access.service';
import { Case } from './case.entity';
import { CaseListQuery, CreateCaseDto, FamilyContactDto, UpdateCaseDto } from './dto/case.dto';
import { FamilyContact } from './family-contact.entity';
import { CaseView, toCaseView } from './case-view';
import { retentionReviewDate } from './retention';

/** Fields a liaison officer may not change: moving a case between officers is a supervisor's call. */
const ASSIGNMENT_FIELDS = ['liaisonOfficerId', 'deputyOfficerId'] as const;

/** Changing any of these changes what the family is owed, or who answers for it. */
const SCHEDULE_FIELDS = ['arrestDate', 'status', 'updateFrequencyDays', 'liaisonOfficerId'] as const;

@Injectable()
export class CasesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly caseAccess: CaseAccessService,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
    private readonly scheduler: UpdateScheduler,
    private readonly settings: SettingsService,
  ) {}

  async list(actor: Actor, query: CaseListQuery): Promise<CaseView[]> {
    if (actor.role === 'admin') throw new DomainError('forbidden', 'Admins manage accounts, not case contents');
    return this.unitOfWork.write(async (manager) => {
      const qb = manager.createQueryBuilder(Case, 'c').leftJoinAndSelect('c.familyContacts', 'fc', 'fc.active = :active', { active: true });
      if (actor.role === 'officer') {
        qb.where('(c.liaisonOfficerId = :me OR c.deputyOfficerId = :me)', { me: actor.id });
      } else {
        qb.where('c.teamId = :team', { team: actor.teamId ?? '' });
      }
      if (query.status) qb.andWhere('c.status = :status', { status: query.status });
      const rows = await qb.orderBy('c.createdAt', 'DESC').addOrderBy('fc.position', 'ASC').getMany();
      await this.accessLog.record(manager, {
        actor,
        operation: 'consultation',
        recordType: 'case_list',
        recordId: null,
        purpose: 'GET /api/cases',
      });
      return rows.map(toCaseView);
    });
  }

  async get(actor: Actor, id: string): Promise<CaseView> {
    return this.caseAccess.withCase(actor, id, { operation: 'consultation', purpose: 'GET /api/cases/:id', readOnly: true }, (manager, kase) =>
      this.view(manager, kase),
    );
  }

  async create(actor: Actor, dto: CreateCaseDto): Promise<CaseView> {
    if (actor.role === 'admin') throw new DomainError('forbidden', 'Admins manage accounts, not case contents');
    return this.unitOfWork.write(async (manager) => {
      const liaisonOfficerId = dto.liaisonOfficerId ?? (actor.role === 'officer' ? actor.id : undefined);
      if (!liaisonOfficerId) {
        throw DomainError.invalidField('liaisonOfficerId', 'name the liaison officer for this family');
      }
      if (actor.role === 'officer' && liaisonOfficerId !== actor.id) {
        throw new DomainError('forbidden', 'Assigning a case to another officer is a supervisor action');
      }
      const liaison = await this.activeOfficerOrFail(manager, 'liaisonOfficerId', liaisonOfficerId);
      if (actor.role === 'supervisor' && liaison.teamId !== actor.teamId) {
        throw DomainError.invalidField('liaisonOfficerId', 'must be an officer of your own team');
      }
      if (dto.deputyOfficerId) await this.activeOfficerOrFail(manager, 'deputyOfficerId', dto.deputyOfficerId);
      if (await manager.exists(Case, { where: { reference: dto.reference } })) {
        throw new DomainError('conflict', `A case with reference "${dto.reference}" already exists`, [
          { field: 'reference', messages: ['is already used by another case'] },
        ]);
      }
      const fields = this.caseFields(dto);
      this.checkConsistency({ ...fields, childrenAtHome: dto.childrenAtHome });
      const kase = await manager.save(
        manager.create(Case, {
          ...fields,
          reference: dto.reference,
          status: 'open',
          teamId: liaison.teamId as string,
          liaisonOfficerId,
          version: 1,
        }),
      );
      await this.replaceFamilyContacts(manager, kase.id, dto.familyContacts ?? []);
      if (kase.arrestDate) await this.scheduler.recompute(manager, kase.id);
      await this.accessLog.record(manager, {
        actor,
        operation: 'collection',
        recordType: 'case',
        recordId: kase.id,
        caseId: kase.id,
        purpose: 'POST /api/cases',
      });
      return this.view(manager, kase);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateCaseDto): Promise<CaseView> {
    return this.caseAccess.withCase(actor, id, { operation: 'alteration', purpose: 'PATCH /api/cases/:id' }, async (manager, kase) => {
      if (kase.version !== dto.version) {
        throw new DomainError('stale_version', `This case was changed by someone else (now version ${kase.version}). Reload it and try again.`, [
          { field: 'version', messages: [`is ${dto.version} but the case is at version ${kase.version}`] },
        ]);
      }
      const reassigning = ASSIGNMENT_FIELDS.filter((f) => dto[f] !== undefined && dto[f] !== kase[f]);
      if (reassigning.length && actor.role !== 'supervisor') {
        throw new DomainError('forbidden', 'Reassigning a case is a supervisor action');
      }
      if (dto.liaisonOfficerId && dto.liaisonOfficerId !== kase.liaisonOfficerId) {
        const liaison = await this.activeOfficerOrFail(manager, 'liaisonOfficerId', dto.liaisonOfficerId);
        if (liaison.teamId !== kase.teamId) {
          throw DomainError.invalidField('liaisonOfficerId', 'must be an officer of the team that holds the case');
        }
      }
      if (dto.deputyOfficerId) await this.activeOfficerOrFail(manager, 'deputyOfficerId', dto.deputyOfficerId);
      const changes = this.caseFields(dto);
      const merged = { ...kase, ...changes };
      const rescheduling = SCHEDULE_FIELDS.some((f) => dto[f] !== undefined && dto[f] !== kase[f]);
      // Updates already due are settled under the officer who held the case until now.
      if (rescheduling && dto.liaisonOfficerId && dto.liaisonOfficerId !== kase.liaisonOfficerId) {
        await this.scheduler.recompute(manager, id);
      }
      this.checkConsistency(merged);
      if (dto.status === 'closed' && kase.status !== 'closed') {
        changes.closedDate = this.today();
        const { retentionReviewMonths } = await this.settings.retention(manager);
        changes.retentionReviewDate = retentionReviewDate(changes.closedDate, retentionReviewMonths);
      }
      if (dto.status === 'open') {
        changes.closedDate = null;
        changes.retentionReviewDate = null;
      }
      for (const f of ASSIGNMENT_FIELDS) if (dto[f] !== undefined) (changes as Record<string, unknown>)[f] = dto[f];
      const result = await manager
        .createQueryBuilder()
        .update(Case)
        .set({ ...changes, version: () => 'version + 1', updatedAt: this.clock.now() })
        .where('id = :id AND version = :version', { id, version: dto.version })
        .execute();
      if (result.affected === 0) {
        throw new DomainError('stale_version', 'This case was changed by someone else. Reload it and try again.', [
          { field: 'version', messages: ['is out of date'] },
        ]);
      }
      if (dto.familyContacts) await this.replaceFamilyContacts(manager, id, dto.familyContacts);
      if (rescheduling) await this.scheduler.recompute(manager, id);
      const updated = await manager.findOneOrFail(Case, { where: { id } });
      return this.view(manager, updated);
    });
  }

  private async view(manager: EntityManager, kase: Case): Promise<CaseView> {
    kase.familyContacts = await manager.find(FamilyContact, {
      where: { caseId: kase.id, active: true },
      order: { position: 'ASC' },
    });
    return toCaseView(kase);
  }

  /** Plain case columns from a create or update body (assignment is handled separately). */
  private caseFields(dto: Partial<CreateCaseDto & UpdateCaseDto>): Partial<Case> {
    const fields: Partial<Case> = {};
    const copy = [
      'status',
      'offenceType',
      'suspectStatus',
      'plannedArrestDate',
      'arrestDate',
      'childrenAtHome',
      'partnerWorksWithChildren',
      'updateFrequencyDays',
      'investigatingOfficerId',
      'preferredLanguage',
      'mediaInterest',
      'deputyOfficerId',
    ] as const;
    for (const key of copy) if (dto[key] !== undefined) (fields as Record<string, unknown>)[key] = dto[key];
    if (dto.childrenAgeBands) {
      fields.childrenUnder5 = dto.childrenAgeBands.under5;
      fields.children5to11 = dto.childrenAgeBands.age5to11;
      fields.children12to17 = dto.childrenAgeBands.age12to17;
    }
    if (dto.contactPreferences) {
      fields.contactMethod = dto.contactPreferences.method;
      if (dto.contactPreferences.times !== undefined) fields.contactTimes = dto.contactPreferences.times;
      if (dto.contactPreferences.voicemailSafe !== undefined) fields.voicemailSafe = dto.contactPreferences.voicemailSafe;
      if (dto.contactPreferences.textSafe !== undefined) fields.textSafe = dto.contactPreferences.textSafe;
    }
    return fields;
  }

  /** Rules that involve more than one field, checked on the merged result. */
  private checkConsistency(kase: Partial<Case>): void {
    const problems: FieldProblem[] = [];
    const children = (kase.childrenUnder5 ?? 0) + (kase.children5to11 ?? 0) + (kase.children12to17 ?? 0);
    if (!kase.childrenAtHome && children > 0) {
      problems.push({ field: 'childrenAgeBands', messages: ['must all be 0 when childrenAtHome is false'] });
    }
    if (kase.childrenAtHome && children === 0) {
      problems.push({ field: 'childrenAgeBands', messages: ['give how many children live at the home in each age band'] });
    }
    const today = this.today();
    if (kase.arrestDate && kase.arrestDate > today) {
      problems.push({ field: 'arrestDate', messages: ['must not be in the future; use plannedArrestDate for a planned arrest'] });
    }
    if (kase.suspectStatus && kase.suspectStatus !== 'not_arrested' && !kase.arrestDate) {
      problems.push({ field: 'arrestDate', messages: [`is needed when suspectStatus is ${kase.suspectStatus}`] });
    }
    if (kase.suspectStatus === 'not_arrested' && kase.arrestDate) {
      problems.push({ field: 'suspectStatus', messages: ['cannot be not_arrested when an arrestDate is recorded'] });
    }
    if (kase.liaisonOfficerId && kase.deputyOfficerId && kase.liaisonOfficerId === kase.deputyOfficerId) {
      problems.push({ field: 'deputyOfficerId', messages: ['must be a different officer from the liaison officer'] });
    }
    if (problems.length) throw new DomainError('invalid', `Invalid ${problems.map((p) => p.field).join(', ')}`, problems);
  }

  private async activeOfficerOrFail(manager: EntityManager, field: string, id: string): Promise<Officer> {
    const officer = await manager.findOne(Officer, { where: { id } });
    if (!officer || !officer.active || officer.role === 'admin' || !officer.teamId) {
      throw DomainError.invalidField(field, 'must be an active officer or supervisor with a team');
    }
    return officer;
  }

  private async replaceFamilyContacts(manager: EntityManager, caseId: string, wanted: FamilyContactDto[]): Promise<void> {
    const existing = await manager.find(FamilyContact, { where: { caseId, active: true } });
    const keep = new Set(wanted.filter((c) => c.id).map((c) => c.id as string));
    const unknown = [...keep].filter((id) => !existing.some((e) => e.id === id));
    if (unknown.length) throw DomainError.invalidField('familyContacts.id', 'does not belong to this case');
    const removed = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
    if (removed.length) await manager.update(FamilyContact, { id: In(removed) }, { active: false });
    for (const [position, contact] of wanted.entries()) {
      const fields = {
        name: contact.name,
        relationship: contact.relationship,
        phone: contact.phone ?? '',
        email: contact.email ?? '',
        position,
      };
      if (contact.id) await manager.update(FamilyContact, { id: contact.id }, fields);
      else await manager.insert(FamilyContact, { ...fields, caseId, active: true });
    }
  }

  private today(): string {
    return londonDate(this.clock.now());
  }
}
