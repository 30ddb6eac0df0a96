import {
  ErrorCode,
  MajorDecisionStage as Stage,
  mdCompletePublicParticipationUpdate,
  mdGiveLegalityOpinionUpdate,
  mdRecordConsultationUpdate,
  mdSubmitForLegalityReviewUpdate,
  mdSubmitMeetingPackageUpdate,
  type MajorDecisionSnapshot,
} from '@lawgate/domain';
import type { Calls } from '../support/fake-activities';
import { refusal, sha, useWorkflowHarness } from './harness';
import {
  drafter,
  launchAndDraft,
  majorDecisionInput,
  officer,
  startMajorDecision,
} from './support/major-decision-walk';

/** "一般" and "可以" rules of Decree 713 as recorded decisions with a reason, not hard blocks or silent skips. */
describe('discretionary rules of a major decision', () => {
  const harness = useWorkflowHarness('law-discretion');
  let calls: Calls;
  beforeAll(() => {
    calls = harness.calls;
  });

  it('takes no inter-agency consultation (Art 13) and no open consultation (Art 14) as recorded decisions, and the meeting package needs no public opinions then (Art 29 (二))', async () => {
    const [h, settled] = await startMajorDecision(
      harness,
      majorDecisionInput({
        title: '区级储备粮轮换决策',
        departmentCode: 'LSJ',
        proposal: { problem: '储备粮轮换', reasonsAndBasis: '粮食安全保障法', preliminarySolution: '分批轮换' },
        classification: { kind: 'PUBLIC_POLICY', reason: '重大公共政策' },
      }),
    );
    await launchAndDraft(h, settled, '粮食安全保障法');
    let s: MajorDecisionSnapshot;

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
