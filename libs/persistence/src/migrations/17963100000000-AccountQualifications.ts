import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Administration of accounts: a user's qualifications (such as the legal-profession qualification). */
export class AccountQualifications17963100000000 implements MigrationInterface {
  name = 'AccountQualifications17963100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "qualifications" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "qualifications"`);
  }
}
