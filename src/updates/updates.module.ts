import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { SchedulingModule } from './scheduling.module';
import { UpdatesController } from './updates.controller';
import { UpdatesService } from './updates.service';

@Module({
  imports: [CasesModule, SchedulingModule],
  controllers: [UpdatesController],
  providers: [UpdatesService],
  exports: [UpdatesService],
})
export class UpdatesModule {}
