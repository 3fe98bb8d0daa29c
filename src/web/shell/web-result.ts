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

export type WebResult = PageResult | RedirectResult;

export function page(view: string, model: Record<string, unknown>, status = 200, cookies: CookieChange[] = []): PageResult {
  return new PageResult(view, model, status, cookies);
}

export function redirectTo(location: string, cookies: CookieChange[] = []): RedirectResult {
  return new RedirectResult(location, cookies);
}
