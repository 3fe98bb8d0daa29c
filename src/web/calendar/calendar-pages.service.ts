import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { formatDateTime } from '../labels';
import { pageTitle } from '../shell/page-shell';
import { download, FileResult, page, PageResult, redirectTo, WebResult } from '../shell/web-result';
import { CalendarFeedService } from './calendar-feed.service';

/** The officer's page to create, replace or stop their calendar link, and the feed itself. */
@Injectable()
export class CalendarPagesService {
  constructor(private readonly feeds: CalendarFeedService) {}

  async show(actor: Actor, revoked: boolean): Promise<PageResult> {
    return this.calendarPage(actor, null, revoked ? 'Calendar link stopped: calendars using it will no longer update' : null);
  }

  /**
   * Shown straight away rather than after a redirect: only the token's hash is kept, so this is the
   * one time the link can be shown.
   */
  async create(actor: Actor, origin: string): Promise<PageResult> {
    const token = await this.feeds.create(actor);
    return this.calendarPage(actor, { href: `/calendar/${token}.ics`, url: `${origin}/calendar/${token}.ics` }, null);
  }

  async revoke(actor: Actor): Promise<WebResult> {
    await this.feeds.revoke(actor);
    return redirectTo('/calendar?saved=revoked');
  }

  async feed(token: string): Promise<FileResult> {
    return download('text/calendar; charset=utf-8', 'family-liaison-updates.ics', await this.feeds.feed(token), 'inline');
  }

  private async calendarPage(actor: Actor, newLink: { href: string; url: string } | null, saved: string | null): Promise<PageResult> {
    const current = await this.feeds.current(actor);
    return page('calendar/index', {
      title: pageTitle('Your calendar link'),
      saved,
      newLink,
      current: current
        ? { created: formatDateTime(current.createdAt), lastUsed: current.lastUsedAt ? formatDateTime(current.lastUsedAt) : 'Not yet' }
        : null,
    });
  }
}
