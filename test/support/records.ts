import type { DataSource } from 'typeorm';

/** Row counts that bad requests must leave unchanged (the audit trail's sign-ins and reads aside: signing in a test
 * user or reading a document between two counts is no change; nor are the reminders and escalations the worker's
 * timers audit on their own schedule, which with periods of seconds can fall between two counts). */
export async function recordCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const rows = await dataSource.query<{ t: string; n: string }[]>(`
    SELECT 'procedure' AS t, count(*) AS n FROM procedure
    UNION ALL SELECT 'task', count(*) FROM task
    UNION ALL SELECT 'open_task', count(*) FROM task WHERE status = 'OPEN'
    UNION ALL SELECT 'ledger_entry', count(*) FROM ledger_entry
    UNION ALL SELECT 'audit_entry', count(*) FROM audit_entry
      WHERE action NOT IN ('auth.login', 'auth.login.failed', 'document.read', 'export.downloaded', 'archive.downloaded',
        'task.reminded', 'task.overdue.escalated', 'filing.catalog.published')
    UNION ALL SELECT 'app_user', count(*) FROM app_user`);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

export const validApplication = {
  necessity: '规范校外培训机构办学行为，保护学生合法权益。',
  legalBasis: '《中华人民共和国民办教育促进法》等',
  mainContent: '设立条件、日常监管、退费规则。',
  touchesBusiness: true,
  alsoMajorDecision: false,
  classificationReason: '涉及校外培训机构和学生家长的权利义务，具有普遍约束力，在一定期限内反复适用。',
};
