import { Module } from '@nestjs/common';
import { RuleConfigModule } from '../settings/rule-config.module';
import { UpdateRefresher } from './update-refresher';
import { UpdateScheduler } from './update-scheduler';

/** Recomputing the updates a family is owed; imported by every feature that changes the facts. */
@Module({
  imports: [RuleConfigModule],
  providers: [UpdateScheduler, UpdateRefresher],
  exports: [UpdateScheduler, UpdateRefresher, RuleConfigModule],
})
export class SchedulingModule {}
