import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { IdParam } from '../common/id-param.dto';
import { CreateMilestoneDto, MilestoneParams, UpdateMilestoneDto } from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@ApiBearerAuth()
@AllowRoles('officer', 'supervisor')
@Controller('api/cases/:id/milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.milestones.list(actor, params.id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Param() params: IdParam, @Body() body: CreateMilestoneDto) {
    return this.milestones.create(actor, params.id, body);
  }

  @Patch(':milestoneId')
  update(@CurrentActor() actor: Actor, @Param() params: MilestoneParams, @Body() body: UpdateMilestoneDto) {
    return this.milestones.update(actor, params.id, params.milestoneId, body);
  }
}
