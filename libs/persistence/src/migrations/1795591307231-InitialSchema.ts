import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795591307231 implements MigrationInterface {
  name = 'InitialSchema1795591307231';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_entry" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_kind" text NOT NULL,
                "actor_id" uuid,
                "action" text NOT NULL,
                "procedure_id" uuid,
                "reason" text,
                "details" jsonb NOT NULL DEFAULT '{}',
                "dedup_key" text NOT NULL,
                CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_procedure" ON "audit_entry" ("procedure_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_audit_dedup_key" ON "audit_entry" ("dedup_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "org_unit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "kind" text NOT NULL,
                "parent_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ba1c59043dc14bb66023c1d07c7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_org_unit_code" ON "org_unit" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" text NOT NULL,
                "display_name" text NOT NULL,
                "password_hash" text,
                "org_unit_id" uuid NOT NULL,
                "roles" text array NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_app_user_username" ON "app_user" ("username")
        `);
    await queryRunner.query(`
            CREATE TABLE "procedure" (
                "id" uuid NOT NULL,
                "workflow_id" text NOT NULL,
                "type" text NOT NULL,
                "project_code" text NOT NULL,
                "title" text NOT NULL,
                "department_id" uuid NOT NULL,
                "initiator_id" uuid NOT NULL,
                "stage" text NOT NULL,
                "status" text NOT NULL,
                "policy_version" text NOT NULL,
                "details" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9888785b528492e7539d96e3894" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_procedure_workflow_id" ON "procedure" ("workflow_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_procedure_department" ON "procedure" ("department_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_procedure_stage" ON "procedure" ("stage")
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_entry" (
                "seq" BIGSERIAL NOT NULL,
                "procedure_id" uuid NOT NULL,
                "task_id" uuid,
                "workflow_id" text NOT NULL,
                "stage" text NOT NULL,
                "actor_id" uuid NOT NULL,
                "actor_name" text NOT NULL,
                "actor_role" text NOT NULL,
                "actor_unit_id" uuid NOT NULL,
                "decision" text NOT NULL,
                "opinion" text NOT NULL,
                "document_sha256" text,
                "idempotency_key" text NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "prev_hash" text NOT NULL,
                "hash" text NOT NULL,
                CONSTRAINT "PK_fb7610e25e52db26603709c71c5" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ledger_procedure" ON "ledger_entry" ("procedure_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_ledger_idempotency_key" ON "ledger_entry" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "task" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "procedure_id" uuid NOT NULL,
                "workflow_id" text NOT NULL,
                "stage" text NOT NULL,
                "round" integer NOT NULL,
                "kind" text NOT NULL,
                "title" text NOT NULL,
                "legal_basis" text NOT NULL,
                "assignee_unit_id" uuid NOT NULL,
                "assignee_user_id" uuid,
                "status" text NOT NULL DEFAULT 'OPEN',
                "due_at" TIMESTAMP WITH TIME ZONE,
                "outcome" text,
                "completed_by" uuid,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_task_procedure" ON "task" ("procedure_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_task_inbox" ON "task" ("status", "assignee_unit_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_task_step" ON "task" ("workflow_id", "stage", "round", "kind")
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "fk_app_user_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "procedure"
            ADD CONSTRAINT "fk_procedure_department" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "procedure"
            ADD CONSTRAINT "fk_procedure_initiator" FOREIGN KEY ("initiator_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ledger_entry"
            ADD CONSTRAINT "fk_ledger_procedure" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD CONSTRAINT "fk_task_procedure" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD CONSTRAINT "fk_task_assignee_unit" FOREIGN KEY ("assignee_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task"
            ADD CONSTRAINT "fk_task_assignee_user" FOREIGN KEY ("assignee_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // The sign-off ledger is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
    await queryRunner.query(`
            CREATE FUNCTION lawgate_refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
    await queryRunner.query(
      `CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON "ledger_entry" FOR EACH ROW EXECUTE FUNCTION lawgate_refuse_ledger_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON "ledger_entry" FOR EACH STATEMENT EXECUTE FUNCTION lawgate_refuse_ledger_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ledger_entry_no_truncate ON "ledger_entry"`);
    await queryRunner.query(`DROP TRIGGER ledger_entry_append_only ON "ledger_entry"`);
    await queryRunner.query(`DROP FUNCTION lawgate_refuse_ledger_change()`);
    await queryRunner.query(`
            ALTER TABLE "task" DROP CONSTRAINT "fk_task_assignee_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "task" DROP CONSTRAINT "fk_task_assignee_unit"
        `);
    await queryRunner.query(`
            ALTER TABLE "task" DROP CONSTRAINT "fk_task_procedure"
        `);
    await queryRunner.query(`
            ALTER TABLE "ledger_entry" DROP CONSTRAINT "fk_ledger_procedure"
        `);
    await queryRunner.query(`
            ALTER TABLE "procedure" DROP CONSTRAINT "fk_procedure_initiator"
        `);
    await queryRunner.query(`
            ALTER TABLE "procedure" DROP CONSTRAINT "fk_procedure_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_org_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_task_step"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_task_inbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_task_procedure"
        `);
    await queryRunner.query(`
            DROP TABLE "task"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_ledger_idempotency_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ledger_procedure"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_entry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_procedure_stage"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_procedure_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_procedure_workflow_id"
        `);
    await queryRunner.query(`
            DROP TABLE "procedure"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_app_user_username"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_org_unit_code"
        `);
    await queryRunner.query(`
            DROP TABLE "org_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_audit_dedup_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_procedure"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_entry"
        `);
  }
}
