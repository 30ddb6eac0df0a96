import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual decision catalog (决策事项目录, 国务院令第713号 Art 3 §3): catalogs per year, their versions (a published
 * one carries the Party committee's consent, enforced by a check constraint), items and the recorded acts behind
 * every change.
 */
export class DecisionCatalog17956300000000 implements MigrationInterface {
  name = 'DecisionCatalog17956300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "decision_catalog" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "title" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc4207319532c326be635f48e2b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_decision_catalog_year" ON "decision_catalog" ("year")`);
    await queryRunner.query(
      `CREATE TABLE "decision_catalog_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "catalog_id" uuid NOT NULL, "version" integer NOT NULL, "status" text NOT NULL, "party_consent_by" text, "party_consent_reference" text, "party_consent_at" TIMESTAMP WITH TIME ZONE, "party_consent_recorded_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_decision_catalog_version_consent" CHECK ("status" = 'DRAFT' OR "party_consent_at" IS NOT NULL), CONSTRAINT "ck_decision_catalog_version_status" CHECK ("status" IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')), CONSTRAINT "PK_2003c23073fd79b3313731fc3b3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_decision_catalog_version" ON "decision_catalog_version" ("catalog_id", "version")`,
    );
    await queryRunner.query(
      `CREATE TABLE "decision_catalog_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "item_key" text NOT NULL, "title" text NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "undertaking_unit_id" uuid, "procedure_id" uuid, CONSTRAINT "PK_43bd338563c03495f27a59494e3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_decision_catalog_item_procedure" ON "decision_catalog_item" ("procedure_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_decision_catalog_item" ON "decision_catalog_item" ("version_id", "item_key")`,
    );
    await queryRunner.query(
      `CREATE TABLE "decision_catalog_act" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "act" text NOT NULL, "item_key" text, "reason" text NOT NULL, "actor_id" uuid NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_716220f4d5c5e9b2c7fed170ba2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_decision_catalog_act_version" ON "decision_catalog_act" ("version_id")`);
    await queryRunner.query(
      `ALTER TABLE "decision_catalog_version" ADD CONSTRAINT "fk_decision_catalog_version_catalog" FOREIGN KEY ("catalog_id") REFERENCES "decision_catalog"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_catalog_item" ADD CONSTRAINT "fk_decision_catalog_item_version" FOREIGN KEY ("version_id") REFERENCES "decision_catalog_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_catalog_act" ADD CONSTRAINT "fk_decision_catalog_act_version" FOREIGN KEY ("version_id") REFERENCES "decision_catalog_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision_catalog_act" DROP CONSTRAINT "fk_decision_catalog_act_version"`);
    await queryRunner.query(`ALTER TABLE "decision_catalog_item" DROP CONSTRAINT "fk_decision_catalog_item_version"`);
    await queryRunner.query(
      `ALTER TABLE "decision_catalog_version" DROP CONSTRAINT "fk_decision_catalog_version_catalog"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_decision_catalog_act_version"`);
    await queryRunner.query(`DROP TABLE "decision_catalog_act"`);
    await queryRunner.query(`DROP INDEX "public"."uq_decision_catalog_item"`);
    await queryRunner.query(`DROP INDEX "public"."ix_decision_catalog_item_procedure"`);
    await queryRunner.query(`DROP TABLE "decision_catalog_item"`);
    await queryRunner.query(`DROP INDEX "public"."uq_decision_catalog_version"`);
    await queryRunner.query(`DROP TABLE "decision_catalog_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_decision_catalog_year"`);
    await queryRunner.query(`DROP TABLE "decision_catalog"`);
  }
}
