import type { MigrationInterface, QueryRunner } from 'typeorm';
import { counterFunction } from './17993100000000-ConsoleAtProvinceScale';

/**
 * The rest of what a province's volume needs (docs/benchmarks.md):
 *
 * - `procedure_involvement`: each person and the procedures they held a task in, drafted for, or closed a task of,
 *   with the procedure's creation time, so the procedure list reads a person's 50 newest from one index instead of
 *   fetching every procedure they ever touched. Written by triggers on `task_holder` (every holder and delegate) and
 *   on `task` (who closed it); a row is never removed, as involvement is never lost.
 * - `ledger_decision_month` and `comment_answer_month`: legality decisions per month, stage and decision (the ledger
 *   is append-only: its inserts are counted) and answered comments per month and answer, in 8 shards like the
 *   console's other counters.
 */
export class InvolvementAndRateCounters17993200000000 implements MigrationInterface {
  name = 'InvolvementAndRateCounters17993200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "procedure_involvement" (
        "user_id" uuid NOT NULL,
        "procedure_id" uuid NOT NULL,
        "procedure_created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_procedure_involvement" PRIMARY KEY ("user_id", "procedure_id")
      )
    `);
    await q.query(`
      CREATE INDEX "ix_procedure_involvement_newest" ON "procedure_involvement"
      ("user_id", "procedure_created_at", "procedure_id")
    `);
    await q.query(`
      CREATE FUNCTION lawgate_procedure_involvement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'task_holder' THEN
          INSERT INTO procedure_involvement (user_id, procedure_id, procedure_created_at)
          SELECT DISTINCT n.user_id, n.procedure_id, p.created_at
            FROM new_rows n JOIN procedure p ON p.id = n.procedure_id
           ORDER BY 1, 2
          ON CONFLICT DO NOTHING;
        ELSE
          INSERT INTO procedure_involvement (user_id, procedure_id, procedure_created_at)
          SELECT DISTINCT n.completed_by, n.procedure_id, p.created_at
            FROM new_rows n JOIN procedure p ON p.id = n.procedure_id
           WHERE n.completed_by IS NOT NULL
           ORDER BY 1, 2
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$
    `);
    await q.query(`
      CREATE TRIGGER "procedure_involvement_holder" AFTER INSERT ON "task_holder"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lawgate_procedure_involvement()
    `);
    await q.query(`
      CREATE TRIGGER "procedure_involvement_closer_insert" AFTER INSERT ON "task"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lawgate_procedure_involvement()
    `);
    await q.query(`
      CREATE TRIGGER "procedure_involvement_closer_update" AFTER UPDATE ON "task"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lawgate_procedure_involvement()
    `);

    await q.query(`
      CREATE TABLE "ledger_decision_month" (
        "month" text NOT NULL,
        "stage" text NOT NULL,
        "decision" text NOT NULL,
        "shard" smallint NOT NULL,
        "n" bigint NOT NULL,
        CONSTRAINT "pk_ledger_decision_month" PRIMARY KEY ("month", "stage", "decision", "shard")
      )
    `);
    await q.query(
      counterFunction(
        'lawgate_ledger_decision_month',
        (rows, n) =>
          `SELECT to_char(recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, stage, decision, ${n} AS n
             FROM ${rows}`,
        (changes) => `
        INSERT INTO ledger_decision_month (month, stage, decision, shard, n)
        SELECT c.month, c.stage, c.decision, s, sum(c.n) FROM (${changes}) c
         GROUP BY 1, 2, 3 HAVING sum(c.n) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (month, stage, decision, shard) DO UPDATE SET n = ledger_decision_month.n + EXCLUDED.n`,
      ),
    );
    // The ledger refuses updates and deletes (its own triggers): only inserts are counted.
    await q.query(`
      CREATE TRIGGER "ledger_decision_month_insert" AFTER INSERT ON "ledger_entry"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lawgate_ledger_decision_month()
    `);

    await q.query(`
      CREATE TABLE "comment_answer_month" (
        "month" text NOT NULL,
        "answer" text NOT NULL,
        "shard" smallint NOT NULL,
        "n" bigint NOT NULL,
        CONSTRAINT "pk_comment_answer_month" PRIMARY KEY ("month", "answer", "shard")
      )
    `);
    await q.query(
      counterFunction(
        'lawgate_comment_answer_month',
        (rows, n) =>
          `SELECT to_char(answered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, answer, ${n} AS n
             FROM ${rows} WHERE answered_at IS NOT NULL AND answer IS NOT NULL`,
        (changes) => `
        INSERT INTO comment_answer_month (month, answer, shard, n)
        SELECT c.month, c.answer, s, sum(c.n) FROM (${changes}) c
         GROUP BY 1, 2 HAVING sum(c.n) <> 0 ORDER BY 1, 2
        ON CONFLICT (month, answer, shard) DO UPDATE SET n = comment_answer_month.n + EXCLUDED.n`,
      ),
    );
    for (const op of ['insert', 'update', 'delete']) {
      const tables =
        op === 'insert'
          ? 'NEW TABLE AS new_rows'
          : op === 'delete'
            ? 'OLD TABLE AS old_rows'
            : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`
        CREATE TRIGGER "comment_answer_month_${op}" AFTER ${op.toUpperCase()} ON "public_comment"
        REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION lawgate_comment_answer_month()
      `);
    }
    await q.query(INVOLVEMENT_AND_RATES_REBUILD);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER "comment_answer_month_${op}" ON "public_comment"`);
    }
    await q.query(`DROP FUNCTION lawgate_comment_answer_month()`);
    await q.query(`DROP TABLE "comment_answer_month"`);
    await q.query(`DROP TRIGGER "ledger_decision_month_insert" ON "ledger_entry"`);
    await q.query(`DROP FUNCTION lawgate_ledger_decision_month()`);
    await q.query(`DROP TABLE "ledger_decision_month"`);
    await q.query(`DROP TRIGGER "procedure_involvement_closer_update" ON "task"`);
    await q.query(`DROP TRIGGER "procedure_involvement_closer_insert" ON "task"`);
    await q.query(`DROP TRIGGER "procedure_involvement_holder" ON "task_holder"`);
    await q.query(`DROP FUNCTION lawgate_procedure_involvement()`);
    await q.query(`DROP TABLE "procedure_involvement"`);
  }
}

/** Fills the involvement and the two counters from the rows (into shard 0), as the migration does. */
export const INVOLVEMENT_AND_RATES_REBUILD = `
  INSERT INTO procedure_involvement (user_id, procedure_id, procedure_created_at)
  SELECT i.user_id, i.procedure_id, p.created_at
    FROM (SELECT user_id, procedure_id FROM task_holder
          UNION SELECT completed_by, procedure_id FROM task WHERE completed_by IS NOT NULL) i
    JOIN procedure p ON p.id = i.procedure_id
  ON CONFLICT DO NOTHING;
  DELETE FROM ledger_decision_month;
  INSERT INTO ledger_decision_month (month, stage, decision, shard, n)
  SELECT to_char(recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), stage, decision, 0, count(*)
    FROM ledger_entry GROUP BY 1, 2, 3;
  DELETE FROM comment_answer_month;
  INSERT INTO comment_answer_month (month, answer, shard, n)
  SELECT to_char(answered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), answer, 0, count(*)
    FROM public_comment WHERE answered_at IS NOT NULL AND answer IS NOT NULL GROUP BY 1, 2;
`;
