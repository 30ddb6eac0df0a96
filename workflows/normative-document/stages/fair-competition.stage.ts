import { refuse } from '../../activity-proxies';
import type { Nd } from '../context';
import {
  cite,
  ErrorCode,
  NormativeDocumentStage as Stage,
  recordFairCompetitionReviewUpdate,
  recordMarketRegulationReviewUpdate,
  Role,
  type Actor,
  type FairCompetitionConclusion,
  type FairCompetitionReviewRecord,
} from '@lawgate/domain';

const ART_14 = cite('FCR/14');

/** A review passes when compliant, or when a failing one states the statutory exception it relies on (Art 12). */
function passes(conclusion: FairCompetitionConclusion, exception: string | undefined): boolean {
  return conclusion === 'COMPLIANT' || !!exception;
}

function opinionOf(summary: string, exception: string | undefined): string {
  return exception ? `${summary}\n（例外规定适用理由：${exception}）` : summary;
}

function keep(nd: Nd, by: FairCompetitionReviewRecord['by'], args: ReviewArgs): void {
  nd.s.fcr?.reviews.push({
    by,
    conclusion: args.conclusion,
    summary: args.summary.trim(),
    exceptionReason: args.exceptionReason?.trim() || null,
    reviewerId: args.actor.userId,
    at: new Date().toISOString(),
  });
}

interface ReviewArgs {
  conclusion: FairCompetitionConclusion;
  summary: string;
  exceptionReason?: string;
  actor: Actor;
}

/**
 * B3 公平竞争审查 (G-B3). The drafting unit reviews first; a document issued in the government's name is then reviewed
 * by the same-level market regulation department on a task its unit holds (公平竞争审查条例 Art 14). A failing review
 * without a statutory exception (Art 12) returns the draft to drafting. Procedures started before the department's
 * review was kept (`s.fcr` null) end the stage with the drafting unit's review.
 */
export function fairCompetitionReview(nd: Nd): void {
  const { p, s } = nd;
  p.step(recordFairCompetitionReviewUpdate, {
    check: (args) => {
      nd.requireDrafter(args.actor, 'record the fair-competition review');
      p.requireStage(Stage.FairCompetitionReview, 'The fair-competition review');
      if (s.fcr?.marketRegulationTaskId) {
        refuse(
          ErrorCode.WrongStage,
          `The drafting unit's review is recorded; the market regulation department reviews now (${ART_14}).`,
        );
      }
      p.requireText(args.summary, 'The fair-competition review needs its conclusion in words.');
    },
    run: async (args) => {
      const exception = args.exceptionReason?.trim();
      const passed = passes(args.conclusion, exception);
      const toMarket = passed && !!s.fcr?.marketRegulationReviews;
      const next = !passed ? Stage.Drafting : toMarket ? undefined : Stage.PublicComment;
      keep(nd, 'DRAFTING_UNIT', args);
      await p.sign({
        taskId: p.openTaskId,
        decision: args.conclusion,
        opinion: opinionOf(args.summary, exception),
        actor: args.actor,
        role: Role.Drafter,
        next,
      });
      if (toMarket) {
        s.fcr!.marketRegulationTaskId = await p.openStageTask(
          'FCR_MARKET_REGULATION',
          '市场监管部门公平竞争审查',
          { unitCode: nd.policy.marketRegulationUnitCode },
          nd.policy.marketRegulationReviewPeriod,
        );
        return;
      }
      await nd.enter(next!);
    },
  });
  p.step(recordMarketRegulationReviewUpdate, {
    check: (args) => {
      p.requireStage(Stage.FairCompetitionReview, "The market regulation department's fair-competition review");
      const taskId = s.fcr?.marketRegulationTaskId;
      if (!taskId) {
        refuse(
          ErrorCode.WrongStage,
          s.fcr?.marketRegulationReviews
            ? `The market regulation department reviews after the drafting unit's own fair-competition review, ` +
                `which is not recorded yet (${ART_14}).`
            : `A document issued in its department's own name is reviewed by the drafting unit; no market ` +
                `regulation review is open (${ART_14}).`,
        );
      }
      p.requireTask(args.taskId);
      if (args.actor.unitId !== p.openTaskUnitId) {
        refuse(
          ErrorCode.Forbidden,
          `Only the market regulation department (市场监管局) reviews a document issued in the government's name ` +
            `after the drafting unit (${ART_14}).`,
        );
      }
      p.requireText(args.summary, 'The fair-competition review needs its conclusion in words.');
    },
    run: async (args) => {
      const exception = args.exceptionReason?.trim();
      const next = passes(args.conclusion, exception) ? Stage.PublicComment : Stage.Drafting;
      keep(nd, 'MARKET_REGULATION', args);
      s.fcr!.marketRegulationTaskId = null;
      await p.sign({
        taskId: args.taskId,
        decision: `MARKET_REGULATION_${args.conclusion}`,
        opinion: `市场监管部门公平竞争审查（${ART_14}）：${opinionOf(args.summary, exception)}`,
        actor: args.actor,
        role: Role.Drafter,
        next,
      });
      await nd.enter(next);
    },
  });
}
