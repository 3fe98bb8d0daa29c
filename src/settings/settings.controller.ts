import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { UpdateSettingsDto } from './dto/settings.dto';
import { SettingsChangeService } from './settings-change.service';
import { SettingsService, SettingsView } from './settings.service';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('api/settings')
export class SettingsController {
  constructor(
    private readonly settings: SettingsService,
    private readonly changes: SettingsChangeService,
  ) {}

  @Get()
  @AllowRoles('supervisor', 'admin')
  get(): Promise<SettingsView> {
    return this.settings.view();
  }

  @Patch()
  @AllowRoles('admin')
  update(@CurrentActor() actor: Actor, @Body() body: UpdateSettingsDto): Promise<SettingsView> {
    return this.changes.update(actor, body);
  }
}
