import type { DataSource } from 'typeorm';
import { LedgerRepository } from '@lawgate/persistence';
import { enforcementChecklist, sampleEnforcementCase } from '../../scripts/lib/sample-procedures';
import { eventually } from '../support/eventually';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  stage: string;
  documents: Record<string, { sha256: string }>;
}

/**
 * A step's sign-off is written by a local activity inside the workflow task that runs its update. When that task
 * times out on a starved worker, or its worker dies, the engine drops the update and the workflow goes on from before
 * it, while the written sign-off, the closed task and the moved stage stay in PostgreSQL (seen in the 10 000-case
 * enforcement benchmark beside the chaos run: a case whose intake was signed off and whose review task never opened).
 * Here that state is made as the activity makes it, in one transaction, without the workflow; then the person's
 * request comes again, with the same key (a client resending after a 503) or a new one (a person clicking again).
 */
describe('a step recorded in PostgreSQL whose update the workflow never took', () => {
  let http: ApiClient;
  let db: DataSource;
  const stack = useStack('e2e-er', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });
  beforeAll(() => {
    ({ http, db } = stack);
  });

  /** A case at intake with its materials, and its open intake task. */
  async function atIntake(): Promise<{ id: string; intakeTaskId: string; draftSha256: string }> {
    const started = await http.as<Snapshot>('drafter.mkt', 'POST', '/api/procedures/enforcement-reviews', {
      body: sampleEnforcementCase(`LOST-${uniqueSuffix()}`, '某公司未按规定标注产品标识案'),
    });
    expect(started.status).toBe(201);
    const id = started.body.procedureId;
    const upload = (kind: string, text: string) =>
      http.as<Snapshot>('drafter.mkt', 'POST', `/api/procedures/${id}/documents/${kind}`, {
        rawBody: text,
        headers: { 'content-type': 'text/plain' },
      });
    const draft = await upload('DRAFT', '行政处罚决定书（草稿）');
    expect(draft.status).toBe(201);
    const evidence = await upload('EVIDENCE', `现场检查笔录 ${id}`);
    const submitted = await http.as<Snapshot>('drafter.mkt', 'POST', `/api/procedures/${id}/steps/submit-case`, {
      body: {
        materials: {
          facts: '经查，当事人销售的产品未标注厂名厂址',
          evidence: [
            { title: '现场检查笔录', source: '现场检查', fileSha256: evidence.body.documents.EVIDENCE.sha256 },
          ],
          provisions: ['《产品质量法》第五十四条'],
          discretionStandard: '江苏省市场监管行政处罚裁量基准',
          proposedDecision: '罚款二十万元',
          hearingHeld: false,
        },
      },
    });
    expect([submitted.status, submitted.body.stage]).toEqual([200, 'INTAKE']);
    const [task] = await db.query<{ id: string }[]>(
      `SELECT id FROM task WHERE procedure_id = $1 AND kind = 'ER_INTAKE' AND status = 'OPEN'`,
      [id],
    );
    expect(task).toBeDefined();
    return { id, intakeTaskId: task.id, draftSha256: draft.body.documents.DRAFT.sha256 };
  }

  /** The step a sign-off records on a task: the update it was sent as, its stages, decision, opinion and text. */
  interface Recorded {
    update: string;
    stage: string;
    next: string;
    decision: string;
    opinion: string;
    sha256: string;
  }
  /** `accept-materials` on the first version of the materials, as the workflow signs it. */
  const materialsComplete = (sha256: string): Recorded => ({
    update: 'er.acceptMaterials',
    stage: 'INTAKE',
    next: 'LEGAL_REVIEW',
    decision: 'MATERIALS_COMPLETE',
    opinion: '第1版材料齐全，审核期限起算',
    sha256,
  });

  /** What `recordDecision` commits for `step` on `taskId` under `key`, while the workflow never takes the update. */
  async function recordedWithoutTheWorkflow(id: string, taskId: string, key: string, step: Recorded): Promise<void> {
    const [officer] = await db.query<{ id: string; display_name: string; org_unit_id: string }[]>(
      `SELECT id, display_name, org_unit_id FROM app_user WHERE username = 'officer.zhang'`,
    );
    const [procedure] = await db.query<{ workflow_id: string }[]>('SELECT workflow_id FROM procedure WHERE id = $1', [
      id,
    ]);
    await db.transaction(async (manager) => {
      await manager.query(
        `UPDATE task SET status = 'DONE', outcome = $3, completed_by = $2, completed_at = now()
          WHERE id = $1 AND status = 'OPEN'`,
        [taskId, officer.id, step.decision],
      );
      await manager.query(`UPDATE procedure SET stage = $2 WHERE id = $1`, [id, step.next]);
      await new LedgerRepository(db).append(manager, {
        procedureId: id,
        taskId,
        workflowId: procedure.workflow_id,
        stage: step.stage,
        actorId: officer.id,
        actorName: officer.display_name,
        actorRole: 'LEGAL_OFFICE',
        actorUnitId: officer.org_unit_id,
        decision: step.decision,
        opinion: step.opinion,
        documentSha256: step.sha256,
        idempotencyKey: `${step.update}:${taskId}:${key}`,
        recordedAt: new Date(),
      });
    });
  }

  const acceptMaterials = (id: string, key: string) =>
    http.as<Snapshot>('officer.zhang', 'POST', `/api/procedures/${id}/steps/accept-materials`, {
      body: {},
      headers: { 'idempotency-key': key },
    });

  /** The workflow took the step: its review task is open, and the step is in the ledger once. */
  async function tookItOnce(id: string): Promise<void> {
    await eventually(async () => {
      const open = await db.query<{ kind: string }[]>(
        `SELECT kind FROM task WHERE procedure_id = $1 AND status = 'OPEN'`,
        [id],
      );
      expect(open.map((t) => t.kind)).toEqual(['ER_REVIEW']);
    });
    const live = await http.as<{ live: { stage: string } }>('officer.zhang', 'GET', `/api/procedures/${id}`);
    expect(live.body.live.stage).toBe('LEGAL_REVIEW');
    const signed = await db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM ledger_entry WHERE procedure_id = $1 AND decision = 'MATERIALS_COMPLETE'`,
      [id],
    );
    expect(signed[0].n).toBe('1');
    const audited = await db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_entry WHERE procedure_id = $1 AND action = 'task.decided'
          AND details->>'decision' = 'MATERIALS_COMPLETE'`,
      [id],
    );
    expect(audited[0].n).toBe('1');
  }

  it('should have the workflow take the step when the client sends it again with the same key', async () => {
    const { id, intakeTaskId, draftSha256 } = await atIntake();
    const key = `resend-${uniqueSuffix()}`;
    await recordedWithoutTheWorkflow(id, intakeTaskId, key, materialsComplete(draftSha256));
    const again = await acceptMaterials(id, key);
    expect(again.status).toBe(200);
    await tookItOnce(id);
  });

  it('should have the workflow take the step when the person sends it again with a new key', async () => {
    const { id, intakeTaskId, draftSha256 } = await atIntake();
    await recordedWithoutTheWorkflow(id, intakeTaskId, `first-${uniqueSuffix()}`, materialsComplete(draftSha256));
    // A colleague of the same unit does not finish officer.zhang's sign-off: refused as before, nothing taken.
    const colleague = await http.as<Snapshot>('officer.liu', 'POST', `/api/procedures/${id}/steps/accept-materials`, {
      body: {},
      headers: { 'idempotency-key': `colleague-${uniqueSuffix()}` },
    });
    expect(colleague.status).toBe(409);
    const stillWaiting = await http.as<{ live: { stage: string } }>('officer.zhang', 'GET', `/api/procedures/${id}`);
    expect(stillWaiting.body.live.stage).toBe('INTAKE');
    const again = await acceptMaterials(id, `second-${uniqueSuffix()}`);
    expect(again.status).toBe(200);
    await tookItOnce(id);
    // Once taken, the same step again is refused as before: its task is closed and the workflow has moved on.
    const late = await acceptMaterials(id, `third-${uniqueSuffix()}`);
    expect(late.status).toBe(409);
  });

  it('should refuse a different decision from the signer, and leave the recorded one as it was', async () => {
    const { id, draftSha256 } = await atIntake();
    expect((await acceptMaterials(id, `accept-${uniqueSuffix()}`)).status).toBe(200);
    const reviewTaskId = await eventually(async () => {
      const [task] = await db.query<{ id: string }[]>(
        `SELECT id FROM task WHERE procedure_id = $1 AND kind = 'ER_REVIEW' AND status = 'OPEN'`,
        [id],
      );
      expect(task).toBeDefined();
      return task.id;
    });
    // The officer's AGREE was recorded and the workflow never took it; the officer then sends PROBLEMS instead.
    await recordedWithoutTheWorkflow(id, reviewTaskId, `agree-${uniqueSuffix()}`, {
      update: 'er.giveConclusion',
      stage: 'LEGAL_REVIEW',
      next: 'DECISION',
      decision: 'REVIEW_AGREE',
      opinion: '同意。事实清楚，证据确凿',
      sha256: draftSha256,
    });
    const problems = await http.as<{ code: string; message: string }>(
      'officer.zhang',
      'POST',
      `/api/procedures/${id}/steps/conclusion`,
      {
        body: {
          conclusion: 'PROBLEMS',
          reasons: '证据不足',
          checklist: enforcementChecklist({ LAW_AND_DISCRETION: '证据不足' }),
          reviewedSha256: draftSha256,
          noConflictDeclared: true,
        },
        headers: { 'idempotency-key': `problems-${uniqueSuffix()}` },
      },
    );
    expect([problems.status, problems.body.code]).toEqual([409, 'TASK_CLOSED']);
    expect(problems.body.message).toContain('REVIEW_AGREE');
    // Nothing moved: the workflow still waits in legal review, the task keeps its recorded outcome, one sign-off.
    const live = await http.as<{ live: { stage: string } }>('officer.zhang', 'GET', `/api/procedures/${id}`);
    expect(live.body.live.stage).toBe('LEGAL_REVIEW');
    const [task] = await db.query<{ outcome: string }[]>('SELECT outcome FROM task WHERE id = $1', [reviewTaskId]);
    expect(task.outcome).toBe('REVIEW_AGREE');
    const signed = await db.query<{ decision: string }[]>(
      'SELECT decision FROM ledger_entry WHERE procedure_id = $1 AND task_id = $2',
      [id, reviewTaskId],
    );
    expect(signed.map((e) => e.decision)).toEqual(['REVIEW_AGREE']);
  });
});
