import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { buildShell } from './page-shell';
import { cookieOptions } from './session-cookie';
import { ViewRenderer } from './view-renderer';
import { CookieChange, PageResult, RedirectResult } from './web-result';

/** Sends what a web route returns: a rendered page inside the layout, or a 303 redirect. */
@Injectable()
export class WebResultInterceptor implements NestInterceptor {
  constructor(private readonly renderer: ViewRenderer) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<string> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(map((result: unknown) => this.send(result, request, response)));
  }

  private send(result: unknown, request: AuthenticatedRequest, response: Response): string {
    if (result instanceof RedirectResult) {
      applyCookies(request, response, result.cookies);
      response.status(303).setHeader('Location', result.location);
      return '';
    }
    if (result instanceof PageResult) {
      const html = this.renderer.render(result.view, { ...buildShell(request), ...result.model });
      applyCookies(request, response, result.cookies);
      response.status(result.status).type('html');
      return html;
    }
    throw new Error(`A web route must return a page or a redirect, not ${typeof result}`);
  }
}

export function applyCookies(request: Request, response: Response, changes: CookieChange[]): void {
  for (const change of changes) {
    const options = cookieOptions(request, change.path);
    if (change.value === null) response.clearCookie(change.name, options);
    else response.cookie(change.name, change.value, options);
  }
}
