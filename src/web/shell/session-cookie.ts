import type { CookieOptions, Request } from 'express';

/** The browser's session: the same opaque token the API issues, kept in an HttpOnly cookie. */
export const SESSION_COOKIE = 'fl_session';
/** A random value set by the sign-in page, so the sign-in form has a CSRF token before any session exists. */
export const SIGN_IN_COOKIE = 'fl_sign_in';
export const SIGN_IN_PATH = '/sign-in';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * The session token from the cookie, for web pages only. The API takes bearer tokens alone: its
 * routes check no CSRF token, so a cookie must never sign a request in there.
 */
export function webSessionToken(request: Request): string | null {
  if (isApiPath(request.path)) return null;
  return cookieToken(request, SESSION_COOKIE);
}

export function signInCookieValue(request: Request): string | null {
  return cookieToken(request, SIGN_IN_COOKIE);
}

function cookieToken(request: Request, name: string): string | null {
  const value: unknown = request.cookies?.[name];
  return typeof value === 'string' && TOKEN_SHAPE.test(value) ? value : null;
}

/** No Max-Age: the cookie ends with the browser session, and the server ends it after 30 idle minutes. */
export function cookieOptions(request: Request, path = '/'): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: request.secure, path };
}
