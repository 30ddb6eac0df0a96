import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import * as oidc from 'openid-client';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { DomainError, ErrorCode, type Role } from '@lawgate/domain';
import { OidcSignInEntity, OrgUnitEntity, UserEntity, AuditRepository } from '@lawgate/persistence';
import { LocalIdentityProvider } from './auth.service';
import type { Principal } from './principal';

/** How long a sign-in started at the provider may take to come back. */
const SIGN_IN_TTL_MS = 10 * 60 * 1000;

/** Why a sign-in through the provider did not end in a LawGate session (shown on the sign-in page). */
export type OidcRefusal = 'unknown-user' | 'inactive' | 'no-claim' | 'provider-error';

export class OidcSignInRefused extends Error {
  constructor(
    readonly reason: OidcRefusal,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Sign-in through the government's OpenID Connect provider: the authorization code flow with PKCE (S256), a `state`
 * and a `nonce`, done by `openid-client`. The ID token's claim named by `OIDC_USER_CLAIM` is matched with a LawGate
 * account's username or e-mail address (`OIDC_USER_FIELD`); roles and units stay in LawGate. An unknown person is
 * refused, or given an account when `OIDC_UNKNOWN_USERS=provision` (audited). The session that follows is an
 * ordinary LawGate token, so sign-out and revocation work as for a password sign-in.
 */
@Injectable()
export class OidcSignIn {
  private readonly log = new Logger('OidcSignIn');
  private discovered?: Promise<oidc.Configuration>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly local: LocalIdentityProvider,
    private readonly audit: AuditRepository,
  ) {}

  get enabled(): boolean {
    return this.config.OIDC_ISSUER !== undefined && this.config.OIDC_CLIENT_ID !== undefined;
  }

  get label(): string {
    return this.config.OIDC_LABEL;
  }

  /** The provider's metadata, discovered once (again after a failure). */
  private provider(): Promise<oidc.Configuration> {
    if (!this.enabled) throw new DomainError(ErrorCode.NotFound, 'Sign-in through an identity provider is not set up.');
    if (!this.discovered) {
      const issuer = new URL(this.config.OIDC_ISSUER as string);
      const secret = this.config.OIDC_CLIENT_SECRET;
      const insecure = issuer.protocol === 'http:' && this.config.NODE_ENV !== 'production';
      this.discovered = oidc
        .discovery(
          issuer,
          this.config.OIDC_CLIENT_ID as string,
          secret === undefined ? undefined : { client_secret: secret },
          secret === undefined ? oidc.None() : oidc.ClientSecretBasic(secret),
          insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
        )
        .catch((err: unknown) => {
          this.discovered = undefined;
          throw err;
        });
    }
    return this.discovered;
  }

  /** Starts a sign-in: remembers state, nonce and verifier, and returns the provider's authorization URL. */
  async start(origin: string, returnTo: string | null): Promise<string> {
    let config: oidc.Configuration;
    try {
      config = await this.provider();
    } catch (err) {
      if (err instanceof DomainError) throw err;
      this.log.error(`the identity provider cannot be reached: ${(err as Error).message}`);
      throw new DomainError(ErrorCode.Unavailable, 'The identity provider cannot be reached; try again later.');
    }
    const redirectUri = this.config.OIDC_REDIRECT_URI ?? `${origin}/api/auth/oidc/callback`;
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const repo = this.dataSource.getRepository(OidcSignInEntity);
    await repo.delete({ expiresAt: LessThan(new Date()) });
    await repo.insert({
      state,
      nonce,
      codeVerifier,
      redirectUri,
      returnTo,
      expiresAt: new Date(Date.now() + SIGN_IN_TTL_MS),
    });
    return oidc
      .buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: this.config.OIDC_SCOPES,
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      .toString();
  }

  /**
   * Takes a started sign-in by its state (once). A state that was never issued, was used or expired is the client's
   * mistake: a 400.
   */
  async take(state: string): Promise<OidcSignInEntity> {
    if (!this.enabled) throw new DomainError(ErrorCode.NotFound, 'Sign-in through an identity provider is not set up.');
    const rows = await this.dataSource.query<[OidcSignInEntity[], number]>(
      `DELETE FROM oidc_sign_in WHERE state = $1 AND expires_at > now()
        RETURNING state, nonce, code_verifier AS "codeVerifier", redirect_uri AS "redirectUri", return_to AS "returnTo"`,
      [state],
    );
    const row = rows[0]?.[0];
    if (!row) {
      throw new DomainError(ErrorCode.ValidationFailed, 'This sign-in is unknown, was used already or has expired.', {
        fields: { state: ['is unknown, used or expired'] },
      });
    }
    return row;
  }

  /** Finishes a sign-in: exchanges the code (with the verifier), checks the ID token and finds the LawGate user. */
  async finish(
    started: OidcSignInEntity,
    query: Record<string, string>,
  ): Promise<{ accessToken: string; user: Principal; returnTo: string | null }> {
    const callback = new URL(started.redirectUri);
    for (const [k, v] of Object.entries(query)) callback.searchParams.set(k, v);
    let claims: oidc.IDToken;
    try {
      const tokens = await oidc.authorizationCodeGrant(await this.provider(), callback, {
        pkceCodeVerifier: started.codeVerifier,
        expectedState: started.state,
        expectedNonce: started.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims() as oidc.IDToken;
    } catch (err) {
      this.log.warn(`sign-in through the identity provider failed: ${(err as Error).message}`);
      throw new OidcSignInRefused('provider-error', (err as Error).message);
    }
    const user = await this.userFor(claims);
    const issued = await this.local.issueToken(user);
    return { accessToken: issued.accessToken, user: issued.user, returnTo: started.returnTo };
  }

  private async userFor(claims: oidc.IDToken): Promise<UserEntity> {
    const value = claims[this.config.OIDC_USER_CLAIM];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new OidcSignInRefused('no-claim', `the ID token has no ${this.config.OIDC_USER_CLAIM} claim`);
    }
    const field = this.config.OIDC_USER_FIELD === 'email' ? 'email' : 'username';
    const users = this.dataSource.getRepository(UserEntity);
    const qb = users.createQueryBuilder('u').leftJoinAndSelect('u.orgUnit', 'unit');
    const matches =
      field === 'email'
        ? await qb.where('lower(u.email) = lower(:v)', { v: value }).getMany()
        : await qb.where('u.username = :v', { v: value }).getMany();
    // Two accounts with one e-mail address: which person signs in is not for LawGate to guess.
    if (matches.length > 1) {
      throw new OidcSignInRefused('unknown-user', `${matches.length} accounts have ${field} ${value}`);
    }
    const found = matches[0];
    if (found) {
      if (!found.active) throw new OidcSignInRefused('inactive', `the account ${found.username} is deactivated`);
      return found;
    }
    if (this.config.OIDC_UNKNOWN_USERS !== 'provision') {
      throw new OidcSignInRefused('unknown-user', `no account has ${field} ${value}`);
    }
    return this.provision(claims, field, value);
  }

  /** Creates the account of a person the provider knows and LawGate does not (OIDC_UNKNOWN_USERS=provision). */
  private async provision(claims: oidc.IDToken, field: 'username' | 'email', value: string): Promise<UserEntity> {
    const email = typeof claims.email === 'string' ? claims.email : field === 'email' ? value : null;
    const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name : value;
    const roles = this.config.OIDC_PROVISION_ROLES as Role[];
    const id = await this.dataSource.transaction(async (manager) => {
      const unit = await manager.getRepository(OrgUnitEntity).findOne({
        where: { code: this.config.OIDC_PROVISION_UNIT as string },
      });
      if (!unit) {
        throw new OidcSignInRefused(
          'unknown-user',
          `OIDC_PROVISION_UNIT ${this.config.OIDC_PROVISION_UNIT} is no unit`,
        );
      }
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({
          username: value,
          displayName: name,
          orgUnitId: unit.id,
          roles,
          email,
          qualifications: [],
          passwordHash: null,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const newId = (inserted.raw as { id: string }[])[0]?.id;
      // Two first sign-ins of one person at once: the other one created the account.
      if (!newId) return null;
      await this.audit.record(manager, {
        actorKind: 'SYSTEM',
        actorId: null,
        action: 'account.user.provision',
        procedureId: null,
        reason: 'First sign-in through the identity provider (OIDC_UNKNOWN_USERS=provision)',
        details: {
          userId: newId,
          username: value,
          unitCode: unit.code,
          roles,
          issuer: claims.iss,
          subject: claims.sub,
        },
        dedupKey: `account:${randomUUID()}`,
      });
      return newId;
    });
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: id ? { id } : { username: value }, relations: { orgUnit: true } });
    if (!user) throw new OidcSignInRefused('unknown-user', `the account ${value} could not be created`);
    return user;
  }
}
