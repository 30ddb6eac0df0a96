import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode, Role } from '@lawgate/domain';
import { AuthGuard } from './auth.guard';
import type { IdentityProvider } from './identity-provider';
import type { AuthenticatedRequest, Principal } from './principal';
import { Public, Roles } from './roles.decorator';

const officer: Principal = {
  userId: 'u1',
  username: 'officer',
  displayName: 'Officer',
  roles: [Role.LegalAffairsOfficer],
  unitId: 'lao',
  unitCode: 'JT-LAO',
  unitKind: 'LEGAL_AFFAIRS_OFFICE',
};

class Handlers {
  @Public() open(): void {}
  @Roles(Role.LegalAffairsOfficer) officersOnly(): void {}
  @Roles(Role.Drafter) draftersOnly(): void {}
  undeclared(): void {}
}

function contextFor(
  handler: keyof Handlers,
  authorization?: string,
): { ctx: ExecutionContext; req: AuthenticatedRequest } {
  const req = { headers: authorization ? { authorization } : {} } as AuthenticatedRequest;
  const ctx = {
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { ctx, req };
}

const identity: IdentityProvider = {
  resolveBearer: async (token) => (token === 'good' ? officer : null),
};

async function refusal(promise: Promise<unknown>): Promise<ErrorCode> {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  return (err as DomainError).code;
}

describe(AuthGuard.name, () => {
  const guard = new AuthGuard(new Reflector(), identity);

  it('should admit anyone to a public endpoint', async () => {
    await expect(guard.canActivate(contextFor('open').ctx)).resolves.toBe(true);
  });

  it('should admit a user holding one of the roles and attach the principal', async () => {
    const { ctx, req } = contextFor('officersOnly', 'Bearer good');
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
    expect(req.principal).toEqual(officer);
  });

  it('should refuse a missing or invalid token with 401', async () => {
    expect(await refusal(guard.canActivate(contextFor('officersOnly').ctx))).toBe(ErrorCode.Unauthenticated);
    expect(await refusal(guard.canActivate(contextFor('officersOnly', 'Bearer bad').ctx))).toBe(
      ErrorCode.Unauthenticated,
    );
    expect(await refusal(guard.canActivate(contextFor('officersOnly', 'Basic good').ctx))).toBe(
      ErrorCode.Unauthenticated,
    );
  });

  it('should refuse a role the endpoint does not admit with 403', async () => {
    expect(await refusal(guard.canActivate(contextFor('draftersOnly', 'Bearer good').ctx))).toBe(ErrorCode.Forbidden);
  });

  it('should fail closed on an endpoint that declares no roles', async () => {
    expect(await refusal(guard.canActivate(contextFor('undeclared', 'Bearer good').ctx))).toBe(ErrorCode.Forbidden);
  });
});
