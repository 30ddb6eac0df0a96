import { createHash } from 'node:crypto';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ActivitiesModule } from '../../activities/activities.module';
import { ProcedureActivities } from '../../activities/procedure.activities';
import { RegisterActivities } from '../../activities/register.activities';
import { AppConfigModule } from '@lawgate/config';
import { CLEANUP_REVIEW_STAGE, decideCleanupReviewUpdate, type RegisteredDocument, Role } from '@lawgate/domain';
import { stepUpdateId } from '@lawgate/temporal';
import { DocumentRepository } from '@lawgate/persistence';
import { eventually } from '../support/eventually';
import type { ApiClient } from '../support/http';
import { actorOf, freshSeries, insertProcedures } from '../support/register';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

interface Progress {
  id: string;
  status: string;
  totalInForce: number;
  reviewsStarted: number;
  reviews: number;
  decided: { total: number; kept: number; amended: number; repealed: number };
  undecided: number;
}
interface Listed {
  registerEntryId: string;
  number: string;
  reason: string | null;
}
interface Lists {
  status: string;
  kept: Listed[];
  amended: Listed[];
  repealed: Listed[];
  expired: Listed[];
}
interface ErrorBody {
  code: string;
  message: string;
}

/**
 * A clean-up campaign end to end: documents registered and published in the register (without procedure workflows,
 * as documents issued before LawGate would be), the campaign started over HTTP, its reviews started by the real
 * worker, each decided by an officer over HTTP, and the lists and the register checked. Other test files may have
 * documents in force in the same database: the campaign reviews them too, and this test keeps them.
 */
