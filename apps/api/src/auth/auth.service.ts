import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../../../../libs/config/src/config.module';
import type { AppConfig } from '../../../../libs/config/src/config';
import { DomainError, ErrorCode } from '../../../../libs/domain/src/errors';
import { isRole } from '../../../../libs/domain/src/roles';
import type { UserEntity } from '../../../../libs/persistence/src/entities';
import { OrgRepository } from '../../../../libs/persistence/src/repositories/org.repository';
import type { IdentityProvider } from './identity-provider';
import { verifyPassword } from '../../../../libs/persistence/src/password';
import type { Principal } from './principal';

interface TokenClaims {
  sub: string;
  username: string;
}

/** A precomputed hash, so that an unknown username costs as much time as a wrong password. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Username/password sign-in with LawGate-issued JWTs; the default `IdentityProvider`. */
@Injectable()
export class LocalIdentityProvider implements IdentityProvider {
  constructor(
    private readonly org: OrgRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    username: string,
    password: string,
  ): Promise<{ accessToken: string; expiresIn: number; user: Principal }> {
    const user = await this.org.findUserByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      throw new DomainError(ErrorCode.Unauthenticated, 'Wrong username or password.');
    }
    const claims: TokenClaims = { sub: user.id, username: user.username };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, expiresIn: this.config.JWT_TTL_SECONDS, user: toPrincipal(user) };
  }

  async resolveBearer(token: string): Promise<Principal | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    // Reload the user on every request: a deactivated account or a changed role takes effect at once.
    const user = await this.org.findUserById(claims.sub);
    if (!user || !user.active) return null;
    return toPrincipal(user);
  }
}

export function toPrincipal(user: UserEntity): Principal {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles.filter(isRole),
    unitId: user.orgUnitId,
    unitCode: user.orgUnit?.code ?? '',
    unitKind: user.orgUnit?.kind ?? '',
  };
}
