import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Clean-up campaigns (清理, B12): the campaign and one review row per document in force, with its decision. */
export class CleanupCampaign17956400000000 implements MigrationInterface {
  name = 'CleanupCampaign17956400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "cleanup_campaign" (
                "id" text NOT NULL,
                "title" text NOT NULL,
                "started_by" uuid NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL,
                "total_in_force" integer NOT NULL,
                "reviews_started" integer NOT NULL DEFAULT '0',
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_3739fdba37ca99bf61a4f439e6b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "cleanup_review" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "campaign_id" text NOT NULL,
                "register_entry_id" uuid NOT NULL,
                "procedure_id" uuid NOT NULL,
                "number" text NOT NULL,
                "title" text NOT NULL,
                "workflow_id" text NOT NULL,
                "task_id" uuid,
                "decision" text,
                "reason" text,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_14de9ca3a8cab9575998a5781b6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cleanup_review_decision" ON "cleanup_review" ("campaign_id", "decision")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_cleanup_review_entry" ON "cleanup_review" ("campaign_id", "register_entry_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "cleanup_campaign"
            ADD CONSTRAINT "fk_cleanup_campaign_starter" FOREIGN KEY ("started_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cleanup_review"
            ADD CONSTRAINT "fk_cleanup_review_campaign" FOREIGN KEY ("campaign_id") REFERENCES "cleanup_campaign"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cleanup_review"
            ADD CONSTRAINT "fk_cleanup_review_entry" FOREIGN KEY ("register_entry_id") REFERENCES "register_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cleanup_review"
            ADD CONSTRAINT "fk_cleanup_review_procedure" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cleanup_review"
            ADD CONSTRAINT "fk_cleanup_review_decider" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cleanup_review" DROP CONSTRAINT "fk_cleanup_review_decider"`);
    await queryRunner.query(`ALTER TABLE "cleanup_review" DROP CONSTRAINT "fk_cleanup_review_procedure"`);
    await queryRunner.query(`ALTER TABLE "cleanup_review" DROP CONSTRAINT "fk_cleanup_review_entry"`);
    await queryRunner.query(`ALTER TABLE "cleanup_review" DROP CONSTRAINT "fk_cleanup_review_campaign"`);
    await queryRunner.query(`ALTER TABLE "cleanup_campaign" DROP CONSTRAINT "fk_cleanup_campaign_starter"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cleanup_review_entry"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cleanup_review_decision"`);
    await queryRunner.query(`DROP TABLE "cleanup_review"`);
    await queryRunner.query(`DROP TABLE "cleanup_campaign"`);
  }
}
