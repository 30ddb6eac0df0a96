import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InboxIndexes1795595437203 implements MigrationInterface {
  name = 'InboxIndexes1795595437203';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "task"
            ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE
        `);
    // One ordered index per branch of the inbox query: held by me, delegated to me, unclaimed in my unit.
    await queryRunner.query(`
            CREATE INDEX "ix_task_inbox_user" ON "task"
            ("assignee_user_id", (coalesce("due_at", 'infinity'::timestamptz)), "created_at", "id")
            WHERE "status" = 'OPEN'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_task_inbox_delegate" ON "task"
            ("delegate_user_id", (coalesce("due_at", 'infinity'::timestamptz)), "created_at", "id")
            WHERE "status" = 'OPEN' AND "delegate_user_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_task_inbox_unit" ON "task"
            ("assignee_unit_id", (coalesce("due_at", 'infinity'::timestamptz)), "created_at", "id")
            WHERE "status" = 'OPEN' AND "assignee_user_id" IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_task_inbox_unit"`);
    await queryRunner.query(`DROP INDEX "ix_task_inbox_delegate"`);
    await queryRunner.query(`DROP INDEX "ix_task_inbox_user"`);
    await queryRunner.query(`
            ALTER TABLE "task"
            ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE
        `);
  }
}
