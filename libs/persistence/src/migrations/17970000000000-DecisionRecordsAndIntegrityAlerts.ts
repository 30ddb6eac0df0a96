import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A major decision's step records in PostgreSQL (`decision_record`, so the archive outlives Temporal's retention) and
 * the reconciliation's integrity alerts (`integrity_alert`). Both are business tables: the application's role gets
 * its usual rights through the default privileges of the evidence-roles migration.
 */
export class DecisionRecordsAndIntegrityAlerts17970000000000 implements MigrationInterface {
  name = 'DecisionRecordsAndIntegrityAlerts17970000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "decision_record" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "procedure_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "round" integer NOT NULL,
                "content" text NOT NULL,
                "content_sha256" text NOT NULL,
                "ledger_hash" text,
                "idempotency_key" text NOT NULL,
                "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_decision_record" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_decision_record_key" ON "decision_record" ("procedure_id", "idempotency_key")`,
    );
    await queryRunner.query(`
            ALTER TABLE "decision_record" ADD CONSTRAINT "fk_decision_record_procedure"
            FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE TABLE "integrity_alert" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "procedure_id" uuid NOT NULL,
                "workflow_id" text NOT NULL,
                "run_id" text NOT NULL,
                "kind" text NOT NULL,
                "message" text NOT NULL,
                "details" jsonb NOT NULL DEFAULT '{}',
                "detected_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_integrity_alert" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_integrity_alert" ON "integrity_alert" ("procedure_id", "kind", "run_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_integrity_alert"`);
    await queryRunner.query(`DROP TABLE "integrity_alert"`);
    await queryRunner.query(`ALTER TABLE "decision_record" DROP CONSTRAINT "fk_decision_record_procedure"`);
    await queryRunner.query(`DROP INDEX "uq_decision_record_key"`);
    await queryRunner.query(`DROP TABLE "decision_record"`);
  }
}
