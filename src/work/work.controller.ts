import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { WorkListView, WorkService } from './work.service';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/me/work')
export class WorkController {
  constructor(private readonly work: WorkService) {}

  /** For a supervisor: the cases they are liaison officer or deputy for (often none). */
  @Get()
  @AllowRoles('officer', 'supervisor')
  list(@CurrentActor() actor: Actor): Promise<WorkListView> {
    return this.work.forActor(actor);
  }
}
