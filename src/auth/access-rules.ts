import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '../officers/officer.entity';
import { Actor } from './actor';

export const ACCESS_RULE = 'access-rule';
export type AccessRule = { public: true } | { roles: Role[] };

/**
 * Every route states who may call it. The guard refuses any route without a rule (default deny), and
 * the access-matrix test fails when a route is missing from its table.
 */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule);
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest().actor as Actor | undefined;
  if (!actor) throw new Error('CurrentActor used on a route without an authenticated actor');
  return actor;
});
