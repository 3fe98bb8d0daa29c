import type { NextFunction, Request, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { DomainError, FieldProblem } from './domain-error';

/**
 * Checks every request makes before routing and validation, so no route has to think about them:
 * a URL that is not percent-encoded UTF-8, a body of a type the app does not take, a body that is
 * not UTF-8, and the body reader's own failures, each answered with a 4xx that names what is wrong.
 */

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** 400 for a path or query string that does not decode (`%FF`, `%zz`, an encoded lone surrogate). */
export function refuseUndecodableUrl(request: Request, _response: Response, next: NextFunction): void {
  const [path, query = ''] = request.originalUrl.split('?', 2);
  if (!decodes(path)) return next(invalid('path', 'is not valid percent-encoded UTF-8'));
  for (const pair of query.split('&')) {
    const [key, value = ''] = pair.split('=', 2).map((part) => part.replace(/\+/g, ' '));
    if (!decodes(key)) return next(invalid('query', 'has a parameter name that is not valid percent-encoded UTF-8'));
    if (!decodes(value)) return next(invalid(decodeURIComponent(key), 'is not valid percent-encoded UTF-8'));
  }
  next();
}

/**
 * 415 for a body the route's side of the app does not take: the API reads JSON only, the pages
 * read form posts only. A text/plain or XML body is refused, not silently read as an empty one.
 */
export function requireBodyType(request: Request, _response: Response, next: NextFunction): void {
  if (!BODY_METHODS.has(request.method) || !hasBody(request)) return next();
  const json = request.path === '/health' || request.path === '/api' || request.path.startsWith('/api/');
  const wanted = json ? 'application/json' : 'application/x-www-form-urlencoded';
  const charset = /;\s*charset\s*=\s*"?([^";]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (!request.is(wanted) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    return next(new DomainError('unsupported_media_type', `Send the body as ${wanted} in UTF-8`, [{ field: 'Content-Type', messages: [`must be ${wanted} (UTF-8)`] }]));
  }
  next();
}

/** For the body parsers' `verify`: bytes that are not UTF-8 are refused rather than turned into U+FFFD. */
export function verifyUtf8(_request: unknown, _response: unknown, body: Buffer): void {
  if (!isUtf8(body)) throw Object.assign(new Error('body is not valid UTF-8'), { status: 400, type: 'encoding.invalid_utf8' });
}

const PROTOTYPE_NAME = /(^|[[.\]])(__proto__|constructor|prototype)($|[[.\]])/;

/**
 * For the form parser's `verify`: UTF-8, and no field named for an object's prototype. The form
 * parser drops `__proto__` fields silently, so the rest of the post would otherwise go through as
 * if nothing had been sent.
 */
export function verifyForm(request: unknown, response: unknown, body: Buffer): void {
  verifyUtf8(request, response, body);
  for (const [name] of new URLSearchParams(body.toString('utf8'))) {
    if (PROTOTYPE_NAME.test(name)) throw Object.assign(new Error(`${name} is not allowed as a name`), { status: 400, type: 'form.prototype_name', field: name.slice(0, 60) });
  }
}

/**
 * Error middleware behind the body parsers: their failures become the app's own errors (Nest would
 * otherwise pass the JSON parser's message, with a snippet of the body, straight to the client).
 */
export function bodyReadingErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const failure = error as { type?: string; status?: number; expose?: boolean };
  if (typeof failure?.status !== 'number' || !(typeof failure.type === 'string' || failure.expose)) return next(error);
  switch (failure.type) {
    case 'entity.parse.failed':
      return next(invalid('body', 'is not valid JSON (or not a JSON object)', 'Malformed JSON in request body'));
    case 'encoding.invalid_utf8':
      return next(invalid('body', 'is not valid UTF-8', 'The request body is not valid UTF-8'));
    case 'form.prototype_name': {
      const field = (error as { field: string }).field;
      return next(new DomainError('invalid', `Invalid ${field}`, [{ field, messages: [`${field} is not allowed as a name`] }]));
    }
    case 'entity.too.large':
    case 'parameters.too.many':
      return next(new DomainError('too_large', 'Request body is too large'));
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return next(new DomainError('unsupported_media_type', 'Unsupported request body encoding', [{ field: 'Content-Encoding', messages: ['must be UTF-8, uncompressed or gzip/deflate'] }]));
    default:
      if (failure.status >= 400 && failure.status < 500) return next(invalid('body', 'could not be read', 'Bad request body'));
      return next(error);
  }
}

function invalid(field: string, message: string, summary = `Invalid ${field}`): DomainError {
  return new DomainError('invalid', summary, [{ field, messages: [`${field} ${message}`] } satisfies FieldProblem]);
}

function decodes(text: string): boolean {
  try {
    return !hasLoneSurrogate(decodeURIComponent(text));
  } catch {
    return false;
  }
}

function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');
}

export function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

