import type { UpdateDefinition } from '@temporalio/common';
import type { ProcedureRun } from '../kernel/procedure-run';
import type { LegalityReview } from './legality-review.step';
import type { Actor, Role } from '@lawgate/domain';

export interface GateOptions<S extends string, Snap, A extends { actor: Actor; taskId: string }> {
  update: UpdateDefinition<Snap, [A]>;
  stage: S;
  /** Names the step in refusals ("The collective deliberation"). */
  what: string;
  /** Who may take the step (and how a refusal names them), and what a refusal says they would be doing. */
  who: { roles: Role[]; name: string };
  doing: string;
  /** Checks of the procedure's own before the stage check (a refusal that explains why the stage is not reached). */
  before?: (args: A) => void;
  /** Checks of the procedure's own on the arguments. */
  check?: (args: A) => void;
  run: (args: A) => Promise<unknown>;
}

/**
 * A gate after the legality review (meeting package, meeting or deliberation, registration, publication), written
 * once: who may take it, in which stage, on which open task, and only on the text the legality opinion binds.
 */
export function gateStep<S extends string, Snap, O, A extends { actor: Actor; taskId: string }>(
  p: ProcedureRun<S, Snap>,
  legality: LegalityReview<S, Snap, O>,
  o: GateOptions<S, Snap, A>,
): void {
  p.step(o.update, {
    check: (args) => {
      p.requireRole(args.actor, o.who.roles, o.who.name, o.doing);
      o.before?.(args);
      p.requireStage(o.stage, o.what);
      p.requireTask(args.taskId);
      legality.requireReviewedText(o.what);
      o.check?.(args);
    },
    run: o.run,
  });
}
