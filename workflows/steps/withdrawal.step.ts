import type { UpdateDefinition } from '@temporalio/common';
import { currentUpdateInfo } from '@temporalio/workflow';
import { acts, refuse } from '../activity-proxies';
import type { ProcedureRun } from '../kernel/procedure-run';
import type { CommentWindow } from './comment-window.step';
import type { Registration } from './registration.step';
import { ErrorCode, type Actor, type WithdrawProcedureArgs } from '@lawgate/domain';

export interface WithdrawalOptions<S extends string, Snap> {
  update: UpdateDefinition<Snap, [WithdrawProcedureArgs]>;
  /** The terminal stage a withdrawn procedure ends in. */
  withdrawn: S;
  mayWithdraw: (actor: Actor) => void;
  /** Refuses where the statute no longer allows a withdrawal (e.g. a document in force is repealed, not withdrawn). */
  check?: () => void;
  commentWindow?: CommentWindow<S, Snap>;
  registration?: Registration<S, Snap>;
  /** Whether the registered number is still unpublished (then it is voided, never given again). */
  unpublished: () => boolean;
}

/** Withdrawal by the drafting side, written once: what was opened in public is closed, an unused number voided. */
export function withdrawal<S extends string, Snap>(p: ProcedureRun<S, Snap>, o: WithdrawalOptions<S, Snap>): void {
  p.step(o.update, {
    check: (args) => {
      o.mayWithdraw(args.actor);
      p.requireNotEnded();
      o.check?.();
      p.requireIdle();
      if (args.reason.trim().length === 0) refuse(ErrorCode.RuleViolation, 'A withdrawal needs a reason.');
    },
    run: async (args) => {
      const window = o.commentWindow?.window;
      if (window && !window.closed) {
        // Nobody can comment on a draft that was withdrawn.
        await acts.closeCommentWindow({ windowId: window.windowId });
        window.closed = true;
      }
      const registered = o.registration?.record;
      if (registered && o.unpublished()) {
        await acts.voidRegisteredNumber({
          registerEntryId: registered.registerEntryId,
          reason: `撤回：${args.reason}`,
          actor: args.actor,
          idempotencyKey: `${p.workflowId}:void`,
        });
      }
      await acts.endProcedure({
        procedureId: p.procedureId,
        workflowId: p.workflowId,
        stage: o.withdrawn,
        status: 'WITHDRAWN',
        actor: args.actor,
        action: 'procedure.withdrawn',
        reason: args.reason,
        idempotencyKey: currentUpdateInfo()?.id ?? `${p.workflowId}:withdraw`,
      });
      p.moveTo(o.withdrawn, 'WITHDRAWN');
    },
  });
}
