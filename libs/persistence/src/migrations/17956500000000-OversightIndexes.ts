import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The console's reads: open tasks by due time (overdue work), closed tasks by close time (on-time rates). */
export class OversightIndexes17956500000000 implements MigrationInterface {
  name = 'OversightIndexes17956500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "ix_task_open_due" ON "task" ("due_at")
            WHERE "status" = 'OPEN' AND "due_at" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_task_completed" ON "task" ("completed_at")
            WHERE "completed_at" IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_task_completed"`);
    await queryRunner.query(`DROP INDEX "ix_task_open_due"`);
  }
}
