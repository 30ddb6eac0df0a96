import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AdviserOpinions1795594851632 implements MigrationInterface {
  name = 'AdviserOpinions1795594851632';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD "subject_version_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD "delegate_user_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD "draft_opinion" jsonb
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "task" DROP COLUMN "draft_opinion"
        `);
    await queryRunner.query(`
            ALTER TABLE "task" DROP COLUMN "delegate_user_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "task" DROP COLUMN "subject_version_id"
        `);
  }
}
