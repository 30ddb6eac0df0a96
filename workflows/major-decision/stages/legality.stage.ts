import { refuse } from '../../activity-proxies';
import type { Md } from '../context';
import { passes, undertaker, undertakerStep } from '../stage-table';
import {
  type DocumentKind,
  ErrorCode,
  MajorDecisionStage as Stage,
  mdGiveLegalityOpinionUpdate,
  mdSubmitForLegalityReviewUpdate,
  type Actor,
  type LegalityOpinion,
  Role,
} from '@lawgate/domain';

/** A8 合法性审查 (G-A8, G-A9, G-A10): submission, the reviewer's written opinion, revision when it does not pass. */
export function legalityReview(md: Md): void {
  const { p, s, cls, legality, A } = md;
  undertakerStep(md, mdSubmitForLegalityReviewUpdate, 'submit the draft for legality review', {
    check: (args) => {
      p.requireStage(Stage.LegalityReview, 'Submitting for legality review');
      if (legality.reviewTaskId) refuse(ErrorCode.WrongStage, 'The draft is already under legality review.');
      const last = legality.last();
      if (last && last.reviewedSha256 === p.documents.DRAFT?.sha256) {
        refuse(
          ErrorCode.RuleViolation,
          `The opinion was ${last.conclusion}: revise the draft (a new DRAFT version) before resubmitting (${A('第二十八条')}).`,
        );
      }
      p.requireText(args.basisStatement, `The submission states the legal basis relied on (${A('第二十六条')}).`);
      p.requireText(
        args.proceduresPerformed,
        `The submission states how the statutory steps were performed (${A('第二十六条')}).`,
      );
    },
    run: async (args) => {
      await p.sign({
        taskId: p.openTaskId,
        decision: 'SUBMITTED_FOR_LEGALITY_REVIEW',
        opinion: `依据：${args.basisStatement}\n履行法定程序情况：${args.proceduresPerformed}`,
        actor: args.actor,
        role: Role.Drafter,
      });
      // G-A9: the review goes to a legal adviser or government lawyer, routed by the routing rules; G-A10: the
      // reviewer is left at least the minimum from complete materials (a warning at the meeting if not).
      await legality.open({
        round: legality.opinions.length + 1 + (p.round - 1) * 100,
        kind: 'MD_LEGALITY_REVIEW',
        title: '合法性审查',
        period: md.policy.legalityReviewPeriod,
        departmentId: s.undertakingUnitId ?? md.input.departmentId,
        drafterIds: [args.actor.userId],
        expertise: [],
        minimum: md.policy.legalityReviewMinimum,
      });
    },
  });
  p.step(mdGiveLegalityOpinionUpdate, {
    check: (args) => {
      p.requireRole(
        args.actor,
        [Role.LegalAdviser],
        `a legal adviser or government lawyer (法律顾问、公职律师, G-A9, ${A('第二十八条')})`,
        'give the legality-review opinion',
      );
      p.requireStage(Stage.LegalityReview, 'The legality-review opinion');
      legality.checkOpinion(args);
      p.requireText(args.reasons, `The legality-review opinion is written, with reasons (${A('第二十七条')}).`);
      if (args.conclusion === 'NO_CLEAR_RULE') {
        if (!cls.exploratoryReform) {
          refuse(
            ErrorCode.RuleViolation,
            `Only an exploratory reform matter may go forward without a clear rule (G-A8, ${A('第二十五条至第二十八条')}).`,
          );
        }
        p.requireText(
          args.legalRisk,
          `An exploratory reform goes forward only with its legal risk stated explicitly (G-A8).`,
        );
      }
    },
    run: async (args) => {
      const opinion: LegalityOpinion = {
        round: legality.opinions.length + 1,
        taskId: args.taskId,
        conclusion: args.conclusion,
        reasons: args.reasons,
        reviewerId: args.actor.userId,
        reviewerName: args.actor.displayName,
        reviewedSha256: args.reviewedSha256,
        givenAt: new Date().toISOString(),
        legalRisk: args.legalRisk?.trim() || null,
      };
      legality.record(opinion);
      await p.sign({
        taskId: args.taskId,
        decision: `LEGALITY_${args.conclusion}`,
        opinion: args.reasons + (opinion.legalRisk ? `\n探索性改革事项，法律风险：${opinion.legalRisk}` : ''),
        actor: args.actor,
        role: Role.LegalAdviser,
        sha256: args.reviewedSha256,
      });
      if (passes(args.conclusion)) await md.advance();
      else {
        await p.openStageTask(
          'MD_LEGALITY_REVISION',
          '根据合法性审查意见修改草案',
          undertaker(md),
          md.policy.undertakerStepPeriod,
        );
      }
    },
  });
}

/**
 * A draft changed after a passing opinion goes back to legality review (procedures started with the binding rule):
 * the change is signed into the ledger and the undertaking unit submits the new text for review.
 */
export async function reopenReviewIfChanged(md: Md, kind: DocumentKind, actor: Actor): Promise<void> {
  const { p, legality, A } = md;
  if (!legality.reopens(kind) || p.stage === Stage.LegalityReview) return;
  const last = legality.last()!;
  await p.sign({
    taskId: p.openTaskId,
    decision: 'LEGALITY_REVIEW_REOPENED',
    opinion:
      `草案在合法性审查意见（${last.conclusion}，${last.reviewedSha256}）之后修改为 ${p.documents.DRAFT!.sha256}：` +
      `重新报送合法性审查（G-A8, ${A('第二十五条')}）`,
    actor,
    role: Role.Drafter,
    next: Stage.LegalityReview,
  });
  await md.enter(Stage.LegalityReview);
}
