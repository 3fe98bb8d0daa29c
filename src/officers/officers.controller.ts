import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { IdParam } from '../common/id-param.dto';
import { CreateOfficerDto, CreateTeamDto, OfficerListQuery, UpdateOfficerDto } from './dto/officer.dto';
import { OfficersService } from './officers.service';

@ApiTags('officers')
@ApiBearerAuth()
@Controller('api')
export class OfficersController {
  constructor(private readonly officers: OfficersService) {}

  @AllowRoles('supervisor', 'admin')
  @Get('officers')
  list(@CurrentActor() actor: Actor, @Query() query: OfficerListQuery) {
    return this.officers.list(actor, query.teamId);
  }

  @AllowRoles('admin')
  @Post('officers')
  create(@Body() body: CreateOfficerDto) {
    return this.officers.create(body);
  }

  /** Reassign to another team or role, correct details, or deactivate with {"active": false}. */
  @AllowRoles('admin')
  @Patch('officers/:id')
  update(@Param() params: IdParam, @Body() body: UpdateOfficerDto) {
    return this.officers.update(params.id, body);
  }

  @AllowRoles('supervisor', 'admin')
  @Get('teams')
  teams() {
    return this.officers.listTeams();
  }

  @AllowRoles('admin')
  @Post('teams')
  createTeam(@Body() body: CreateTeamDto) {
    return this.officers.createTeam(body);
  }
}