describe('clean-up campaigns', () => {
  let http: ApiClient;
  let db: DataSource;
  let app: INestApplicationContext;
  const campaignId = `e2e-${uniqueSuffix()}`;
  const docs: RegisteredDocument[] = [];

  const stack = useStack('e2e-cleanup', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });

  beforeAll(async () => {
    ({ http, db } = stack);
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forProcess('worker'), ActivitiesModule],
    }).compile();
    app = await moduleRef.init();
    const activities = app.get(RegisterActivities);
    const documents = app.get(DocumentRepository);
    const officer = await actorOf(db, 'officer.zhang');
    const series = await freshSeries(db, 'JT-EDU');
    // The fifth is the review whose decision is recorded without its workflow (the last but one test).
    const procedures = await insertProcedures(db, 5);
    for (const [i, p] of procedures.entries()) {
      const title = `金坛区清理测试办法${i}-${campaignId}`;
      const text = Buffer.from(`${title}\n第一条 ……\n`);
      const sha = createHash('sha256').update(text).digest('hex');
      await documents.storeBlob(sha, text);
      const entry = await activities.registerDocument({
        ...p,
        issuerUnitId: series.issuerUnitId,
        series: series.series,
        title,
        documentSha256: sha,
        validityYears: 5,
        registeredBy: officer,
        idempotencyKey: `registration:${p.procedureId}`,
      });
      await activities.recordPublication({
        registerEntryId: entry.registerEntryId,
        procedureId: p.procedureId,
        channel: 'GAZETTE',
        reference: '金坛区人民政府公报 2026年第9期',
        publishedAt: new Date().toISOString(),
        textSha256: sha,
        actor: officer,
        idempotencyKey: `publish:${entry.registerEntryId}`,
      });
      docs.push(entry);
    }
    // The fourth ran out of validity before the campaign: it belongs in the expired list, not in a review.
    await activities.setRegisterStatus({
      registerEntryId: docs[3].registerEntryId,
      status: 'EXPIRED',
      reason: '有效期届满',
      actor: null,
      idempotencyKey: `expire:${docs[3].registerEntryId}`,
    });
  }, 60000);

  afterAll(async () => app?.close());

  const progress = () =>
    http.as<Progress & ErrorBody>('officer.zhang', 'GET', `/api/admin/cleanup-campaigns/${campaignId}`);

  async function reviewTask(registerEntryId: string): Promise<string> {
    return eventually(async () => {
      const [row] = await db.query<{ id: string }[]>(
        `SELECT t.id FROM cleanup_review r JOIN task t ON t.workflow_id = r.workflow_id
         WHERE r.campaign_id = $1 AND r.register_entry_id = $2`,
        [campaignId, registerEntryId],
      );
      expect(row).toBeDefined();
      return row.id;
    });
  }

  async function signOffs(taskId: string): Promise<number> {
    const [{ n }] = await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM ledger_entry WHERE task_id = $1', [
      taskId,
    ]);
    return n;
  }

  it('should start a campaign for officers and administrators only, once per key', async () => {
    const asDrafter = await http.as<ErrorBody>('drafter.edu', 'POST', '/api/admin/cleanup-campaigns', {
      body: { title: '清理', campaignId },
    });
    expect(asDrafter.status).toBe(403);
    const badKey = await http.as<ErrorBody>('officer.zhang', 'POST', '/api/admin/cleanup-campaigns', {
      body: { title: '清理', campaignId: 'no spaces' },
    });
    expect(badKey.status).toBe(400);

    const started = await http.as<{ campaignId: string; status: string }>(
      'officer.zhang',
      'POST',
      '/api/admin/cleanup-campaigns',
      { body: { title: '2026年度行政规范性文件清理（测试）', campaignId } },
    );
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ campaignId, status: 'RUNNING' });

    const again = await http.as<ErrorBody>('admin', 'POST', '/api/admin/cleanup-campaigns', {
      body: { title: '再来一次', campaignId },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(campaignId);
  });

  it('should show progress until every document in force has its review', async () => {
    const done = await eventually(async () => {
      const res = await progress();
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('STARTED_ALL');
      return res.body;
    }, 60000);
    expect(done.totalInForce).toBeGreaterThanOrEqual(3);
    expect(done.reviewsStarted).toBe(done.reviews);
    expect(done.reviews).toBeGreaterThanOrEqual(3);
    const reviewed = await db.query<{ register_entry_id: string }[]>(
      'SELECT register_entry_id FROM cleanup_review WHERE campaign_id = $1',
      [campaignId],
    );
    const ids = reviewed.map((r) => r.register_entry_id);
    expect(ids).toEqual(expect.arrayContaining(docs.slice(0, 3).map((d) => d.registerEntryId)));
    expect(ids).not.toContain(docs[3].registerEntryId);

    const listed = await http.as<{ id: string }[]>('admin', 'GET', '/api/admin/cleanup-campaigns');
    expect(listed.body.map((c) => c.id)).toContain(campaignId);
    expect((await http.as('adviser.li', 'GET', `/api/admin/cleanup-campaigns/${campaignId}`)).status).toBe(403);
    expect((await http.as('admin', 'GET', '/api/admin/cleanup-campaigns/nope')).status).toBe(404);
  });

  it('should refuse a decision without its reason, or by someone not holding the task, and change nothing', async () => {
    const taskId = await reviewTask(docs[2].registerEntryId);
    const before = await signOffs(taskId);
    const noReason = await http.as<ErrorBody>('officer.zhang', 'POST', `/api/tasks/${taskId}/cleanup-review`, {
      body: { decision: 'REPEAL' },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.message).toContain('reason');
    const byAdviser = await http.as<ErrorBody>('adviser.li', 'POST', `/api/tasks/${taskId}/cleanup-review`, {
      body: { decision: 'KEEP' },
    });
    expect(byAdviser.status).toBe(403);
    const badDecision = await http.as<ErrorBody>('officer.zhang', 'POST', `/api/tasks/${taskId}/cleanup-review`, {
      body: { decision: 'ABOLISH', reason: 'x' },
    });
    expect(badDecision.status).toBe(400);
    expect(await signOffs(taskId)).toBe(before);
    const [task] = await db.query<{ status: string }[]>('SELECT status FROM task WHERE id = $1', [taskId]);
    expect(task.status).toBe('OPEN');
  });

  it('should have the workflow take a decision recorded in PostgreSQL whose update it never took', async () => {
    // The decision's local activity commits (sign-off, task closed) inside the update's workflow task; when that task
    // times out or its worker dies, the engine drops the update. Made here as the activity makes it, without the
    // workflow; then the officer's request comes again with its key, as a client resends after a 503.
    const taskId = await reviewTask(docs[4].registerEntryId);
    const [task] = await db.query<{ procedure_id: string; workflow_id: string }[]>(
      'SELECT procedure_id, workflow_id FROM task WHERE id = $1',
      [taskId],
    );
    const [entry] = await db.query<{ document_sha256: string }[]>(
      'SELECT document_sha256 FROM register_entry WHERE id = $1',
      [docs[4].registerEntryId],
    );
    const key = `resend-${uniqueSuffix()}`;
    await app.get(ProcedureActivities).recordDecision({
      procedureId: task.procedure_id,
      workflowId: task.workflow_id,
      taskId,
      stage: CLEANUP_REVIEW_STAGE,
      decision: 'KEEP',
      opinion: '继续有效',
      actor: await actorOf(db, 'officer.zhang'),
      actorRole: Role.LegalAffairsOfficer,
      documentSha256: entry.document_sha256,
      idempotencyKey: stepUpdateId(decideCleanupReviewUpdate.name, taskId, key),
      oneStepPerKey: true,
      nextStage: CLEANUP_REVIEW_STAGE,
      nextStatus: 'ENDED',
    });
    const again = await http.as<ErrorBody>('officer.zhang', 'POST', `/api/tasks/${taskId}/cleanup-review`, {
      body: { decision: 'KEEP', reason: '继续有效' },
      headers: { 'idempotency-key': key },
    });
    expect(again.status).toBe(200);
    await eventually(async () => {
      const [review] = await db.query<{ decision: string | null }[]>(
        'SELECT decision FROM cleanup_review WHERE campaign_id = $1 AND register_entry_id = $2',
        [campaignId, docs[4].registerEntryId],
      );
      expect(review.decision).toBe('KEEP');
    });
    expect(await signOffs(taskId)).toBe(1);
  });

  it('should record KEEP, AMEND and REPEAL, repeal in the register, and produce the lists', async () => {
    const [keep, amend, repeal] = await Promise.all(docs.slice(0, 3).map((d) => reviewTask(d.registerEntryId)));
    const decide = (taskId: string, decision: string, reason?: string, headers?: Record<string, string>) =>
      http.as<{ decision: string } & ErrorBody>('officer.zhang', 'POST', `/api/tasks/${taskId}/cleanup-review`, {
        body: { decision, ...(reason ? { reason } : {}) },
        headers,
      });
    const once = { 'idempotency-key': `keep-${campaignId}` };
    expect((await decide(keep, 'KEEP', undefined, once)).body.decision).toBe('KEEP');
    // The same request again (a double click) gets the same answer and signs nothing more.
    const repeated = await decide(keep, 'KEEP', undefined, once);
    expect(repeated.status).toBe(200);
    expect(repeated.body.decision).toBe('KEEP');
    const [{ n }] = await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM ledger_entry WHERE task_id = $1', [
      keep,
    ]);
    expect(n).toBe(1);
    expect((await decide(amend, 'AMEND', '上位法已修改，需修改后重新发布')).status).toBe(200);
    const repealed = await decide(repeal, 'REPEAL', '调整对象已消失');
    expect(repealed.status).toBe(200);
    const second = await decide(repeal, 'KEEP');
    expect(second.status).toBe(409);

    // Documents of other test files in the same database are kept, so that the campaign can finish.
    await eventually(async () => {
      const others = await db.query<{ id: string }[]>(
        `SELECT t.id FROM cleanup_review r JOIN task t ON t.workflow_id = r.workflow_id
         WHERE r.campaign_id = $1 AND t.status = 'OPEN'`,
        [campaignId],
      );
      for (const other of others) expect([200, 409]).toContain((await decide(other.id, 'KEEP')).status);
      const [{ n }] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM cleanup_review WHERE campaign_id = $1 AND decision IS NULL',
        [campaignId],
      );
      expect(n).toBe(0);
    }, 30000);

    await eventually(async () => {
      const [entry] = await db.query<{ status: string; status_reason: string }[]>(
        'SELECT status, status_reason FROM register_entry WHERE id = $1',
        [docs[2].registerEntryId],
      );
      expect(entry).toEqual({ status: 'REPEALED', status_reason: '清理决定废止：调整对象已消失' });
    });
    const [signOff] = await db.query<{ decision: string; stage: string; document_sha256: string }[]>(
      'SELECT decision, stage, document_sha256 FROM ledger_entry WHERE task_id = $1',
      [repeal],
    );
    expect(signOff).toMatchObject({ decision: 'REPEAL', stage: 'CLEANUP_REVIEW' });

    const finished = await eventually(async () => {
      const res = await progress();
      expect(res.body.status).toBe('DONE');
      return res.body;
    }, 30000);
    expect(finished.undecided).toBe(0);
    expect(finished.decided.amended).toBe(1);
    expect(finished.decided.repealed).toBe(1);

    const lists = await http.as<Lists>('officer.zhang', 'GET', `/api/admin/cleanup-campaigns/${campaignId}/lists`);
    expect(lists.status).toBe(200);
    const numbers = (l: Listed[]) => l.map((e) => e.number);
    expect(numbers(lists.body.kept)).toContain(docs[0].number);
    expect(lists.body.amended).toEqual([
      expect.objectContaining({ number: docs[1].number, reason: '上位法已修改，需修改后重新发布' }),
    ]);
    expect(lists.body.repealed).toEqual([
      expect.objectContaining({ number: docs[2].number, reason: '调整对象已消失' }),
    ]);
    expect(numbers(lists.body.expired)).toContain(docs[3].number);
    expect(numbers(lists.body.expired)).not.toContain(docs[2].number);
  });
});
