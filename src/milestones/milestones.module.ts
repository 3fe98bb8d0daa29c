import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { SchedulingModule } from '../updates/scheduling.module';
import { MilestonesController } from './milestones.controller';
import { MilestonesService } from './milestones.service';

@Module({
  imports: [CasesModule, SchedulingModule],
  controllers: [MilestonesController],
  providers: [MilestonesService],
  exports: [MilestonesService],
})
export class MilestonesModule {}
