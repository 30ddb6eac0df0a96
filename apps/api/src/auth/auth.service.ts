import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { DomainError, ErrorCode, isRole } from '@lawgate/domain';
import { type UserEntity, OrgRepository, SessionRepository, verifyPassword } from '@lawgate/persistence';
import type { IdentityProvider } from './identity-provider';
import type { Principal } from './principal';

interface TokenClaims {
  sub: string;
  username: string;
  /** The token's own id, so that one session can be signed out. */
  jti: string;
  /** The user's session generation when the token was issued; signing out everywhere raises it. */
  gen: number;
  /** Set by the signer from JWT_TTL_SECONDS; a token without it is refused. */
  exp?: number;
}

/** A precomputed hash, so that an unknown username costs as much time as a wrong password. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Username/password sign-in with LawGate-issued JWTs; the default `IdentityProvider`. */
@Injectable()
export class LocalIdentityProvider implements IdentityProvider {
  constructor(
    private readonly org: OrgRepository,
    private readonly sessions: SessionRepository,
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
    return this.issueToken(user);
  }

  /** A LawGate access token for an active user who has proved who they are (a password, or the OIDC provider). */
  async issueToken(user: UserEntity): Promise<{ accessToken: string; expiresIn: number; user: Principal }> {
    const claims: TokenClaims = {
      sub: user.id,
      username: user.username,
      jti: randomUUID(),
      gen: user.sessionGeneration,
    };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, expiresIn: this.config.JWT_TTL_SECONDS, user: toPrincipal(user) };
  }

  async resolveBearer(token: string): Promise<Principal | null> {
    const claims = await this.verify(token);
    if (!claims) return null;
    // Reload the user on every request: a deactivated account or a changed role takes effect at once.
    const user = await this.org.findUserById(claims.sub);
    if (!user || !user.active || user.sessionGeneration !== claims.gen) return null;
    if (await this.sessions.isRevoked(claims.jti)) return null;
    return toPrincipal(user);
  }

  /** Signs out the session of this token (it is refused from now on). */
  async logout(token: string): Promise<void> {
    const claims = await this.verify(token);
    if (!claims?.exp) return;
    await this.sessions.revokeToken(claims.jti, claims.sub, new Date(claims.exp * 1000));
  }

  /** Signs a user out of every session (their own choice, or an administrator's). */
  async logoutEverywhere(userId: string): Promise<void> {
    await this.sessions.bumpGeneration(userId);
  }

  /**
   * The claims of a token signed by this installation that has not expired. A token without an expiry, an id or a
   * session generation is refused: such a token would never stop working.
   */
  private async verify(token: string): Promise<(TokenClaims & { exp: number }) | null> {
    let claims: Partial<TokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<Partial<TokenClaims>>(token);
    } catch {
      return null;
    }
    const { sub, username, jti, gen, exp } = claims;
    if (typeof exp !== 'number' || typeof sub !== 'string' || typeof jti !== 'string' || typeof gen !== 'number') {
      return null;
    }
    if (!/^[0-9a-f-]{36}$/i.test(jti) || !/^[0-9a-f-]{36}$/i.test(sub)) return null;
    return { sub, username: username ?? '', jti, gen, exp };
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
    qualifications: user.qualifications ?? [],
  };
}
