import {
  FILING_STANDARDS,
  type FilingOutcome,
  type FrRegisterArgs,
  type StandardEntry,
} from './filing-review.contract';

/**
 * G-E4: the standards (§3.3) fit the outcome (§3.4). Every standard is answered once; PASSED needs every one met;
 * TECHNICAL is a drafting-technique defect only; the other outcomes name each substantive standard not met, with its
 * note. Returns the refusal, or null.
 */
export function standardsRefusal(outcome: FilingOutcome, standards: readonly StandardEntry[]): string | null {
  const answered = new Set(standards.map((c) => c.item));
  const missing = FILING_STANDARDS.filter((i) => !answered.has(i));
  if (missing.length > 0 || answered.size !== standards.length) {
    return `The review answers each standard once (§3.3); missing or repeated: ${missing.join(', ') || 'repeated items'}.`;
  }
  const failed = standards.filter((c) => !c.ok);
  if (failed.some((f) => !f.note.trim())) return 'Each standard not met carries a note saying what is wrong.';
  const substantive = failed.filter((f) => f.item !== 'DRAFTING_TECHNIQUE');
  if (outcome === 'PASSED' && failed.length > 0) {
    return `A passing review needs every standard met; not met: ${failed.map((f) => f.item).join(', ')}.`;
  }
  if (outcome === 'TECHNICAL' && (substantive.length > 0 || failed.length === 0)) {
    return 'Technical problems are drafting-technique defects only (DRAFTING_TECHNIQUE not met, every other met).';
  }
  if (['CORRECTION_AGREED', 'FORMAL_OPINION', 'ESCALATE'].includes(outcome) && substantive.length === 0) {
    return `${outcome} needs at least one substantive standard not met (a drafting defect alone is TECHNICAL).`;
  }
  return null;
}

/** G-E1: a registration decision carries what it needs (the ground and reasons of a refusal, the missing list). */
export function registrationRefusal(args: Pick<FrRegisterArgs, 'decision' | 'ground' | 'reasons' | 'missing'>) {
  if (args.decision === 'REFUSE') {
    if (!args.ground) return 'A refusal names its ground: NOT_NORMATIVE or OUT_OF_SCOPE.';
    if (!args.reasons.trim()) return 'A refusal gives its reasons (they are sent back to the issuer).';
  }
  if (args.decision === 'DEFER' && !(args.missing ?? []).some((m) => m.trim())) {
    return 'A deferral lists the missing materials the issuer must supplement.';
  }
  if (args.decision !== 'REFUSE' && args.ground) return 'Only a refusal names a ground.';
  return null;
}

/** E8: whether a filing made at `filedAt` was late against its due time (null: no due time known). */
export function filingLate(filedAt: string, dueAt: string | null): boolean {
  return dueAt !== null && Date.parse(filedAt) > Date.parse(dueAt);
}
