import { Body, Get, Param, Post } from '@nestjs/common';
import { AllowRoles, CurrentActor } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { IdParam } from '../../common/id-param.dto';
import { DeclineParams } from '../../updates/dto/decline.dto';
import { FormBody } from '../forms/form-body';
import { WebController } from '../shell/web-controller';
import { DeclinePagesService } from './decline-pages.service';

@WebController('cases/:id/declines')
@AllowRoles('officer', 'supervisor')
export class DeclinePagesController {
  constructor(private readonly pages: DeclinePagesService) {}

  @Get('new')
  newForm(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.pages.newForm(actor, params.id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Param() params: IdParam, @Body() form: FormBody) {
    return this.pages.create(actor, params.id, form);
  }

  @Post(':declineId/end')
  resume(@CurrentActor() actor: Actor, @Param() params: DeclineParams) {
    return this.pages.resume(actor, params.id, params.declineId);
  }
}
