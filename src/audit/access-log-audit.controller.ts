import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { AuditService } from './audit.service';
import { AccessLogQuery } from './dto/audit-query.dto';

/** The Data Protection Act s.62 log: supervisors see their team's part of it, admins all of it. */
@ApiTags('audit')
@ApiBearerAuth()
@AllowRoles('supervisor', 'admin')
@Controller('api/audit/access-log')
export class AccessLogAuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first. Reading the log is itself logged. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: AccessLogQuery) {
    return this.audit.accessLogEntries(actor, query);
  }

  /** Walks the hash chain from the first entry and names the first entry that breaks it. */
  @Get('verify')
  verify(@CurrentActor() actor: Actor) {
    return this.audit.verifyAccessLog(actor);
  }
}
