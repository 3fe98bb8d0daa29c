import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { SchedulingModule } from '../updates/scheduling.module';
import { ReferralDirectory } from './referral-directory';
import { WellbeingController } from './wellbeing.controller';
import { WellbeingService } from './wellbeing.service';

@Module({
  imports: [CasesModule, SchedulingModule],
  controllers: [WellbeingController],
  providers: [WellbeingService, { provide: ReferralDirectory, useFactory: () => new ReferralDirectory() }],
  exports: [WellbeingService],
})
export class WellbeingModule {}
