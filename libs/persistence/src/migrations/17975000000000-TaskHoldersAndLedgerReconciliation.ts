import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - `task_holder`: who held (or drafted for) each task, and when. Written by a trigger on `task` whenever a task's
 *   holder or delegate changes (opened for a person, claimed, reassigned, released, delegated), so every writer, raw
 *   SQL included, keeps it; existing holders are copied in. Visibility reads it: a past holder stays involved.
 * - `reconciliation_mark`: what the reconciliation last compared of a procedure (its workflow run, history length and
 *   a digest of its ledger), so that unchanged procedures are not compared entry by entry again.
 * - `integrity_alert.subject`: what inside a run an alert is about (a ledger entry), so that each missing or
 *   unmatched entry is its own alert.
 */
export class TaskHoldersAndLedgerReconciliation17975000000000 implements MigrationInterface {
  name = 'TaskHoldersAndLedgerReconciliation17975000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "task_holder" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "procedure_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "capacity" text NOT NULL,
        "held_from" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "held_until" TIMESTAMP(3) WITH TIME ZONE,
        CONSTRAINT "pk_task_holder" PRIMARY KEY ("id")
      )
    `);
    await q.query(`CREATE INDEX "ix_task_holder_procedure_user" ON "task_holder" ("procedure_id", "user_id")`);
    await q.query(`CREATE INDEX "ix_task_holder_task" ON "task_holder" ("task_id")`);
    await q.query(`
      ALTER TABLE "task_holder" ADD CONSTRAINT "fk_task_holder_task"
      FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await q.query(`
      CREATE FUNCTION lawgate_task_holder() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.assignee_user_id IS DISTINCT FROM OLD.assignee_user_id
           AND OLD.assignee_user_id IS NOT NULL THEN
          UPDATE task_holder SET held_until = now()
           WHERE task_id = NEW.id AND user_id = OLD.assignee_user_id AND capacity = 'HOLDER' AND held_until IS NULL;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.delegate_user_id IS DISTINCT FROM OLD.delegate_user_id
           AND OLD.delegate_user_id IS NOT NULL THEN
          UPDATE task_holder SET held_until = now()
           WHERE task_id = NEW.id AND user_id = OLD.delegate_user_id AND capacity = 'DELEGATE' AND held_until IS NULL;
        END IF;
        IF NEW.assignee_user_id IS NOT NULL
           AND (TG_OP = 'INSERT' OR NEW.assignee_user_id IS DISTINCT FROM OLD.assignee_user_id) THEN
          INSERT INTO task_holder (task_id, procedure_id, user_id, capacity)
          VALUES (NEW.id, NEW.procedure_id, NEW.assignee_user_id, 'HOLDER');
        END IF;
        IF NEW.delegate_user_id IS NOT NULL
           AND (TG_OP = 'INSERT' OR NEW.delegate_user_id IS DISTINCT FROM OLD.delegate_user_id) THEN
          INSERT INTO task_holder (task_id, procedure_id, user_id, capacity)
          VALUES (NEW.id, NEW.procedure_id, NEW.delegate_user_id, 'DELEGATE');
        END IF;
        RETURN NULL;
      END $$
    `);
    await q.query(`
      CREATE TRIGGER "task_holder_history" AFTER INSERT OR UPDATE OF assignee_user_id, delegate_user_id ON "task"
      FOR EACH ROW EXECUTE FUNCTION lawgate_task_holder()
    `);
    await q.query(`
      INSERT INTO task_holder (task_id, procedure_id, user_id, capacity, held_from, held_until)
      SELECT id, procedure_id, assignee_user_id, 'HOLDER', created_at,
             CASE WHEN status = 'OPEN' THEN NULL ELSE coalesce(completed_at, now()) END
        FROM task WHERE assignee_user_id IS NOT NULL
      UNION ALL
      SELECT id, procedure_id, delegate_user_id, 'DELEGATE', created_at,
             CASE WHEN status = 'OPEN' THEN NULL ELSE coalesce(completed_at, now()) END
        FROM task WHERE delegate_user_id IS NOT NULL
    `);
    await q.query(`
      CREATE TABLE "reconciliation_mark" (
        "procedure_id" uuid NOT NULL,
        "run_id" text NOT NULL,
        "history_length" bigint NOT NULL,
        "ledger_digest" text NOT NULL,
        "checked_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_reconciliation_mark" PRIMARY KEY ("procedure_id")
      )
    `);
    await q.query(`ALTER TABLE "integrity_alert" ADD "subject" text NOT NULL DEFAULT ''`);
    await q.query(`DROP INDEX "uq_integrity_alert"`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_integrity_alert" ON "integrity_alert" ("procedure_id", "kind", "run_id", "subject")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_integrity_alert"`);
    await q.query(`DELETE FROM "integrity_alert" WHERE "subject" <> ''`);
    await q.query(`ALTER TABLE "integrity_alert" DROP COLUMN "subject"`);
    await q.query(`CREATE UNIQUE INDEX "uq_integrity_alert" ON "integrity_alert" ("procedure_id", "kind", "run_id")`);
    await q.query(`DROP TABLE "reconciliation_mark"`);
    await q.query(`DROP TRIGGER "task_holder_history" ON "task"`);
    await q.query(`DROP FUNCTION lawgate_task_holder()`);
    await q.query(`ALTER TABLE "task_holder" DROP CONSTRAINT "fk_task_holder_task"`);
    await q.query(`DROP INDEX "ix_task_holder_task"`);
    await q.query(`DROP INDEX "ix_task_holder_procedure_user"`);
    await q.query(`DROP TABLE "task_holder"`);
  }
}
