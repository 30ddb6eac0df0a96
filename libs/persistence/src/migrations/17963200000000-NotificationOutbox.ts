import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications that reach people: an e-mail address per account, channel preferences, and the delivery outbox. */
export class NotificationOutbox17963200000000 implements MigrationInterface {
  name = 'NotificationOutbox17963200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "email" text`);
    await queryRunner.query(`
            CREATE TABLE "notification_delivery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notification_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "channel" text NOT NULL,
                "status" text NOT NULL DEFAULT 'PENDING',
                "attempts" integer NOT NULL DEFAULT '0',
                "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_error" text,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_notification_delivery" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_delivery" ON "notification_delivery" ("notification_id", "user_id", "channel")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_delivery_due" ON "notification_delivery" ("next_attempt_at")
            WHERE "status" IN ('PENDING', 'SENDING')
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_preference" (
                "user_id" uuid NOT NULL,
                "email" boolean NOT NULL DEFAULT true,
                "webhook" boolean NOT NULL DEFAULT false,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_notification_preference" PRIMARY KEY ("user_id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP INDEX "ix_notification_delivery_due"`);
    await queryRunner.query(`DROP INDEX "uq_notification_delivery"`);
    await queryRunner.query(`DROP TABLE "notification_delivery"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "email"`);
  }
}
