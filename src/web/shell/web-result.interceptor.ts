import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { buildShell } from './page-shell';
import { cookieOptions } from './session-cookie';
import { ViewRenderer } from './view-renderer';
import { CookieChange, FileResult, PageResult, RedirectResult } from './web-result';

/** Sends what a web route returns: a rendered page inside the layout, or a 303 redirect. */
@Injectable()
export class WebResultInterceptor implements NestInterceptor {
  constructor(private readonly renderer: ViewRenderer) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<string | StreamableFile> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(map((result: unknown) => this.send(result, request, response)));
  }

  private send(result: unknown, request: AuthenticatedRequest, response: Response): string | StreamableFile {
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
    if (result instanceof FileResult) {
      // The file name is ours (ASCII, no quotes); the body is sent as it is, never through the page layout.
      response.status(200);
      for (const [name, value] of Object.entries(result.headers)) response.setHeader(name, value);
      return new StreamableFile(Buffer.isBuffer(result.body) ? result.body : Buffer.from(result.body, 'utf8'), {
        type: result.contentType,
        disposition: `${result.disposition}; filename="${result.filename}"`,
      });
    }
    throw new Error(`A web route must return a page, a redirect or a file, not ${typeof result}`);
  }
}

export function applyCookies(request: Request, response: Response, changes: CookieChange[]): void {
  for (const change of changes) {
    const options = cookieOptions(request, change.path);
    if (change.value === null) response.clearCookie(change.name, options);
    else response.cookie(change.name, change.value, options);
  }
}
