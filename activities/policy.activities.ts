import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { ErrorCode, resolvePolicyVersion, type ProcedurePolicy } from '@lawgate/domain';

export interface ResolvePolicyInput {
  procedureType: string;
  version: string | undefined;
}

/**
 * The statutory periods a procedure starts under, resolved by version id from the policy in code. Demonstration
 * periods (seconds) resolve only where the worker's configuration explicitly allows them
 * (`PROCEDURE_DEMO_POLICY_ALLOWED=true`), and never in a production process, whatever its configuration says.
 */
/** Whether demonstration policy versions may run here: explicitly allowed, and never in production. */
export function demoPolicyAllowed(config: Pick<AppConfig, 'NODE_ENV' | 'PROCEDURE_DEMO_POLICY_ALLOWED'>): boolean {
  return config.PROCEDURE_DEMO_POLICY_ALLOWED === true && config.NODE_ENV !== 'production';
}

@Injectable()
export class PolicyActivities {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  resolvePolicy(input: ResolvePolicyInput): Promise<ProcedurePolicy> {
    const allowDemo = demoPolicyAllowed(this.config);
    const resolved = resolvePolicyVersion(input.procedureType, input.version, allowDemo);
    if ('refusal' in resolved) {
      throw ApplicationFailure.create({ type: ErrorCode.RuleViolation, message: resolved.refusal, nonRetryable: true });
    }
    return Promise.resolve(resolved.policy);
  }
}
