import type { UpdateDefinition } from '@temporalio/common';
import { refuse } from '../activity-proxies';
import type { ProcedureRun } from '../kernel/procedure-run';
import type { LegalityReview } from './legality-review.step';
import { ErrorCode, type Actor, Role } from '@lawgate/domain';

type ResubmitArgs = { adoptedAll: boolean; nonAdoptionStatement?: string; actor: Actor };

/** Why the text is being revised: an opinion that it is unlawful or must be amended, or a deliberation that returned it. */
export type RevisionCause = 'UNLAWFUL' | 'MUST_AMEND' | 'RETURNED';

export interface RevisionOptions<S extends string, Snap, O> {
  update: UpdateDefinition<Snap, [ResubmitArgs]>;
  stage: S;
  mayAct: (actor: Actor, what: string) => void;
  /** How a refusal names the stage and its basis. */
  basis: string;
  /** Where a revised text goes: back to review, or on to deliberation with a statement of reasons. */
  review: S;
  deliberation: S;
  enter: (stage: S) => Promise<void>;
  /** The opinion a statement of non-adoption is attached to. */
  attachStatement: (opinion: O, statement: string) => void;
}

/**
 * Revision after the legality review (修改), written once. A text found unlawful is revised and reviewed again; an
 * opinion not fully adopted needs a statement of reasons and basis; and where the procedure binds the reviewed text,
 * any changed text goes back to review before a later gate.
 */
export class Revision<S extends string, Snap, O> {
  cause: RevisionCause | null = null;

  constructor(
    private readonly p: ProcedureRun<S, Snap>,
    private readonly legality: LegalityReview<S, Snap, O>,
    private readonly o: RevisionOptions<S, Snap, O>,
  ) {
    p.step(o.update, { check: (args) => this.check(args), run: (args) => this.resubmit(args) });
  }

  /** Where the revised text goes next. */
  next(): S {
    if (this.cause !== 'MUST_AMEND') return this.o.review;
    return this.legality.changedSinceOpinion() && this.p.bindsReviewedText ? this.o.review : this.o.deliberation;
  }

  private check(args: ResubmitArgs): void {
    const { p, o } = this;
    o.mayAct(args.actor, 'resubmit the revised draft');
    p.requireStage(o.stage, 'Resubmitting after revision');
    if (this.cause === 'UNLAWFUL' && !args.adoptedAll) {
      refuse(
        ErrorCode.RuleViolation,
        'An opinion that the draft is unlawful cannot be answered with a statement: revise the draft, and it is ' +
          `reviewed again (${o.basis}).`,
      );
    }
    const changed = !this.legality.last() || this.legality.changedSinceOpinion();
    if (args.adoptedAll && !changed) {
      refuse(ErrorCode.RuleViolation, 'Upload the revised draft first: the draft is still the version reviewed.');
    }
    if (!args.adoptedAll) {
      p.requireText(
        args.nonAdoptionStatement,
        'An opinion not fully adopted needs a statement of the reasons and basis for the deliberation.',
      );
    }
  }

  private async resubmit(args: ResubmitArgs): Promise<void> {
    const { p, o } = this;
    const next = this.next();
    const last = this.legality.last();
    if (last && !args.adoptedAll) o.attachStatement(last, args.nonAdoptionStatement!.trim());
    await p.sign({
      taskId: p.openTaskId,
      decision: args.adoptedAll ? 'REVISED' : 'REVISED_WITH_STATEMENT',
      opinion: args.adoptedAll
        ? '已按审核意见修改'
        : `未采纳审核意见的理由和依据：${args.nonAdoptionStatement!.trim()}`,
      actor: args.actor,
      role: Role.Drafter,
      sha256: p.documents.DRAFT!.sha256,
      next,
    });
    this.cause = null;
    await o.enter(next);
  }
}
