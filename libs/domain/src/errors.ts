/**
 * Business error codes. The API maps each to an HTTP status; activities raise them as non-retryable
 * `ApplicationFailure`s with the code as `type`; workflow update validators throw them to refuse an action.
 */
export enum ErrorCode {
  /** Request body or query failed validation. */
  ValidationFailed = 'VALIDATION_FAILED',
  /** No or invalid credentials. */
  Unauthenticated = 'UNAUTHENTICATED',
  /** Authenticated, but the role or unit does not allow this action. */
  Forbidden = 'FORBIDDEN',
  /** The thing asked for does not exist (or is not visible to the caller). */
  NotFound = 'NOT_FOUND',
  /** A procedure with the same business key already exists. */
  DuplicateProcedure = 'DUPLICATE_PROCEDURE',
  /** The procedure is not in a stage that allows this action. */
  WrongStage = 'WRONG_STAGE',
  /** The task was already decided or closed. */
  TaskClosed = 'TASK_CLOSED',
  /**
   * The procedure is still recording another action (an activity of the previous step runs). It clears by itself
   * within moments: the procedure gateway sends the same update again before it passes this on.
   */
  ProcedureBusy = 'PROCEDURE_BUSY',
  /** The request refers to a document version that is no longer current. */
  StaleVersion = 'STALE_VERSION',
  /** A rule of the procedure refuses the input (missing materials, period too short, ...). */
  RuleViolation = 'RULE_VIOLATION',
  /** A public comment window is not open: not yet opened, or closed (submissions are refused). */
  CommentWindowNotOpen = 'COMMENT_WINDOW_NOT_OPEN',
  /** The client sent more requests than its limit allows; `Retry-After` says when to try again. */
  TooManyRequests = 'TOO_MANY_REQUESTS',
  /** A required service (database, Temporal) is not reachable. */
  Unavailable = 'SERVICE_UNAVAILABLE',
  /** Anything unexpected. */
  Internal = 'INTERNAL_ERROR',
}

/**
 * The message of a procedure's refusal while it is still recording another action; the refusal's type is
 * `ErrorCode.ProcedureBusy`, and callers tell it apart by that type, never by this text.
 */
export const PROCEDURE_BUSY_MESSAGE = 'Another action on this procedure is being recorded; try again.';

/** A business error with a message a person understands. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
