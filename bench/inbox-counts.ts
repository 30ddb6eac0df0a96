/**
 * `npm run bench:inbox-counts`: the inbox badge (open and overdue counts) of one adviser with 100 000 open tasks and
 * of one with 10 000, 1 000 000 tasks in the table, against the bare indexed SELECT of the inbox's first page in the
 * same run, beside counting the tasks (what the badge did before the counters). Also what the counters cost a
 * writer: opening and closing tasks one statement at a time with the counting triggers and without them.
 *
 * Creates a database of its own (dropped at the end unless BENCH_KEEP=1); starts no Temporal. Prints one JSON document.
 */
import 'reflect-metadata';
import { TaskRepository } from '@lawgate/persistence';
import { benchDatabase, demoUsers, explain, log, measurePair, percentiles, round, time } from './lib/measure';

const TOTAL_TASKS = Number(process.env.BENCH_TOTAL_TASKS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WRITES = Number(process.env.BENCH_WRITES ?? 500);

async function main(): Promise<void> {
  const db = await benchDatabase('inbox_counts');
  const { dataSource } = db;
  try {
    const ids = await demoUsers(dataSource);
    log(`inserting 1000 procedures and ${TOTAL_TASKS} tasks`);
    await dataSource.query(
      `INSERT INTO procedure (id, workflow_id, type, project_code, title, department_id, initiator_id, stage, status, policy_version, details)
       SELECT gen_random_uuid(), 'bench:' || g, 'NORMATIVE_DOCUMENT', 'b' || g, '基准测试文件 ' || g, $1, $2, 'LEGALITY_REVIEW', 'ACTIVE', 'bench', '{}'
       FROM generate_series(1, 1000) g`,
      [ids['drafter.edu'].org_unit_id, ids['drafter.edu'].id],
    );
    // As bench/run.ts: 100k open tasks for adviser.li, 10k for adviser.chen, the rest over the office, half closed.
    // A tenth of each adviser's tasks are overdue (due in the last 30 days), some of them earlier today.
    const [li, chen, office] = [ids['adviser.li'], ids['adviser.chen'], ids['officer.zhang']];
    await dataSource.query(
      `WITH p AS (SELECT id, workflow_id, row_number() OVER () AS n FROM procedure WHERE policy_version = 'bench')
       INSERT INTO task (procedure_id, workflow_id, stage, round, kind, title, legal_basis, assignee_unit_id, assignee_user_id, status, due_at, created_at)
       SELECT p.id, p.workflow_id, 'LEGALITY_REVIEW', g, 'ADVISER_OPINION', '审查任务 ' || g, '国办发〔2018〕115号 （五）',
              CASE WHEN g <= 110000 THEN $1::uuid ELSE $3::uuid END,
              CASE WHEN g <= 100000 THEN $2::uuid WHEN g <= 110000 THEN $4::uuid WHEN g % 3 = 0 THEN $5::uuid ELSE NULL END,
              CASE WHEN g <= 110000 THEN 'OPEN' WHEN g % 2 = 0 THEN 'DONE' ELSE 'OPEN' END,
              CASE WHEN g % 10 = 0 THEN now() - (g % 43200) * interval '1 minute'
                   WHEN g % 97 = 0 THEN NULL
                   ELSE now() + (g % 5000) * interval '1 minute' END,
              now() - (g % 9000) * interval '1 second'
       FROM generate_series(1, $6::int) g JOIN p ON p.n = 1 + (g % 1000)`,
      [li.org_unit_id, li.id, office.org_unit_id, chen.id, office.id, TOTAL_TASKS],
    );
    await dataSource.query('VACUUM ANALYZE task');
    await dataSource.query('VACUUM ANALYZE task_inbox_count');
    const tasks = new TaskRepository(dataSource);
    const bare = (userId: string) =>
      dataSource.query(
        `SELECT * FROM task t WHERE t.status = 'OPEN' AND t.assignee_user_id = $1
         ORDER BY coalesce(t.due_at, 'infinity'::timestamptz), t.created_at, t.id LIMIT 50`,
        [userId],
      );
    const results: Record<string, unknown> = {};
    for (const [label, user] of [
      ['10k_open_tasks', chen],
      ['100k_open_tasks', li],
    ] as const) {
      log(`badge counts for ${label}`);
      const who = { userId: user.id, unitId: user.org_unit_id };
      const kept = await tasks.inboxCounts(who);
      const counted = await tasks.inboxCountsCounted(who);
      const badge = await measurePair(
        () => tasks.inboxCounts(who),
        () => bare(user.id),
        ITERATIONS,
      );
      const before = await measurePair(
        () => tasks.inboxCountsCounted(who),
        () => bare(user.id),
        Math.min(ITERATIONS, 100),
      );
      results[label] = {
        counts: kept,
        counts_equal_counting_the_tasks: JSON.stringify(kept) === JSON.stringify(counted),
        badge_counts_ms: badge.measured,
        bare_indexed_page_select_ms: badge.bare,
        ratio_p95: badge.ratio_p95,
        counting_the_tasks_ms: before.measured,
        target_p95_le_10ms: badge.measured.p95 <= 10,
      };
    }
    const plan = await explain(
      dataSource,
      `SELECT coalesce(sum(c.open), 0) AS open FROM task_inbox_count c
        WHERE (c.holder_kind IN ('USER', 'DELEGATE') AND c.holder_id = $1) OR (c.holder_kind = 'UNIT' AND c.holder_id = $2)`,
      [li.id, li.org_unit_id],
    );

    // What a writer pays: open a task and close it, one statement each, with and without the counting triggers.
    log(`write cost: ${WRITES} tasks opened and closed, with and without the counters`);
    const [procedure] = await dataSource.query<{ id: string }[]>(
      "SELECT id FROM procedure WHERE policy_version = 'bench' LIMIT 1",
    );
    let round_ = 2_000_000;
    const openAndClose = async () => {
      round_ += 1;
      await dataSource.transaction(async (m) => {
        const t = await tasks.openIfAbsent(m, {
          procedureId: procedure.id,
          workflowId: 'bench:writes',
          stage: 'LEGALITY_REVIEW',
          round: round_,
          kind: 'ADVISER_OPINION',
          title: '写入',
          legalBasis: 'b',
          assigneeUnitId: office.org_unit_id,
          assigneeUserId: li.id,
          dueAt: new Date(Date.now() + 86_400_000),
          dueCalendarVersion: null,
          dueProblem: null,
        });
        await tasks.complete(m, t.id, 'DONE', li.id);
      });
    };
    const withCounters: number[] = [];
    const without: number[] = [];
    const triggers = ['task_inbox_count_insert', 'task_inbox_count_update'];
    for (let i = 0; i < WRITES; i += 1) {
      withCounters.push(await time(openAndClose));
      for (const t of triggers) await dataSource.query(`ALTER TABLE task DISABLE TRIGGER ${t}`);
      without.push(await time(openAndClose));
      for (const t of triggers) await dataSource.query(`ALTER TABLE task ENABLE TRIGGER ${t}`);
    }
    const [w, wo] = [percentiles(withCounters), percentiles(without)];

    console.log(
      JSON.stringify(
        {
          machine: 'shared 2-core, PostgreSQL 15 local; compare ratios',
          total_tasks: TOTAL_TASKS,
          ...results,
          write_open_and_close_task_ms: { with_counters: w, without_counters: wo, ratio_p95: round(w.p95 / wo.p95) },
          counter_read_plan: plan,
        },
        null,
        2,
      ),
    );
  } finally {
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
