import type {
  ContractChecklistEntry,
  ContractConclusion,
  ContractFacts,
  ContractReviewPolicy,
} from './contract-review.contract';
import { CONTRACT_CHECKLIST } from './contract-review.contract';
import { cite } from '../../legal-bases';
import { MAJOR_DECISION, MajorDecisionStage } from '../major-decision/major-decision.contract';

/** The ledger decision a major decision records when its meeting adopts it (Decree 713 Art 30). */
export const MAJOR_DECISION_ADOPTED = 'DECIDED_ADOPTED';

/** What the read model says of the major decision a contract names (G-D6). */
export interface LinkedDecisionState {
  type: string;
  stage: string;
  title: string;
  /** Which of the ledger decisions asked for the procedure has recorded. */
  decided: string[];
}

/** Stages of an adopted major decision in which no contract implementing it is signed. */
const NOT_SIGNABLE: Record<string, string> = {
  [MajorDecisionStage.Suspended]: `its execution is suspended (${cite('D713/37')})`,
  [MajorDecisionStage.Closed]: 'its execution has ended and the case is closed',
};

/**
 * G-D6: a contract that is itself a major decision is signed only once that decision was adopted by the decision
 * organ's meeting (Decree 713 Art 30), and not while its execution is suspended (Art 37) or after it was closed.
 * Returns the refusal naming the basis, or null.
 */
export function majorDecisionLinkRefusal(procedureId: string, state: LinkedDecisionState | null): string | null {
  const gate = `G-D6: a contract that is itself a major administrative decision is signed only after the decision is adopted (${cite('D713/30')})`;
  if (!state || state.type !== MAJOR_DECISION) {
    return `Signing is refused: the major decision ${procedureId} the contract names does not exist (${gate}).`;
  }
  if (!state.decided.includes(MAJOR_DECISION_ADOPTED)) {
    return (
      `Signing is refused: the major decision 「${state.title}」 is in stage ${state.stage} and has not been adopted ` +
      `(${gate}).`
    );
  }
  const why = NOT_SIGNABLE[state.stage];
  return why ? `Signing is refused: the major decision 「${state.title}」 was adopted, but ${why} (${gate}).` : null;
}

/** G-D1: whether a contract must be reviewed (amount threshold or listed kind, both policy), and why. */
export function mustReview(
  policy: Pick<ContractReviewPolicy, 'mustReviewFromYuan' | 'mustReviewKinds'>,
  facts: Pick<ContractFacts, 'kind' | 'amountYuan'>,
): string | null {
  const why: string[] = [];
  if (facts.amountYuan >= policy.mustReviewFromYuan) why.push(`金额达到 ${policy.mustReviewFromYuan} 元`);
  if (policy.mustReviewKinds.includes(facts.kind)) why.push(`属于应审查的合同类型 ${facts.kind}`);
  return why.length ? why.join('；') : null;
}

/**
 * G-D3: the checklist fits the conclusion and the facts. PASS needs every item met; an administrative agreement's
 * dispute clause is checked against the void-arbitration rule; REVISE names each item not met with its note.
 */
export function contractChecklistRefusal(
  conclusion: ContractConclusion,
  checklist: readonly ContractChecklistEntry[],
): string | null {
  const answered = new Set(checklist.map((c) => c.item));
  const missing = CONTRACT_CHECKLIST.filter((i) => !answered.has(i));
  if (missing.length > 0 || answered.size !== checklist.length) {
    return `The review answers each checklist item once (§2.4); missing or repeated: ${missing.join(', ') || 'repeated items'}.`;
  }
  const failed = checklist.filter((c) => !c.ok);
  if (conclusion === 'PASS' && failed.length > 0) {
    return `A passing opinion needs every checklist item met; not met: ${failed.map((f) => f.item).join(', ')}.`;
  }
  if (conclusion === 'REVISE' && (failed.length === 0 || failed.some((f) => !f.note.trim()))) {
    return 'An opinion asking for changes names each item not met, with the change required.';
  }
  return null;
}

/** Whether an agreed payment period is lawful for an SME (at most 60 days, SME payment rule Art 9). */
export function paymentDaysRefusal(agreedDays: number | undefined, max: number): string | null {
  if (agreedDays === undefined) return null;
  return agreedDays > max || agreedDays < 1 ? `An agreed payment period is 1 to ${max} days.` : null;
}

/** A period's length in milliseconds, roughly (working days as 7/5 of a day): for when to remind, not a deadline. */
export function roughPeriodMs(period: { amount: number; unit: string }): number {
  const units: Record<string, number> = {
    SECONDS: 1000,
    HOURS: 3600000,
    CALENDAR_DAYS: 86400000,
    WORKING_DAYS: 120960000,
  };
  return period.amount * (units[period.unit] ?? 86400000);
}
