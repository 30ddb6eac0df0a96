import {
  CONTRACT_REVIEW,
  DEFAULT_CONTRACT_REVIEW_POLICY,
  DEMO_CONTRACT_REVIEW_POLICY,
} from './contract-review/contract-review.contract';
import {
  DEFAULT_FILING_REVIEW_POLICY,
  DEMO_FILING_REVIEW_POLICY,
  FILING_REVIEW,
} from './filing-review/filing-review.contract';
import {
  DEFAULT_ENFORCEMENT_REVIEW_POLICY,
  DEMO_ENFORCEMENT_REVIEW_POLICY,
  ENFORCEMENT_REVIEW,
} from './enforcement-review/enforcement-review.contract';
import {
  DEFAULT_MAJOR_DECISION_POLICY,
  DEMO_MAJOR_DECISION_POLICY,
  MAJOR_DECISION,
} from './major-decision/major-decision.contract';
import {
  DEFAULT_NORMATIVE_DOCUMENT_POLICY,
  DEMO_NORMATIVE_DOCUMENT_POLICY,
  NORMATIVE_DOCUMENT,
  PREVIOUS_NORMATIVE_DOCUMENT_POLICIES,
} from './normative-document/normative-document.contract';
import type { ProcedureType } from './procedure-type';

/**
 * Statutory periods are policy, selected by version id from this table in code; a start input names the version and
 * never carries periods of its own. A version whose periods are seconds (`demo`) is for demonstrations and tests only:
 * it resolves only where the configuration allows it (never in production).
 */
/** What every procedure's policy has; each procedure's policy type adds its own periods. */
export interface ProcedurePolicy {
  version: string;
}

export interface PolicyVersion {
  procedureType: ProcedureType;
  policy: ProcedurePolicy;
  /** Periods of seconds: refused unless the configuration allows demonstration periods. */
  demo: boolean;
}

const entry = (procedureType: ProcedureType, policy: PolicyVersion['policy'], demo: boolean) => ({
  [policy.version]: { procedureType, policy, demo },
});

export const POLICY_VERSIONS: Readonly<Record<string, PolicyVersion>> = {
  ...entry(NORMATIVE_DOCUMENT, DEFAULT_NORMATIVE_DOCUMENT_POLICY, false),
  ...entry(NORMATIVE_DOCUMENT, DEMO_NORMATIVE_DOCUMENT_POLICY, true),
  ...entry(MAJOR_DECISION, DEFAULT_MAJOR_DECISION_POLICY, false),
  ...entry(MAJOR_DECISION, DEMO_MAJOR_DECISION_POLICY, true),
  ...entry(ENFORCEMENT_REVIEW, DEFAULT_ENFORCEMENT_REVIEW_POLICY, false),
  ...entry(ENFORCEMENT_REVIEW, DEMO_ENFORCEMENT_REVIEW_POLICY, true),
  ...entry(CONTRACT_REVIEW, DEFAULT_CONTRACT_REVIEW_POLICY, false),
  ...entry(CONTRACT_REVIEW, DEMO_CONTRACT_REVIEW_POLICY, true),
  ...entry(FILING_REVIEW, DEFAULT_FILING_REVIEW_POLICY, false),
  ...entry(FILING_REVIEW, DEMO_FILING_REVIEW_POLICY, true),
  // Earlier versions last: a new start takes the first version of its type above.
  ...PREVIOUS_NORMATIVE_DOCUMENT_POLICIES.reduce<Record<string, PolicyVersion>>(
    (all, v) => ({ ...all, ...entry(NORMATIVE_DOCUMENT, v.policy, v.demo) }),
    {},
  ),
};

/** The version a procedure type starts under: statutory, or its demonstration periods. */
export function policyVersionFor(procedureType: ProcedureType, demo: boolean): string {
  const found = Object.entries(POLICY_VERSIONS).find(([, v]) => v.procedureType === procedureType && v.demo === demo);
  if (!found) throw new Error(`No ${demo ? 'demo' : 'statutory'} policy version for ${procedureType}.`);
  return found[0];
}

/**
 * The policy a start names, or why it is refused: an unknown version, a version of another procedure, or
 * demonstration periods where the configuration does not allow them.
 */
export function resolvePolicyVersion(
  procedureType: string,
  version: string | undefined,
  allowDemo: boolean,
  versions: Readonly<Record<string, PolicyVersion>> = POLICY_VERSIONS,
): { policy: PolicyVersion['policy'] } | { refusal: string } {
  const found = version === undefined ? undefined : versions[version];
  if (!found) {
    return { refusal: `Unknown policy version ${version ?? '(none)'}: a start names a version of the policy in code.` };
  }
  if (found.procedureType !== procedureType) {
    return { refusal: `Policy version ${version} belongs to ${found.procedureType}, not ${procedureType}.` };
  }
  if (found.demo && !allowDemo) {
    return { refusal: `Policy version ${version} has demonstration periods, which this installation does not allow.` };
  }
  return { policy: found.policy };
}
