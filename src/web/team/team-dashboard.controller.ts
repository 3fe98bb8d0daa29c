import { Get, Param, Post, Query } from '@nestjs/common';
import { MissedUpdatesQuery } from '../../audit/dto/audit-query.dto';
import { AllowRoles, CurrentActor } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { WebController } from '../shell/web-controller';
import { AlertParams, TeamDashboardQuery } from './team-dashboard.dto';
import { TeamDashboardService } from './team-dashboard.service';

@WebController('team')
@AllowRoles('supervisor')
export class TeamDashboardController {
  constructor(private readonly dashboard: TeamDashboardService) {}

  @Get()
  show(@CurrentActor() actor: Actor, @Query() query: TeamDashboardQuery) {
    return this.dashboard.dashboard(actor, query);
  }

  /** A web route, not the API's: the browser's session cookie signs in only on pages. */
  @Get('missed-updates.csv')
  missedUpdatesCsv(@CurrentActor() actor: Actor, @Query() query: MissedUpdatesQuery) {
    return this.dashboard.missedUpdatesCsv(actor, query);
  }

  @Post('alerts/:alertId/acknowledge')
  acknowledge(@CurrentActor() actor: Actor, @Param() params: AlertParams) {
    return this.dashboard.acknowledge(actor, params.alertId);
  }
}
