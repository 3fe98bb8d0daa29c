import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AccessLogEntry } from '../access-log/access-log-entry.entity';
import { Case } from '../cases/case.entity';
import { Officer } from '../officers/officer.entity';
import { PageWindow } from './missed-updates.query';
import { ListPage } from './standing-lists.query';

export interface AccessLogCriteria {
  /** A supervisor's team: entries about its cases or by its officers. Null: every entry (admins). */
  teamId: string | null;
  caseId?: string;
  officerId?: string;
  /** Instants, the end exclusive. */
  start?: Date;
  end?: Date;
}

/**
 * Newest first. A team's view is entries whose case is one of the team's cases or whose officer
 * is one of its officers now; the case and officer filters use the (caseId, id) and
 * (officerId, id) indexes.
 */
export async function findAccessLog(manager: EntityManager, criteria: AccessLogCriteria, page: PageWindow): Promise<ListPage<AccessLogEntry>> {
  const query = manager.createQueryBuilder(AccessLogEntry, 'e');
  if (criteria.teamId !== null) {
    query.where(
      new Brackets((scope) =>
        scope
          .where((qb: SelectQueryBuilder<AccessLogEntry>) => `e.caseId IN ${qb.subQuery().select('tc.id').from(Case, 'tc').where('tc.teamId = :teamId').getQuery()}`)
          .orWhere((qb: SelectQueryBuilder<AccessLogEntry>) => `e.officerId IN ${qb.subQuery().select('tof.id').from(Officer, 'tof').where('tof.teamId = :teamId').getQuery()}`),
      ),
      { teamId: criteria.teamId },
    );
  }
  if (criteria.caseId) query.andWhere('e.caseId = :caseId', { caseId: criteria.caseId });
  if (criteria.officerId) query.andWhere('e.officerId = :officerId', { officerId: criteria.officerId });
  if (criteria.start) query.andWhere('e.at >= :start', { start: criteria.start });
  if (criteria.end) query.andWhere('e.at < :end', { end: criteria.end });
  const [rows, total] = await query.orderBy('e.id', 'DESC').skip(page.offset).take(page.limit).getManyAndCount();
  return { total, rows };
}
