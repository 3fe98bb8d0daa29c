import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { AllowRoles, CurrentActor } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { CaseListQuery } from '../../cases/dto/case.dto';
import { IdParam } from '../../common/id-param.dto';
import { FormBody } from '../forms/form-body';
import { WebController } from '../shell/web-controller';
import { CasePageQuery } from './case-pages.dto';
import { CasePagesService } from './case-pages.service';

@WebController('cases')
@AllowRoles('officer', 'supervisor')
export class CasePagesController {
  constructor(private readonly pages: CasePagesService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: CaseListQuery) {
    return this.pages.list(actor, query);
  }

  // Declared before ':id' so that "new" is never read as a case id.
  @Get('new')
  newForm(@CurrentActor() actor: Actor) {
    return this.pages.newForm(actor);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() form: FormBody) {
    return this.pages.create(actor, form);
  }

  @Get(':id')
  show(@CurrentActor() actor: Actor, @Param() params: IdParam, @Query() query: CasePageQuery) {
    return this.pages.show(actor, params.id, query);
  }

  @Get(':id/edit')
  editForm(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.pages.editForm(actor, params.id);
  }

  @Post(':id/edit')
  update(@CurrentActor() actor: Actor, @Param() params: IdParam, @Body() form: FormBody) {
    return this.pages.update(actor, params.id, form);
  }

  @AllowRoles('supervisor')
  @Post(':id/reassign')
  reassign(@CurrentActor() actor: Actor, @Param() params: IdParam, @Body() form: FormBody) {
    return this.pages.reassign(actor, params.id, form);
  }
}
