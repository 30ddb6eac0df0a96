/**
 * How a statutory or policy period is counted. `CALENDAR_DAYS` (the rule says 日), `WORKING_DAYS` (个工作日) and
 * `HOURS` (小时, e.g. a transfer within 24 hours) are the legal units; `SECONDS` exists so that tests can run the
 * real workflow with periods of seconds.
 */
export type PeriodUnit = 'CALENDAR_DAYS' | 'WORKING_DAYS' | 'HOURS' | 'SECONDS';

export interface Period {
  amount: number;
  unit: PeriodUnit;
}

/** Legal basis a stage or task carries, so the person acting knows why it exists. */
export interface LegalBasis {
  /** The instrument, e.g. 国办发〔2018〕115号. */
  regulation: string;
  /** Article or part, e.g. 第五条 / (五). */
  article: string;
  /** False when the reference could not be checked against the official text; such rules are policy, not hard gates. */
  verified: boolean;
}

export function formatLegalBasis(basis: LegalBasis): string {
  return `${basis.regulation} ${basis.article}${basis.verified ? '' : '（待核实）'}`;
}
