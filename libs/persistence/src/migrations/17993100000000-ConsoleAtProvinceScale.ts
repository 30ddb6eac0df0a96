import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What keeps the console and the procedure list fast with a province's ten years (1 000 000 procedures, 10 000 000
 * tasks); docs/benchmarks.md has the plans.
 *
 * - Procedure list: newest first overall, per department and per stage (`ix_procedure_created`,
 *   `ix_procedure_department_created`, `ix_procedure_stage_created`); the overdue list in its whole order
 *   (`ix_task_open_due_id`, replacing `ix_task_open_due`).
 * - Console rates: closed tasks per month (`task_close_month`) and procedures per type and stage
 *   (`procedure_stage_count`), kept by statement triggers in the transaction of the change. Each statement adds
 *   its changes to one of 8 shards chosen at random, so concurrent sign-offs seldom wait on the same counter row;
 *   a read sums the shards. Unanswered comments are counted from a partial index.
 */
export class ConsoleAtProvinceScale17993100000000 implements MigrationInterface {
  name = 'ConsoleAtProvinceScale17993100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_procedure_created" ON "procedure" ("created_at")`);
    await q.query(`CREATE INDEX "ix_procedure_department_created" ON "procedure" ("department_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_procedure_stage_created" ON "procedure" ("stage", "created_at")`);
    await q.query(
      `CREATE INDEX "ix_public_comment_unanswered" ON "public_comment" ("window_id") WHERE "answer" IS NULL`,
    );
    // The overdue list's whole order (due time, then id), so its page stops at the limit even where due times tie.
    await q.query(`
      CREATE INDEX "ix_task_open_due_id" ON "task" ("due_at", "id") WHERE "status" = 'OPEN' AND "due_at" IS NOT NULL
    `);
    await q.query(`DROP INDEX "ix_task_open_due"`);

    await q.query(`
      CREATE TABLE "task_close_month" (
        "month" text NOT NULL,
        "shard" smallint NOT NULL,
        "total" bigint NOT NULL,
        "on_time" bigint NOT NULL,
        CONSTRAINT "pk_task_close_month" PRIMARY KEY ("month", "shard")
      )
    `);
    await q.query(CLOSE_MONTH);
    await q.query(`
      CREATE TABLE "procedure_stage_count" (
        "type" text NOT NULL,
        "stage" text NOT NULL,
        "shard" smallint NOT NULL,
        "n" bigint NOT NULL,
        CONSTRAINT "pk_procedure_stage_count" PRIMARY KEY ("type", "stage", "shard")
      )
    `);
    await q.query(STAGE_COUNT);
    for (const [table, fn] of [
      ['task', 'lawgate_task_close_month'],
      ['procedure', 'lawgate_procedure_stage_count'],
    ]) {
      const name = fn.replace('lawgate_', '');
      await q.query(`
        CREATE TRIGGER "${name}_insert" AFTER INSERT ON "${table}"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()
      `);
      await q.query(`
        CREATE TRIGGER "${name}_update" AFTER UPDATE ON "${table}"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()
      `);
      await q.query(`
        CREATE TRIGGER "${name}_delete" AFTER DELETE ON "${table}"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()
      `);
    }
    await q.query(CONSOLE_COUNTS_REBUILD);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table, name] of [
      ['task', 'task_close_month'],
      ['procedure', 'procedure_stage_count'],
    ]) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER "${name}_${op}" ON "${table}"`);
      await q.query(`DROP FUNCTION lawgate_${name}()`);
      await q.query(`DROP TABLE "${name}"`);
    }
    await q.query(`
      CREATE INDEX "ix_task_open_due" ON "task" ("due_at") WHERE "status" = 'OPEN' AND "due_at" IS NOT NULL
    `);
    for (const index of [
      'ix_task_open_due_id',
      'ix_public_comment_unanswered',
      'ix_procedure_stage_created',
      'ix_procedure_department_created',
      'ix_procedure_created',
    ]) {
      await q.query(`DROP INDEX "${index}"`);
    }
  }
}

type Op = 'INSERT' | 'UPDATE' | 'DELETE';

/** The changed rows of one statement: `old_rows` count -1, `new_rows` +1 (transition tables as the event has them). */
function changedRows(op: Op, select: (rows: string, n: number) => string): string {
  const parts = [];
  if (op !== 'INSERT') parts.push(select('old_rows', -1));
  if (op !== 'DELETE') parts.push(select('new_rows', 1));
  return parts.join(' UNION ALL ');
}

/** A statement trigger's function: one upsert of the statement's changes per event, into a shard chosen at random. */
export function counterFunction(
  name: string,
  select: (rows: string, n: number) => string,
  upsert: (changes: string) => string,
): string {
  const body = (op: Op) => upsert(changedRows(op, select));
  return `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE s smallint := floor(random() * 8);
    BEGIN
      IF TG_OP = 'INSERT' THEN ${body('INSERT')};
      ELSIF TG_OP = 'DELETE' THEN ${body('DELETE')};
      ELSE ${body('UPDATE')};
      END IF;
      RETURN NULL;
    END $$`;
}

const CLOSE_MONTH = counterFunction(
  'lawgate_task_close_month',
  (rows, n) =>
    `SELECT to_char(completed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, completed_at <= due_at AS on_time,
            ${n} AS n FROM ${rows} WHERE status = 'DONE' AND completed_at IS NOT NULL AND due_at IS NOT NULL`,
  (changes) => `
        INSERT INTO task_close_month (month, shard, total, on_time)
        SELECT c.month, s, sum(c.n), coalesce(sum(c.n) FILTER (WHERE c.on_time), 0) FROM (${changes}) c
         GROUP BY c.month HAVING sum(c.n) <> 0 OR coalesce(sum(c.n) FILTER (WHERE c.on_time), 0) <> 0
         ORDER BY c.month
        ON CONFLICT (month, shard) DO UPDATE
          SET total = task_close_month.total + EXCLUDED.total, on_time = task_close_month.on_time + EXCLUDED.on_time`,
);

const STAGE_COUNT = counterFunction(
  'lawgate_procedure_stage_count',
  (rows, n) => `SELECT type, stage, ${n} AS n FROM ${rows}`,
  (changes) => `
        INSERT INTO procedure_stage_count (type, stage, shard, n)
        SELECT c.type, c.stage, s, sum(c.n) FROM (${changes}) c
         GROUP BY c.type, c.stage HAVING sum(c.n) <> 0 ORDER BY c.type, c.stage
        ON CONFLICT (type, stage, shard) DO UPDATE SET n = procedure_stage_count.n + EXCLUDED.n`,
);

/** Counts the console's counters from the rows (into shard 0), as the migration does for existing data. */
export const CONSOLE_COUNTS_REBUILD = `
  DELETE FROM task_close_month;
  INSERT INTO task_close_month (month, shard, total, on_time)
  SELECT to_char(completed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), 0, count(*), count(*) FILTER (WHERE completed_at <= due_at)
    FROM task WHERE status = 'DONE' AND completed_at IS NOT NULL AND due_at IS NOT NULL GROUP BY 1;
  DELETE FROM procedure_stage_count;
  INSERT INTO procedure_stage_count (type, stage, shard, n) SELECT type, stage, 0, count(*) FROM procedure GROUP BY 1, 2;
`;
