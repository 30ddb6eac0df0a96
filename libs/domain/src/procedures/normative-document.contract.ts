import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DocumentKind, DocumentVersionRef } from '../documents';
import type { LegalBasis, Period } from '../periods';
import type { Role } from '../roles';

/** Procedure type code, also the `LawGateProcedureType` search attribute value. */
export const NORMATIVE_DOCUMENT = 'NORMATIVE_DOCUMENT';

/**
 * Stages of the administrative normative document procedure (行政规范性文件), regulations.md §2.2.
 * Only the stages the workflow runs today are listed; later stages are added behind `patched()`.
 */
export enum NormativeDocumentStage {
  /** B1 立项: the legal-affairs office approves or rejects the drafting unit's application. */
  ProjectApproval = 'PROJECT_APPROVAL',
  /** B2 起草: the project is approved and the drafting unit drafts. */
  Drafting = 'DRAFTING',
  /** Terminal: the project application was rejected. */
  Rejected = 'REJECTED',
  /** Terminal: the drafting unit withdrew the procedure. */
  Withdrawn = 'WITHDRAWN',
}

export type ProcedureStatus = 'ACTIVE' | 'REJECTED' | 'WITHDRAWN' | 'COMPLETED';

/** Legal basis of each stage. 国办发〔2018〕37号 was not read in full (regulations.md §8), hence unverified. */
export const NORMATIVE_DOCUMENT_STAGE_BASIS: Record<NormativeDocumentStage, LegalBasis> = {
  [NormativeDocumentStage.ProjectApproval]: {
    regulation: '国办发〔2018〕37号《关于加强行政规范性文件制定和监督管理工作的通知》',
    article: '严格制发程序（立项）',
    verified: false,
  },
  [NormativeDocumentStage.Drafting]: {
    regulation: '国办发〔2018〕37号《关于加强行政规范性文件制定和监督管理工作的通知》',
    article: '严格制发程序（起草、评估论证）',
    verified: false,
  },
  [NormativeDocumentStage.Rejected]: {
    regulation: '国办发〔2018〕37号《关于加强行政规范性文件制定和监督管理工作的通知》',
    article: '严格制发程序（立项）',
    verified: false,
  },
  [NormativeDocumentStage.Withdrawn]: {
    regulation: '国办发〔2018〕37号《关于加强行政规范性文件制定和监督管理工作的通知》',
    article: '严格制发程序',
    verified: false,
  },
};

/** Versioned policy a procedure starts under; tests pass periods in seconds. */
export interface NormativeDocumentPolicy {
  /** Identifier of this policy version, recorded with the procedure. */
  version: string;
  /** How long the legal-affairs office has to decide on project approval (an SLA, not a statutory minimum). */
  projectApprovalPeriod: Period;
  /** How long before a task's due time its holder is reminded (absent in procedures started before reminders). */
  reminderLeadSeconds?: number;
  /** How long a legal adviser has to give an opinion on a draft (absent in procedures started before opinions). */
  adviserOpinionPeriod?: Period;
}

export const DEFAULT_NORMATIVE_DOCUMENT_POLICY: NormativeDocumentPolicy = {
  version: 'nd-2026.1',
  projectApprovalPeriod: { amount: 10, unit: 'WORKING_DAYS' },
  reminderLeadSeconds: 24 * 3600,
  adviserOpinionPeriod: { amount: 5, unit: 'WORKING_DAYS' },
};

/** The person acting, as authenticated by the API. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
}

/** The drafting unit's project application (立项申请). */
export interface ProjectApplication {
  /** Why the document is needed (制定必要性). */
  necessity: string;
  /** Legal basis the document rests on (制定依据). */
  legalBasis: string;
  /** Main content (主要内容). */
  mainContent: string;
  /** Whether the document touches business activity (affects comment period and fair-competition review). */
  touchesBusiness: boolean;
  /** Whether the matter is also a major administrative decision (dual track). */
  alsoMajorDecision: boolean;
}

/** Input of `normativeDocumentWorkflow`. Plain JSON; dates are ISO strings. */
export interface NormativeDocumentInput {
  procedureId: string;
  projectCode: string;
  title: string;
  departmentId: string;
  departmentCode: string;
  applicant: Actor;
  application: ProjectApplication;
  policy: NormativeDocumentPolicy;
}

