import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A request-rate counter shared by every API replica: one row per limited key (client address, sign-in address,
 * comment window and client) and window, counted up with one upsert by `PgRateCounter` until it expires.
 */
@Entity('rate_limit_hit')
export class RateLimitHitEntity {
  @PrimaryColumn({ type: 'varchar', length: 300, primaryKeyConstraintName: 'PK_rate_limit_hit' })
  key: string;

  @Column({ type: 'integer' })
  count: number;

  @Index('ix_rate_limit_hit_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/** Wrong passwords in a row for one account, and until when it is locked (an administrator may unlock it sooner). */
@Entity('sign_in_lockout')
export class SignInLockoutEntity {
  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'PK_sign_in_lockout' })
  username: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ name: 'last_failure_at', type: 'timestamptz', nullable: true })
  lastFailureAt: Date | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
