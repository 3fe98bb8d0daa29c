import { Module } from '@nestjs/common';
import { SchedulingModule } from '../updates/scheduling.module';
import { WorkController } from './work.controller';
import { WorkService } from './work.service';

@Module({
  imports: [SchedulingModule],
  controllers: [WorkController],
  providers: [WorkService],
  exports: [WorkService],
})
export class WorkModule {}
