import { Body, Get, Post, Query } from '@nestjs/common';
import { AllowRoles, CurrentActor } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { FormBody } from '../forms/form-body';
import { WebController } from '../shell/web-controller';
import { SettingsPageQuery } from './admin-pages.dto';
import { AdminSettingsService } from './admin-settings.service';

@WebController('admin')
@AllowRoles('admin')
export class AdminSettingsController {
  constructor(private readonly pages: AdminSettingsService) {}

  @Get('settings')
  settings(@Query() query: SettingsPageQuery) {
    return this.pages.settingsForm(query.saved === 'true');
  }

  @Post('settings')
  saveSettings(@CurrentActor() actor: Actor, @Body() form: FormBody) {
    return this.pages.saveSettings(actor, form);
  }

  /** Read-only: no service stores a force's changes to the national list yet. */
  @Get('support-directory')
  supportDirectory() {
    return this.pages.supportDirectory();
  }
}
