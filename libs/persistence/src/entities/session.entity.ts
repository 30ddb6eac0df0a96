import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An access token revoked before it expires (a sign-out). Kept until the token would have expired anyway; a token's
 * `jti` claim is its key. Signing out everywhere raises the user's `sessionGeneration` instead.
 */
@Entity('revoked_token')
export class RevokedTokenEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_revoked_token' })
  jti: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Index('ix_revoked_token_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'revoked_at', type: 'timestamptz' })
  revokedAt: Date;
}

/**
 * A sign-in started at the OpenID Connect provider and not yet finished: its `state`, the ID token's expected `nonce`
 * and the PKCE code verifier. Taken (deleted) by the callback, so each can finish once; expired ones are swept.
 */
@Entity('oidc_sign_in')
export class OidcSignInEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_oidc_sign_in' })
  state: string;

  @Column({ type: 'text' })
  nonce: string;

  @Column({ name: 'code_verifier', type: 'text' })
  codeVerifier: string;

  @Column({ name: 'redirect_uri', type: 'text' })
  redirectUri: string;

  @Column({ name: 'return_to', type: 'text', nullable: true })
  returnTo: string | null;

  @Index('ix_oidc_sign_in_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
