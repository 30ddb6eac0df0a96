import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../kernel/kernel.contract';
import type { Period } from '../../periods';
import type { ProcedureSnapshot } from './normative-document.contract';

/**
 * A normative document's issuer, its filing and its life after publication: the effective date (施行日期) the drafter
 * sets, the validity it runs from there, the evaluation before expiry and its three outcomes, and an amendment
 * carried out by a linked procedure that replaces the document when it takes effect.
 */

/** Who issues the document: the district government, or the drafting department (a bureau) in its own name. */
export type NormativeDocumentIssuer = 'GOVERNMENT' | 'DEPARTMENT';

/** Filing recipients by issuer (JS158 备案), as the versioned policy has them. */
export type FilingRecipients = Record<NormativeDocumentIssuer, readonly string[]>;

/** The meeting that deliberates, by issuer: the government's executive meeting, or the bureau's own meeting. */
export const DELIBERATION_MEETING: Record<NormativeDocumentIssuer, { kind: string; zh: string; signer: string }> = {
  GOVERNMENT: { kind: 'EXECUTIVE', zh: '政府常务会议', signer: 'a leader of the government' },
  DEPARTMENT: {
    kind: 'BUREAU',
    zh: '局务会议',
    signer: "a leader of the issuing department (its principal's meeting)",
  },
};

/** The issuer a procedure's application names; applications before the choice existed were the government's. */
export function issuerOf(application: { issuer?: NormativeDocumentIssuer }): NormativeDocumentIssuer {
  return application.issuer === 'DEPARTMENT' ? 'DEPARTMENT' : 'GOVERNMENT';
}

/** One filing of the published document with one recipient. */
export interface FilingView {
  filingId: string;
  recipient: string;
  status: 'PENDING' | 'SUBMITTED' | 'CORRECTION_REQUESTED' | 'RESUBMITTED' | 'ACCEPTED';
  dueAt: string | null;
}

/** What the drafter set for the document's effect: its effective date and (optionally) a shorter validity. */
export interface SetEffectiveDateArgs {
  /** 施行日期: a date (YYYY-MM-DD, China Standard Time) or, with periods in seconds, an instant. */
  effectiveDate: string;
  /**
   * A shorter validity the document states: its last day (YYYY-MM-DD), at most the policy's maximum years after the
   * effective date (absent: the policy's validity). With periods in seconds, an instant.
   */
  validUntil?: string;
  /** Why it takes effect earlier than the policy's earliest date after publication (recorded with the decision). */
  earlyEffectReason?: string;
  actor: Actor;
}

/** The document's validity as the workflow keeps it. */
export interface ValidityView {
  /** The drafter's effective date, as set (null: the earliest the policy allows after publication). */
  effectiveDate: string | null;
  validUntil: string | null;
  earlyEffectReason: string | null;
  /** When it took (or takes) effect, once published. */
  effectiveAt: string | null;
  /** When the validity ends (the register's last day, or with periods in seconds the instant). */
  expiresAt: string | null;
  /** Continuations decided at evaluation, oldest first. */
  continuations: { validUntil: string; decidedAt: string }[];
}

/** The three outcomes an evaluation before expiry must end in. */
export type EvaluationDecision = 'CONTINUE' | 'AMEND' | 'EXPIRE';
export const EVALUATION_DECISIONS: readonly EvaluationDecision[] = ['CONTINUE', 'AMEND', 'EXPIRE'];

export interface DecideEvaluationArgs {
  taskId: string;
  decision: EvaluationDecision;
  /** The evaluation's findings and why this outcome. */
  reason: string;
  /**
   * CONTINUE: the new validity's last day (absent: the policy's validity counted from the old end); at most the
   * policy's maximum years after the old end. With periods in seconds, an instant.
   */
  validUntil?: string;
  actor: Actor;
}

/** An amendment the document waits for: decided at evaluation or by a clean-up review, carried out by a procedure. */
export interface AmendmentView {
  source: 'EVALUATION' | 'CLEANUP';
  campaignId: string | null;
  reason: string;
  /** The task that asks the drafting department to start the amendment procedure. */
  taskId: string | null;
  /** The linked amendment procedure, once started. */
  procedureId: string | null;
  workflowId: string | null;
}

/** The document an amendment procedure amends (its start input carries it). */
export interface AmendedDocumentRef {
  procedureId: string;
  workflowId: string;
  registerEntryId: string;
  number: string;
}

/** The drafting department started the amendment procedure: the document records the link. */
export interface LinkAmendmentArgs {
  procedureId: string;
  workflowId: string;
  actor: Actor;
}

/** The amendment took effect: the document is replaced by it. Sent by the amendment's workflow. */
export interface AmendmentTookEffectArgs {
  procedureId: string;
  registerEntryId: string;
  number: string;
  effectiveAt: string;
  actor: Actor;
}

/** Policy values of the validity rules (all optional: procedures started before them fall back to the defaults). */
export interface ValidityPolicy {
  /** The earliest effective date after publication (default 30 days), unless a reason is recorded. */
  earliestEffectiveAfter?: Period;
  /** The longest validity a document (or a continuation) may state, in years. */
  maxValidityYears?: number;
  /** Filing recipients by issuer. */
  filingRecipients?: FilingRecipients;
}

export const setEffectiveDateUpdate = defineUpdate<ProcedureSnapshot, [SetEffectiveDateArgs]>('setEffectiveDate');
export const decideEvaluationUpdate = defineUpdate<ProcedureSnapshot, [DecideEvaluationArgs]>('decideEvaluation');
export const linkAmendmentUpdate = defineUpdate<ProcedureSnapshot, [LinkAmendmentArgs]>('linkAmendment');
export const amendmentTookEffectUpdate = defineUpdate<ProcedureSnapshot, [AmendmentTookEffectArgs]>(
  'amendmentTookEffect',
);

/** `patched()` ids of the issuer's deliberation and filing, and of validity from the effective date. */
export const ISSUER_FILING_PATCH = 'issuer-deliberation-and-filing';
export const VALIDITY_PATCH = 'validity-from-effective-date';
