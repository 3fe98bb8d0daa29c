import { Body, Get, Param, Post } from '@nestjs/common';
import { AllowRoles, CurrentActor } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { IdParam } from '../../common/id-param.dto';
import { MilestoneParams } from '../../milestones/dto/milestone.dto';
import { FormBody } from '../forms/form-body';
import { WebController } from '../shell/web-controller';
import { MilestonePagesService } from './milestone-pages.service';

@WebController('cases/:id/milestones')
@AllowRoles('officer', 'supervisor')
export class MilestonePagesController {
  constructor(private readonly pages: MilestonePagesService) {}

  // Declared before ':milestoneId' so that "new" is never read as a milestone id.
  @Get('new')
  newForm(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.pages.newForm(actor, params.id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Param() params: IdParam, @Body() form: FormBody) {
    return this.pages.create(actor, params.id, form);
  }

  @Get(':milestoneId')
  editForm(@CurrentActor() actor: Actor, @Param() params: MilestoneParams) {
    return this.pages.editForm(actor, params.id, params.milestoneId);
  }

  @Post(':milestoneId')
  update(@CurrentActor() actor: Actor, @Param() params: MilestoneParams, @Body() form: FormBody) {
    return this.pages.update(actor, params.id, params.milestoneId, form);
  }
}
