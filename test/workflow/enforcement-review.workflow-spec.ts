import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import {
  DocumentKind,
  ErrorCode,
  Qualification,
  Role,
  type Actor,
  CHECKLIST_ITEMS,
  DEFAULT_ENFORCEMENT_REVIEW_POLICY,
  ENFORCEMENT_REVIEW_WORKFLOW_TYPE,
  EnforcementReviewStage as Stage,
  erAcceptMaterialsUpdate,
  erArchiveCaseUpdate,
  erAwaitSettledUpdate,
  erDecideExtensionUpdate,
  erDecideTransferUpdate,
  erGiveConclusionUpdate,
  erRecordCollectiveUpdate,
  erRecordDecisionUpdate,
  erRecordDisclosureUpdate,
  erRecordTransferUpdate,
  erReportRevocationUpdate,
  erRequestExtensionUpdate,
  erRequestMaterialsUpdate,
  erSubmitCaseUpdate,
  erSubmitDocumentVersionUpdate,
  erWithdrawDisclosureUpdate,
  getEnforcementReviewStateQuery,
  type CaseMaterials,
  type ChecklistEntry,
  type EnforcementReviewInput,
  type EnforcementReviewPolicy,
  type EnforcementReviewSnapshot,
  type EnforcementReviewWorkflow,
  type ReviewConclusion,
} from '@lawgate/domain';
import { eventually } from '../support/eventually';
import type { Calls } from '../support/fake-activities';
import { recordHistory, useWorkflowHarness } from './harness';
import { uniqueSuffix } from '../support/test-env';

const departmentId = randomUUID();
const reviewUnitId = randomUUID();
const actor = (roles: Role[], unitId: string, name: string, qualifications?: string[]): Actor => ({
  userId: randomUUID(),
  username: name,
  displayName: name,
  roles,
  unitId,
  ...(qualifications ? { qualifications } : {}),
});
const handler = actor([Role.Drafter], departmentId, 'handler');
const handler2 = actor([Role.Drafter, Role.LegalAffairsOfficer], departmentId, 'handler2', [
  Qualification.LegalProfession,
]);
const reviewer = actor([Role.LegalAffairsOfficer], reviewUnitId, 'reviewer', [Qualification.LegalProfession]);
const unqualified = actor([Role.LegalAffairsOfficer], reviewUnitId, 'unqualified');
const head = actor([Role.Leader], randomUUID(), 'head');

const POLICY: EnforcementReviewPolicy = {
  ...DEFAULT_ENFORCEMENT_REVIEW_POLICY,
  version: 'test-seconds',
  reminderLeadSeconds: 1,
  caseUnitStepPeriod: { amount: 60, unit: 'SECONDS' },
  intakePeriod: { amount: 60, unit: 'SECONDS' },
  supplementPeriod: { amount: 60, unit: 'SECONDS' },
  reviewPeriod: { amount: 60, unit: 'SECONDS' },
  reviewExtension: { amount: 60, unit: 'SECONDS' },
  decisionPeriod: { amount: 60, unit: 'SECONDS' },
  transferDecisionPeriod: { amount: 60, unit: 'SECONDS' },
  transferExecutionPeriod: { amount: 60, unit: 'SECONDS' },
  disclosurePeriod: { amount: 60, unit: 'SECONDS' },
  otherDisclosurePeriod: { amount: 120, unit: 'SECONDS' },
  withdrawalPeriod: { amount: 60, unit: 'SECONDS' },
};

const sha = (n: number) => n.toString(16).padStart(64, '0');
type Handle = WorkflowHandle<EnforcementReviewWorkflow>;

const checklist = (failed: Partial<Record<(typeof CHECKLIST_ITEMS)[number], string>> = {}): ChecklistEntry[] =>
  CHECKLIST_ITEMS.map((item) => ({ item, ok: !(item in failed), note: failed[item] ?? '符合' }));

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  let cause = (err as WorkflowUpdateFailedError).cause;
  if (cause instanceof ActivityFailure) cause = cause.cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

