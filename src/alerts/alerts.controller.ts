import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { IdParam } from '../common/id-param.dto';
import { AlertsService } from './alerts.service';
import { AlertListQuery } from './dto/alert.dto';

@ApiTags('alerts')
@ApiBearerAuth()
@AllowRoles('supervisor')
@Controller('api/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: AlertListQuery) {
    return this.alerts.list(actor, query);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.alerts.acknowledge(actor, params.id);
  }
}
