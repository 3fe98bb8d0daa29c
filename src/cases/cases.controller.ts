import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { IdParam } from '../common/id-param.dto';
import { CaseErasureService } from './case-erasure.service';
import { CasesService } from './cases.service';
import { CaseListQuery, CreateCaseDto, UpdateCaseDto } from './dto/case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@AllowRoles('officer', 'supervisor')
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly erasure: CaseErasureService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: CaseListQuery) {
    return this.cases.list(actor, query);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateCaseDto) {
    return this.cases.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.cases.get(actor, params.id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param() params: IdParam, @Body() body: UpdateCaseDto) {
    return this.cases.update(actor, params.id, body);
  }

  /** Retention: erases a closed case's personal data once its review date has come (409 before, saying when). */
  @Post(':id/erase')
  @HttpCode(200)
  @AllowRoles('admin')
  erase(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.erasure.erase(actor, params.id);
  }
}
