import { Body, Get, Param, Post } from '@nestjs/common';
import { AllowRoles, CurrentActor } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { IdParam } from '../../common/id-param.dto';
import { FormBody } from '../forms/form-body';
import { WebController } from '../shell/web-controller';
import { ContactParams } from './contact-pages.dto';
import { ContactPagesService } from './contact-pages.service';

@WebController('cases/:id/contacts')
@AllowRoles('officer', 'supervisor')
export class ContactPagesController {
  constructor(private readonly pages: ContactPagesService) {}

  @Get('new')
  newForm(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.pages.newForm(actor, params.id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Param() params: IdParam, @Body() form: FormBody) {
    return this.pages.create(actor, params.id, form);
  }

  @Get(':contactId/correct')
  correctionForm(@CurrentActor() actor: Actor, @Param() params: ContactParams) {
    return this.pages.correctionForm(actor, params.id, params.contactId);
  }

  @Post(':contactId/correct')
  correct(@CurrentActor() actor: Actor, @Param() params: ContactParams, @Body() form: FormBody) {
    return this.pages.create(actor, params.id, form, params.contactId);
  }
}
