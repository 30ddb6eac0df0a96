import { type ProcedureType, isProcedureType } from '@lawgate/domain';
import { CONTRACT_REVIEW_API } from './contract-review/contract-review.api';
import { FILING_REVIEW_API } from './filing-review/filing-review.api';
import { ENFORCEMENT_REVIEW_API } from './enforcement-review/enforcement-review.api';
import { MAJOR_DECISION_API } from './major-decision/major-decision.api';
import { NORMATIVE_DOCUMENT_API } from './normative-document/normative-document.api';
import type { ProcedureApi } from './procedure-api';

/**
 * Each procedure type's API (its steps): one line per procedure. A type in `PROCEDURE_TYPES` without an entry
 * here is a compile error.
 */
export const PROCEDURE_APIS: Record<ProcedureType, ProcedureApi> = {
  NORMATIVE_DOCUMENT: NORMATIVE_DOCUMENT_API,
  MAJOR_DECISION: MAJOR_DECISION_API,
  ENFORCEMENT_REVIEW: ENFORCEMENT_REVIEW_API,
  CONTRACT_REVIEW: CONTRACT_REVIEW_API,
  FILING_REVIEW: FILING_REVIEW_API,
};

/** The API of a stored procedure's type; undefined for a type this build does not know. */
export function procedureApiOf(type: string): ProcedureApi | undefined {
  return isProcedureType(type) ? PROCEDURE_APIS[type] : undefined;
}
