import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode, type Role } from '@lawgate/domain';
import { IDENTITY_PROVIDER, type IdentityProvider } from './identity-provider';
import { bearerToken } from './bearer';
import type { AuthenticatedRequest } from './principal';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/**
 * Global guard: resolves the bearer token and admits the request only if the endpoint's `@Roles` include one of
 * the user's roles. Fails closed: an endpoint that declares neither `@Roles` nor `@Public` admits nobody.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      throw new DomainError(ErrorCode.Forbidden, 'This endpoint admits no role.');
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'Sign in first: the request has no bearer token.');
    const principal = await this.identity.resolveBearer(token);
    if (!principal) {
      throw new DomainError(ErrorCode.Unauthenticated, 'Your session is invalid or has expired; sign in again.');
    }
    if (!principal.roles.some((role) => roles.includes(role))) {
      throw new DomainError(ErrorCode.Forbidden, `This action needs one of the roles ${roles.join(', ')}.`, {
        requiredRoles: roles,
        yourRoles: principal.roles,
      });
    }
    request.principal = principal;
    return true;
  }
}
