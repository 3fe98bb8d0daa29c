import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { IdParam } from '../common/id-param.dto';
import { CreateWellbeingCheckDto } from './dto/wellbeing-check.dto';
import { WellbeingService } from './wellbeing.service';

@ApiTags('wellbeing')
@ApiBearerAuth()
@AllowRoles('officer', 'supervisor')
@Controller('api/cases/:id/wellbeing-checks')
export class WellbeingController {
  constructor(private readonly wellbeing: WellbeingService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.wellbeing.list(actor, params.id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Param() params: IdParam, @Body() body: CreateWellbeingCheckDto) {
    return this.wellbeing.create(actor, params.id, body);
  }
}
