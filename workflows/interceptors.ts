import {
  ApplicationFailure,
  log,
  type Next,
  type SignalInput,
  type UpdateInput,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
} from '@temporalio/workflow';
// The marker the payload codec produces for a payload that did not authenticate.
import { unauthenticatedReason } from '@lawgate/domain';

/** The failure type a start or an update gets when a payload did not authenticate (see docs/trust-boundary.md). */
export const UNAUTHENTICATED_PAYLOAD = 'UNAUTHENTICATED_PAYLOAD';

function refusal(what: string, reason: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: UNAUTHENTICATED_PAYLOAD,
    message: `${what} refused: its input is not sealed with LawGate's keys (${reason}).`,
    nonRetryable: true,
  });
}

/**
 * Only LawGate's own processes can drive a procedure. The payload codec decodes anything not sealed with LawGate's
 * keys to a marker; this interceptor makes such input have no effect: a start ends before any activity runs, an
 * update is refused by its validator (nothing enters the history), a signal is ignored.
 */
class PayloadAuthenticationInterceptor implements WorkflowInboundCallsInterceptor {
  async execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const reason = unauthenticatedReason(input.args);
    if (reason) throw refusal('The start', reason);
    return next(input);
  }

  validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>): void {
    const reason = unauthenticatedReason(input.args);
    if (reason) throw refusal(`The update ${input.name}`, reason);
    next(input);
  }

  /** Updates without a validator of their own skip `validateUpdate`; refused here before their handler runs. */
  async handleUpdate(
    input: UpdateInput,
    next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>,
  ): Promise<unknown> {
    const reason = unauthenticatedReason(input.args);
    if (reason) throw refusal(`The update ${input.name}`, reason);
    return next(input);
  }

  async handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    const reason = unauthenticatedReason(input.args);
    if (reason) {
      log.warn('signal ignored: its input is not sealed with LawGate keys', { signal: input.signalName, reason });
      return;
    }
    return next(input);
  }
}

export const interceptors = (): WorkflowInterceptors => ({ inbound: [new PayloadAuthenticationInterceptor()] });
