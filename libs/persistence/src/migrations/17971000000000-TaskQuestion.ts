import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the requester asks an adviser to look at: shown on the adviser's task (a drafter's or the office's question). */
export class TaskQuestion17971000000000 implements MigrationInterface {
  name = 'TaskQuestion17971000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" ADD "question" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "question"`);
  }
}
