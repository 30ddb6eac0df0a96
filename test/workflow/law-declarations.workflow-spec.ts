import { randomUUID } from 'node:crypto';
import {
  DocumentKind,
  ErrorCode,
  Role,
  MajorDecisionStage as Stage,
  mdAwaitSettledUpdate,
  mdCompletePublicParticipationUpdate,
  mdDecideLaunchUpdate,
  mdGiveLegalityOpinionUpdate,
  mdOpenCommentWindowUpdate,
  mdRecordConsultationUpdate,
  mdRecordMeetingUpdate,
  mdSubmitDocumentVersionUpdate,
  mdSubmitDraftOptionsUpdate,
  mdSubmitMeetingPackageUpdate,
  type RecordMeetingArgs,
} from '@lawgate/domain';
import { eventually } from '../support/eventually';
import { person, recordHistory, refusal, sha, useWorkflowHarness } from './harness';
import {
  departmentId,
  drafter,
  leader,
  majorDecisionInput,
  officer,
  startMajorDecision,
  toLegalityReview,
} from './support/major-decision-walk';

/** Decree 713 Arts 10, 19, 22 and 30: the leader confirms the classification flags; the meeting has its quorum. */
describe('a major decision’s declarations and meeting', () => {
  const harness = useWorkflowHarness('law-declarations');

  it('the launching leader changes the drafter’s flags only with a reason, and the expert and risk stages follow them', async () => {
    const [h, s0] = await startMajorDecision(harness, majorDecisionInput());
    const launch = (extra: { classification?: { professional: boolean; riskFlagged: boolean }; reason?: string }) =>
      h.executeUpdate(mdDecideLaunchUpdate, {
        args: [
          {
            taskId: s0.openTaskId!,
            launch: true,
            undertakingUnitId: departmentId,
            reason: '列入目录',
            classification: extra.classification,
            classificationReason: extra.reason,
            actor: leader,
          },
        ],
      });
    const noReason = await refusal(launch({ classification: { professional: true, riskFlagged: true } }));
    expect(noReason.type).toBe(ErrorCode.RuleViolation);
    expect(noReason.message).toContain('第十条、第十九条、第二十二条');
    let s = await launch({
      classification: { professional: true, riskFlagged: true },
      reason: '场站选址涉及交通工程技术论证，且可能引发周边居民反对',
    });
    expect(s.classification).toMatchObject({ professional: true, riskFlagged: true });
    expect(s.classificationConfirmation).toMatchObject({
      declared: { professional: false, riskFlagged: false },
      confirmed: { professional: true, riskFlagged: true },
      confirmedBy: leader.userId,
      reason: '场站选址涉及交通工程技术论证，且可能引发周边居民反对',
    });
    const launched = harness.calls.recordDecision.find(
      (c) => c.workflowId === s.workflowId && c.decision === 'LAUNCHED',
    )!;
    expect(launched.opinion).toContain('启动时变更为（专业性、技术性较强：是；需要风险评估：是）');

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
    // The confirmed flags decide: expert argumentation runs although the drafter declared the matter not professional.
    expect(s.stage).toBe(Stage.ExpertArgumentation);
    recordHistory(s.workflowId);
    await h.terminate('test done');
  });

  it('a launch without flags confirms the declared ones, on record', async () => {
    const [h, s0] = await startMajorDecision(harness, majorDecisionInput());
    const s = await h.executeUpdate(mdDecideLaunchUpdate, {
      args: [{ taskId: s0.openTaskId!, launch: true, undertakingUnitId: departmentId, reason: '启动', actor: leader }],
    });
    expect(s.classificationConfirmation).toMatchObject({
      confirmed: { professional: false, riskFlagged: false },
      reason: null,
    });
    const launched = harness.calls.recordDecision.find(
      (c) => c.workflowId === s.workflowId && c.decision === 'LAUNCHED',
    )!;
    expect(launched.opinion).toContain('分类标志经启动领导确认：专业性、技术性较强：否；需要风险评估：否');
    await h.terminate('test done');
  });

  it('records the members present and refuses a meeting below its quorum (unverified basis, named)', async () => {
    const [h, s0] = await toLegalityReview(harness);
    let s = await h.executeUpdate(mdGiveLegalityOpinionUpdate, {
      args: [{ taskId: s0.openTaskId!, conclusion: 'LAWFUL', reasons: '合法', reviewedSha256: sha(1), actor: officer }],
    });
    s = await h.executeUpdate(mdSubmitMeetingPackageUpdate, { args: [{ note: '材料齐全', actor: drafter }] });
    const deputy = person([Role.Leader], randomUUID(), '副区长');
    const args: RecordMeetingArgs = {
      taskId: s.openTaskId!,
      meetingType: 'EXECUTIVE',
      meeting: '区政府第8次常务会议',
      meetingDate: new Date().toISOString(),
      positions: [
        { memberId: deputy.userId, name: '副区长', position: 'FOR', statement: '同意' },
        { memberId: leader.userId, name: '区长', position: 'FOR', statement: '同意' },
      ],
      attendees: [
        { memberId: deputy.userId, name: '副区长' },
        { memberId: leader.userId, name: '区长' },
      ],
      membersTotal: 4,
      headId: leader.userId,
      decision: 'ADOPTED',
      actor: leader,
    };
    const meet = (a: Partial<RecordMeetingArgs>) =>
      h.executeUpdate(mdRecordMeetingUpdate, { args: [{ ...args, ...a }] });

    const noAttendance = await refusal(meet({ attendees: undefined }));
    expect(noAttendance.message).toContain('第三十条');
    const noTotal = await refusal(meet({ membersTotal: undefined }));
    expect(noTotal.message).toContain('区人民政府工作规则');
    // Two of four present is not more than half: the meeting cannot adopt; the basis is marked unverified.
    const below = await refusal(meet({}));
    expect(below.type).toBe(ErrorCode.RuleViolation);
    expect(below.message).toContain('2 of 4 members present');
    expect(below.message).toContain('区人民政府工作规则 常务会议、全体会议须有过半数组成人员出席方能举行（待核实）');
    const absentSpeaker = await refusal(
      meet({ attendees: [{ memberId: leader.userId, name: '区长' }], membersTotal: 1 }),
    );
    expect(absentSpeaker.message).toContain('副区长 is not among them');

    s = await meet({
      attendees: [...args.attendees!, { memberId: randomUUID(), name: '另一副区长' }],
    });
    expect(s.stage).toBe(Stage.PartyReport);
    expect(s.minutes).toMatchObject({
      membersTotal: 4,
      attendees: expect.arrayContaining([{ memberId: deputy.userId, name: '副区长' }]),
    });
    expect(s.minutes!.attendees).toHaveLength(3);
    expect(s.minutes!.quorum).toContain('应到4人，实到3人，法定人数3人');
    recordHistory(s.workflowId);
    await h.terminate('test done');
  });
});
