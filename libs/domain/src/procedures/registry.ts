import { Role } from '../roles';
import { holderRolesOf, type ProcedureDefinition } from './kernel/procedure-definition';
import { CONTRACT_REVIEW_DEFINITION } from './contract-review/contract-review.definition';
import { FILING_REVIEW_DEFINITION } from './filing-review/filing-review.definition';
import { ENFORCEMENT_REVIEW_DEFINITION } from './enforcement-review/enforcement-review.definition';
import { MAJOR_DECISION_DEFINITION } from './major-decision/major-decision.definition';
import { NORMATIVE_DOCUMENT_DEFINITION } from './normative-document/normative-document.definition';
import { isProcedureType, type ProcedureType } from './procedure-type';

/**
 * Every procedure type's definition: one line per procedure. A type in `PROCEDURE_TYPES` without an entry here is a
 * compile error (the same holds for the workflow, API and web registries).
 */
export const PROCEDURES = {
  NORMATIVE_DOCUMENT: NORMATIVE_DOCUMENT_DEFINITION,
  MAJOR_DECISION: MAJOR_DECISION_DEFINITION,
  ENFORCEMENT_REVIEW: ENFORCEMENT_REVIEW_DEFINITION,
  CONTRACT_REVIEW: CONTRACT_REVIEW_DEFINITION,
  FILING_REVIEW: FILING_REVIEW_DEFINITION,
} as const satisfies Record<ProcedureType, ProcedureDefinition>;

/** The definition of a procedure type read from storage or a request; undefined for an unknown type. */
export function procedureDefinition(type: string): ProcedureDefinition | undefined {
  return isProcedureType(type) ? PROCEDURES[type] : undefined;
}

/** Every definition, in the order of `PROCEDURE_TYPES`. */
export const PROCEDURE_DEFINITIONS: readonly ProcedureDefinition[] = Object.values(PROCEDURES);

/** Who may hold a task that no procedure definition declares (e.g. a clean-up review): an adviser or the office. */
const DEFAULT_HOLDERS: readonly Role[] = [Role.LegalAdviser, Role.LegalAffairsOfficer];

/** The roles that may hold (claim, be reassigned) a task of `kind` in a procedure of `type`. */
export function taskHolderRoles(type: string | null | undefined, kind: string): readonly Role[] {
  const definition = type ? procedureDefinition(type) : undefined;
  return (definition && holderRolesOf(definition, kind)) ?? DEFAULT_HOLDERS;
}
