import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { ErrorBody, HtmlErrorPages } from '../../common/http-exception.filter';
import { buildShell, pageTitle } from './page-shell';
import { SESSION_COOKIE, SIGN_IN_PATH } from './session-cookie';
import { ViewRenderer } from './view-renderer';
import { applyCookies } from './web-result.interceptor';

interface ErrorPageText {
  heading: string;
  paragraphs: string[];
}

/** Fixed words per status: an error page says what to do next and never repeats what went wrong inside. */
function textFor(body: ErrorBody): ErrorPageText {
  switch (body.statusCode) {
    case 400:
      return {
        heading: 'Sorry, there is a problem with that request',
        paragraphs: ['The web address or the form was not in the form this service expects.', 'Go back and try again.'],
      };
    case 403:
      return {
        heading: 'You cannot open this page',
        paragraphs: [
          'Your account does not allow this. If you think it should, speak to your supervisor.',
          'If you were sending a form, it may have been open since before you last signed in: go back, reload the page and try again.',
        ],
      };
    case 404:
      return {
        heading: 'Page not found',
        paragraphs: [
          'If you typed the web address, check it is correct.',
          'If you followed a link to a case, the case may not exist or may not be assigned to you.',
        ],
      };
    case 429:
      return { heading: 'Sorry, there have been too many attempts', paragraphs: ['Wait a few minutes and try again.'] };
    case 500:
      return {
        heading: 'Sorry, there is a problem with the service',
        paragraphs: [
          'Try again later.',
          `If it keeps happening, contact your service desk and quote reference ${body.reference ?? 'unknown'}.`,
        ],
      };
    case 503:
      return { heading: 'Sorry, the service is unavailable', paragraphs: ['Try again in a few minutes.'] };
    default:
      return { heading: 'Sorry, that did not work', paragraphs: ['Go back and try again.'] };
  }
}

/**
 * Error pages for the browser. An expired or missing session is not an error page: the browser is
 * sent to sign in again.
 */
@Injectable()
export class WebErrorPages extends HtmlErrorPages {
  private readonly logger = new Logger('ErrorPages');

  constructor(private readonly renderer: ViewRenderer) {
    super();
  }

  send(request: Request, response: Response, body: ErrorBody): void {
    if (body.statusCode === 401) {
      applyCookies(request, response, [{ name: SESSION_COOKIE, value: null }]);
      response.redirect(303, SIGN_IN_PATH);
      return;
    }
    const text = textFor(body);
    let html: string;
    try {
      html = this.renderer.render('error', {
        ...buildShell(request as AuthenticatedRequest),
        title: pageTitle(text.heading),
        ...text,
      });
    } catch (error) {
      this.logger.error('Could not render an error page', (error as Error).stack);
      html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><h1>${text.heading}</h1></body></html>`;
    }
    response.status(body.statusCode).type('html').send(html);
  }
}
