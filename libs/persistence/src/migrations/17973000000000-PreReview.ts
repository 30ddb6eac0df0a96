import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pre-review: rules an administrator switched off, and recorded changes to the dated list of laws. */
export class PreReview17973000000000 implements MigrationInterface {
  name = 'PreReview17973000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "pre_review_rule_setting" (
                "rule_id" text NOT NULL,
                "enabled" boolean NOT NULL,
                "reason" text NOT NULL,
                "changed_by" uuid NOT NULL,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_pre_review_rule_setting" PRIMARY KEY ("rule_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "pre_review_law_override" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "status" text NOT NULL,
                "rank" text,
                "repealed_by" text,
                "reason" text NOT NULL,
                "changed_by" uuid NOT NULL,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "UQ_pre_review_law_override_name" UNIQUE ("name"),
                CONSTRAINT "PK_pre_review_law_override" PRIMARY KEY ("id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pre_review_law_override"`);
    await queryRunner.query(`DROP TABLE "pre_review_rule_setting"`);
  }
}
