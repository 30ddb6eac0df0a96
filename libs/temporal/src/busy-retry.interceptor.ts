import type {
  Next,
  WorkflowClientInterceptor,
  WorkflowStartUpdateInput,
  WorkflowStartUpdateOutput,
} from '@temporalio/client';
import { ErrorCode } from '@lawgate/domain';

/** How long an update waits, in all, for a procedure that is still recording its previous action. */
export const BUSY_RETRY_BUDGET_MS = 5000;
const BUSY_RETRY_PAUSE_MS = 100;

/** A busy refusal is told apart by its failure type, never by its message. */
function refusedAsBusy(output: WorkflowStartUpdateOutput): boolean {
  return output.outcome?.failure?.applicationFailureInfo?.type === ErrorCode.ProcedureBusy;
}

/**
 * A procedure refuses an update while an activity of its previous step still runs (the step is half recorded for a
 * moment). That refusal is not a person's mistake: a validator's rejection leaves no trace in the history, so the
 * same update (same id) is simply sent again after a short pause, for up to a few seconds, before the refusal is
 * passed on.
 */
export class BusyRetryInterceptor implements WorkflowClientInterceptor {
  constructor(
    private readonly budgetMs = BUSY_RETRY_BUDGET_MS,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async startUpdate(
    input: WorkflowStartUpdateInput,
    next: Next<WorkflowClientInterceptor, 'startUpdate'>,
  ): Promise<WorkflowStartUpdateOutput> {
    let waited = 0;
    for (;;) {
      const output = await next(input);
      if (!refusedAsBusy(output) || waited >= this.budgetMs) return output;
      await this.sleep(BUSY_RETRY_PAUSE_MS);
      waited += BUSY_RETRY_PAUSE_MS;
    }
  }
}
