import { Test } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { ActivitiesModule } from '../../activities/activities.module';
import { ProcedureActivities } from '../../activities/procedure.activities';
import { AppConfigModule } from '@lawgate/config';
import {
  CLEANUP_BASIS,
  CLEANUP_REVIEW_STAGE,
  CLEANUP_REVIEW_TASK_KIND,
  cleanupReviewTaskTitle,
  cleanupReviewWorkflowId,
  formatLegalBasis,
  OrgUnitKind,
} from '@lawgate/domain';
import { CleanupRepository, type CleanupReviewTaskTerms } from '@lawgate/persistence';
import { insertProcedures } from '../support/register';
import { uniqueSuffix } from '../support/test-env';

/** The review tasks a clean-up page opens in bulk: once per review, whoever opens them first. */
describe(CleanupRepository.name, () => {
  let cleanup: CleanupRepository;
  let procedures: ProcedureActivities;
  let db: DataSource;
  let close: () => Promise<void>;
  let terms: CleanupReviewTaskTerms;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forProcess('worker'), ActivitiesModule],
    }).compile();
    const app = await moduleRef.init();
    cleanup = app.get(CleanupRepository);
    procedures = app.get(ProcedureActivities);
    db = app.get(DataSourceToken);
    close = () => app.close();
    const [office] = await db.query<{ id: string }[]>('SELECT id FROM org_unit WHERE kind = $1 ORDER BY code LIMIT 1', [
      OrgUnitKind.LegalAffairsOffice,
    ]);
    terms = {
      stage: CLEANUP_REVIEW_STAGE,
      kind: CLEANUP_REVIEW_TASK_KIND,
      legalBasis: formatLegalBasis(CLEANUP_BASIS),
      assigneeUnitId: office.id,
      dueAt: new Date(Date.now() + 600_000),
      dueCalendarVersion: null,
      dueProblem: null,
    };
  });

  afterAll(async () => close());

  async function reviews(count: number) {
    const campaignId = `int-${uniqueSuffix()}`;
    return (await insertProcedures(db, count)).map((p, i) => ({
      procedureId: p.procedureId,
      workflowId: cleanupReviewWorkflowId(campaignId, `entry-${i}`),
      title: cleanupReviewTaskTitle({ title: `金坛区清理测试办法${i}`, number: `坛政规〔2026〕${i + 1}号` }),
    }));
  }

  it('should open each review task once and return every task id, the new and the existing', async () => {
    const rows = await reviews(3);
    const first = await cleanup.openReviewTasks(terms, rows.slice(0, 2));
    expect([...first.keys()].sort()).toEqual(
      rows
        .slice(0, 2)
        .map((r) => r.workflowId)
        .sort(),
    );

    // A retried page, one review longer: the open tasks are returned as they are, the new one is opened.
    const retried = await cleanup.openReviewTasks(terms, rows);
    expect(retried.size).toBe(3);
    for (const [workflowId, taskId] of first) expect(retried.get(workflowId)).toBe(taskId);

    const stored = await db.query<
      { workflow_id: string; title: string; legal_basis: string; assignee_unit_id: string; status: string }[]
    >(
      `SELECT workflow_id, title, legal_basis, assignee_unit_id, status FROM task
       WHERE workflow_id = ANY($1) AND stage = $2 AND round = 1 AND kind = $3`,
      [rows.map((r) => r.workflowId), CLEANUP_REVIEW_STAGE, CLEANUP_REVIEW_TASK_KIND],
    );
    expect(stored).toHaveLength(3);
    for (const row of stored) {
      expect(row).toMatchObject({
        title: rows.find((r) => r.workflowId === row.workflow_id)?.title,
        legal_basis: terms.legalBasis,
        assignee_unit_id: terms.assigneeUnitId,
        status: 'OPEN',
      });
    }
  });

  it('should return the task a review opened itself (a review started before tasks were opened with its page)', async () => {
    const [row] = await reviews(1);
    const opened = await procedures.openTask({
      procedureId: row.procedureId,
      workflowId: row.workflowId,
      stage: CLEANUP_REVIEW_STAGE,
      round: 1,
      kind: CLEANUP_REVIEW_TASK_KIND,
      title: row.title,
      legalBasis: CLEANUP_BASIS,
      assignTo: { unitKind: OrgUnitKind.LegalAffairsOffice },
      period: { amount: 600, unit: 'SECONDS' },
    });
    const bulk = await cleanup.openReviewTasks(terms, [row]);
    expect(bulk.get(row.workflowId)).toBe(opened.taskId);
    // And the other way round: a review that opens its task finds the one opened with its page.
    const [later] = await reviews(1);
    const withPage = await cleanup.openReviewTasks(terms, [later]);
    const itself = await procedures.openTask({
      procedureId: later.procedureId,
      workflowId: later.workflowId,
      stage: CLEANUP_REVIEW_STAGE,
      round: 1,
      kind: CLEANUP_REVIEW_TASK_KIND,
      title: later.title,
      legalBasis: CLEANUP_BASIS,
      assignTo: { unitKind: OrgUnitKind.LegalAffairsOffice },
      period: { amount: 600, unit: 'SECONDS' },
    });
    expect(itself.taskId).toBe(withPage.get(later.workflowId));
  });
});
