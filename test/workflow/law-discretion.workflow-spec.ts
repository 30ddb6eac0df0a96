import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
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
  mdGiveLegalityOpinionUpdate,
  mdRecordConsultationUpdate,
  mdSubmitDocumentVersionUpdate,
  mdSubmitDraftOptionsUpdate,
  mdSubmitForLegalityReviewUpdate,
  mdSubmitMeetingPackageUpdate,
  mdCompletePublicParticipationUpdate,
  type MajorDecisionInput,
  type MajorDecisionPolicy,
  type MajorDecisionWorkflow,
} from '@lawgate/domain';
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

/** "一般" and "可以" rules of Decree 713 as recorded decisions with a reason, not hard blocks or silent skips. */
describe('discretionary rules of a major decision', () => {
  const harness = useWorkflowHarness('law-discretion');
  let calls: Calls;
  let client: Client;
  beforeAll(() => {
    calls = harness.calls;
    client = harness.client;
  });

  it('takes no inter-agency consultation (Art 13) and no open consultation (Art 14) as recorded decisions, and the meeting package needs no public opinions then (Art 29 (二))', async () => {
    const procedureId = randomUUID();
    const input: MajorDecisionInput = {
      procedureId,
      matterCode: `MD-${uniqueSuffix()}`,
      title: '区级储备粮轮换决策',
      departmentId,
      departmentCode: 'LSJ',
      governmentUnitId: randomUUID(),
      proposer: drafter,
      proposal: {
        proposer: 'DEPARTMENT',
        problem: '储备粮轮换',
        reasonsAndBasis: '粮食安全保障法',
        preliminarySolution: '分批轮换',
        necessityAndFeasibility: '必要且可行',
      },
      classification: {
        kind: 'PUBLIC_POLICY',
        reason: '重大公共政策',
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
      args: [{ options: [{ label: '方案一', sha256: sha(1) }], lawInventory: '粮食安全保障法', actor: drafter }],
    });

    // Art 13: no department consulted is refused without a reason, and recorded with one.
    const none = await refusal(
      h.executeUpdate(mdRecordConsultationUpdate, { args: [{ consulted: [], consensus: true, actor: drafter }] }),
    );
    expect(none.type).toBe(ErrorCode.RuleViolation);
    expect(none.message).toContain('第十三条');
    s = await h.executeUpdate(mdRecordConsultationUpdate, {
      args: [{ consulted: [], consensus: true, noDepartmentInvolvedReason: '本局法定职责内事项', actor: drafter }],
    });
    expect(s.stage).toBe(Stage.PublicParticipation);

    // Art 14: without an open consultation and without a reason, refused naming both articles.
    const bare = await refusal(h.executeUpdate(mdCompletePublicParticipationUpdate, { args: [{ actor: drafter }] }));
    expect(bare.message).toContain('第十五条');
    expect(bare.message).toContain('第十四条');
    const noWays = await refusal(
      h.executeUpdate(mdCompletePublicParticipationUpdate, {
        args: [{ withoutOpenConsultation: { exempt: false, methods: [], reason: '时间紧' }, actor: drafter }],
      }),
    );
    expect(noWays.message).toContain('第十四条第二款');
    s = await h.executeUpdate(mdCompletePublicParticipationUpdate, {
      args: [
        {
          withoutOpenConsultation: {
            exempt: false,
            methods: ['座谈会', '书面征求意见'],
            reason: '涉及粮库企业，定向听取',
          },
          actor: drafter,
        },
      ],
    });
    expect(s.stage).toBe(Stage.LegalityReview);
    expect(s.discretions).toEqual([
      expect.objectContaining({
        rule: 'INTER_AGENCY_CONSULTATION',
        decidedBy: drafter.userId,
        reason: '本局法定职责内事项',
      }),
      expect.objectContaining({
        rule: 'OPEN_CONSULTATION',
        decidedBy: drafter.userId,
        reason: '涉及粮库企业，定向听取',
        decision: expect.stringContaining('座谈会、书面征求意见') as unknown,
      }),
    ]);

    s = await h.executeUpdate(mdSubmitForLegalityReviewUpdate, {
      args: [{ basisStatement: '粮食安全保障法', proceduresPerformed: '座谈会、书面征求意见', actor: drafter }],
    });
    s = await h.executeUpdate(mdGiveLegalityOpinionUpdate, {
      args: [{ taskId: s.openTaskId!, conclusion: 'LAWFUL', reasons: '合法', reviewedSha256: sha(1), actor: officer }],
    });
    // Art 29 (二): no public participation took place, so the package needs no public opinions.
    s = await h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料齐全', actor: drafter }] });
    expect(s.stage).toBe(Stage.CollectiveDiscussion);
    const ledger = calls.recordDecision.filter((c) => c.workflowId === h.workflowId);
    expect(ledger.map((c) => c.decision)).toEqual(
      expect.arrayContaining([
        'DISCRETION_INTER_AGENCY_CONSULTATION',
        'DISCRETION_OPEN_CONSULTATION',
        'PUBLIC_OPINIONS_HEARD_OTHERWISE',
      ]),
    );
    expect(ledger.find((c) => c.decision === 'DISCRETION_OPEN_CONSULTATION')!.opinion).toContain(
      '理由：涉及粮库企业，定向听取',
    );
    expect(ledger.find((c) => c.decision === 'MEETING_PACKAGE_COMPLETE')!.opinion).toContain('未公开征求意见');
    await h.terminate('test done');
  });
});
