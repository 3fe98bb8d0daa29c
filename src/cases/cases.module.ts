import { Module } from '@nestjs/common';
import { SchedulingModule } from '../updates/scheduling.module';
import { CaseAccessService } from './case-access.service';
import { CaseErasureService } from './case-erasure.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [SchedulingModule],
  controllers: [CasesController],
  providers: [CasesService, CaseAccessService, CaseErasureService],
  exports: [CasesService, CaseAccessService],
})
export class CasesModule {}
