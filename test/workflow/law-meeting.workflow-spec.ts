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
  mdRecordMeetingUpdate,
  mdRecordPartyReportUpdate,
  mdRecordPublicationUpdate,
  mdArchiveUpdate,
  mdSuspendExecutionUpdate,
  mdSubmitMeetingPackageUpdate,
  mdGiveLegalityOpinionUpdate,
  mdRecordConsultationUpdate,
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

/** Decree 713 Art 32 and Art 37: the channels of publication, and who suspends a decision. */
describe('publication channels and suspension of a major decision', () => {
  const harness = useWorkflowHarness('law-meeting');
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

  it('publishes through every Art 32 channel or with the reason one is not used, and only the head suspends (Art 37)', async () => {
    const [h, s0] = await toLegalityReview();
    let s = await h.executeUpdate(mdGiveLegalityOpinionUpdate, {
      args: [{ taskId: s0.openTaskId!, conclusion: 'LAWFUL', reasons: '合法', reviewedSha256: sha(1), actor: officer }],
    });
    s = await h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料齐全', actor: drafter }] });
    const deputy = person([Role.Leader], randomUUID(), '副区长');
    s = await h.executeUpdate(mdRecordMeetingUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          meetingType: 'EXECUTIVE',
          meeting: '区政府第8次常务会议',
          meetingDate: new Date().toISOString(),
          positions: [
            { memberId: deputy.userId, name: '副区长', position: 'FOR', statement: '同意' },
            { memberId: leader.userId, name: '区长', position: 'FOR', statement: '同意' },
          ],
          headId: leader.userId,
          decision: 'ADOPTED',
          actor: leader,
        },
      ],
    });
    s = await h.executeUpdate(mdRecordPartyReportUpdate, {
      args: [
        { taskId: s.openTaskId!, reportedTo: '中共常州市金坛区委', reference: '坛政请〔2026〕1号', actor: leader },
      ],
    });
    expect(s.stage).toBe(Stage.Publication);
    const noPaper = await refusal(
      h.executeUpdate(mdRecordPublicationUpdate, {
        args: [{ taskId: s.openTaskId!, channels: ['GAZETTE', 'WEBSITE'], reference: '公报', actor: officer }],
      }),
    );
    expect(noPaper.type).toBe(ErrorCode.RuleViolation);
    expect(noPaper.message).toContain('NEWSPAPER');
    expect(noPaper.message).toContain('第三十二条');
    s = await h.executeUpdate(mdRecordPublicationUpdate, {
      args: [
        {
          taskId: s.openTaskId!,
          channels: ['GAZETTE', 'WEBSITE'],
          channelsNotUsed: [{ channel: 'NEWSPAPER', reason: '本区无本地发行报纸' }],
          reference: '公报2026年第3期',
          actor: officer,
        },
      ],
    });
    expect(s.publication?.channelsNotUsed).toEqual([{ channel: 'NEWSPAPER', reason: '本区无本地发行报纸' }]);
    const published = calls.recordDecision.find((c) => c.workflowId === h.workflowId && c.decision === 'PUBLISHED')!;
    expect(published.opinion).toContain('未通过 NEWSPAPER 公布的理由：本区无本地发行报纸');
    s = await h.executeUpdate(mdArchiveUpdate, { args: [{ taskId: s.openTaskId!, note: '归档', actor: officer }] });
    expect(s.stage).toBe(Stage.Execution);

    // Art 37: a leader other than the head who decided cannot suspend; the head can.
    const byDeputy = await refusal(
      h.executeUpdate(mdSuspendExecutionUpdate, { args: [{ reason: '情况紧急', actor: deputy }] }),
    );
    expect(byDeputy.type).toBe(ErrorCode.Forbidden);
    expect(byDeputy.message).toContain('行政首长');
    expect(byDeputy.message).toContain('第三十七条');
    s = await h.executeUpdate(mdSuspendExecutionUpdate, { args: [{ reason: '情况紧急', actor: leader }] });
    expect(s.stage).toBe(Stage.Suspended);
    await h.terminate('test done');
  });
});
