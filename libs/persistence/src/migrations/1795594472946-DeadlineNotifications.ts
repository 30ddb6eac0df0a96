import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineNotifications1795594472946 implements MigrationInterface {
  name = 'DeadlineNotifications1795594472946';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "recipient_user_id" uuid,
                "recipient_unit_id" uuid,
                "kind" text NOT NULL,
                "procedure_id" uuid,
                "task_id" uuid,
                "message" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                "dedup_key" text NOT NULL,
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_dedup" ON "notification" ("dedup_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_recipient" ON "notification" ("recipient_user_id", "recipient_unit_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD "reminded_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD "escalated_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "task" DROP COLUMN "escalated_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "task" DROP COLUMN "reminded_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notification_recipient"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_notification_dedup"
        `);
    await queryRunner.query(`
            DROP TABLE "notification"
        `);
  }
}
