import { Module } from '@nestjs/common';
import { AccessLogAuditController } from './access-log-audit.controller';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditController, AccessLogAuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
