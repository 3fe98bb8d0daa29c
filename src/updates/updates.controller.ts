import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { IdParam } from '../common/id-param.dto';
import { CreateDeclineDto, DeclineParams } from './dto/decline.dto';
import { UpdatesService } from './updates.service';

@ApiTags('updates')
@ApiBearerAuth()
@AllowRoles('officer', 'supervisor')
@Controller('api/cases/:id')
export class UpdatesController {
  constructor(private readonly updates: UpdatesService) {}

  @Get('updates')
  list(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.updates.list(actor, params.id);
  }

  @Post('declines')
  decline(@CurrentActor() actor: Actor, @Param() params: IdParam, @Body() body: CreateDeclineDto) {
    return this.updates.decline(actor, params.id, body);
  }

  @Post('declines/:declineId/end')
  @HttpCode(200)
  endDecline(@CurrentActor() actor: Actor, @Param() params: DeclineParams) {
    return this.updates.endDecline(actor, params.id, params.declineId);
  }
}
