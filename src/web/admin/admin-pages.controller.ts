import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { AllowRoles, CurrentActor } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { IdParam } from '../../common/id-param.dto';
import { FormBody } from '../forms/form-body';
import { WebController } from '../shell/web-controller';
import { OfficerPageQuery, TeamsPageQuery } from './admin-pages.dto';
import { AdminPagesService } from './admin-pages.service';

@WebController('admin')
@AllowRoles('admin')
export class AdminPagesController {
  constructor(private readonly pages: AdminPagesService) {}

  @Get('officers')
  officers(@CurrentActor() actor: Actor) {
    return this.pages.officerList(actor);
  }

  // Declared before 'officers/:id' so that "new" is never read as an officer id.
  @Get('officers/new')
  newOfficer() {
    return this.pages.newOfficerForm();
  }

  @Post('officers')
  createOfficer(@Body() form: FormBody) {
    return this.pages.createOfficer(form);
  }

  @Get('officers/:id')
  officer(@Param() params: IdParam, @Query() query: OfficerPageQuery) {
    return this.pages.officerPage(params.id, query);
  }

  @Post('officers/:id')
  updateOfficer(@Param() params: IdParam, @Body() form: FormBody) {
    return this.pages.updateOfficer(params.id, form);
  }

  @Post('officers/:id/active')
  setActive(@Param() params: IdParam, @Body() form: FormBody) {
    return this.pages.setActive(params.id, form);
  }

  @Get('teams')
  teams(@Query() query: TeamsPageQuery) {
    return this.pages.teamList(query);
  }

  @Post('teams')
  createTeam(@Body() form: FormBody) {
    return this.pages.createTeam(form);
  }
}
