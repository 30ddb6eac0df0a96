import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { DomainError, ErrorCode } from '@lawgate/domain';

const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** Innermost `ApplicationFailure` in a failure's cause chain. */
export function applicationFailureIn(err: unknown): ApplicationFailure | undefined {
  let current: unknown = err;
  let found: ApplicationFailure | undefined;
  for (let depth = 0; current && depth < 10; depth += 1) {
    if (current instanceof ApplicationFailure) found = current;
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

/**
 * Turns what the Temporal client throws into a `DomainError`. A workflow's refusal is told apart by its
 * `ApplicationFailure` type (an `ErrorCode`), never by its message: the type becomes the code, the message is kept
 * for the person. A missing workflow is NOT_FOUND, a duplicate start DUPLICATE_PROCEDURE, an unreachable server
 * SERVICE_UNAVAILABLE; anything else is left to the caller (undefined).
 */
export function fromTemporalError(err: unknown, context: { workflowId: string }): DomainError | undefined {
  if (err instanceof DomainError) return err;
  const { workflowId } = context;
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return new DomainError(ErrorCode.DuplicateProcedure, `A procedure with the key ${workflowId} already exists.`, {
      workflowId,
    });
  }
  if (err instanceof WorkflowNotFoundError) {
    return new DomainError(ErrorCode.NotFound, `Procedure ${workflowId} is not running.`, { workflowId });
  }
  if (err instanceof WorkflowUpdateFailedError || err instanceof ActivityFailure) {
    const failure = applicationFailureIn(err);
    if (failure?.type && ERROR_CODES.has(failure.type)) {
      return new DomainError(failure.type as ErrorCode, failure.message, { workflowId });
    }
    return new DomainError(ErrorCode.Internal, 'The procedure could not record the action; nothing was changed.', {
      workflowId,
    });
  }
  // The client wraps a gRPC error in a ServiceError (e.g. "Workflow Update failed"): its code is the cause's. An
  // overloaded server aborts an update whose workflow task timed out (UNAVAILABLE), sheds load (RESOURCE_EXHAUSTED),
  // gives up waiting (DEADLINE_EXCEEDED), ends the call when its own context is cancelled (CANCELLED, "context
  // canceled"), keeps answering a code the client retries by itself (UNKNOWN, ABORTED) until its retries run out,
  // refuses the update while the workflow's last task timed out (FAILED_PRECONDITION, "Workflow Task in failed
  // state", until the next attempt of that task), or drops it when the workflow task that carried it failed before it
  // was committed (FAILED_PRECONDITION, "unexpected workflow task failure": seen under load when the worker answered an
  // update twice, "invalid state transition … ProvisionallyAccepted"): the action was not completed, and the person
  // may send it again (a step acts once by its update id).
  const cause = (err as { cause?: { code?: unknown; details?: unknown } })?.cause;
  const grpcCode = (err as { code?: unknown }).code ?? cause?.code;
  if (
    grpcCode === 14 ||
    grpcCode === 4 ||
    grpcCode === 8 ||
    grpcCode === 1 ||
    grpcCode === 2 ||
    grpcCode === 10 ||
    (grpcCode === 9 &&
      /Workflow Task in failed state|unexpected workflow task failure/i.test(String(cause?.details))) ||
    /connect|UNAVAILABLE|DEADLINE/i.test(String((err as Error)?.message))
  ) {
    return new DomainError(ErrorCode.Unavailable, 'The workflow engine is not reachable right now; try again shortly.');
  }
  // Left to the caller (a 500): the log then names the gRPC status the server answered.
  if (err instanceof Error && typeof grpcCode === 'number') {
    const details = typeof cause?.details === 'string' ? cause.details : '';
    err.message += ` (gRPC status ${grpcCode}: ${details})`;
  }
  return undefined;
}
