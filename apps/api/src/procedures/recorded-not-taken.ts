import type { LedgerRepository } from '@lawgate/persistence';
import { stepUpdateId } from '@lawgate/temporal';
import type { Principal } from '../auth/principal';

/**
 * A step recorded in PostgreSQL that its workflow never took. A sign-off is written by a local activity inside the
 * workflow task that runs the step's Workflow Update; when that task times out (a starved worker) or its worker dies,
 * the engine drops the update and the workflow goes on from before it, while the written record stays: the read model
 * shows the task closed, the workflow still waits on it, and no one could act on it again. When the person who signed
 * asks again (with the same key or a new one) and `stillWaiting` says the workflow has not taken the step, this is the
 * recorded update id to send the step under: the workflow then takes it, and finds its record by that id instead of
 * writing it twice. Null otherwise (no step recorded on the task, another person asking, a workflow that has moved on
 * or cannot be asked now): the request is answered as before.
 */
export async function recordedButNotTaken(
  ledger: LedgerRepository,
  principal: Principal,
  step: { procedureId: string; taskId: string; update: string },
  stillWaiting: (recordedStage: string) => Promise<boolean>,
): Promise<string | null> {
  const prefix = stepUpdateId(step.update, step.taskId, '');
  const recorded = await ledger.findStepOnTask(step.procedureId, step.taskId, prefix);
  if (!recorded || recorded.actorId !== principal.userId) return null;
  return (await stillWaiting(recorded.stage).catch(() => false)) ? recorded.idempotencyKey : null;
}
