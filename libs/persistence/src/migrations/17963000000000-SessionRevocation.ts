import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-out: revoked access tokens by their `jti`, and a per-user generation that signs out every session. */
export class SessionRevocation17963000000000 implements MigrationInterface {
  name = 'SessionRevocation17963000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "session_generation" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`
            CREATE TABLE "revoked_token" (
                "jti" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_revoked_token" PRIMARY KEY ("jti")
            )
        `);
    await queryRunner.query(`CREATE INDEX "ix_revoked_token_expires" ON "revoked_token" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_revoked_token_expires"`);
    await queryRunner.query(`DROP TABLE "revoked_token"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "session_generation"`);
  }
}
