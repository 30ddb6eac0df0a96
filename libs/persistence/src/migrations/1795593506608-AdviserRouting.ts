import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AdviserRouting1795593506608 implements MigrationInterface {
  name = 'AdviserRouting1795593506608';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "adviser_profile" (
                "user_id" uuid NOT NULL,
                "expertise" text array NOT NULL DEFAULT '{}',
                "max_open_tasks" integer NOT NULL DEFAULT '10',
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_73b5d815c0dd31d5a8883b82306" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "adviser_department" (
                "user_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                CONSTRAINT "PK_56c8b33c0227cb74dce8b89f970" PRIMARY KEY ("user_id", "department_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "adviser_conflict" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "procedure_id" uuid,
                "department_id" uuid,
                "reason" text NOT NULL,
                "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5b725d1fa1758c570ca8599463c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_adviser_conflict_user" ON "adviser_conflict" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "routing_rules_version" (
                "version" SERIAL NOT NULL,
                "rules" jsonb NOT NULL,
                "actor_id" uuid,
                "reason" text NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_db53f4aa35445be47802ccdfc74" PRIMARY KEY ("version")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD "routing_note" text
        `);
    await queryRunner.query(`
            ALTER TABLE "adviser_profile"
            ADD CONSTRAINT "fk_adviser_profile_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adviser_department"
            ADD CONSTRAINT "fk_adviser_department_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adviser_department"
            ADD CONSTRAINT "fk_adviser_department_unit" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adviser_conflict"
            ADD CONSTRAINT "fk_adviser_conflict_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "adviser_conflict" DROP CONSTRAINT "fk_adviser_conflict_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "adviser_department" DROP CONSTRAINT "fk_adviser_department_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "adviser_department" DROP CONSTRAINT "fk_adviser_department_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "adviser_profile" DROP CONSTRAINT "fk_adviser_profile_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "task" DROP COLUMN "routing_note"
        `);
    await queryRunner.query(`
            DROP TABLE "routing_rules_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_adviser_conflict_user"
        `);
    await queryRunner.query(`
            DROP TABLE "adviser_conflict"
        `);
    await queryRunner.query(`
            DROP TABLE "adviser_department"
        `);
    await queryRunner.query(`
            DROP TABLE "adviser_profile"
        `);
  }
}
