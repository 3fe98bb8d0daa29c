import { Module } from '@nestjs/common';
import { SettingsService } from './settings.service';
import { workingDayCalendarProvider } from './working-day-calendar.provider';

/** What every rule needs besides the facts: the force's settings and the working-day calendar. */
@Module({
  providers: [SettingsService, workingDayCalendarProvider],
  exports: [SettingsService, workingDayCalendarProvider],
})
export class RuleConfigModule {}
