import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_RULE, AccessRule } from '../../auth/access-rules';
import { DomainError } from '../../common/domain-error';
import { CSRF_FIELD, csrfTokenMatches } from './csrf';
import { signInCookieValue, webSessionToken } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every form post on a web page carries the token derived from the browser's session (or, on the
 * public sign-in form, from its sign-in cookie). A post without the right one is refused with 403.
 * Runs after the global AuthGuard, so who may call the route is already settled.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const secret = rule && 'public' in rule ? signInCookieValue(request) : webSessionToken(request);
    const submitted: unknown = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (!csrfTokenMatches(secret, submitted)) {
      throw new DomainError('forbidden', 'The form token is missing or does not match this session');
    }
    return true;
  }
}
