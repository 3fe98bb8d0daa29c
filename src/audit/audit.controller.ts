import { Controller, Get, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { AuditService, CsvExport } from './audit.service';
import { CSV_CONTENT_TYPE } from './csv';
import { ComplianceQuery, MissedUpdatesQuery, NoRecentContactQuery, TeamQuery } from './dto/audit-query.dto';

/** `Accept: text/csv` asks for the spreadsheet; anything else gets JSON. */
export function wantsCsv(request: Request): boolean {
  return request.accepts(['application/json', 'text/csv']) === 'text/csv';
}

function csvFile(file: CsvExport): StreamableFile {
  return new StreamableFile(Buffer.from(file.body, 'utf8'), {
    type: CSV_CONTENT_TYPE,
    disposition: `attachment; filename="${file.filename}"`,
  });
}

/**
 * A supervisor's audit of their own team. Admins manage accounts and settings, not case contents,
 * and these reports name cases, so they are for supervisors only.
 */
@ApiTags('audit')
@ApiBearerAuth()
@AllowRoles('supervisor')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Missed and late updates, most late first. CSV holds every matching row; JSON is paged. */
  @Get('missed-updates')
  @ApiProduces('application/json', 'text/csv')
  async missedUpdates(@CurrentActor() actor: Actor, @Query() query: MissedUpdatesQuery, @Req() request: Request) {
    return wantsCsv(request) ? csvFile(await this.audit.missedUpdatesCsv(actor, query)) : this.audit.missedUpdates(actor, query);
  }

  /** Per officer and ISO week: due, met on time, met late, attempted, missed, declined, on-time rate. */
  @Get('compliance')
  @ApiProduces('application/json', 'text/csv')
  async compliance(@CurrentActor() actor: Actor, @Query() query: ComplianceQuery, @Req() request: Request) {
    return wantsCsv(request) ? csvFile(await this.audit.complianceCsv(actor, query)) : this.audit.compliance(actor, query);
  }

  /** Open cases where nobody reached the family in more than `days` days. */
  @Get('no-recent-contact')
  noRecentContact(@CurrentActor() actor: Actor, @Query() query: NoRecentContactQuery) {
    return this.audit.noRecentContact(actor, query);
  }

  /** High-risk wellbeing checks whose follow-up has not been met. */
  @Get('high-risk-without-follow-up')
  highRiskWithoutFollowUp(@CurrentActor() actor: Actor, @Query() query: TeamQuery) {
    return this.audit.highRiskWithoutFollowUp(actor, query);
  }

  /** Open cases with no liaison officer, or one who is inactive or in another team. */
  @Get('unassigned-cases')
  unassignedCases(@CurrentActor() actor: Actor, @Query() query: TeamQuery) {
    return this.audit.unassignedCases(actor, query);
  }

  /** Alerts raised to the team and not yet acknowledged, oldest first. */
  @Get('unacknowledged-alerts')
  unacknowledgedAlerts(@CurrentActor() actor: Actor, @Query() query: TeamQuery) {
    return this.audit.unacknowledgedAlerts(actor, query);
  }
}
