import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import {
  POLICY_VERSIONS,
  policyVersionFor,
  DocumentKind,
  ErrorCode,
  OrgUnitKind,
  Role,
  StageAttr,
  NORMATIVE_DOCUMENT_WORKFLOW_TYPE,
  NormativeDocumentStage,
  awaitSettledUpdate,
  decideProjectApprovalUpdate,
  getProcedureStateQuery,
  giveAdviserOpinionUpdate,
  requestAdviserOpinionUpdate,
  submitDocumentVersionUpdate,
  withdrawProcedureUpdate,
  type Actor,
  type NormativeDocumentInput,
  type NormativeDocumentWorkflow,
} from '@lawgate/domain';
import { eventually } from '../support/eventually';
import type { Calls } from '../support/fake-activities';
import { useWorkflowHarness } from './harness';
import { testEnv, uniqueSuffix } from '../support/test-env';

const officer: Actor = {
  userId: randomUUID(),
  username: 'officer',
  displayName: 'Officer',
  roles: [Role.LegalAffairsOfficer],
  unitId: randomUUID(),
};
const departmentId = randomUUID();
const drafter: Actor = {
  userId: randomUUID(),
  username: 'd',
  displayName: 'D',
  roles: [Role.Drafter],
  unitId: departmentId,
};

