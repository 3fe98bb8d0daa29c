import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import { ACCESS_RULE, AccessRule } from './access-rules';
import { Actor } from './actor';
import { AuthService } from './auth.service';

export type AuthenticatedRequest = Request & { actor?: Actor };

/** Signs the caller in from their bearer token and applies the route's role rule. No rule: refused. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule && 'public' in rule) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token) throw new DomainError('unauthenticated', 'Sign in first: send Authorization: Bearer <token>');
    const actor = await this.auth.authenticate(token);
    request.actor = actor;
    if (!rule) throw new DomainError('forbidden', 'This route has no access rule, so it is refused');
    if (!rule.roles.includes(actor.role)) {
      throw new DomainError('forbidden', `This needs the role ${rule.roles.join(' or ')}`);
    }
    return true;
  }
}

function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match ? match[1] : null;
}
