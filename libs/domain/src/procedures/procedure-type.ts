/**
 * The procedure types LawGate runs. Adding one here makes every per-layer registry (`Record<ProcedureType, …>` in
 * domain, workflows, API and web) fail to compile until it has an entry: see docs/procedure-registry.md.
 */
export const PROCEDURE_TYPES = [
  'NORMATIVE_DOCUMENT',
  'MAJOR_DECISION',
  'ENFORCEMENT_REVIEW',
  'CONTRACT_REVIEW',
  'FILING_REVIEW',
] as const;

/** Procedure type code, also the `LawGateProcedureType` search attribute value and `procedure.type` in the database. */
export type ProcedureType = (typeof PROCEDURE_TYPES)[number];

export function isProcedureType(value: unknown): value is ProcedureType {
  return typeof value === 'string' && (PROCEDURE_TYPES as readonly string[]).includes(value);
}
