/** A cookie to set (value) or clear (null) with the response. */
export interface CookieChange {
  name: string;
  value: string | null;
  path?: string;
}

/** A page to render: the view's name under templates/web/pages, and its model (plain data only). */
export class PageResult {
  constructor(
    readonly view: string,
    readonly model: Record<string, unknown>,
    readonly status = 200,
    readonly cookies: CookieChange[] = [],
  ) {}
}

/** Post/redirect/get: every successful form post answers 303 See Other. */
export class RedirectResult {
  constructor(
    readonly location: string,
    readonly cookies: CookieChange[] = [],
  ) {}
}

/** A file the browser downloads (attachment) or shows as it is (inline): a CSV export, a calendar feed, a PDF. */
export class FileResult {
  constructor(
    readonly contentType: string,
    readonly filename: string,
    readonly body: string | Buffer,
    readonly disposition: 'attachment' | 'inline' = 'attachment',
    /** Headers of this file's own, such as a stricter Content-Security-Policy than the pages'. */
    readonly headers: Record<string, string> = {},
  ) {}
}

export type WebResult = PageResult | RedirectResult | FileResult;

export function page(view: string, model: Record<string, unknown>, status = 200, cookies: CookieChange[] = []): PageResult {
  return new PageResult(view, model, status, cookies);
}

export function redirectTo(location: string, cookies: CookieChange[] = []): RedirectResult {
  return new RedirectResult(location, cookies);
}

export function download(
  contentType: string,
  filename: string,
  body: string | Buffer,
  disposition: 'attachment' | 'inline' = 'attachment',
  headers: Record<string, string> = {},
): FileResult {
  return new FileResult(contentType, filename, body, disposition, headers);
}
