import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import {
  Client,
  Connection,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateStage,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { LawGateActivities } from '../../activities';
import {
  CLEANUP_CAMPAIGN_WORKFLOW_TYPE,
  CLEANUP_REVIEW_STAGE,
  CLEANUP_REVIEW_TASK_KIND,
  CLEANUP_REVIEW_WORKFLOW_TYPE,
  DEMO_CLEANUP_POLICY,
  cleanupCampaignWorkflowId,
  cleanupReviewWorkflowId,
  decideCleanupReviewUpdate,
  getCleanupReviewQuery,
  type CleanupCampaignWorkflow,
  type CleanupReviewInput,
  type CleanupReviewWorkflow,
  type DecideCleanupReviewArgs,
  ErrorCode,
  OrgUnitKind,
  Role,
  NORMATIVE_DOCUMENT_WORKFLOW_TYPE,
  applyCleanupDecisionUpdate,
  awaitSettledUpdate,
  type Actor,
  type NormativeDocumentWorkflow,
  policyVersionFor,
} from '@lawgate/domain';
import { eventually } from '../support/eventually';
import { fakeActivities, type Calls } from '../support/fake-activities';
import { testEnv, uniqueSuffix } from '../support/test-env';

const officer: Actor = {
  userId: randomUUID(),
  username: 'officer',
  displayName: 'Officer',
  roles: [Role.LegalAffairsOfficer],
  unitId: randomUUID(),
};
const drafter: Actor = { ...officer, userId: randomUUID(), username: 'd', roles: [Role.Drafter] };

function refusalOf(err: unknown): ApplicationFailure {
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

/**
 * With RECORD_HISTORY_FILE set, writes the review's history in the CLI's JSON form, which the replay tier reads
 * (test/fixtures/histories); pick the test with `-t`.
 */
function recordHistory(workflowId: string): void {
  if (!process.env.RECORD_HISTORY_FILE) return;
  const json = execFileSync(process.env.TEMPORAL_CLI_PATH!, [
    'workflow',
    'show',
    '--workflow-id',
    workflowId,
    '--address',
    testEnv().temporalAddress,
    '--output',
    'json',
  ]);
  writeFileSync(process.env.RECORD_HISTORY_FILE, json);
}

/** Pages the fake register hands out: `PAGES` pages of two documents each. */
const PAGES = 5;

describe('clean-up workflows', () => {
  const taskQueue = `wf-cleanup-${uniqueSuffix()}`;
  let calls: Calls;
  let client: Client;
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  const openingGates = new Map<string, Promise<void>>();

  beforeAll(async () => {
    const env = testEnv();
    const fakes = fakeActivities();
    calls = fakes.calls;
    const activities: LawGateActivities = {
      ...fakes.activities,
      // The task row is written (and in the inbox) before the workflow has its id: a gate holds that moment open.
      openTask: async (input) => {
        await openingGates.get(input.workflowId);
        return fakes.activities.openTask(input);
      },
      // A register of PAGES × 2 documents; no review is started for real (the review workflow is tested below).
      startCleanupReviews: async (input) => {
        calls.startCleanupReviews.push(input);
        const done = Number(input.afterId ?? 0);
        const listed = done < PAGES * 2 ? Math.min(2, input.limit) : 0;
        const more = done + listed < PAGES * 2;
        return { lastId: listed ? String(done + listed) : null, listed, started: listed, alreadyStarted: 0, more };
      },
      // As the real activity does through the procedure gateway: the update on the document's workflow.
      applyCleanupDecision: async (input) => {
        calls.applyCleanupDecision.push(input);
        try {
          await client.workflow.getHandle(input.documentWorkflowId).executeUpdate(applyCleanupDecisionUpdate, {
            args: [
              { campaignId: input.campaignId, decision: input.decision, reason: input.reason, actor: input.actor },
            ],
            updateId: input.updateId,
          });
          return { notice: 'APPLIED', refusal: null };
        } catch (err) {
          if (err instanceof WorkflowNotFoundError) return { notice: 'NOT_RUNNING', refusal: null };
          const cause = refusalOf(err);
          return { notice: 'REFUSED', refusal: { code: cause.type ?? '', message: cause.message } };
        }
      },
      cleanupProgress: async (input) => {
        calls.cleanupProgress.push(input);
        // Every review decided by the third poll.
        const polls = calls.cleanupProgress.filter((c) => c.campaignId === input.campaignId).length;
        const decided = polls >= 3 ? PAGES * 2 : 0;
        return { reviews: PAGES * 2, decided, kept: decided, amended: 0, repealed: 0 };
      },
    };
    connection = await Connection.connect({ address: env.temporalAddress });
    client = new Client({ connection });
    nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle: { codePath: env.workflowBundlePath },
      activities,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await connection.close();
  });

  async function startReview(documentWorkflowId: string) {
    const campaignId = `c-${uniqueSuffix()}`;
    const input: CleanupReviewInput = {
      campaignId,
      registerEntryId: randomUUID(),
      procedureId: randomUUID(),
      documentWorkflowId,
      number: '坛政规〔2026〕3号',
      title: '金坛区测试管理办法',
      documentSha256: 'b'.repeat(64),
      reviewPeriod: { amount: 600, unit: 'SECONDS' },
    };
    const workflowId = cleanupReviewWorkflowId(campaignId, input.registerEntryId);
    const handle = await client.workflow.start<CleanupReviewWorkflow>(CLEANUP_REVIEW_WORKFLOW_TYPE, {
      workflowId,
      taskQueue,
      args: [input],
      workflowExecutionTimeout: '2 minutes',
    });
    const taskId = await eventually(async () => {
      const snapshot = await handle.query(getCleanupReviewQuery);
      expect(snapshot.taskId).not.toBeNull();
      return snapshot.taskId!;
    });
    return { handle, input, workflowId, taskId };
  }

  it('should refuse a wrong role, a missing reason and a wrong task without recording, then a second decision', async () => {
    const { handle, workflowId, taskId, input } = await startReview(`normative-document:NONE:${uniqueSuffix()}`);
    const opened = calls.openTask.filter((c) => c.workflowId === workflowId);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      procedureId: input.procedureId,
      stage: CLEANUP_REVIEW_STAGE,
      kind: CLEANUP_REVIEW_TASK_KIND,
      assignTo: { unitKind: OrgUnitKind.LegalAffairsOffice },
      period: { amount: 600, unit: 'SECONDS' },
    });
    expect(opened[0].legalBasis).toMatchObject({ regulation: expect.stringContaining('国办发〔2018〕37号') });

    const decide = (args: Partial<DecideCleanupReviewArgs>) =>
      handle
        .executeUpdate(decideCleanupReviewUpdate, {
          args: [{ taskId, decision: 'KEEP', reason: '', actor: officer, ...args }],
        })
        .then(
          () => null,
          (err: unknown) => refusalOf(err),
        );
    expect((await decide({ actor: drafter }))?.type).toBe(ErrorCode.Forbidden);
    const noReason = await decide({ decision: 'REPEAL', reason: '  ' });
    expect(noReason?.type).toBe(ErrorCode.RuleViolation);
    expect(noReason?.message).toContain('reason');
    expect((await decide({ decision: 'AMEND' }))?.type).toBe(ErrorCode.RuleViolation);
    expect((await decide({ taskId: 'another-task' }))?.type).toBe(ErrorCode.WrongStage);
    // Refusals come from the validator: nothing was signed or recorded.
    expect(calls.recordDecision.filter((c) => c.workflowId === workflowId)).toHaveLength(0);
    expect(calls.recordCleanupDecision.filter((c) => c.registerEntryId === input.registerEntryId)).toHaveLength(0);

    const kept = await handle.executeUpdate(decideCleanupReviewUpdate, {
      args: [{ taskId, decision: 'KEEP', reason: '', actor: officer }],
      updateId: `keep-${workflowId}`,
    });
    expect(kept).toMatchObject({ decision: 'KEEP', taskId, decidedBy: officer.userId });
    // A second decision is refused: by the validator while the review still runs, by the server once it has ended.
    const second = await handle
      .executeUpdate(decideCleanupReviewUpdate, {
        args: [{ taskId, decision: 'REPEAL', reason: '再议', actor: officer }],
      })
      .then(
        () => null,
        (err: unknown) => err,
      );
    if (second instanceof WorkflowUpdateFailedError) expect(refusalOf(second).type).toBe(ErrorCode.TaskClosed);
    else expect(second).toBeInstanceOf(WorkflowNotFoundError);

    const signed = calls.recordDecision.filter((c) => c.workflowId === workflowId);
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatchObject({
      taskId,
      stage: CLEANUP_REVIEW_STAGE,
      decision: 'KEEP',
      actorRole: Role.LegalAffairsOfficer,
      documentSha256: input.documentSha256,
      idempotencyKey: `keep-${workflowId}`,
    });
    expect(calls.recordCleanupDecision.filter((c) => c.registerEntryId === input.registerEntryId)).toHaveLength(1);
    // KEEP of a document without a running workflow changes nothing in the register.
    const result = await handle.result();
    expect(result.documentNotice).toBe('NOT_RUNNING');
    expect(calls.setRegisterStatus.filter((c) => c.registerEntryId === input.registerEntryId)).toHaveLength(0);
  });

  it('should take a decision sent while its task is being opened once the task is open, and refuse another task', async () => {
    const campaignId = `c-${uniqueSuffix()}`;
    const input: CleanupReviewInput = {
      campaignId,
      registerEntryId: randomUUID(),
      procedureId: randomUUID(),
      documentWorkflowId: `normative-document:NONE:${uniqueSuffix()}`,
      number: '坛政规〔2026〕4号',
      title: '金坛区测试办法',
      documentSha256: 'c'.repeat(64),
      reviewPeriod: { amount: 600, unit: 'SECONDS' },
    };
    const workflowId = cleanupReviewWorkflowId(campaignId, input.registerEntryId);
    let open!: () => void;
    openingGates.set(workflowId, new Promise<void>((resolve) => (open = resolve)));
    const handle = await client.workflow.start<CleanupReviewWorkflow>(CLEANUP_REVIEW_WORKFLOW_TYPE, {
      workflowId,
      taskQueue,
      args: [input],
      workflowExecutionTimeout: '2 minutes',
    });
    // The id the task will have, as an officer reads it from the inbox the moment the row is written.
    const taskId = `task-${workflowId}-${CLEANUP_REVIEW_STAGE}-1-${CLEANUP_REVIEW_TASK_KIND}`;
    await eventually(async () => expect(await handle.query(getCleanupReviewQuery)).toMatchObject({ taskId: null }));
    // Both are accepted (past the validator) while the task is being opened, and wait in the handler.
    const wrong = await handle.startUpdate(decideCleanupReviewUpdate, {
      args: [{ taskId: 'another-task', decision: 'KEEP', reason: '', actor: officer }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    const right = await handle.startUpdate(decideCleanupReviewUpdate, {
      args: [{ taskId, decision: 'KEEP', reason: '', actor: officer }],
      updateId: `keep-${workflowId}`,
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    expect(calls.recordDecision.filter((c) => c.workflowId === workflowId)).toHaveLength(0);
    open();
    const refused = await wrong.result().then(
      () => null,
      (err: unknown) => refusalOf(err),
    );
    expect(refused?.type).toBe(ErrorCode.WrongStage);
    await expect(right.result()).resolves.toMatchObject({ decision: 'KEEP', taskId, decidedBy: officer.userId });
    expect(calls.recordDecision.filter((c) => c.workflowId === workflowId)).toHaveLength(1);
  });

  it("should send the decision to the document's workflow as a validated update, never as a signal", async () => {
    const procedureId = randomUUID();
    const documentWorkflowId = `normative-document:TEST:${uniqueSuffix()}`;
    const document = await client.workflow.start<NormativeDocumentWorkflow>(NORMATIVE_DOCUMENT_WORKFLOW_TYPE, {
      workflowId: documentWorkflowId,
      taskQueue,
      args: [
        {
          procedureId,
          projectCode: uniqueSuffix(),
          title: '测试规范性文件',
          departmentId: randomUUID(),
          departmentCode: 'TEST',
          applicant: drafter,
          application: {
            necessity: 'n',
            legalBasis: 'b',
            mainContent: 'c',
            touchesBusiness: false,
            alsoMajorDecision: false,
          },
          // A start names its policy by version (here the demonstration periods, in seconds, as the fakes count).
          policyVersion: policyVersionFor('NORMATIVE_DOCUMENT', true),
        },
      ],
      workflowExecutionTimeout: '2 minutes',
    });
    await document.executeUpdate(awaitSettledUpdate, { args: [] });
    const { handle, taskId, input } = await startReview(documentWorkflowId);
    await handle.executeUpdate(decideCleanupReviewUpdate, {
      args: [{ taskId, decision: 'AMEND', reason: '上位法已修改', actor: officer }],
    });
    const result = await handle.result();
    // The document is not in force (it was just started): its validator refuses the decision, naming the stage.
    expect(result).toMatchObject({ decision: 'AMEND', reason: '上位法已修改', documentNotice: 'REFUSED' });
    expect(calls.applyCleanupDecision.filter((c) => c.documentWorkflowId === documentWorkflowId)).toEqual([
      expect.objectContaining({ campaignId: input.campaignId, decision: 'AMEND', actor: officer }),
    ]);
    const history = await document.fetchHistory();
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes);
    expect(signals).toHaveLength(0);
    expect(calls.setRegisterStatus.filter((c) => c.registerEntryId === input.registerEntryId)).toHaveLength(0);
    await document.terminate('test over');
  });

  it('should repeal in the register when the document has no running workflow', async () => {
    const { handle, taskId, input, workflowId } = await startReview(`normative-document:GONE:${uniqueSuffix()}`);
    await handle.executeUpdate(decideCleanupReviewUpdate, {
      args: [{ taskId, decision: 'REPEAL', reason: '调整对象已消失', actor: officer }],
    });
    expect(await handle.result()).toMatchObject({ decision: 'REPEAL', documentNotice: 'NOT_RUNNING' });
    const repealed = calls.setRegisterStatus.filter((c) => c.registerEntryId === input.registerEntryId);
    expect(repealed).toHaveLength(1);
    expect(repealed[0]).toMatchObject({
      status: 'REPEALED',
      reason: '清理决定废止：调整对象已消失',
      actor: officer,
      idempotencyKey: `${workflowId}:repeal`,
    });
    recordHistory(workflowId);
  });

  it('should page through the register, continue as new, and finish once every review is decided', async () => {
    const campaignId = `c-${uniqueSuffix()}`;
    const handle = await client.workflow.start<CleanupCampaignWorkflow>(CLEANUP_CAMPAIGN_WORKFLOW_TYPE, {
      workflowId: cleanupCampaignWorkflowId(campaignId),
      taskQueue,
      args: [
        {
          campaignId,
          title: '测试清理',
          startedBy: officer,
          policy: { ...DEMO_CLEANUP_POLICY, pageSize: 2, pagesPerRun: 2, progressPollSeconds: 1 },
        },
      ],
      workflowExecutionTimeout: '2 minutes',
    });
    const result = await handle.result();
    expect(result).toMatchObject({ campaignId, status: 'DONE', reviewsStarted: PAGES * 2, pages: PAGES });
    const pages = calls.startCleanupReviews.filter((c) => c.campaignId === campaignId);
    expect(pages.map((p) => p.afterId)).toEqual([null, '2', '4', '6', '8']);
    expect(calls.openCleanupCampaign.filter((c) => c.campaignId === campaignId)).toHaveLength(1);
    const progress = calls.recordCleanupProgress.filter((c) => c.campaignId === campaignId);
    expect(progress).toEqual([{ campaignId, status: 'DONE', reviewsStarted: PAGES * 2 }]);
    // pagesPerRun 2: the campaign continued as new (the run that finished is not the first).
    const description = await handle.describe();
    expect(description.runId).not.toBe(handle.firstExecutionRunId);
  });
});
