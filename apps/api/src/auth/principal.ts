import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role, Actor } from '@lawgate/domain';

/** The signed-in user, as the guard resolved it for this request. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  unitCode: string;
  unitKind: string;
  /** Qualifications the administrator recorded on the account. */
  qualifications?: string[];
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentUser used on an endpoint without authentication');
  return principal;
});

export function actorOf(principal: Principal): Actor {
  return {
    userId: principal.userId,
    username: principal.username,
    displayName: principal.displayName,
    roles: principal.roles,
    unitId: principal.unitId,
    // Only when held: the actor of every other user's step stays as it was.
    ...(principal.qualifications?.length ? { qualifications: [...principal.qualifications] } : {}),
  };
}
