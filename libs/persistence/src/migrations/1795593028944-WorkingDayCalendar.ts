import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingDayCalendar1795593028944 implements MigrationInterface {
  name = 'WorkingDayCalendar1795593028944';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "calendar_day" (
                "date" date NOT NULL,
                "kind" text NOT NULL,
                "name" text NOT NULL,
                "source" text NOT NULL,
                "version" integer NOT NULL,
                CONSTRAINT "PK_82404934db32af18c10dfe7087e" PRIMARY KEY ("date")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "calendar_year" (
                "year" integer NOT NULL,
                "source" text NOT NULL,
                "notice_url" text,
                "version" integer NOT NULL,
                CONSTRAINT "PK_4a5f5b39f8e07f51dab5be6fed9" PRIMARY KEY ("year")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "calendar_version" (
                "version" SERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "reason" text NOT NULL,
                "change" jsonb NOT NULL,
                CONSTRAINT "PK_74e1f3010543e2a0ad5465606f5" PRIMARY KEY ("version")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD "due_calendar_version" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD "due_problem" text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "task" DROP COLUMN "due_problem"
        `);
    await queryRunner.query(`
            ALTER TABLE "task" DROP COLUMN "due_calendar_version"
        `);
    await queryRunner.query(`
            DROP TABLE "calendar_version"
        `);
    await queryRunner.query(`
            DROP TABLE "calendar_year"
        `);
    await queryRunner.query(`
            DROP TABLE "calendar_day"
        `);
  }
}
