import type { ProcedureRun } from './procedure-run';
import type { CommentWindow } from '../steps/comment-window.step';
import type { LegalityReview } from '../steps/legality-review.step';
import type { Registration } from '../steps/registration.step';

/**
 * What every procedure hands its stages: the kernel run, the start input and policy, and the shared steps it runs.
 * A procedure's own context extends it with its own state and guards.
 */
export interface ProcedureContext<S extends string, Snap, Input, Policy, Opinion> {
  p: ProcedureRun<S, Snap>;
  input: Input;
  policy: Policy;
  legality: LegalityReview<S, Snap, Opinion>;
  comments: CommentWindow<S, Snap>;
  registration: Registration<S, Snap>;
  /** Opens what a stage needs when the procedure enters it. */
  enter: (stage: S) => Promise<void>;
}
