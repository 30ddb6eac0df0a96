import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  ErrorCode,
  type MajorDecisionPolicy,
  type NormativeDocumentPolicy,
  resolvePolicyVersion,
} from '@lawgate/domain';

export interface ResolvePolicyInput {
  procedureType: string;
  version: string | undefined;
}

/**
 * The statutory periods a procedure starts under, resolved by version id from the policy in code. Demonstration
 * periods (seconds) resolve only where the worker's configuration allows them: `PROCEDURE_PERIODS=demo`, or any
 * installation that is not production (development and tests); a production worker refuses them.
 */
@Injectable()
export class PolicyActivities {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  resolvePolicy(input: ResolvePolicyInput): Promise<NormativeDocumentPolicy | MajorDecisionPolicy> {
    const allowDemo = this.config.PROCEDURE_PERIODS === 'demo' || process.env.NODE_ENV !== 'production';
    const resolved = resolvePolicyVersion(input.procedureType, input.version, allowDemo);
    if ('refusal' in resolved) {
      throw ApplicationFailure.create({ type: ErrorCode.RuleViolation, message: resolved.refusal, nonRetryable: true });
    }
    return Promise.resolve(resolved.policy);
  }
}
