import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `task_inbox_count`: how many open tasks each inbox holder has, per due day (UTC), kept by statement-level triggers
 * on `task` in the same transaction as the change, whoever makes it (raw SQL included). The inbox's badge reads a
 * few of these rows instead of counting 100 000 tasks: open = the sum; overdue = the days before today plus today's
 * tasks already due (read from the inbox indexes, at most one day of tasks).
 *
 * A holder is what an inbox branch reads: USER (assignee_user_id), DELEGATE (delegate_user_id), UNIT (assignee_unit_id
 * of an unclaimed task). Each statement adds its rows' changes up per key and applies them in key order, so two
 * statements lock the counters they share in the same order.
 */
export class InboxCounts17993000000000 implements MigrationInterface {
  name = 'InboxCounts17993000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "task_inbox_count" (
        "holder_kind" text NOT NULL,
        "holder_id" uuid NOT NULL,
        "due_day" date NOT NULL,
        "open" integer NOT NULL,
        CONSTRAINT "pk_task_inbox_count" PRIMARY KEY ("holder_kind", "holder_id", "due_day")
      )
    `);
    await q.query(`
      CREATE FUNCTION lawgate_task_inbox_keys(status text, assignee_user uuid, delegate_user uuid, unit uuid,
                                              due timestamptz, n integer)
      RETURNS TABLE (holder_kind text, holder_id uuid, due_day date, n integer)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT k.kind, k.id, coalesce((due AT TIME ZONE 'UTC')::date, 'infinity'::date), n
          FROM (VALUES ('USER', assignee_user), ('DELEGATE', delegate_user),
                       ('UNIT', CASE WHEN assignee_user IS NULL THEN unit END)) k(kind, id)
         WHERE status = 'OPEN' AND k.id IS NOT NULL
      $$
    `);
    await q.query(`
      CREATE FUNCTION lawgate_task_inbox_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO task_inbox_count (holder_kind, holder_id, due_day, open)
          SELECT k.holder_kind, k.holder_id, k.due_day, sum(k.n)
            FROM new_rows t,
                 lawgate_task_inbox_keys(t.status, t.assignee_user_id, t.delegate_user_id, t.assignee_unit_id, t.due_at, 1) k
           GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
          ON CONFLICT (holder_kind, holder_id, due_day) DO UPDATE SET open = task_inbox_count.open + EXCLUDED.open;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO task_inbox_count (holder_kind, holder_id, due_day, open)
          SELECT k.holder_kind, k.holder_id, k.due_day, sum(k.n)
            FROM old_rows t,
                 lawgate_task_inbox_keys(t.status, t.assignee_user_id, t.delegate_user_id, t.assignee_unit_id, t.due_at, -1) k
           GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
          ON CONFLICT (holder_kind, holder_id, due_day) DO UPDATE SET open = task_inbox_count.open + EXCLUDED.open;
        ELSE
          INSERT INTO task_inbox_count (holder_kind, holder_id, due_day, open)
          SELECT k.holder_kind, k.holder_id, k.due_day, sum(k.n)
            FROM (SELECT o.status, o.assignee_user_id, o.delegate_user_id, o.assignee_unit_id, o.due_at, -1 AS n
                    FROM old_rows o
                  UNION ALL
                  SELECT t.status, t.assignee_user_id, t.delegate_user_id, t.assignee_unit_id, t.due_at, 1
                    FROM new_rows t) c,
                 lawgate_task_inbox_keys(c.status, c.assignee_user_id, c.delegate_user_id, c.assignee_unit_id, c.due_at, c.n) k
           GROUP BY 1, 2, 3 HAVING sum(k.n) <> 0 ORDER BY 1, 2, 3
          ON CONFLICT (holder_kind, holder_id, due_day) DO UPDATE SET open = task_inbox_count.open + EXCLUDED.open;
        END IF;
        RETURN NULL;
      END $$
    `);
    await q.query(`
      CREATE TRIGGER "task_inbox_count_insert" AFTER INSERT ON "task"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lawgate_task_inbox_count()
    `);
    await q.query(`
      CREATE TRIGGER "task_inbox_count_update" AFTER UPDATE ON "task"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lawgate_task_inbox_count()
    `);
    await q.query(`
      CREATE TRIGGER "task_inbox_count_delete" AFTER DELETE ON "task"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lawgate_task_inbox_count()
    `);
    await q.query(`
      INSERT INTO task_inbox_count (holder_kind, holder_id, due_day, open)
      SELECT k.holder_kind, k.holder_id, k.due_day, sum(k.n)
        FROM task t,
             lawgate_task_inbox_keys(t.status, t.assignee_user_id, t.delegate_user_id, t.assignee_unit_id, t.due_at, 1) k
       WHERE t.status = 'OPEN'
       GROUP BY 1, 2, 3
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "task_inbox_count_delete" ON "task"`);
    await q.query(`DROP TRIGGER "task_inbox_count_update" ON "task"`);
    await q.query(`DROP TRIGGER "task_inbox_count_insert" ON "task"`);
    await q.query(`DROP FUNCTION lawgate_task_inbox_count()`);
    await q.query(`DROP FUNCTION lawgate_task_inbox_keys(text, uuid, uuid, uuid, timestamptz, integer)`);
    await q.query(`DROP TABLE "task_inbox_count"`);
  }
}
