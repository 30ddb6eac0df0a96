import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  Role,
  MajorDecisionStage as Stage,
  mdGiveAdviserOpinionUpdate,
  mdGiveLegalityOpinionUpdate,
  mdRequestAdviserOpinionUpdate,
} from '@lawgate/domain';
import type { Calls } from '../support/fake-activities';
import { person, refusal, sha, useWorkflowHarness } from './harness';
import { officer, toLegalityReview } from './support/major-decision-walk';

const adviser = person([Role.LegalAdviser], randomUUID(), '李律师');

/** Decree 713 Art 28: the legal-affairs office gives and signs the legality review; advisers' opinions are its inputs. */
describe('who signs a major decision’s legality review', () => {
  const harness = useWorkflowHarness('law-signer');
  let calls: Calls;
  beforeAll(() => {
    calls = harness.calls;
  });

  it('opens the review for the office, refuses an adviser’s signature naming Art 28, and lets the office ask, read and cite an adviser', async () => {
    const [h, s0] = await toLegalityReview(harness);
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
