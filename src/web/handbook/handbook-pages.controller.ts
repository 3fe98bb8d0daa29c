import { Get, Param, Query } from '@nestjs/common';
import { AllowRoles, CurrentActor } from '../../auth/access-rules';
import { Actor } from '../../auth/actor';
import { IdParam } from '../../common/id-param.dto';
import { HandbookQuery } from '../../handbook/dto/handbook-query.dto';
import { WebController } from '../shell/web-controller';
import { HandbookPagesService } from './handbook-pages.service';

/** Web routes, not the API's: the browser's session cookie signs in only on pages. */
@WebController('cases/:id')
@AllowRoles('officer', 'supervisor')
export class HandbookPagesController {
  constructor(private readonly pages: HandbookPagesService) {}

  @Get('handbook.pdf')
  pdf(@CurrentActor() actor: Actor, @Param() params: IdParam, @Query() query: HandbookQuery) {
    return this.pages.pdf(actor, params.id, query.largePrint ?? false);
  }

  @Get('handbook.html')
  html(@CurrentActor() actor: Actor, @Param() params: IdParam, @Query() query: HandbookQuery) {
    return this.pages.html(actor, params.id, query.largePrint ?? false);
  }
}