function refusalOf(err: unknown): ApplicationFailure {
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

describe('normativeDocumentWorkflow', () => {
  const harness = useWorkflowHarness('nd');
  const { taskQueue } = harness;
  let calls: Calls;
  let client: Client;

  beforeAll(() => {
    calls = harness.calls;
    client = harness.client;
  });

  async function start(overrides: Partial<NormativeDocumentInput> = {}) {
    const projectCode = uniqueSuffix();
    const input: NormativeDocumentInput = {
      procedureId: randomUUID(),
      projectCode,
      title: '测试规范性文件',
      departmentId,
      departmentCode: 'TEST-DEPT',
      applicant: drafter,
      application: {
        necessity: 'n',
        legalBasis: 'b',
        mainContent: 'c',
        touchesBusiness: false,
        alsoMajorDecision: false,
      },
      policy: { version: 'test', projectApprovalPeriod: { amount: 30, unit: 'SECONDS' }, reminderLeadSeconds: 10 },
      ...overrides,
    };
    const workflowId = `normative-document:TEST-DEPT:${projectCode}`;
    const handle = await client.workflow.start<NormativeDocumentWorkflow>(NORMATIVE_DOCUMENT_WORKFLOW_TYPE, {
      workflowId,
      taskQueue,
      args: [harness.versioned(input)],
    });
    const settled = await handle.executeUpdate(awaitSettledUpdate, { args: [] });
    return { handle, input, workflowId, settled };
  }

  it('should take its periods from a policy version in code, and refuse a start with periods of its own or an unknown version', async () => {
    const base = (await start()).input;
    const statutory = policyVersionFor('NORMATIVE_DOCUMENT', false);
    const refused = [
      { policy: { version: 'forged', projectApprovalPeriod: { amount: 1, unit: 'SECONDS' as const } } },
      { policyVersion: 'nd-1999.1' },
      { policyVersion: policyVersionFor('MAJOR_DECISION', false) },
    ];
    for (const bad of refused) {
      const workflowId = `normative-document:TEST-DEPT:${uniqueSuffix()}`;
      const handle = await client.workflow.start<NormativeDocumentWorkflow>(NORMATIVE_DOCUMENT_WORKFLOW_TYPE, {
        workflowId,
        taskQueue,
        args: [{ ...base, policy: undefined, procedureId: randomUUID(), ...bad }],
      });
      const failure = await handle.result().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      let cause = (failure as WorkflowFailedError).cause;
      if (cause instanceof ActivityFailure) cause = cause.cause;
      expect((cause as ApplicationFailure).type).toBe(ErrorCode.RuleViolation);
      expect(calls.registerProcedure.filter((c) => c.workflowId === workflowId)).toHaveLength(0);
      expect(calls.openTask.filter((c) => c.workflowId === workflowId)).toHaveLength(0);
    }
    // The statutory version resolves to the periods in code (the fake task list counts only seconds, so the test
    // stops once the procedure is registered under it).
    const workflowId = `normative-document:TEST-DEPT:${uniqueSuffix()}`;
    const handle = await client.workflow.start<NormativeDocumentWorkflow>(NORMATIVE_DOCUMENT_WORKFLOW_TYPE, {
      workflowId,
      taskQueue,
      args: [{ ...base, policy: undefined, procedureId: randomUUID(), policyVersion: statutory }],
    });
    await eventually(async () =>
      expect(calls.registerProcedure.find((c) => c.workflowId === workflowId)).toMatchObject({
        policyVersion: statutory,
        // As the policy crosses Temporal: JSON, which has no undefined fields.
        details: { policy: JSON.parse(JSON.stringify(POLICY_VERSIONS[statutory].policy)) as object },
      }),
    );
    await handle.terminate('test done');
  });

  it('should open a project-approval task for the legal-affairs office and move to drafting when approved', async () => {
    const { handle, workflowId, settled } = await start();
    expect(settled.stage).toBe(NormativeDocumentStage.ProjectApproval);
    expect(settled.openTaskId).toBe(`task-${workflowId}-PROJECT_APPROVAL-1-PROJECT_APPROVAL`);
    const secondsLeft = (Date.parse(settled.dueAt!) - Date.now()) / 1000;
    expect(secondsLeft).toBeGreaterThan(20);
    expect(secondsLeft).toBeLessThanOrEqual(30);
    const opened = calls.openTask.filter((c) => c.workflowId === workflowId);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      stage: NormativeDocumentStage.ProjectApproval,
      round: 1,
      kind: 'PROJECT_APPROVAL',
      assignTo: { unitKind: OrgUnitKind.LegalAffairsOffice },
      period: { amount: 30, unit: 'SECONDS' },
    });
    expect(opened[0].legalBasis.regulation).toContain('国办发〔2018〕37号');

    const after = await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId: settled.openTaskId!, decision: 'APPROVED', opinion: '同意立项', actor: officer }],
      updateId: 'approve-1',
    });
    expect(after).toMatchObject({ stage: NormativeDocumentStage.Drafting, status: 'ACTIVE', openTaskId: null });
    const recorded = calls.recordDecision.filter((c) => c.workflowId === workflowId);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      decision: 'APPROVED',
      // The approval also records the office's confirmation of the drafter's business declaration.
      opinion: expect.stringMatching(/^同意立项\n经营者经济活动申报：起草单位申报不涉及，司法局确认不涉及/),
      idempotencyKey: 'approve-1',
      nextStage: NormativeDocumentStage.Drafting,
      actorRole: Role.LegalAffairsOfficer,
    });

    // The same update id again is answered from the first result, without a second sign-off.
    const again = await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId: settled.openTaskId!, decision: 'APPROVED', opinion: '同意立项', actor: officer }],
      updateId: 'approve-1',
    });
    expect(again.stage).toBe(NormativeDocumentStage.Drafting);
    expect(calls.recordDecision.filter((c) => c.workflowId === workflowId)).toHaveLength(1);

    await eventually(async () => {
      const description = await handle.describe();
      expect(description.typedSearchAttributes.get(StageAttr)).toBe(NormativeDocumentStage.Drafting);
    });
    if (process.env.RECORD_HISTORIES) {
      await handle.executeUpdate(withdrawProcedureUpdate, { args: [{ reason: 'record', actor: drafter }] });
      await handle.result();
      // Recorded in the CLI's JSON form, which the replayer reads (`npm run test:workflow` with RECORD_HISTORIES=file).
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
      writeFileSync(process.env.RECORD_HISTORIES, json);
    }
  });

  it('should end rejected, with the reasons recorded, when the application is rejected', async () => {
    const { handle, workflowId, settled } = await start();
    await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId: settled.openTaskId!, decision: 'REJECTED', opinion: '无上位法依据', actor: officer }],
    });
    const result = await handle.result();
    expect(result).toMatchObject({ stage: NormativeDocumentStage.Rejected, status: 'REJECTED' });
    expect(calls.recordDecision.find((c) => c.workflowId === workflowId)).toMatchObject({
      decision: 'REJECTED',
      nextStatus: 'REJECTED',
      opinion: '无上位法依据',
    });
  });

  it('should refuse decisions the stage or the role does not allow, recording nothing', async () => {
    const { handle, workflowId, settled } = await start();
    const taskId = settled.openTaskId!;
    const notOfficer = await handle
      .executeUpdate(decideProjectApprovalUpdate, {
        args: [{ taskId, decision: 'APPROVED', opinion: '', actor: drafter }],
      })
      .catch((e: unknown) => e);
    expect(refusalOf(notOfficer).type).toBe(ErrorCode.Forbidden);

    const noReason = await handle
      .executeUpdate(decideProjectApprovalUpdate, {
        args: [{ taskId, decision: 'REJECTED', opinion: '  ', actor: officer }],
      })
      .catch((e: unknown) => e);
    expect(refusalOf(noReason).type).toBe(ErrorCode.RuleViolation);
    expect(refusalOf(noReason).message).toMatch(/reasons/);

    const wrongTask = await handle
      .executeUpdate(decideProjectApprovalUpdate, {
        args: [{ taskId: 'another-task', decision: 'APPROVED', opinion: '', actor: officer }],
      })
      .catch((e: unknown) => e);
    expect(refusalOf(wrongTask).type).toBe(ErrorCode.TaskClosed);

    expect(calls.recordDecision.filter((c) => c.workflowId === workflowId)).toHaveLength(0);
    expect(await handle.query(getProcedureStateQuery)).toMatchObject({
      stage: NormativeDocumentStage.ProjectApproval,
      openTaskId: taskId,
    });
    // Refused updates leave no trace in the history.
    const history = await handle.fetchHistory();
    const updateEvents = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(updateEvents).toHaveLength(1); // only awaitSettled

    await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId, decision: 'APPROVED', opinion: '', actor: officer }],
    });
    const second = await handle
      .executeUpdate(decideProjectApprovalUpdate, {
        args: [{ taskId, decision: 'REJECTED', opinion: 'x', actor: officer }],
      })
      .catch((e: unknown) => e);
    expect(refusalOf(second).type).toBe(ErrorCode.WrongStage);
    expect(refusalOf(second).message).toContain('DRAFTING');
  });

  it('should let only the drafting department withdraw, with a reason, and then end', async () => {
    const { handle, workflowId } = await start();
    const otherDrafter: Actor = { ...drafter, userId: randomUUID(), unitId: randomUUID() };
    const refused = await handle
      .executeUpdate(withdrawProcedureUpdate, { args: [{ reason: '不需要了', actor: otherDrafter }] })
      .catch((e: unknown) => e);
    expect(refusalOf(refused).type).toBe(ErrorCode.Forbidden);

    const snapshot = await handle.executeUpdate(withdrawProcedureUpdate, {
      args: [{ reason: '不需要了', actor: drafter }],
    });
    expect(snapshot).toMatchObject({ stage: NormativeDocumentStage.Withdrawn, status: 'WITHDRAWN' });
    expect(calls.endProcedure.filter((c) => c.workflowId === workflowId)).toEqual([
      expect.objectContaining({ action: 'procedure.withdrawn', reason: '不需要了', status: 'WITHDRAWN' }),
    ]);
    expect((await handle.result()).stage).toBe(NormativeDocumentStage.Withdrawn);
  });

  it('should take document versions only while drafting, from the drafting department, and never the same bytes twice', async () => {
    const { handle, workflowId, settled } = await start();
    const upload = (sha: string, actor: Actor = drafter) =>
      handle.executeUpdate(submitDocumentVersionUpdate, {
        args: [
          {
            kind: DocumentKind.Draft,
            sha256: sha.repeat(64),
            size: 10,
            mediaType: 'text/plain',
            filename: '草案.txt',
            note: '',
            actor,
          },
        ],
      });
    const tooEarly = await upload('a').catch((e: unknown) => e);
    expect(refusalOf(tooEarly).type).toBe(ErrorCode.WrongStage);
    expect(refusalOf(tooEarly).message).toBe(
      'Documents can be added while drafting or revising; the procedure is in stage PROJECT_APPROVAL.',
    );

    await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId: settled.openTaskId!, decision: 'APPROVED', opinion: '', actor: officer }],
    });
    const v1 = await upload('a');
    expect(v1.documents?.DRAFT).toMatchObject({ version: 1, sha256: 'a'.repeat(64) });
    const v2 = await upload('b');
    expect(v2.documents?.DRAFT).toMatchObject({ version: 2, sha256: 'b'.repeat(64) });
    const same = await upload('b').catch((e: unknown) => e);
    expect(refusalOf(same).message).toBe('This file is identical to version 2; nothing to add.');
    const stranger = await upload('c', { ...drafter, unitId: randomUUID() }).catch((e: unknown) => e);
    expect(refusalOf(stranger).type).toBe(ErrorCode.Forbidden);
    expect(calls.recordDocumentVersion.filter((c) => c.workflowId === workflowId)).toHaveLength(2);
    expect((await handle.query(getProcedureStateQuery)).documents?.DRAFT?.version).toBe(2);
  });

  it('should remind before the due time and escalate once overdue, on durable timers', async () => {
    const { handle, workflowId, settled } = await start({
      policy: { version: 'test', projectApprovalPeriod: { amount: 3, unit: 'SECONDS' }, reminderLeadSeconds: 2 },
    });
    const taskId = settled.openTaskId!;
    await eventually(async () => expect(calls.remindTask.filter((c) => c.taskId === taskId)).toHaveLength(1), 10000);
    expect(calls.escalateOverdueTask.filter((c) => c.taskId === taskId)).toHaveLength(0);
    await eventually(
      async () => expect(calls.escalateOverdueTask.filter((c) => c.taskId === taskId)).toHaveLength(1),
      10000,
    );
    expect((await handle.query(getProcedureStateQuery)).overdue).toBe(true);
    // Overdue does not move the procedure: the office still has to decide, and can.
    const after = await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId, decision: 'APPROVED', opinion: '', actor: officer }],
    });
    expect(after).toMatchObject({ stage: NormativeDocumentStage.Drafting, overdue: false });
    expect(calls.recordDecision.filter((c) => c.workflowId === workflowId)).toHaveLength(1);
  });

  it('should cancel the timers once the task is decided', async () => {
    const { handle, settled } = await start({
      policy: { version: 'test', projectApprovalPeriod: { amount: 2, unit: 'SECONDS' }, reminderLeadSeconds: 1 },
    });
    await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId: settled.openTaskId!, decision: 'APPROVED', opinion: '', actor: officer }],
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(calls.remindTask.filter((c) => c.taskId === settled.openTaskId)).toHaveLength(0);
    expect(calls.escalateOverdueTask.filter((c) => c.taskId === settled.openTaskId)).toHaveLength(0);
  });

  it('should route an opinion request on the current draft and refuse a sign-off on a stale version', async () => {
    const { handle, workflowId, settled } = await start();
    const adviser: Actor = {
      userId: randomUUID(),
      username: 'a',
      displayName: 'A',
      roles: [Role.LegalAdviser],
      unitId: randomUUID(),
    };
    await handle.executeUpdate(decideProjectApprovalUpdate, {
      args: [{ taskId: settled.openTaskId!, decision: 'APPROVED', opinion: '', actor: officer }],
    });
    const upload = (c: string) =>
      handle.executeUpdate(submitDocumentVersionUpdate, {
        args: [
          {
            kind: DocumentKind.Draft,
            sha256: c.repeat(64),
            size: 1,
            mediaType: 'text/plain',
            filename: 'd.txt',
            note: '',
            actor: drafter,
          },
        ],
      });
    const ask = () =>
      handle.executeUpdate(requestAdviserOpinionUpdate, {
        args: [{ expertise: ['教育'], question: '请审查合法性', actor: drafter }],
      });
    const noDraft = await ask().catch((e: unknown) => e);
    expect(refusalOf(noDraft).message).toBe('Upload the draft before asking for an opinion on it.');

    await upload('a');
    const asked = await ask();
    const routed = calls.routeTask.filter((c) => c.workflowId === workflowId);
    expect(routed).toEqual([
      expect.objectContaining({
        kind: 'ADVISER_OPINION',
        round: 1,
        expertise: ['教育'],
        subjectVersionId: 'v-aaaaaaaa',
        drafterIds: [drafter.userId],
        departmentId,
      }),
    ]);
    expect(asked.pendingOpinion).toMatchObject({ round: 1, requestedOn: { version: 1, sha256: 'a'.repeat(64) } });
    const twice = await ask().catch((e: unknown) => e);
    expect(refusalOf(twice).message).toBe('An adviser opinion was asked already and is not given yet.');

    await upload('b');
    const give = (
      sha: string,
      actor: Actor = adviser,
      conclusion: 'LAWFUL' | 'MUST_AMEND' = 'MUST_AMEND',
      reasons = '第三条缺乏上位法依据',
    ) =>
      handle.executeUpdate(giveAdviserOpinionUpdate, {
        args: [{ taskId: asked.pendingOpinion!.taskId, conclusion, reasons, reviewedSha256: sha.repeat(64), actor }],
      });
    const stale = await give('a').catch((e: unknown) => e);
    expect(refusalOf(stale).type).toBe(ErrorCode.StaleVersion);
    expect(refusalOf(stale).message).toBe(
      `The draft has changed: version 2 (SHA-256 ${'b'.repeat(12)}…) is current. Read the current version and sign again.`,
    );
    expect(refusalOf(await give('b', { ...adviser, unitId: departmentId }).catch((e: unknown) => e)).type).toBe(
      ErrorCode.Forbidden,
    );
    expect(refusalOf(await give('b', officer).catch((e: unknown) => e)).type).toBe(ErrorCode.Forbidden);
    expect(refusalOf(await give('b', adviser, 'MUST_AMEND', ' ').catch((e: unknown) => e)).type).toBe(
      ErrorCode.RuleViolation,
    );
    expect(
      calls.recordDecision.filter(
        (c) => c.workflowId === workflowId && c.stage === 'DRAFTING' && c.decision !== 'ADVISER_OPINION_REQUESTED',
      ),
    ).toHaveLength(0);

    const signed = await give('b');
    expect(signed.pendingOpinion).toBeNull();
    expect(signed.opinions).toEqual([
      expect.objectContaining({
        round: 1,
        conclusion: 'MUST_AMEND',
        version: 2,
        sha256: 'b'.repeat(64),
        adviserId: adviser.userId,
      }),
    ]);
    expect(
      calls.recordDecision.filter(
        (c) => c.workflowId === workflowId && c.stage === 'DRAFTING' && c.decision !== 'ADVISER_OPINION_REQUESTED',
      ),
    ).toEqual([
      expect.objectContaining({ decision: 'MUST_AMEND', documentSha256: 'b'.repeat(64), actorRole: Role.LegalAdviser }),
    ]);
  });

  it('should refuse a second procedure with the same business key', async () => {
    const { input, workflowId } = await start();
    await expect(
      client.workflow.start<NormativeDocumentWorkflow>(NORMATIVE_DOCUMENT_WORKFLOW_TYPE, {
        workflowId,
        taskQueue,
        args: [{ ...input, procedureId: randomUUID() }],
        workflowIdConflictPolicy: 'FAIL',
      }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    expect(calls.registerProcedure.filter((c) => c.workflowId === workflowId)).toHaveLength(1);
  });
});
