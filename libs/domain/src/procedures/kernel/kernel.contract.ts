import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DocumentKind, DocumentVersionRef } from '../../documents';
import type { Role } from '../../roles';

/**
 * What every procedure shares, whatever its statute: the person acting, the status, the snapshot every client can
 * read, the state query, the settle update, document versions and withdrawal. A procedure's own contract
 * (`<type>/<type>.contract.ts`) adds its stages, its policy and its own updates.
 */

/** The person acting, as authenticated by the API. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  /** Qualifications the administrator recorded (e.g. LEGAL_PROFESSION), sent only when the user holds any. */
  qualifications?: string[];
}

/** Where a procedure stands as a whole (its stage says where in the statute). */
export type ProcedureStatus = 'ACTIVE' | 'REJECTED' | 'WITHDRAWN' | 'COMPLETED' | 'IN_FORCE' | 'ENDED';

/** Any procedure's status, including a decision whose execution is suspended. */
export type RunStatus = ProcedureStatus | 'SUSPENDED';

/** What every procedure's snapshot carries; each procedure's snapshot extends it. */
export interface ProcedureSnapshotBase {
  procedureId: string;
  workflowId: string;
  stage: string;
  status: RunStatus;
  /** The open task the procedure waits for, if any. */
  openTaskId: string | null;
  /** When the step it waits for is due (ISO), if any. */
  dueAt: string | null;
  /** True once the open task is past its due time (it has been escalated). */
  overdue?: boolean;
  /** The current version of each document of the procedure. */
  documents?: Partial<Record<DocumentKind, DocumentVersionRef>>;
  /** What the procedure waits for next, in plain words. */
  waitingFor?: string | null;
  /** Rules the law states as "一般" or "可以" that this procedure did not follow, each decided with its reason. */
  discretions?: DiscretionRecord[];
}

/**
 * A recorded decision on a rule the law states as "一般" (as a rule) or "可以" (may): not followed here, by whom and
 * why. Shown to the reviewer, signed into the ledger (decision `DISCRETION_<rule>`) and so kept in the archive —
 * neither a silent skip nor a hard block.
 */
export interface DiscretionRecord {
  /** What was not done, as a code: OPEN_CONSULTATION, INTER_AGENCY_CONSULTATION, REVIEW_MINIMUM, … */
  rule: string;
  /** The provision, cited from the table of legal bases. */
  basis: string;
  /** What was decided instead, in words. */
  decision: string;
  reason: string;
  decidedBy: string;
  decidedByName: string;
  role: string;
  at: string;
}

/** Name of the live-state query every procedure answers (the generic endpoints ask every procedure by it). */
export const PROCEDURE_STATE_QUERY = 'getProcedureState';
/** Live state of any procedure, as its common base. */
export const getProcedureStateBaseQuery = defineQuery<ProcedureSnapshotBase>(PROCEDURE_STATE_QUERY);

/**
 * The kind prefix of a procedure's archived state kept in PostgreSQL (`decision_record`): one record per field of the
 * state its archive files are built from (`STATE:versions`, `STATE:opinions`, …), written when the field changes, so
 * that the archive is built from PostgreSQL after the workflow's history is gone. The last record of a field holds
 * its value.
 */
export const ARCHIVE_STATE_RECORD_PREFIX = 'STATE:';

/** Name of the update that resolves once a procedure has settled after start (its first task is open). */
export const AWAIT_SETTLED_UPDATE = 'awaitSettled';

export interface SubmitDocumentVersionArgs {
  kind: DocumentKind;
  /** SHA-256 of the bytes, which the API stored before asking. */
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  note: string;
  actor: Actor;
}

/** Name of the document-version update every procedure answers (one upload endpoint serves them all). */
export const SUBMIT_DOCUMENT_VERSION_UPDATE = 'submitDocumentVersion';
export const submitDocumentVersionBaseUpdate = defineUpdate<ProcedureSnapshotBase, [SubmitDocumentVersionArgs]>(
  SUBMIT_DOCUMENT_VERSION_UPDATE,
);

export interface WithdrawProcedureArgs {
  reason: string;
  actor: Actor;
}

/** Name of the withdrawal update. */
export const WITHDRAW_PROCEDURE_UPDATE = 'withdrawProcedure';

/**
 * The stages of a stage enum from `first` to `last`, in declaration order. Each procedure declares its enum in
 * statutory order with its terminal stages last, so its order, upload stages and terminal stages are ranges of it.
 */
export function stageRange<S extends string>(stages: Record<string, S>, first: S, last: S): S[] {
  const all = Object.values(stages);
  return all.slice(all.indexOf(first), all.indexOf(last) + 1);
}
