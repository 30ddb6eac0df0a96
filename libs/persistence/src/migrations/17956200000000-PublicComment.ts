import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicComment17956200000000 implements MigrationInterface {
  name = 'PublicComment17956200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "comment_window" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "procedure_id" uuid NOT NULL,
                "workflow_id" text NOT NULL,
                "title" text NOT NULL,
                "draft_version_id" uuid NOT NULL,
                "draft_sha256" text NOT NULL,
                "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "minimum_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "shortened_reason" text,
                "calendar_version" integer,
                "status" text NOT NULL,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "idempotency_key" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_92f718b03427206c264e7d27c77" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window"
            ADD CONSTRAINT "ck_comment_window_shortened" CHECK ("closes_at" >= "minimum_closes_at" OR "shortened_reason" IS NOT NULL)
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window"
            ADD CONSTRAINT "ck_comment_window_status" CHECK ("status" IN ('OPEN', 'CLOSED'))
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_comment_window_procedure" ON "comment_window" ("procedure_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_comment_window_idempotency" ON "comment_window" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_comment_window_status" ON "comment_window" ("status", "closes_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "comment_window_extension" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "window_id" uuid NOT NULL,
                "old_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "new_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reason" text NOT NULL,
                "actor_id" uuid NOT NULL,
                "extended_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "idempotency_key" text NOT NULL,
                CONSTRAINT "PK_009aacb4a0e89f30bee54df323e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_comment_window_extension_window" ON "comment_window_extension" ("window_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_comment_window_extension_idempotency" ON "comment_window_extension" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "public_comment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "window_id" uuid NOT NULL,
                "receipt_no" text NOT NULL,
                "body" text NOT NULL,
                "name" text,
                "contact" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "client_fingerprint" text NOT NULL,
                "answer" text,
                "answer_reason" text,
                "answered_by" uuid,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "answer_idempotency_key" text,
                CONSTRAINT "PK_fb009bc37e653db9f0a22969c42" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_public_comment_receipt" ON "public_comment" ("receipt_no")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_public_comment_window" ON "public_comment" ("window_id", "submitted_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "comment_receipt_sequence" (
                "day" date NOT NULL,
                "last_no" integer NOT NULL,
                CONSTRAINT "PK_91e82a83c427306668d83a68bef" PRIMARY KEY ("day")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window"
            ADD CONSTRAINT "fk_comment_window_procedure" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window"
            ADD CONSTRAINT "fk_comment_window_draft_version" FOREIGN KEY ("draft_version_id") REFERENCES "document_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window_extension"
            ADD CONSTRAINT "fk_comment_window_extension_window" FOREIGN KEY ("window_id") REFERENCES "comment_window"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window_extension"
            ADD CONSTRAINT "fk_comment_window_extension_actor" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "public_comment"
            ADD CONSTRAINT "fk_public_comment_window" FOREIGN KEY ("window_id") REFERENCES "comment_window"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "public_comment"
            ADD CONSTRAINT "fk_public_comment_answered_by" FOREIGN KEY ("answered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "public_comment" DROP CONSTRAINT "fk_public_comment_answered_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "public_comment" DROP CONSTRAINT "fk_public_comment_window"
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window_extension" DROP CONSTRAINT "fk_comment_window_extension_actor"
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window_extension" DROP CONSTRAINT "fk_comment_window_extension_window"
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window" DROP CONSTRAINT "fk_comment_window_draft_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window" DROP CONSTRAINT "fk_comment_window_procedure"
        `);
    await queryRunner.query(`
            DROP TABLE "comment_receipt_sequence"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_public_comment_window"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_public_comment_receipt"
        `);
    await queryRunner.query(`
            DROP TABLE "public_comment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_comment_window_extension_idempotency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_comment_window_extension_window"
        `);
    await queryRunner.query(`
            DROP TABLE "comment_window_extension"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_comment_window_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_comment_window_idempotency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_comment_window_procedure"
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window" DROP CONSTRAINT "ck_comment_window_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "comment_window" DROP CONSTRAINT "ck_comment_window_shortened"
        `);
    await queryRunner.query(`
            DROP TABLE "comment_window"
        `);
  }
}
