import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowRoles, CurrentActor } from '../auth/access-rules';
import { Actor } from '../auth/actor';
import { IdParam } from '../common/id-param.dto';
import { HandbookQuery } from './dto/handbook-query.dto';
import { HandbookService } from './handbook.service';

/** The printed page's own policy: it may show only what is in its HTML. */
export const HANDBOOK_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

export function handbookFileName(reference: string, extension: string): string {
  return `handbook-${reference.replace(/[^A-Za-z0-9_-]+/g, '-')}.${extension}`;
}

@ApiTags('handbook')
@ApiBearerAuth()
@AllowRoles('officer', 'supervisor')
@Controller('api/cases/:id')
export class HandbookController {
  constructor(private readonly handbook: HandbookService) {}

  @Get('handbook.pdf')
  @ApiProduces('application/pdf')
  async pdf(@CurrentActor() actor: Actor, @Param() params: IdParam, @Query() query: HandbookQuery, @Res() response: Response) {
    const document = await this.handbook.pdf(actor, params.id, query.largePrint ?? false);
    response
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="${handbookFileName(document.reference, 'pdf')}"`)
      .setHeader('X-Content-Hash', document.contentHash)
      .send(document.body);
  }

  /** The exact HTML that is printed, for reading on screen. */
  @Get('handbook.html')
  @ApiProduces('text/html')
  async html(@CurrentActor() actor: Actor, @Param() params: IdParam, @Query() query: HandbookQuery, @Res() response: Response) {
    const document = await this.handbook.html(actor, params.id, query.largePrint ?? false);
    response
      .type('text/html')
      .setHeader('Content-Security-Policy', HANDBOOK_HTML_CSP)
      .setHeader('X-Content-Hash', document.contentHash)
      .send(document.body);
  }

  @Get('handbook-issues')
  issues(@CurrentActor() actor: Actor, @Param() params: IdParam) {
    return this.handbook.issues(actor, params.id);
  }
}
