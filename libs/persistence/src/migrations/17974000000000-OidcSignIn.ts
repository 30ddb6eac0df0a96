import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in through an OpenID Connect provider: each started sign-in's state, nonce and PKCE verifier, used once. */
export class OidcSignIn17974000000000 implements MigrationInterface {
  name = 'OidcSignIn17974000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "oidc_sign_in" (
                "state" text NOT NULL,
                "nonce" text NOT NULL,
                "code_verifier" text NOT NULL,
                "redirect_uri" text NOT NULL,
                "return_to" text,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_oidc_sign_in" PRIMARY KEY ("state")
            )
        `);
    await queryRunner.query(`CREATE INDEX "ix_oidc_sign_in_expires" ON "oidc_sign_in" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_oidc_sign_in_expires"`);
    await queryRunner.query(`DROP TABLE "oidc_sign_in"`);
  }
}