describe('enforcementReviewWorkflow (重大执法决定法制审核)', () => {
  const harness = useWorkflowHarness('er');
  let calls: Calls;
  let client: Client;
  beforeAll(() => {
    calls = harness.calls;
    client = harness.client;
  });

  async function start(
    o: { complex?: boolean; policy?: EnforcementReviewPolicy } = {},
  ): Promise<[Handle, EnforcementReviewSnapshot]> {
    const procedureId = randomUUID();
    const input: EnforcementReviewInput = {
      procedureId,
      caseNumber: `C-${uniqueSuffix()}`,
      title: '某公司销售不合格产品案',
      departmentId,
      departmentCode: 'JT-MKT',
      reviewUnitId,
      reviewBody: 'DEPARTMENT',
      submitter: handler,
      caseHandlerIds: [handler.userId, handler2.userId],
      classification: {
        decisionKind: 'PENALTY',
        measure: 'FINE',
        field: '市场监管',
        amountYuan: 200000,
        statutoryGrounds: [],
        catalogVersion: 'JT-MKT@2026.1',
        catalogItemKey: 'MKT-FINE',
        reason: '目录清单',
        complexOrSerious: o.complex ?? false,
      },
      policy: o.policy ?? POLICY,
    };
    const handle = await client.workflow.start<EnforcementReviewWorkflow>(ENFORCEMENT_REVIEW_WORKFLOW_TYPE, {
      taskQueue: harness.taskQueue,
      workflowId: `enforcement-review:test:${procedureId}`,
      args: [harness.versioned(input)],
    });
    return [handle, await handle.executeUpdate(erAwaitSettledUpdate, { args: [] })];
  }

  const upload = (h: Handle, kind: DocumentKind, n: number) =>
    h.executeUpdate(erSubmitDocumentVersionUpdate, {
      args: [
        { kind, sha256: sha(n), size: 10, mediaType: 'text/plain', filename: `${kind}.txt`, note: '', actor: handler },
      ],
    });
  const materials = (evidence: number[]): CaseMaterials => ({
    facts: '经查，当事人销售不合格产品',
    evidence: evidence.map((n) => ({ title: `证据${n}`, source: '现场检查笔录', fileSha256: sha(n) })),
    provisions: ['《产品质量法》第四十九条'],
    discretionStandard: '江苏省市场监管行政处罚裁量基准',
    proposedDecision: '罚款二十万元',
    hearingHeld: false,
    hearingRecordSha256: null,
  });
  const conclude = (
    h: Handle,
    s: EnforcementReviewSnapshot,
    conclusion: ReviewConclusion,
    by: Actor = reviewer,
    list = checklist(),
  ) =>
    h.executeUpdate(erGiveConclusionUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          conclusion,
          reasons: '审核意见',
          checklist: list,
          reviewedSha256: s.documents.DRAFT!.sha256,
          noConflictDeclared: true,
          actor: by,
        },
      ],
    });

  /** Draft and evidence uploaded, submitted, intake accepted: the review task is open. */
  async function toReview(h: Handle, draftN = 1): Promise<EnforcementReviewSnapshot> {
    await upload(h, DocumentKind.Draft, draftN);
    await upload(h, DocumentKind.Evidence, 500);
    let s = await h.executeUpdate(erSubmitCaseUpdate, { args: [{ materials: materials([500]), actor: handler }] });
    expect(s.stage).toBe(Stage.Intake);
    s = await h.executeUpdate(erAcceptMaterialsUpdate, { args: [{ taskId: s.openTaskId!, actor: reviewer }] });
    expect(s.stage).toBe(Stage.LegalReview);
    return s;
  }

  it('should run a case from submission to disclosure and archive, the decision bound to the text the review passed', async () => {
    const [h, s0] = await start({ complex: true });
    expect(s0.stage).toBe(Stage.CasePreparation);
    let s = await toReview(h);
    expect(s.reviewClockStartedAt).not.toBeNull();
    const review = calls.openTask.find((t) => t.workflowId === h.workflowId && t.kind === 'ER_REVIEW');
    expect(review?.assignTo).toEqual({ unitId: reviewUnitId });
    s = await conclude(h, s, 'AGREE');
    expect(s.stage).toBe(Stage.CollectiveDiscussion);
    s = await h.executeUpdate(erRecordCollectiveUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          meetingDate: '2026-03-02',
          participants: ['局长', '副局长'],
          conclusion: '同意',
          actor: head,
        },
      ],
    });
    expect(s.stage).toBe(Stage.Decision);
    s = await h.executeUpdate(erRecordDecisionUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          outcome: 'PENALTY',
          decisionNumber: '坛市监罚〔2026〕1号',
          summary: '罚款二十万元',
          decidedSha256: sha(1),
          actor: head,
        },
      ],
    });
    expect(s.stage).toBe(Stage.Disclosure);
    expect(calls.openTask.find((t) => t.workflowId === h.workflowId && t.kind === 'ER_DISCLOSURE')?.period).toEqual(
      POLICY.disclosurePeriod,
    );
    s = await h.executeUpdate(erRecordDisclosureUpdate, {
      args: [{ taskId: s.openTaskId!, channel: '金坛区行政执法公示平台', reference: 'GS-1', actor: handler }],
    });
    expect([s.stage, s.status]).toEqual([Stage.Disclosed, 'IN_FORCE']);
    s = await h.executeUpdate(erArchiveCaseUpdate, { args: [{ note: '案卷归档', actor: handler }] });
    expect([s.stage, s.status]).toEqual([Stage.Closed, 'ENDED']);
    const decided = calls.recordDecision.find((d) => d.workflowId === h.workflowId && d.decision === 'DECIDED_PENALTY');
    expect(decided?.documentSha256).toBe(sha(1));
    recordHistory(h.workflowId, 'enforcement-review-v1-happy-path');
  });

  it('should refuse the decision before a passed review, a case handler as reviewer, and an unqualified penalty reviewer', async () => {
    const [h] = await start();
    const early = await refusal(
      h.executeUpdate(erRecordDecisionUpdate, {
        args: [
          { taskId: 'x', outcome: 'PENALTY', decisionNumber: 'n', summary: 's', decidedSha256: sha(1), actor: head },
        ],
      }),
    );
    expect([early.type, early.message]).toEqual([ErrorCode.RuleViolation, expect.stringContaining('第五十八条')]);
    const s = await toReview(h);
    const own = await refusal(conclude(h, s, 'AGREE', handler2));
    expect([own.type, own.message]).toEqual([
      ErrorCode.Forbidden,
      expect.stringContaining('never reviews their own case'),
    ]);
    const unq = await refusal(conclude(h, s, 'AGREE', unqualified));
    expect([unq.type, unq.message]).toEqual([ErrorCode.Forbidden, expect.stringContaining('第五十八条第二款')]);
    const bad = await refusal(conclude(h, s, 'AGREE', reviewer, checklist({ FACTS_AND_EVIDENCE: '证据不足' })));
    expect(bad.message).toContain('FACTS_AND_EVIDENCE');
  });

  it('should not start the clock on incomplete materials, and keep earlier opinions through a rework loop', async () => {
    const [h] = await start();
    await upload(h, DocumentKind.Draft, 1);
    let s = await h.executeUpdate(erSubmitCaseUpdate, { args: [{ materials: materials([501]), actor: handler }] });
    const incomplete = await refusal(
      h.executeUpdate(erAcceptMaterialsUpdate, { args: [{ taskId: s.openTaskId!, actor: reviewer }] }),
    );
    expect(incomplete.message).toContain('G-C3');
    s = await h.executeUpdate(erRequestMaterialsUpdate, {
      args: [{ taskId: s.openTaskId!, missing: ['证据1文件'], actor: reviewer }],
    });
    expect([s.stage, s.reviewClockStartedAt]).toEqual([Stage.MaterialsSupplement, null]);
    await upload(h, DocumentKind.Evidence, 501);
    s = await h.executeUpdate(erSubmitCaseUpdate, { args: [{ materials: materials([501]), actor: handler }] });
    s = await h.executeUpdate(erAcceptMaterialsUpdate, { args: [{ taskId: s.openTaskId!, actor: reviewer }] });
    s = await conclude(h, s, 'PROBLEMS', reviewer, checklist({ LAW_AND_DISCRETION: '裁量过重' }));
    expect(s.stage).toBe(Stage.Rework);
    const same = await refusal(
      h.executeUpdate(erSubmitCaseUpdate, { args: [{ materials: materials([501]), actor: handler }] }),
    );
    expect(same.message).toContain('G-C5');
    await upload(h, DocumentKind.Draft, 2);
    s = await h.executeUpdate(erSubmitCaseUpdate, { args: [{ materials: materials([501]), actor: handler }] });
    s = await h.executeUpdate(erAcceptMaterialsUpdate, { args: [{ taskId: s.openTaskId!, actor: reviewer }] });
    s = await conclude(h, s, 'AGREE');
    expect(s.stage).toBe(Stage.Decision);
    expect(s.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(s.opinions.map((o) => [o.caseVersion, o.conclusion])).toEqual([
      [2, 'PROBLEMS'],
      [3, 'AGREE'],
    ]);
    // A text changed after the passed review re-opens it as a new version.
    s = await upload(h, DocumentKind.Draft, 3);
    expect([s.stage, s.versions.length]).toEqual([Stage.Intake, 4]);
    const stale = await refusal(
      h.executeUpdate(erRecordDecisionUpdate, {
        args: [
          { taskId: 'x', outcome: 'PENALTY', decisionNumber: 'n', summary: 's', decidedSha256: sha(2), actor: head },
        ],
      }),
    );
    expect(stale.message).toContain('no passed legal review');
    recordHistory(h.workflowId, 'enforcement-review-v1-rework-loop');
  });

  it('should run the crime-transfer branch, and extend the review period with the approver the policy names', async () => {
    const [h] = await start();
    let s = await toReview(h);
    s = await h.executeUpdate(erRequestExtensionUpdate, {
      args: [{ taskId: s.openTaskId!, reason: '案情复杂', actor: reviewer }],
    });
    const notApprover = await refusal(
      h.executeUpdate(erDecideExtensionUpdate, { args: [{ approve: true, reason: 'ok', actor: reviewer }] }),
    );
    expect(notApprover.type).toBe(ErrorCode.Forbidden);
    const before = s.openTaskId;
    s = await h.executeUpdate(erDecideExtensionUpdate, { args: [{ approve: true, reason: '同意延长', actor: head }] });
    expect(s.openTaskId).not.toBe(before);
    s = await conclude(h, s, 'TRANSFER', reviewer, checklist({ NO_SUSPECTED_CRIME: '涉嫌生产销售伪劣产品罪' }));
    expect(s.stage).toBe(Stage.CrimeTransfer);
    const fine = await refusal(
      h.executeUpdate(erRecordDecisionUpdate, {
        args: [
          { taskId: 'x', outcome: 'PENALTY', decisionNumber: 'n', summary: 's', decidedSha256: sha(1), actor: head },
        ],
      }),
    );
    expect(fine.type).toBe(ErrorCode.RuleViolation);
    s = await h.executeUpdate(erDecideTransferUpdate, {
      args: [{ taskId: s.openTaskId!, approve: true, reasons: '涉嫌犯罪', actor: head }],
    });
    expect(s.stage).toBe(Stage.TransferExecution);
    s = await h.executeUpdate(erRecordTransferUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          receivingOrgan: '金坛区公安分局',
          letterReference: '移送函1号',
          materials: ['调查报告', '涉案物品清单'],
          actor: handler,
        },
      ],
    });
    expect([s.stage, s.status]).toEqual([Stage.Transferred, 'ENDED']);
  });

  it('should escalate an overdue review, and withdraw the disclosure of a revoked decision', async () => {
    const [h] = await start({
      policy: { ...POLICY, version: 'test-overdue', reviewPeriod: { amount: 2, unit: 'SECONDS' } },
    });
    let s = await toReview(h);
    await eventually(async () => expect((await h.query(getEnforcementReviewStateQuery)).overdue).toBe(true), 15000);
    expect(calls.escalateOverdueTask.some((c) => c.taskId === s.openTaskId)).toBe(true);
    s = await conclude(h, await h.query(getEnforcementReviewStateQuery), 'AGREE');
    s = await h.executeUpdate(erRecordDecisionUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          outcome: 'PENALTY',
          decisionNumber: 'n1',
          summary: 's',
          decidedSha256: sha(1),
          actor: head,
        },
      ],
    });
    s = await h.executeUpdate(erRecordDisclosureUpdate, {
      args: [{ taskId: s.openTaskId!, channel: '平台', reference: 'GS-2', actor: handler }],
    });
    s = await h.executeUpdate(erReportRevocationUpdate, { args: [{ reason: '复议决定撤销', actor: handler }] });
    expect(s.stage).toBe(Stage.DisclosureWithdrawal);
    s = await h.executeUpdate(erWithdrawDisclosureUpdate, {
      args: [{ taskId: s.openTaskId!, reference: 'CH-1', actor: handler }],
    });
    expect(s.stage).toBe(Stage.Revoked);
  });
});
