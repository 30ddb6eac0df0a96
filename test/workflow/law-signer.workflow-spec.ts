import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { ActivityFailure, type ApplicationFailure } from '@temporalio/common';
import {
  DocumentKind,
  ErrorCode,
  Role,
  type Actor,
  MAJOR_DECISION_WORKFLOW_TYPE,
  MajorDecisionStage as Stage,
  mdAwaitSettledUpdate,
  mdDecideLaunchUpdate,
  mdGiveAdviserOpinionUpdate,
  mdGiveLegalityOpinionUpdate,
  mdRecordConsultationUpdate,
  mdRequestAdviserOpinionUpdate,
  mdSubmitDocumentVersionUpdate,
  mdSubmitDraftOptionsUpdate,
  mdSubmitForLegalityReviewUpdate,
  mdOpenCommentWindowUpdate,
  mdCompletePublicParticipationUpdate,
  type MajorDecisionInput,
  type MajorDecisionPolicy,
  type MajorDecisionSnapshot,
  type MajorDecisionWorkflow,
} from '@lawgate/domain';
import { eventually } from '../support/eventually';
import type { Calls } from '../support/fake-activities';
import { uniqueSuffix } from '../support/test-env';
import { useWorkflowHarness } from './harness';

const departmentId = randomUUID();
const person = (roles: Role[], unitId: string, name: string): Actor => ({
  userId: randomUUID(),
  username: name,
  displayName: name,
  roles,
  unitId,
});
const drafter = person([Role.Drafter], departmentId, 'drafter');
const officer = person([Role.LegalAffairsOfficer], randomUUID(), 'officer');
const adviser = person([Role.LegalAdviser], randomUUID(), '李律师');
const leader = person([Role.Leader], randomUUID(), 'head');

const POLICY: MajorDecisionPolicy = {
  version: 'test-seconds',
  reminderLeadSeconds: 1,
  launchPeriod: { amount: 60, unit: 'SECONDS' },
  undertakerStepPeriod: { amount: 60, unit: 'SECONDS' },
  commentMinimum: { amount: 1, unit: 'SECONDS' },
  hearingNotice: { amount: 7, unit: 'SECONDS' },
  legalityReviewMinimum: { amount: 0, unit: 'SECONDS' },
  legalityReviewPeriod: { amount: 60, unit: 'SECONDS' },
  organStepPeriod: { amount: 60, unit: 'SECONDS' },
  numberSeries: 'NORMATIVE',
  validityYears: 5,
};
const sha = (n: number) => n.toString(16).padStart(64, '0');

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  let cause = (err as WorkflowUpdateFailedError).cause;
  if (cause instanceof ActivityFailure) cause = cause.cause;
  return cause as ApplicationFailure;
}

