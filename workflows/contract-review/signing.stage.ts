import { acts, refuse } from '../activity-proxies';
import type { AssignTo, ProcedureRun } from '../kernel/procedure-run';
import type { LegalityReview } from '../steps/legality-review.step';
import type { CrState } from './contract-review.workflow';
import {
  ErrorCode,
  CONTRACT_REVIEW_DEFINITION as DEF,
  ContractReviewStage as S,
  contractStageName as basis,
  crAbandonUpdate,
  crFileUpdate,
  crSignUpdate,
  majorDecisionLinkRefusal,
  MAJOR_DECISION_ADOPTED,
  type Actor,
  type ContractOpinion,
  type ContractReviewInput,
  type ContractReviewPolicy,
  type ContractReviewSnapshot as Snap,
  Role,
} from '@lawgate/domain';

export const NO_SIGNING = `G-D2: no signing without a passed legality review of the text signed (${basis(S.Signing)})`;

/** D6–D8: signing only the text the review passed (G-D2), abandoning an unsigned contract, filing (G-D4). */
export function signing(c: {
  p: ProcedureRun<S, Snap>;
  s: CrState;
  input: ContractReviewInput;
  legality: LegalityReview<S, Snap, ContractOpinion>;
  policy: () => ContractReviewPolicy;
  requireUnit: (actor: Actor, what: string) => void;
  unit: AssignTo;
}): void {
  const { p, s, input, legality, requireUnit, unit } = c;
  p.step(crSignUpdate, {
    check: (args) => {
      requireUnit(args.actor, 'sign the contract');
      p.requireNotEnded();
      const last = legality.last();
      if (p.stage !== S.Signing || !last || last.conclusion !== 'PASS') {
        refuse(ErrorCode.RuleViolation, `Signing is refused in stage ${basis(p.stage)}: ${NO_SIGNING}.`);
      }
      p.requireIdle();
      if (args.signedSha256 !== last.reviewedSha256 || p.documents.DRAFT?.sha256 !== last.reviewedSha256) {
        refuse(
          ErrorCode.StaleVersion,
          `The signed text (SHA-256 ${args.signedSha256.slice(0, 12)}…) is not the text reviewed ` +
            `(${last.reviewedSha256.slice(0, 12)}…): upload the text to be signed, which re-opens the review (${NO_SIGNING}).`,
        );
      }
      p.requireText(args.signatory, 'The signing names the authorised signatory.');
    },
    run: async (args) => {
      // G-D6: a contract that is itself a major decision waits for that decision's adoption (read when signing).
      const link = input.facts.majorDecision;
      if (link) {
        const state = await acts.procedureState({ procedureId: link.procedureId, decisions: [MAJOR_DECISION_ADOPTED] });
        const refusal = majorDecisionLinkRefusal(link.procedureId, state);
        if (refusal) refuse(ErrorCode.RuleViolation, refusal);
      }
      s.signing = { signedSha256: args.signedSha256, signedAt: new Date().toISOString(), signatory: args.signatory };
      await p.sign({
        taskId: p.openTaskId,
        decision: 'CONTRACT_SIGNED',
        opinion: `签订人：${args.signatory}`,
        actor: args.actor,
        role: Role.Drafter,
        sha256: args.signedSha256,
        next: S.Filing,
      });
      // G-D4: filing after signing; procurement contracts go to the finance department within 7 working days.
      const period = input.facts.basis === 'PROCUREMENT' ? c.policy().procurementFilingPeriod : c.policy().filingPeriod;
      await p.openStageTask('CR_FILING', DEF.tasks.CR_FILING.title, unit, period);
    },
  });

  p.step(crAbandonUpdate, {
    check: (args) => {
      requireUnit(args.actor, 'abandon the contract');
      if (p.stage !== S.Signing && p.stage !== S.Revision) {
        refuse(ErrorCode.WrongStage, 'Only an unsigned contract is abandoned.');
      }
      p.requireIdle();
      p.requireText(args.reason, 'Abandoning a contract states why.');
    },
    run: async (args) => {
      await p.sign({
        taskId: p.openTaskId,
        decision: 'CONTRACT_ABANDONED',
        opinion: args.reason,
        actor: args.actor,
        role: Role.Drafter,
        next: S.Abandoned,
      });
    },
  });

  p.step(crFileUpdate, {
    check: (args) => {
      requireUnit(args.actor, 'file the contract');
      p.requireStage(S.Filing, 'Filing');
      p.requireTask(args.taskId);
      if (args.filedWith.filter((x) => x.trim()).length === 0) {
        refuse(ErrorCode.RuleViolation, 'Filing names where it was filed.');
      }
      p.requireText(args.reference, 'Filing carries its reference.');
    },
    run: async (args) => {
      s.filing = { filedWith: args.filedWith, reference: args.reference, at: new Date().toISOString() };
      await p.sign({
        taskId: args.taskId,
        decision: 'CONTRACT_FILED',
        opinion: `${args.filedWith.join('、')}：${args.reference}`,
        actor: args.actor,
        role: Role.Drafter,
        next: S.Performance,
        status: 'IN_FORCE',
      });
    },
  });
}
