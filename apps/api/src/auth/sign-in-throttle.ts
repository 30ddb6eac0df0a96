import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { DomainError, ErrorCode } from '@lawgate/domain';
import { AuditRepository } from '@lawgate/persistence';
import { PgRateCounter } from '../common/rate-limit/rate-counter';

const ADDRESS_WINDOW_MS = 15 * 60_000;

export interface SignInLockout {
  username: string;
  failures: number;
  lastFailureAt: string | null;
  lockedUntil: string | null;
}

/** Rows of an UPDATE ... RETURNING (TypeORM answers `[rows, affected]` for an UPDATE on PostgreSQL). */
function updatedRows<T>(result: unknown): T[] {
  const out = result as unknown[];
  return (Array.isArray(out[0]) ? out[0] : out) as T[];
}

function minutesText(seconds: number): string {
  return `${Math.max(1, Math.ceil(seconds / 60))} minute(s)`;
}

/**
 * Sign-in throttling. Per account: `SIGN_IN_MAX_FAILURES` wrong passwords in a row lock it for
 * `SIGN_IN_LOCKOUT_MINUTES` (the right password is refused too until then, or until an administrator unlocks it);
 * the lockout and the unlock are in the audit trail. Per client address: `SIGN_IN_FAILURES_PER_ADDRESS` failed
 * sign-ins in 15 minutes, over all accounts, and that address gets 429 until the window ends. Both are kept in
 * PostgreSQL, so every API replica enforces the same count.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly counter: PgRateCounter,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses the attempt (429 with Retry-After) while the account is locked or the address has failed too often. */
  async check(username: string, address: string): Promise<void> {
    const rows: { retry: string }[] = await this.dataSource.query(
      `SELECT CEIL(EXTRACT(EPOCH FROM (locked_until - clock_timestamp())))::int AS retry
         FROM sign_in_lockout WHERE username = $1 AND locked_until > clock_timestamp()`,
      [username],
    );
    if (rows[0]) {
      const retryAfterSeconds = Math.max(1, Number(rows[0].retry));
      throw new DomainError(
        ErrorCode.TooManyRequests,
        `This account is locked after ${this.config.SIGN_IN_MAX_FAILURES} wrong passwords in a row; try again in ` +
          `${minutesText(retryAfterSeconds)} or ask an administrator to unlock it.`,
        { retryAfterSeconds, locked: true },
      );
    }
    const { count, resetInMs } = await this.counter.peek(this.addressKey(address), ADDRESS_WINDOW_MS);
    if (count >= this.config.SIGN_IN_FAILURES_PER_ADDRESS) {
      const retryAfterSeconds = Math.max(1, Math.ceil(resetInMs / 1000));
      throw new DomainError(
        ErrorCode.TooManyRequests,
        `Too many failed sign-ins from your address; try again in ${minutesText(retryAfterSeconds)}.`,
        { retryAfterSeconds },
      );
    }
  }

  /** Counts a wrong password against the address and, when the account exists, against the account. */
  async failed(username: string, address: string): Promise<void> {
    await this.counter.hit(this.addressKey(address), ADDRESS_WINDOW_MS);
    const max = this.config.SIGN_IN_MAX_FAILURES;
    await this.dataSource.transaction(async (manager) => {
      const rows: { failures: number; locked_until: Date | null }[] = await manager.query(
        `INSERT INTO sign_in_lockout (username, failures, last_failure_at)
              SELECT $1::varchar, 1, clock_timestamp() WHERE EXISTS (SELECT 1 FROM app_user WHERE username = $1::varchar)
         ON CONFLICT (username) DO UPDATE SET failures = sign_in_lockout.failures + 1, last_failure_at = clock_timestamp()
         RETURNING failures, locked_until`,
        [username],
      );
      const row = rows[0];
      if (!row || row.failures < max) return;
      const locked = updatedRows<{ locked_until: Date }>(
        await manager.query(
          `UPDATE sign_in_lockout SET failures = 0,
                locked_until = clock_timestamp() + $2 * interval '1 minute'
          WHERE username = $1 RETURNING locked_until`,
          [username, this.config.SIGN_IN_LOCKOUT_MINUTES],
        ),
      );
      const lockedUntil = new Date(locked[0].locked_until).toISOString();
      await this.audit.record(manager, {
        actorKind: 'SYSTEM',
        actorId: null,
        action: 'sign-in.locked',
        procedureId: null,
        reason: `${max} wrong passwords in a row`,
        details: { username, lockedUntil, failures: max },
        dedupKey: `sign-in.locked:${username}:${lockedUntil}`,
      });
    });
  }

  /** A successful sign-in clears the account's count of wrong passwords. */
  async succeeded(username: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_lockout WHERE username = $1`, [username]);
  }

  /** Accounts locked now, and accounts with wrong passwords counted. */
  async list(): Promise<SignInLockout[]> {
    const rows: { username: string; failures: number; last_failure_at: Date | null; locked_until: Date | null }[] =
      await this.dataSource.query(
        `SELECT username, failures, last_failure_at,
                CASE WHEN locked_until > clock_timestamp() THEN locked_until END AS locked_until
           FROM sign_in_lockout ORDER BY locked_until DESC NULLS LAST, username`,
      );
    return rows.map((r) => ({
      username: r.username,
      failures: r.failures,
      lastFailureAt: r.last_failure_at ? new Date(r.last_failure_at).toISOString() : null,
      lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
    }));
  }

  /** An administrator lifts a lockout; recorded with who, when and why. */
  async unlock(username: string, admin: { userId: string; username: string }, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows = updatedRows<{ username: string }>(
        await manager.query(
          `UPDATE sign_in_lockout SET locked_until = NULL, failures = 0
            WHERE username = $1 AND locked_until > clock_timestamp() RETURNING username`,
          [username],
        ),
      );
      if (rows.length === 0) {
        throw new DomainError(ErrorCode.NotFound, `The account ${username} is not locked.`, { username });
      }
      const at = new Date();
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: admin.userId,
        action: 'sign-in.unlocked',
        procedureId: null,
        reason,
        details: { username, unlockedBy: admin.username },
        dedupKey: `sign-in.unlocked:${username}:${at.toISOString()}`,
        at,
      });
    });
  }

  private addressKey(address: string): string {
    return `sign-in-failures:${address}`;
  }
}
