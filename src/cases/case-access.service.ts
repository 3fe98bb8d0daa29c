import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessOperation } from '../access-log/access-log-entry.entity';
import { AccessLogService, AccessRecord } from '../access-log/access-log.service';
import { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { CompiledFind } from '../database/compiled-find';
import { together } from '../database/together';
import { UnitOfWork } from '../database/unit-of-work';
import { Case } from './case.entity';
import { canSeeCase } from './case-visibility';

export interface CaseAccess {
  operation: AccessOperation;
  /** What was touched, when it is more specific than the case itself (a contact, a milestone…). */
  recordType?: string;
  recordId?: string | null;
  purpose: string;
  /**
   * The work only reads. On SQLite it then runs on UnitOfWork.reads, outside the write queue, and
   * its access-log entry joins the next commit group; the answer still waits for that commit.
   */
  readOnly?: boolean;
}

class CaseRefused extends Error {}

/**
 * The one gate to a case's data. Loads the case inside the caller's transaction, checks that the
 * actor may see it, runs the work and writes the access-log entry in the same transaction. A refusal
 * is logged in a transaction of its own (the work's is rolled back) and answered as 404, so a case
 * you may not see looks exactly like one that does not exist.
 */
@Injectable()
export class CaseAccessService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accessLog: AccessLogService,
  ) {}

  /**
   * `preload`, if given, reads what the work will need at the same time as the case itself (one
   * round trip on SQLite instead of two); its result is handed to the work only once the case has
   * been found and the actor allowed, and dropped otherwise. It must only read.
   */
  async withCase<T, P>(
    actor: Actor,
    caseId: string,
    access: CaseAccess,
    work: (manager: EntityManager, kase: Case, preloaded: NoInfer<P>) => Promise<T>,
    preload?: (manager: EntityManager) => Promise<P>,
  ): Promise<T> {
    if (access.readOnly && this.unitOfWork.engine === 'sqlite') return this.read(actor, caseId, access, work, preload);
    try {
      return await this.unitOfWork.write(async (manager) => {
        const [kase, preloaded] = await loadCase(manager, caseId, preload);
        if (!kase || !canSeeCase(actor, kase)) throw new CaseRefused();
        if (kase.erasedAt && access.operation !== 'consultation') {
          throw new DomainError('conflict', `This case's personal data was erased on ${kase.erasedAt.toISOString().slice(0, 10)}: it can no longer be changed`);
        }
        const result = await work(manager, kase, preloaded);
        await this.accessLog.record(manager, allowed(actor, caseId, access, result));
        return result;
      });
    } catch (error) {
      if (!(error instanceof CaseRefused)) throw error;
      return this.refuse(actor, caseId, access);
    }
  }

  private async read<T, P>(
    actor: Actor,
    caseId: string,
    access: CaseAccess,
    work: (manager: EntityManager, kase: Case, preloaded: P) => Promise<T>,
    preload?: (manager: EntityManager) => Promise<P>,
  ): Promise<T> {
    const manager = this.unitOfWork.reads;
    const [kase, preloaded] = await loadCase(manager, caseId, preload);
    if (!kase || !canSeeCase(actor, kase)) return this.refuse(actor, caseId, access);
    const result = await work(manager, kase, preloaded);
    await this.accessLog.recordCommitted(allowed(actor, caseId, access, result));
    return result;
  }

  private async refuse(actor: Actor, caseId: string, access: CaseAccess): Promise<never> {
    await this.accessLog.recordCommitted({
      actor,
      operation: access.operation,
      outcome: 'refused',
      recordType: 'case',
      recordId: caseId,
      caseId,
      purpose: access.purpose,
    });
    throw DomainError.notFound('Case');
  }
}

/** Every access to a case starts with this read. */
const CASE_BY_ID = new CompiledFind(Case, ['id'], { limit: 1 });

/** The case and, read beside it in one batch, whatever `preload` fetches (without one: the case alone). */
async function loadCase<P>(manager: EntityManager, caseId: string, preload?: (manager: EntityManager) => Promise<P>): Promise<readonly [Case | null, P]> {
  const findCase = () => CASE_BY_ID.one(manager, caseId);
  if (!preload) return [await findCase(), undefined as P];
  return together(manager, [findCase, () => preload(manager)] as const);
}

/** The log entry of an allowed access: the record the work touched, else the one it returned, else the case. */
function allowed(actor: Actor, caseId: string, access: CaseAccess, result: unknown): AccessRecord {
  const recordId = access.recordId ?? (result as { id?: unknown } | null)?.id;
  return {
    actor,
    operation: access.operation,
    recordType: access.recordType ?? 'case',
    recordId: typeof recordId === 'string' ? recordId : caseId,
    caseId,
    purpose: access.purpose,
  };
}
