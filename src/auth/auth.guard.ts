import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessLogService } from '../access-log/access-log.service';
import { DomainError } from '../common/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { webSessionToken } from '../web/shell/session-cookie';
import { ACCESS_RULE, AccessRule } from './access-rules';
import { Actor } from './actor';
import { AuthService } from './auth.service';

export type AuthenticatedRequest = Request & { actor?: Actor };

/**
 * Signs the caller in from their bearer token (or, on web pages without one, the session cookie)
 * and applies the route's role rule. No rule: refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly unitOfWork: UnitOfWork,
    private readonly accessLog: AccessLogService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule && 'public' in rule) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request) ?? webSessionToken(request);
    if (!token) throw new DomainError('unauthenticated', 'Sign in first: send Authorization: Bearer <token>');
    const actor = await this.auth.authenticate(token);
    request.actor = actor;
    if (!rule || !rule.roles.includes(actor.role)) {
      await this.logRefusal(actor, request);
      throw new DomainError(
        'forbidden',
        rule ? `This needs the role ${rule.roles.join(' or ')}` : 'This route has no access rule, so it is refused',
      );
    }
    return true;
  }

  /** A refused look is logged like any other access to case data (DPA s.62). */
  private async logRefusal(actor: Actor, request: AuthenticatedRequest): Promise<void> {
    const routePath: string = request.route?.path ?? request.path;
    const casePath = routePath.startsWith('/api/cases/:id') || routePath.startsWith('/cases/:id');
    const caseId = casePath && typeof request.params?.id === 'string' ? request.params.id : null;
    await this.unitOfWork.write((manager) =>
      this.accessLog.record(manager, {
        actor,
        operation: request.method === 'GET' ? 'consultation' : 'alteration',
        outcome: 'refused',
        recordType: 'route',
        recordId: `${request.method} ${routePath}`.slice(0, 64),
        caseId: caseId && /^[0-9a-f-]{36}$/i.test(caseId) ? caseId : null,
        purpose: `${request.method} ${routePath}`,
      }),
    );
  }
}

function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match ? match[1] : null;
}
