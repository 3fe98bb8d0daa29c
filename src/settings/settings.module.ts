import { Module } from '@nestjs/common';
import { SchedulingModule } from '../updates/scheduling.module';
import { SettingsChangeService } from './settings-change.service';
import { SettingsController } from './settings.controller';

@Module({
  imports: [SchedulingModule],
  controllers: [SettingsController],
  providers: [SettingsChangeService],
  exports: [SettingsChangeService],
})
export class SettingsModule {}
