import { seedDemoOrganisation, TaskRepository } from '@lawgate/persistence';
import type { DataSource } from 'typeorm';
import { withScratchDatabase } from '../support/scratch-db';

/**
 * The inbox badge reads counters that triggers on `task` keep. Every kind of change a task goes through (opened,
 * claimed, released, reassigned, delegated, due time moved, closed, cancelled, deleted; one row or many per
 * statement) must leave each holder's counters equal to counting the tasks.
 */
describe('inbox badge counters', () => {
  it('should equal counting the tasks after every kind of change', async () => {
    await withScratchDatabase(async (dataSource: DataSource) => {
      await seedDemoOrganisation(dataSource);
      const users = await dataSource.query<{ id: string; org_unit_id: string }[]>(
        'SELECT id, org_unit_id FROM app_user ORDER BY username LIMIT 4',
      );
      const [a, b, c] = users;
      await dataSource.query(
        `INSERT INTO procedure (id, workflow_id, type, project_code, title, department_id, initiator_id, stage, status, policy_version, details)
         VALUES (gen_random_uuid(), 'counts', 'NORMATIVE_DOCUMENT', 'counts', '计数', $1, $2, 'DRAFTING', 'ACTIVE', 'x', '{}')`,
        [a.org_unit_id, a.id],
      );
      const tasks = new TaskRepository(dataSource);
      const check = async (when: string) => {
        for (const user of users) {
          const who = { userId: user.id, unitId: user.org_unit_id };
          const [kept, counted] = [await tasks.inboxCounts(who), await tasks.inboxCountsCounted(who)];
          expect({ when, user: user.id, ...kept }).toEqual({ when, user: user.id, ...counted });
        }
      };
      // 60 tasks in one statement: overdue yesterday, overdue today, due later today, later, none; units and people.
      await dataSource.query(
        `INSERT INTO task (procedure_id, workflow_id, stage, round, kind, title, legal_basis, assignee_unit_id,
                           assignee_user_id, status, due_at)
         SELECT p.id, 'counts', 'S', g, 'K', 't', 'b', CASE WHEN g % 2 = 0 THEN $1::uuid ELSE $2::uuid END,
                CASE g % 4 WHEN 0 THEN $3::uuid WHEN 1 THEN $4::uuid ELSE NULL END, 'OPEN',
                CASE g % 5 WHEN 0 THEN now() - interval '1 day' WHEN 1 THEN now() - interval '1 second'
                           WHEN 2 THEN now() + interval '1 minute' WHEN 3 THEN now() + interval '20 days' END
           FROM procedure p, generate_series(1, 60) g WHERE p.workflow_id = 'counts'`,
        [a.org_unit_id, b.org_unit_id, a.id, b.id],
      );
      await check('opened');
      const ids = async (where: string) =>
        (await dataSource.query<{ id: string }[]>(`SELECT id FROM task WHERE ${where} ORDER BY round`)).map(
          (r) => r.id,
        );
      const unclaimed = await ids('assignee_user_id IS NULL');
      await dataSource.transaction((m) => tasks.claim(m, unclaimed[0], c.id));
      await check('claimed');
      await dataSource.transaction((m) => tasks.release(m, unclaimed[0], c.id));
      await check('released');
      const held = await ids(`assignee_user_id = '${a.id}'`);
      await dataSource.transaction((m) => tasks.reassign(m, held[0], b.id, b.org_unit_id));
      await dataSource.query('UPDATE task SET delegate_user_id = $1 WHERE id = ANY($2)', [c.id, held.slice(1, 5)]);
      await check('reassigned and delegated');
      await dataSource.query("UPDATE task SET due_at = now() - interval '3 days' WHERE id = ANY($1)", [
        held.slice(2, 8),
      ]);
      await dataSource.query("UPDATE task SET reminded_at = now() WHERE status = 'OPEN'");
      await check('due times moved, reminders stamped');
      await dataSource.transaction((m) => tasks.complete(m, held[2], 'DONE', a.id));
      await dataSource.transaction((m) => tasks.cancelOpen(m, 'counts-none', 'x'));
      await dataSource.query("UPDATE task SET status = 'CANCELLED' WHERE round > 50");
      await check('closed and cancelled');
      await dataSource.query('DELETE FROM task_holder');
      await dataSource.query('DELETE FROM task WHERE round % 3 = 0');
      await check('deleted');
      await dataSource.query("UPDATE task SET status = 'OPEN' WHERE round > 50");
      await check('reopened');
      const open = await tasks.inboxCounts({ userId: a.id, unitId: a.org_unit_id });
      expect(open.open).toBeGreaterThan(0);
      expect(open.overdue).toBeGreaterThan(0);
    });
  }, 120_000);
});
