import { patched } from '@temporalio/workflow';
import { acts, local, refuse } from '../activity-proxies';
import { ErrorCode } from '@lawgate/domain';

/**
 * The policy (statutory periods) a procedure runs under. New starts name a policy version, resolved from the policy
 * in code by a local activity (an activity before `policy-local-activity`) that reads the worker's configuration (demonstration periods only where it allows them); a
 * start that carries periods of its own, or names no known version, fails before anything is recorded. Procedures
 * started before policy versions keep the policy of their input (their histories take the old path).
 */
export async function startPolicy<P>(procedureType: string, input: { policy?: P; policyVersion?: string }): Promise<P> {
  if (!patched('policy-by-version')) return input.policy!;
  if (input.policy !== undefined) {
    refuse(ErrorCode.RuleViolation, 'A start names a policy version; it never carries periods of its own.');
  }
  const ask = { procedureType, version: input.policyVersion };
  // A pure look-up in the worker's code and configuration: as a local activity it costs no round trip through the
  // server (no activity task, no second workflow task) before the procedure registers.
  if (patched('policy-local-activity')) return (await local.resolvePolicy(ask)) as P;
  return (await acts.resolvePolicy(ask)) as P;
}
