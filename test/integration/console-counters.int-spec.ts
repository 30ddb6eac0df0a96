import { seedDemoOrganisation } from '@lawgate/persistence';
import type { DataSource } from 'typeorm';
import { OversightService } from '../../apps/api/src/oversight/oversight.service';
import { withScratchDatabase } from '../support/scratch-db';

/**
 * The console's on-time rate and procedures by stage read counters that statement triggers keep (in shards). After
 * procedures are opened, moved, closed late or on time, reopened and deleted, in statements of one row and of many,
 * they must say what counting the rows says.
 */
describe('console counters', () => {
  it('should equal counting the rows after every kind of change', async () => {
    await withScratchDatabase(async (dataSource: DataSource) => {
      await seedDemoOrganisation(dataSource);
      const [user] = await dataSource.query<{ id: string; org_unit_id: string }[]>(
        "SELECT id, org_unit_id FROM app_user WHERE username = 'drafter.edu'",
      );
      const oversight = new OversightService(dataSource);
      const counted = async () => {
        const onTime = await dataSource.query<{ month: string; total: string; count: string }[]>(
          `SELECT to_char(completed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS total,
                  count(*) FILTER (WHERE completed_at <= due_at) AS count
             FROM task WHERE status = 'DONE' AND completed_at IS NOT NULL AND due_at IS NOT NULL
            GROUP BY 1 ORDER BY 1`,
        );
        const byStage = await dataSource.query<{ type: string; stage: string; n: string }[]>(
          'SELECT type, stage, count(*) AS n FROM procedure GROUP BY 1, 2',
        );
        return { onTime, byStage };
      };
      const check = async (when: string) => {
        const s = await oversight.statistics(12);
        const c = await counted();
        expect({ when, onTime: s.onTimeByMonth }).toEqual({
          when,
          onTime: c.onTime
            .filter((r) => r.month >= s.fromMonth)
            .map((r) => ({
              month: r.month,
              total: Number(r.total),
              count: Number(r.count),
              rate: Math.round((Number(r.count) / Number(r.total)) * 1000) / 1000,
            })),
        });
        const stages = (rows: { type: string; stage: string; count: number }[]) =>
          rows.map((r) => `${r.type}/${r.stage}=${r.count}`).sort();
        expect({ when, stages: stages(s.proceduresByStage) }).toEqual({
          when,
          stages: stages(c.byStage.map((r) => ({ type: r.type, stage: r.stage, count: Number(r.n) }))),
        });
      };
      await dataSource.query(
        `INSERT INTO procedure (id, workflow_id, type, project_code, title, department_id, initiator_id, stage, status,
                                policy_version, details)
         SELECT gen_random_uuid(), 'cc:' || g, CASE WHEN g % 2 = 0 THEN 'NORMATIVE_DOCUMENT' ELSE 'MAJOR_DECISION' END,
                'cc' || g, 't', $1, $2, 'DRAFTING', 'ACTIVE', 'x', '{}'
           FROM generate_series(1, 20) g`,
        [user.org_unit_id, user.id],
      );
      await dataSource.query(
        `INSERT INTO task (procedure_id, workflow_id, stage, round, kind, title, legal_basis, assignee_unit_id, status,
                           due_at, created_at)
         SELECT p.id, p.workflow_id, 'DRAFTING', r, 'K', 't', 'b', $1, 'OPEN',
                now() - (r * 20) * interval '1 day', now() - (r * 25) * interval '1 day'
           FROM procedure p, generate_series(1, 12) r`,
        [user.org_unit_id],
      );
      await check('opened');
      // Closed in one statement each: some on time, some late, over several months.
      await dataSource.query(
        `UPDATE task SET status = 'DONE',
                completed_at = CASE WHEN round IN (2, 6, 7) THEN due_at + interval '1 day' ELSE created_at END
          WHERE round <= 8`,
      );
      await dataSource.query(
        `UPDATE procedure SET stage = 'LEGALITY_REVIEW' WHERE workflow_id IN ('cc:1', 'cc:2', 'cc:3')`,
      );
      await dataSource.query(
        `UPDATE procedure SET stage = 'COMPLETED', status = 'COMPLETED' WHERE workflow_id = 'cc:4'`,
      );
      await check('closed and moved');
      await dataSource.query(`UPDATE task SET due_at = due_at + interval '30 days' WHERE round = 2`);
      await dataSource.query(`UPDATE task SET status = 'OPEN', completed_at = NULL WHERE round = 3`);
      await dataSource.query(`UPDATE task SET status = 'CANCELLED' WHERE round = 4`);
      await check('due times moved, reopened, cancelled');
      await dataSource.query(`DELETE FROM task_holder`);
      await dataSource.query(`DELETE FROM task WHERE round IN (1, 5)`);
      await dataSource.query(
        `DELETE FROM task WHERE procedure_id = (SELECT id FROM procedure WHERE workflow_id = 'cc:5')`,
      );
      await dataSource.query(`DELETE FROM procedure WHERE workflow_id = 'cc:5'`);
      await check('deleted');
      // Legality decisions (the ledger only grows) and answered comments, against counting the rows.
      await dataSource.query(
        `INSERT INTO ledger_entry (procedure_id, workflow_id, stage, actor_id, actor_name, actor_role, actor_unit_id,
                                   decision, opinion, idempotency_key, recorded_at, prev_hash, hash)
         SELECT p.id, p.workflow_id, 'LEGALITY_REVIEW', $1, 'a', 'LEGAL_ADVISER', $2,
                (ARRAY['LAWFUL', 'MUST_AMEND', 'UNLAWFUL'])[1 + g % 3], 'o', 'cc:' || p.workflow_id || ':' || g,
                now() - (g * 40) * interval '1 day', 'x', 'y'
           FROM procedure p, generate_series(1, 5) g`,
        [user.id, user.org_unit_id],
      );
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        // The windows' draft versions are not what is counted: the replica role skips that foreign key's check.
        await runner.query("SET session_replication_role = 'replica'");
        await runner.query(
          `INSERT INTO comment_window (procedure_id, workflow_id, title, draft_version_id, draft_sha256, opens_at,
                                       minimum_closes_at, closes_at, status, idempotency_key)
           SELECT id, workflow_id, 't', gen_random_uuid(), 'x', now(), now(), now(), 'CLOSED', 'cc:' || workflow_id
             FROM procedure`,
        );
      } finally {
        await runner.query('RESET session_replication_role');
        await runner.release();
      }
      await dataSource.query(
        `INSERT INTO public_comment (window_id, receipt_no, body, submitted_at, client_fingerprint, answer, answered_at)
         SELECT w.id, w.idempotency_key || ':' || g, 'b', now(), 'f',
                CASE WHEN g % 4 <> 0 THEN (ARRAY['ADOPTED', 'NOT_ADOPTED', 'PARTLY_ADOPTED'])[1 + g % 3] END,
                CASE WHEN g % 4 <> 0 THEN now() - (g * 50) * interval '1 day' END
           FROM comment_window w, generate_series(1, 8) g`,
      );
      await dataSource.query(
        `UPDATE public_comment SET answer = 'ADOPTED', answered_at = now() WHERE answer IS NULL AND receipt_no LIKE '%:4'`,
      );
      await dataSource.query(
        `UPDATE public_comment SET answered_at = answered_at - interval '200 days' WHERE receipt_no LIKE '%:1'`,
      );
      await dataSource.query(`DELETE FROM public_comment WHERE receipt_no LIKE '%:2'`);
      const s = await oversight.statistics(12);
      const monthly = async (sql: string) =>
        (await dataSource.query<{ month: string; total: string; count: string }[]>(sql))
          .filter((r) => r.month >= s.fromMonth)
          .map((r) => ({
            month: r.month,
            total: Number(r.total),
            count: Number(r.count),
            rate: Math.round((Number(r.count) / Number(r.total)) * 1000) / 1000,
          }));
      expect(s.legalityReturnByMonth).toEqual(
        await monthly(
          `SELECT to_char(recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS total,
                  count(*) FILTER (WHERE decision IN ('UNLAWFUL', 'MUST_AMEND')) AS count
             FROM ledger_entry WHERE stage = 'LEGALITY_REVIEW' GROUP BY 1 ORDER BY 1`,
        ),
      );
      expect(s.commentAdoptionByMonth).toEqual(
        await monthly(
          `SELECT to_char(answered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS total,
                  count(*) FILTER (WHERE answer IN ('ADOPTED', 'PARTLY_ADOPTED')) AS count
             FROM public_comment WHERE answered_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
        ),
      );
      expect(s.legalityReturn.total).toBeGreaterThan(0);
      expect(s.commentAdoption.total).toBeGreaterThan(0);
      expect(s.onTime.total).toBeGreaterThan(0);
      expect(s.onTime.count).toBeGreaterThan(0);
      expect(s.onTime.count).toBeLessThan(s.onTime.total);
    });
  }, 120_000);
});
