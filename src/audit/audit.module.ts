import { Module } from '@nestjs/common';
import { AccessLogAuditController } from './access-log-audit.controller';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { ReportRunner } from './report-runner';

@Module({
  controllers: [AuditController, AccessLogAuditController],
  providers: [AuditService, ReportRunner],
  exports: [AuditService],
})
export class AuditModule {}