export type ProjectApprovalDecision = 'APPROVED' | 'REJECTED';

export interface DecideProjectApprovalArgs {
  taskId: string;
  decision: ProjectApprovalDecision;
  opinion: string;
  actor: Actor;
}

/** What a client sees of a running procedure. */
export interface ProcedureSnapshot {
  procedureId: string;
  workflowId: string;
  stage: NormativeDocumentStage;
  status: ProcedureStatus;
  /** The open task the procedure waits for, if any. */
  openTaskId: string | null;
  /** When the step it waits for is due (ISO), if any. */
  dueAt: string | null;
  /** True once the open task is past its due time (it has been escalated). */
  overdue?: boolean;
  /** The current version of each document of the procedure. */
  documents?: Partial<Record<DocumentKind, DocumentVersionRef>>;
  /** The legal adviser's opinion the procedure waits for, if one was asked. */
  pendingOpinion?: PendingOpinion | null;
  /** Opinions given so far, oldest first. */
  opinions?: GivenOpinion[];
}

/** A legal adviser's conclusion on a draft (国办发〔2018〕115号 (六): 合法 / 不合法 / 应当予以修改). */
export type OpinionConclusion = 'LAWFUL' | 'UNLAWFUL' | 'MUST_AMEND';

export interface PendingOpinion {
  taskId: string;
  round: number;
  /** The draft version the opinion was asked on. */
  requestedOn: DocumentVersionRef;
}

export interface GivenOpinion {
  round: number;
  taskId: string;
  conclusion: OpinionConclusion;
  /** The draft version the adviser reviewed and signed. */
  version: number;
  sha256: string;
  adviserId: string;
}

export interface RequestAdviserOpinionArgs {
  /** Areas of expertise the opinion needs (used to route it). */
  expertise: string[];
  question: string;
  actor: Actor;
}

export interface GiveAdviserOpinionArgs {
  taskId: string;
  conclusion: OpinionConclusion;
  reasons: string;
  /** SHA-256 of the draft version the adviser read: refused unless it is the current version. */
  reviewedSha256: string;
  /** Set when the adviser countersigns a delegate's draft: who drafted it. */
  countersignsDraftOf?: string;
  actor: Actor;
}

/** While drafting, the drafting unit asks the government's legal advisers for an opinion on the current draft. */
export const requestAdviserOpinionUpdate = defineUpdate<ProcedureSnapshot, [RequestAdviserOpinionArgs]>(
  'requestAdviserOpinion',
);

/** The legal adviser signs an opinion on the current draft version; a stale version is refused. */
export const giveAdviserOpinionUpdate = defineUpdate<ProcedureSnapshot, [GiveAdviserOpinionArgs]>('giveAdviserOpinion');

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

/**
 * The drafting unit adds a version of a document (draft, drafting explanation, basis list). Allowed while drafting;
 * refused in other stages and when the bytes are those of the current version.
 */
export const submitDocumentVersionUpdate = defineUpdate<ProcedureSnapshot, [SubmitDocumentVersionArgs]>(
  'submitDocumentVersion',
);

/** The legal-affairs office decides the project application. Refused unless the procedure is in PROJECT_APPROVAL. */
export const decideProjectApprovalUpdate = defineUpdate<ProcedureSnapshot, [DecideProjectApprovalArgs]>(
  'decideProjectApproval',
);

export interface WithdrawProcedureArgs {
  reason: string;
  actor: Actor;
}

/** The drafting unit withdraws its procedure; refused once the procedure has ended. */
export const withdrawProcedureUpdate = defineUpdate<ProcedureSnapshot, [WithdrawProcedureArgs]>('withdrawProcedure');

/** Resolves once the procedure has settled after start (its first task is open), returning the snapshot. */
export const awaitSettledUpdate = defineUpdate<ProcedureSnapshot, []>('awaitSettled');

/** Live state of the procedure. */
export const getProcedureStateQuery = defineQuery<ProcedureSnapshot>('getProcedureState');

/** Temporal workflow type of the normative-document procedure (a public API: never rename). */
export const NORMATIVE_DOCUMENT_WORKFLOW_TYPE = 'normativeDocumentWorkflow';

/** Signature of the workflow, for typed client calls without importing workflow code. */
export type NormativeDocumentWorkflow = (input: NormativeDocumentInput) => Promise<ProcedureSnapshot>;
