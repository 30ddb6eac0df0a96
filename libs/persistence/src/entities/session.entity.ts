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
