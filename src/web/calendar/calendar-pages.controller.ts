import { Get, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { AllowRoles, CurrentActor, Public } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { WebController } from '../shell/web-controller';
import { CalendarFeedParams, CalendarPageQuery } from './calendar-pages.dto';
import { CalendarPagesService } from './calendar-pages.service';

/** The address the browser used, for the link to copy (behind TLS offload, https only with TRUST_PROXY set). */
function origin(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

@WebController('calendar')
export class CalendarPagesController {
  constructor(private readonly pages: CalendarPagesService) {}

  @AllowRoles('officer', 'supervisor')
  @Get()
  show(@CurrentActor() actor: Actor, @Query() query: CalendarPageQuery) {
    return this.pages.show(actor, query.saved === 'revoked');
  }

  @AllowRoles('officer', 'supervisor')
  @Post()
  create(@CurrentActor() actor: Actor, @Req() request: Request) {
    return this.pages.create(actor, origin(request));
  }

  @AllowRoles('officer', 'supervisor')
  @Post('revoke')
  revoke(@CurrentActor() actor: Actor) {
    return this.pages.revoke(actor);
  }

  /** Calendar apps send no cookie: the secret in the address is the only key. */
  @Public()
  @Get(':token.ics')
  feed(@Param() params: CalendarFeedParams) {
    return this.pages.feed(params.token);
  }
}