/** Decree 713 Art 28: the legal-affairs office gives and signs the legality review; advisers' opinions are its inputs. */
describe('who signs a major decision’s legality review', () => {
  const harness = useWorkflowHarness('law-signer');
  let calls: Calls;
  let client: Client;
  beforeAll(() => {
    calls = harness.calls;
    client = harness.client;
  });

  async function toLegalityReview(): Promise<[WorkflowHandle<MajorDecisionWorkflow>, MajorDecisionSnapshot]> {
    const procedureId = randomUUID();
    const input: MajorDecisionInput = {
      procedureId,
      matterCode: `MD-${uniqueSuffix()}`,
      title: '城区公交场站建设决策',
      departmentId,
      departmentCode: 'JTJ',
      governmentUnitId: randomUUID(),
      proposer: drafter,
      proposal: {
        proposer: 'DEPARTMENT',
        problem: '公交场站不足',
        reasonsAndBasis: '城市公共交通条例',
        preliminarySolution: '新建两处场站',
        necessityAndFeasibility: '必要且可行',
      },
      classification: {
        kind: 'PUBLIC_CONSTRUCTION',
        reason: '区域重大公共建设项目',
        professional: false,
        riskFlagged: false,
        wideConcern: false,
        touchesMarket: false,
        exploratoryReform: false,
        alsoNormativeDocument: false,
      },
      policy: POLICY,
    };
    const h = await client.workflow.start<MajorDecisionWorkflow>(MAJOR_DECISION_WORKFLOW_TYPE, {
      taskQueue: harness.taskQueue,
      workflowId: `major-decision:test:${procedureId}`,
      args: [harness.versioned(input)],
    });
    let s = await h.executeUpdate(mdAwaitSettledUpdate, { args: [] });
    s = await h.executeUpdate(mdDecideLaunchUpdate, {
      args: [
        { taskId: s.openTaskId!, launch: true, undertakingUnitId: departmentId, reason: '列入目录', actor: leader },
      ],
    });
    await h.executeUpdate(mdSubmitDocumentVersionUpdate, {
      args: [
        {
          kind: DocumentKind.Draft,
          sha256: sha(1),
          size: 10,
          mediaType: 'text/plain',
          filename: 'draft.txt',
          note: '第1稿',
          actor: drafter,
        },
      ],
    });
    await h.executeUpdate(mdSubmitDraftOptionsUpdate, {
      args: [{ options: [{ label: '方案一', sha256: sha(1) }], lawInventory: '城乡规划法', actor: drafter }],
    });
    await h.executeUpdate(mdRecordConsultationUpdate, {
      args: [{ consulted: ['财政局'], consensus: true, actor: drafter }],
    });
    await h.executeUpdate(mdOpenCommentWindowUpdate, { args: [{ actor: drafter }] });
    await eventually(
      async () => expect((await h.executeUpdate(mdAwaitSettledUpdate, { args: [] })).commentWindow?.closed).toBe(true),
      10000,
    );
    s = await h.executeUpdate(mdCompletePublicParticipationUpdate, { args: [{ actor: drafter }] });
    expect(s.stage).toBe(Stage.LegalityReview);
    s = await h.executeUpdate(mdSubmitForLegalityReviewUpdate, {
      args: [{ basisStatement: '城乡规划法第X条', proceduresPerformed: '已履行公众参与等程序', actor: drafter }],
    });
    return [h, s];
  }

  it('opens the review for the office, refuses an adviser’s signature naming Art 28, and lets the office ask, read and cite an adviser', async () => {
    const [h, s0] = await toLegalityReview();
    // The review task goes to the legal-affairs office, not to an adviser chosen by the routing rules.
    expect(s0.legalityReviewBy).toBe('OFFICE');
    const opened = calls.openTask.filter((c) => c.workflowId === h.workflowId && c.kind === 'MD_LEGALITY_REVIEW');
    expect(opened).toEqual([expect.objectContaining({ assignTo: { unitKind: 'LEGAL_AFFAIRS_OFFICE' } })]);
    expect(calls.routeTask.filter((c) => c.workflowId === h.workflowId)).toEqual([]);
    const reviewTask = s0.openTaskId!;

    // An adviser cannot sign the review: the refusal names the missing signer and Art 28.
    const bySigner = await refusal(
      h.executeUpdate(mdGiveLegalityOpinionUpdate, {
        args: [{ taskId: reviewTask, conclusion: 'LAWFUL', reasons: '合法', reviewedSha256: sha(1), actor: adviser }],
      }),
    );
    expect(bySigner.type).toBe(ErrorCode.Forbidden);
    expect(bySigner.message).toContain('the legal-affairs office');
    expect(bySigner.message).toContain('第二十八条');

    // The office asks an adviser; the question is on the routed task and in the ledger.
    let s = await h.executeUpdate(mdRequestAdviserOpinionUpdate, {
      args: [{ question: '征地补偿标准是否符合上位法？', expertise: ['土地'], actor: officer }],
    });
    const routed = calls.routeTask.filter((c) => c.workflowId === h.workflowId);
    expect(routed).toEqual([
      expect.objectContaining({ kind: 'MD_ADVISER_OPINION', question: '征地补偿标准是否符合上位法？' }),
    ]);
    const adviceTask = s.adviserOpinions![0].taskId;
    expect(s.openTaskId).toBe(reviewTask);

    // Citing an opinion not given yet is refused.
    const early = await refusal(
      h.executeUpdate(mdGiveLegalityOpinionUpdate, {
        args: [
          {
            taskId: reviewTask,
            conclusion: 'LAWFUL',
            reasons: '合法',
            reviewedSha256: sha(1),
            citedAdviserOpinions: [adviceTask],
            actor: officer,
          },
        ],
      }),
    );
    expect(early.message).toContain('第二十八条');

    s = await h.executeUpdate(mdGiveAdviserOpinionUpdate, {
      args: [
        {
          taskId: adviceTask,
          conclusion: 'LAWFUL',
          opinion: '补偿标准不低于省定标准',
          reviewedSha256: sha(1),
          actor: adviser,
        },
      ],
    });
    expect(s.adviserOpinions).toEqual([
      expect.objectContaining({
        conclusion: 'LAWFUL',
        adviserName: '李律师',
        question: '征地补偿标准是否符合上位法？',
      }),
    ]);
    // The written opinion is Art 28 (not 27); without a clear rule, only an exploratory reform goes on (Art 25 ¶2).
    const noReasons = await refusal(
      h.executeUpdate(mdGiveLegalityOpinionUpdate, {
        args: [{ taskId: reviewTask, conclusion: 'LAWFUL', reasons: ' ', reviewedSha256: sha(1), actor: officer }],
      }),
    );
    expect(noReasons.message).toContain('第二十八条');
    const noRule = await refusal(
      h.executeUpdate(mdGiveLegalityOpinionUpdate, {
        args: [
          { taskId: reviewTask, conclusion: 'NO_CLEAR_RULE', reasons: '无', reviewedSha256: sha(1), actor: officer },
        ],
      }),
    );
    expect(noRule.message).toContain('第二十五条第二款');

    // The office signs, citing the adviser's opinion.
    s = await h.executeUpdate(mdGiveLegalityOpinionUpdate, {
      args: [
        {
          taskId: reviewTask,
          conclusion: 'LAWFUL',
          reasons: '决策草案合法',
          reviewedSha256: sha(1),
          citedAdviserOpinions: [adviceTask],
          actor: officer,
        },
      ],
    });
    expect(s.stage).toBe(Stage.MeetingPackage);
    expect(s.legalityOpinions).toEqual([
      expect.objectContaining({
        reviewerId: officer.userId,
        reviewerRole: 'LEGAL_AFFAIRS_OFFICER',
        citedAdviserOpinions: [adviceTask],
      }),
    ]);
    const ledger = calls.recordDecision.filter((c) => c.workflowId === h.workflowId && c.stage === 'LEGALITY_REVIEW');
    expect(ledger.map((c) => [c.decision, c.actorRole])).toEqual([
      ['SUBMITTED_FOR_LEGALITY_REVIEW', Role.Drafter],
      ['ADVISER_OPINION_REQUESTED', Role.LegalAffairsOfficer],
      ['ADVISER_LAWFUL', Role.LegalAdviser],
      ['LEGALITY_LAWFUL', Role.LegalAffairsOfficer],
    ]);
    expect(ledger[3].opinion).toContain('引用法律顾问意见（李律师，LAWFUL）：补偿标准不低于省定标准');
    await h.terminate('test done');
  });
});
