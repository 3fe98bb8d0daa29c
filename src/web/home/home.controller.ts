import { Get } from '@nestjs/common';
import { AllowRoles, CurrentActor } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { WebController } from '../shell/web-controller';
import { HomePageService } from './home-page.service';

@WebController()
export class HomeController {
  constructor(private readonly home: HomePageService) {}

  /** Admins have no cases: they are sent on to the officer accounts. */
  @AllowRoles('officer', 'supervisor', 'admin')
  @Get()
  show(@CurrentActor() actor: Actor) {
    return this.home.home(actor);
  }
}
