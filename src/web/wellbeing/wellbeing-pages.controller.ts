import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { AllowRoles, CurrentActor } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { IdParam } from '../../common/id-param.dto';
import { FormBody } from '../forms/form-body';
import { WebController } from '../shell/web-controller';
import { WellbeingCheckPageQuery, WellbeingCheckParams } from './wellbeing-pages.dto';
import { WellbeingPagesService } from './wellbeing-pages.service';

@WebController('cases/:id/wellbeing-checks')
@AllowRoles('officer', 'supervisor')
export class WellbeingPagesController {
  constructor(private readonly pages: WellbeingPagesService) {}

  // Declared before ':checkId' so that "new" is never read as a check id.
  @Get('new')
  newForm(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.pages.newForm(actor, params.id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Param() params: IdParam, @Body() form: FormBody) {
    return this.pages.create(actor, params.id, form);
  }

  @Get(':checkId')
  show(@CurrentActor() actor: Actor, @Param() params: WellbeingCheckParams, @Query() query: WellbeingCheckPageQuery) {
    return this.pages.show(actor, params.id, params.checkId, query.saved === 'true');
  }
}
