import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error';
import { bodyReadingErrors, hasLoneSurrogate, refuseUndecodableUrl, requireBodyType, verifyForm, verifyUtf8 } from './request-input';

function run(middleware: (req: Request, res: Response, next: NextFunction) => void, request: Partial<Request>): unknown {
  let passed: unknown = 'not called';
  middleware(request as Request, {} as Response, (error?: unknown) => (passed = error));
  return passed;
}

describe('refuseUndecodableUrl', () => {
  it.each(['/api/cases/%FF', '/api/cases/%E0%80%AF', '/api/cases/%ED%A0%80', '/api/%zz', '/api/cases?status=%FF', '/api/cases?%zz=1'])('refuses %s with 400', (url) => {
    const error = run(refuseUndecodableUrl, { originalUrl: url });
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid');
  });

  it.each(['/api/cases/..%2f..%2fetc', '/api/cases?status=open&q=a+b%20c', '/cases/caf%C3%A9'])('lets %s through to routing and validation', (url) => {
    expect(run(refuseUndecodableUrl, { originalUrl: url })).toBeUndefined();
  });
});

describe('requireBodyType', () => {
  const request = (method: string, path: string, type: string | undefined, length = '10') => {
    const headers: Record<string, string> = { 'content-length': length };
    if (type) headers['content-type'] = type;
    return {
      method,
      path,
      headers,
      is: (wanted: string) => (type?.split(';')[0].trim() === wanted ? wanted : false),
    } as unknown as Request;
  };

  it('takes JSON on the API and form posts on pages, in UTF-8', () => {
    expect(run(requireBodyType, request('POST', '/api/cases', 'application/json'))).toBeUndefined();
    expect(run(requireBodyType, request('POST', '/api/cases', 'application/json; charset=UTF-8'))).toBeUndefined();
    expect(run(requireBodyType, request('POST', '/cases', 'application/x-www-form-urlencoded'))).toBeUndefined();
  });

  it.each([
    ['POST', '/api/cases', 'text/plain'],
    ['PATCH', '/api/settings', 'application/xml'],
    ['POST', '/api/cases', 'application/x-www-form-urlencoded'],
    ['POST', '/api/cases', undefined],
    ['POST', '/api/cases', 'application/json; charset=utf-16'],
    ['POST', '/cases', 'application/json'],
    ['POST', '/cases', 'multipart/form-data; boundary=x'],
  ])('refuses %s %s as %s with 415', (method, path, type) => {
    expect((run(requireBodyType, request(method, path, type)) as DomainError).code).toBe('unsupported_media_type');
  });

  it('ignores GET and bodiless posts', () => {
    expect(run(requireBodyType, request('GET', '/api/cases', 'text/plain'))).toBeUndefined();
    expect(run(requireBodyType, request('POST', '/api/auth/logout', undefined, '0'))).toBeUndefined();
  });
});

describe('body verification', () => {
  it('refuses bytes that are not UTF-8', () => {
    expect(() => verifyUtf8(null, null, Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]))).toThrow(/UTF-8/);
    expect(() => verifyUtf8(null, null, Buffer.from('{"a":"ünïcödé 😀"}'))).not.toThrow();
  });

  it('refuses form fields named for a prototype, which the form parser would drop silently', () => {
    expect(() => verifyForm(null, null, Buffer.from('name=x&__proto__=y'))).toThrow(/__proto__/);
    expect(() => verifyForm(null, null, Buffer.from('a%5Bconstructor%5D=1'))).toThrow(/constructor/);
    expect(() => verifyForm(null, null, Buffer.from('prototypes=1&name=constructor'))).not.toThrow();
  });
});

describe('bodyReadingErrors', () => {
  it('turns the body parsers\' failures into the app\'s errors, naming the body', () => {
    let result: unknown;
    bodyReadingErrors({ type: 'entity.parse.failed', status: 400 }, {} as Request, {} as Response, (e?: unknown) => (result = e));
    expect(result).toMatchObject({ code: 'invalid', fields: [{ field: 'body' }] });
    bodyReadingErrors({ type: 'entity.too.large', status: 413 }, {} as Request, {} as Response, (e?: unknown) => (result = e));
    expect(result).toMatchObject({ code: 'too_large' });
    const other = new Error('not from a parser');
    bodyReadingErrors(other, {} as Request, {} as Response, (e?: unknown) => (result = e));
    expect(result).toBe(other);
  });
});

describe('hasLoneSurrogate', () => {
  it('tells lone surrogates from pairs', () => {
    expect(hasLoneSurrogate('a\ud800b')).toBe(true);
    expect(hasLoneSurrogate('\udfff')).toBe(true);
    expect(hasLoneSurrogate('😀')).toBe(false);
  });
});
