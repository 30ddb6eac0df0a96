import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, ActivityFailure } from '@temporalio/common';
import { DomainError, ErrorCode } from '../../../../libs/domain/src/errors';
import { isErrorCode } from './error-body';

/** Innermost `ApplicationFailure` in a failure's cause chain. */
function applicationFailureIn(err: unknown): ApplicationFailure | undefined {
  let current: unknown = err;
  let found: ApplicationFailure | undefined;
  for (let depth = 0; current && depth < 10; depth += 1) {
    if (current instanceof ApplicationFailure) found = current;
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

/**
 * Turns what the Temporal client throws into a `DomainError`: an update validator's refusal keeps its code and
 * message; a missing workflow is a 404; a duplicate start a 409; an unreachable server a 503.
 */
export function fromTemporalError(err: unknown, context: { workflowId: string }): DomainError | undefined {
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return new DomainError(
      ErrorCode.DuplicateProcedure,
      `A procedure with the key ${context.workflowId} already exists.`,
      {
        workflowId: context.workflowId,
      },
    );
  }
  if (err instanceof WorkflowNotFoundError) {
    return new DomainError(ErrorCode.NotFound, `Procedure ${context.workflowId} is not running.`, {
      workflowId: context.workflowId,
    });
  }
  if (err instanceof WorkflowUpdateFailedError || err instanceof ActivityFailure) {
    const failure = applicationFailureIn(err);
    if (failure && isErrorCode(failure.type)) {
      return new DomainError(failure.type, failure.message, { workflowId: context.workflowId });
    }
    return new DomainError(ErrorCode.Internal, 'The procedure could not record the action; nothing was changed.', {
      workflowId: context.workflowId,
    });
  }
  const grpcCode = (err as { code?: unknown }).code;
  if (grpcCode === 14 || grpcCode === 4 || /connect|UNAVAILABLE|DEADLINE/i.test(String((err as Error)?.message))) {
    return new DomainError(ErrorCode.Unavailable, 'The workflow engine is not reachable right now; try again shortly.');
  }
  return undefined;
}
