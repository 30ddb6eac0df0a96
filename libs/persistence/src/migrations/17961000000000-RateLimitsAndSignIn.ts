import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters shared by every API replica: request rate limits (`rate_limit_hit`, one row per key and window) and
 * sign-in failures per account (`sign_in_lockout`, with the lockout an administrator lifts).
 */
export class RateLimitsAndSignIn17961000000000 implements MigrationInterface {
  name = 'RateLimitsAndSignIn17961000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "rate_limit_hit" (
                "key" character varying(300) NOT NULL,
                "count" integer NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_rate_limit_hit" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`CREATE INDEX "ix_rate_limit_hit_expires" ON "rate_limit_hit" ("expires_at")`);
    await queryRunner.query(`
            CREATE TABLE "sign_in_lockout" (
                "username" character varying(200) NOT NULL,
                "failures" integer NOT NULL DEFAULT 0,
                "last_failure_at" TIMESTAMP WITH TIME ZONE,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_sign_in_lockout" PRIMARY KEY ("username")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_lockout"`);
    await queryRunner.query(`DROP INDEX "ix_rate_limit_hit_expires"`);
    await queryRunner.query(`DROP TABLE "rate_limit_hit"`);
  }
}
