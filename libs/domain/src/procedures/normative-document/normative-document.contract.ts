import type { PreReviewDecision } from '../steps/pre-review.contract';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DocumentKind, DocumentVersionRef } from '../../documents';
import { INSTRUMENTS, LEGAL_BASES, legalBasis } from '../../legal-bases';
import type { LegalBasis, Period } from '../../periods';
import {
  AWAIT_SETTLED_UPDATE,
  PROCEDURE_STATE_QUERY,
  SUBMIT_DOCUMENT_VERSION_UPDATE,
  WITHDRAW_PROCEDURE_UPDATE,
  stageRange,
  type Actor,
  type DiscretionRecord,
  type ProcedureStatus,
  type SubmitDocumentVersionArgs,
  type WithdrawProcedureArgs,
} from '../kernel/kernel.contract';
import type { CommentWindowState, RegistrationRecord } from '../steps/steps.contract';
import type { OpinionConclusion } from '../steps/legality-review.rules';
import type {
  AmendedDocumentRef,
  AmendmentView,
  FilingView,
  NormativeDocumentIssuer,
  ValidityView,
} from './normative-document-validity.contract';
import type { NormativeDocumentPolicy } from './normative-document.policy';

export type {
  Actor,
  ProcedureStatus,
  SubmitDocumentVersionArgs,
  WithdrawProcedureArgs,
  CommentWindowState,
  RegistrationRecord,
  OpinionConclusion,
};

/** Procedure type code, also the `LawGateProcedureType` search attribute value. */
export const NORMATIVE_DOCUMENT = 'NORMATIVE_DOCUMENT';

/**
 * Stages of the administrative normative document procedure (行政规范性文件), regulations.md §2.2.
 * Only the stages the workflow runs today are listed; later stages are added behind `patched()`.
 */
export enum NormativeDocumentStage {
  /** B1 立项: the legal-affairs office approves or rejects the drafting unit's application. */
  ProjectApproval = 'PROJECT_APPROVAL',
  /** B2 起草: the project is approved and the drafting unit drafts (optionally with legal advisers' opinions). */
  Drafting = 'DRAFTING',
  /** B3 公平竞争审查: required when the document touches business activity. */
  FairCompetitionReview = 'FAIR_COMPETITION_REVIEW',
  /** B4 公开征求意见: the draft is open for public comment; every comment must be answered. */
  PublicComment = 'PUBLIC_COMMENT',
  /** B5 本单位合法性审核: the drafting unit's own legal office checks the draft before submitting it. */
  OwnLegalityCheck = 'OWN_LEGALITY_CHECK',
  /** B6 (intake) 材料齐全性审查: the reviewing body checks the materials; its clock starts only when complete. */
  MaterialsCheck = 'MATERIALS_CHECK',
  /** B6 合法性审核: the reviewing body, with legal advisers, gives its written opinion. */
  LegalityReview = 'LEGALITY_REVIEW',
  /** B7 修改: the drafting unit revises after an opinion of 不合法 or 应当予以修改. */
  Revision = 'REVISION',
  /** B8 集体审议决定: the leadership meeting deliberates; the principal signs. */
  Deliberation = 'DELIBERATION',
  /** B9 统一登记、统一编号: the legal-affairs office registers the document and it gets its number. */
  Registration = 'REGISTRATION',
  /** B10 统一发布: the registered document is published; only then is it in force. */
  Publication = 'PUBLICATION',
  /** B11–B12 有效期内: published and in force; filing (备案) is tracked beside it until accepted. */
  InForce = 'IN_FORCE',
  /** Terminal: the validity period ran out (B12). */
  Expired = 'EXPIRED',
  /** Terminal: repealed (废止), e.g. by a clean-up campaign. */
  Repealed = 'REPEALED',
  /** Terminal: the leadership meeting did not adopt the document. */
  NotAdopted = 'NOT_ADOPTED',
  /** Terminal: the project application was rejected. */
  Rejected = 'REJECTED',
  /** Terminal: the drafting unit withdrew the procedure. */
  Withdrawn = 'WITHDRAWN',
  /** Terminal: replaced by its amendment, once the amendment took effect (B12). */
  Replaced = 'REPLACED',
}

/** Stages in which a procedure has ended (declared last). */
export const TERMINAL_STAGES: readonly NormativeDocumentStage[] = stageRange(
  NormativeDocumentStage,
  NormativeDocumentStage.Expired,
  NormativeDocumentStage.Replaced,
);

/** Stages in which the drafting unit may add document versions (a revised draft, missing materials). */
export const DOCUMENT_UPLOAD_STAGES: readonly NormativeDocumentStage[] = [
  ...stageRange(NormativeDocumentStage, NormativeDocumentStage.Drafting, NormativeDocumentStage.OwnLegalityCheck),
  NormativeDocumentStage.Revision,
];

/** The stages in their statutory order, as a timeline shows them (terminal stages excluded). */
export const NORMATIVE_DOCUMENT_STAGE_ORDER: readonly NormativeDocumentStage[] = stageRange(
  NormativeDocumentStage,
  NormativeDocumentStage.ProjectApproval,
  NormativeDocumentStage.InForce,
);

/**
 * Legal basis of each stage (regulations.md §2.2), from the table of legal bases (`legal-bases.ts`). 国办发〔2018〕37号
 * was not read in full (regulations.md §8), hence unverified: the duty to deliberate and the principal's signature come
 * from it; 国办发〔2018〕115号 (七) only forbids deliberation without a review.
 */
export const NORMATIVE_DOCUMENT_STAGE_BASIS: Record<NormativeDocumentStage, LegalBasis> = {
  [NormativeDocumentStage.ProjectApproval]: legalBasis('GB37/approval'),
  [NormativeDocumentStage.Drafting]: legalBasis('GB37/drafting'),
  [NormativeDocumentStage.FairCompetitionReview]: legalBasis('FCR/2,13,14,18'),
  [NormativeDocumentStage.PublicComment]: {
    regulation: `${INSTRUMENTS.OBE.title}${LEGAL_BASES['OBE/62'].article}；${INSTRUMENTS.DEMO.title}`,
    article: '公开征求意见（涉企不少于30日；一般不少于7个工作日）',
    verified: false,
  },
  [NormativeDocumentStage.OwnLegalityCheck]: legalBasis('GB115/5.own'),
  [NormativeDocumentStage.MaterialsCheck]: legalBasis('GB115/5'),
  [NormativeDocumentStage.LegalityReview]: legalBasis('GB115/5.time', 'GB115/6'),
  [NormativeDocumentStage.Revision]: legalBasis('GB115/6'),
  [NormativeDocumentStage.Deliberation]: legalBasis('GB37/deliberation'),
  [NormativeDocumentStage.Registration]: legalBasis('GB37/registration'),
  [NormativeDocumentStage.Publication]: {
    regulation: `${INSTRUMENTS.OGI.title}${LEGAL_BASES['OGI/20,26'].article}；${INSTRUMENTS.OBE.title}${LEGAL_BASES['OBE/64'].article}`,
    article: '统一发布；未经公布不得作为行政管理依据',
    verified: true,
  },
  [NormativeDocumentStage.InForce]: legalBasis('GB37/filing', 'GB37/validity'),
  [NormativeDocumentStage.Expired]: legalBasis('GB37/expiry'),
  [NormativeDocumentStage.Repealed]: legalBasis('GB37/cleanup'),
  [NormativeDocumentStage.NotAdopted]: legalBasis('GB37/deliberation'),
  [NormativeDocumentStage.Rejected]: legalBasis('GB37/approval'),
  [NormativeDocumentStage.Withdrawn]: legalBasis('GB37/procedure'),
  [NormativeDocumentStage.Replaced]: legalBasis('GB37/evaluation'),
};

export * from './normative-document.policy';

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
  /**
   * G-B1: why this is a normative document (it affects the rights and obligations of citizens, legal persons or other
   * organisations, binds generally and applies repeatedly), against the inclusion and exclusion lists. Required for
   * new applications; absent in procedures started before classification was recorded.
   */
  classificationReason?: string;
  /** Who issues the document: the district government (the default) or the drafting department in its own name. */
  issuer?: NormativeDocumentIssuer;
}

/** Input of `normativeDocumentWorkflow`. Plain JSON; dates are ISO strings. */
export interface NormativeDocumentInput {
  procedureId: string;
  projectCode: string;
  title: string;
  departmentId: string;
  departmentCode: string;
  /** The unit in whose name the document is issued and numbered (absent in procedures started before numbering). */
  issuerUnitId?: string;
  applicant: Actor;
  application: ProjectApplication;
  /**
   * The policy version the procedure starts under (`POLICY_VERSIONS`): its periods come from code, never from the
   * input. Procedures started before versions were required carry `policy` instead, and keep it.
   */
  policyVersion?: string;
  /** Procedures started before policy versions only: the policy they were started with. Refused in a new start. */
  policy?: NormativeDocumentPolicy;
  /** An amendment procedure: the document in force it amends, replaced when this one takes effect. */
  amends?: AmendedDocumentRef;
}

export type ProjectApprovalDecision = 'APPROVED' | 'REJECTED';

/**
 * The legal-affairs office's word on the drafter's declaration that the document does (or does not) touch business
 * activity (涉及经营者经济活动): it decides the comment period and whether the fair-competition review runs. Absent,
 * the approval confirms the declaration as made; a different value corrects it and needs the reason.
 */
export interface BusinessDeclarationConfirmation {
  touchesBusiness: boolean;
  reason?: string;
}

export interface DecideProjectApprovalArgs {
  taskId: string;
  decision: ProjectApprovalDecision;
  opinion: string;
  /** Procedures started before the office confirmed the declaration ignore it. */
  businessDeclaration?: BusinessDeclarationConfirmation;
  actor: Actor;
}

/** The drafter's declaration and the office's confirmation of it at project approval. */
export interface BusinessDeclarationRecord {
  declared: boolean;
  confirmed: boolean;
  confirmedBy: string;
  /** Why the office corrected the declaration (null when it confirmed it as made). */
  reason: string | null;
}

/** One fair-competition review: the drafting unit's own, or the market regulation department's (Art 14). */
export interface FairCompetitionReviewRecord {
  by: 'DRAFTING_UNIT' | 'MARKET_REGULATION';
  conclusion: FairCompetitionConclusion;
  summary: string;
  exceptionReason: string | null;
  reviewerId: string;
  at: string;
}

export interface FairCompetitionState {
  /** Whether the market regulation department reviews after the drafting unit (a government-issued document). */
  marketRegulationReviews: boolean;
  reviews: FairCompetitionReviewRecord[];
  /** The market regulation department's open task, while it reviews. */
  marketRegulationTaskId: string | null;
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
  /** "一般"/"可以" rules not followed in this procedure, each decided with its reason. */
  discretions?: DiscretionRecord[];
  /** The public comment window, once opened. */
  commentWindow?: CommentWindowState | null;
  /** Legality-review opinions of the reviewing body, oldest first. */
  legalityOpinions?: LegalityOpinionRecord[];
  /** When the reviewer's minimum period ends (an opinion before it is refused unless the matter is an emergency). */
  reviewMinimumEndsAt?: string | null;
  /** The number and validity the document got at registration. */
  registration?: RegistrationRecord | null;
  /** When and where it was published. */
  publication?: { channel: string; reference: string; publishedAt: string } | null;
  /** Filing with the higher authority. */
  filing?: { filingId: string; status: FilingState; dueAt: string | null } | null;
  /** When the document stops being in force. */
  expiresAt?: string | null;
  /** What the procedure waits for next, in plain words. */
  waitingFor?: string | null;
  /** Set when a clean-up review decided the document must be amended (re-issued under a new number). */
  amendmentRequired?: { campaignId: string; reason: string } | null;
  /** The business declaration as the legal-affairs office confirmed it (absent in procedures started before). */
  businessDeclaration?: BusinessDeclarationRecord | null;
  /** The fair-competition reviews (absent in procedures started before they were kept). */
  fairCompetition?: FairCompetitionState | null;
  /** Who issues it, and so who deliberates and where it is filed. */
  issuer?: NormativeDocumentIssuer;
  /** One filing per recipient the issuer requires. */
  filings?: FilingView[];
  /** The effective date, the validity and its continuations. */
  validity?: ValidityView;
  /** The evaluation task before expiry, while it is open. */
  evaluationTaskId?: string | null;
  /** The amendment the document waits for, and the linked procedure carrying it out. */
  amendment?: AmendmentView | null;
  /** For an amendment procedure: the document it amends. */
  amends?: AmendedDocumentRef | null;
}

export type FilingState = 'PENDING' | 'SUBMITTED' | 'CORRECTION_REQUESTED' | 'RESUBMITTED' | 'ACCEPTED';

export interface LegalityOpinionRecord {
  round: number;
  taskId: string;
  conclusion: OpinionConclusion;
  version: number;
  sha256: string;
  reviewerId: string;
  /** For an opinion not (fully) adopted, the drafting unit's statement of reasons and basis (G-B7). */
  nonAdoptionStatement?: string | null;
}

export interface PendingOpinion {
  taskId: string;
  round: number;
  /** The draft version the opinion was asked on. */
  requestedOn: DocumentVersionRef;
  /** What the drafting unit asked the adviser to look at (absent in procedures asked before it was kept). */
  question?: string;
}

export interface GivenOpinion {
  round: number;
  taskId: string;
  conclusion: OpinionConclusion;
  /** The draft version the adviser reviewed and signed. */
  version: number;
  sha256: string;
  adviserId: string;
  /** The drafting unit's question the opinion answers (absent in procedures asked before it was kept). */
  question?: string | null;
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

/**
 * The drafting unit adds a version of a document (draft, drafting explanation, basis list). Allowed while drafting;
 * refused in other stages and when the bytes are those of the current version.
 */
export const submitDocumentVersionUpdate = defineUpdate<ProcedureSnapshot, [SubmitDocumentVersionArgs]>(
  SUBMIT_DOCUMENT_VERSION_UPDATE,
);

/** The legal-affairs office decides the project application. Refused unless the procedure is in PROJECT_APPROVAL. */
export const decideProjectApprovalUpdate = defineUpdate<ProcedureSnapshot, [DecideProjectApprovalArgs]>(
  'decideProjectApproval',
);

/** The drafting unit withdraws its procedure; refused once the procedure has ended. */
export const withdrawProcedureUpdate = defineUpdate<ProcedureSnapshot, [WithdrawProcedureArgs]>(
  WITHDRAW_PROCEDURE_UPDATE,
);

/** Steps the drafting unit signs itself: the end of drafting, its fair-competition review, its own legality check. */
export interface CompleteDraftingArgs {
  note: string;
  actor: Actor;
}

export type FairCompetitionConclusion = 'COMPLIANT' | 'NON_COMPLIANT';

export interface RecordFairCompetitionReviewArgs {
  conclusion: FairCompetitionConclusion;
  summary: string;
  /** 公平竞争审查条例 Art 12: a measure that fails review may still issue under a statutory exception, stated here. */
  exceptionReason?: string;
  actor: Actor;
}

/** 公平竞争审查条例 Art 14: the market regulation department's review, after the drafting unit's own. */
export interface RecordMarketRegulationReviewArgs {
  taskId: string;
  conclusion: FairCompetitionConclusion;
  summary: string;
  /** Art 12: a measure that fails review may still issue under a statutory exception, stated here. */
  exceptionReason?: string;
  actor: Actor;
}

/** The market regulation department records its fair-competition review on its task. */
export const recordMarketRegulationReviewUpdate = defineUpdate<ProcedureSnapshot, [RecordMarketRegulationReviewArgs]>(
  'recordMarketRegulationReview',
);

export interface OpenCommentWindowArgs {
  /** Longer than the statutory minimum if the drafting unit wants; shorter only with `shortenedReason`. */
  period?: Period;
  /** Why the window is shorter than the minimum (published with the notice). */
  shortenedReason?: string;
  actor: Actor;
}

export interface ExtendCommentWindowArgs {
  extension: Period;
  reason: string;
  actor: Actor;
}

export interface CloseCommentWindowArgs {
  actor: Actor;
}

export interface AnswerCommentArgs {
  commentId: string;
  answer: 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED';
  reason: string;
  actor: Actor;
}

export type EmergencyCategory = 'EMERGENCY' | 'URGENT_ORDER';

export interface SubmitForLegalityReviewArgs {
  /** The drafting unit's own legality conclusion (its own legal office signs it). */
  note: string;
  /** 国办发〔2018〕115号 (五): documents needed at once for emergencies or an urgent order of a superior. */
  emergency?: { category: EmergencyCategory; reason: string };
  /** Areas of expertise the review needs (used to route it to a legal adviser). */
  expertise?: string[];
  actor: Actor;
}

export interface CheckMaterialsArgs {
  taskId: string;
  complete: boolean;
  /** What is missing, when incomplete. */
  missing?: string[];
  note: string;
  actor: Actor;
}

export interface GiveLegalityOpinionArgs {
  taskId: string;
  conclusion: OpinionConclusion;
  reasons: string;
  /** SHA-256 of the draft version the reviewer read: refused unless it is the current version. */
  reviewedSha256: string;
  /**
   * 115号 (五) says the review takes "一般" at least 5 working days: an opinion before then states why (recorded as a
   * decision of the reviewer, shown to the deliberation and kept in the archive).
   */
  shortReviewReason?: string;
  /** The automatic pre-review's findings on that version, each confirmed or dismissed by the reviewer (the API adds them). */
  preReview?: PreReviewDecision[];
  actor: Actor;
}

export interface ResubmitRevisionArgs {
  /** True when every point of the opinion was adopted (the draft must then have a new version). */
  adoptedAll: boolean;
  /** G-B7: for an opinion not fully adopted, the reasons and basis, attached to the deliberation package. */
  nonAdoptionStatement?: string;
  actor: Actor;
}

export type DeliberationDecision = 'ADOPTED' | 'RETURNED' | 'REJECTED';

export interface RecordDeliberationArgs {
  taskId: string;
  decision: DeliberationDecision;
  /** e.g. 区政府第12次常务会议 */
  meeting: string;
  /** The kind of meeting: the government's executive meeting or the bureau's own (must fit the issuer). */
  meetingKind?: 'EXECUTIVE' | 'BUREAU';
  meetingDate: string;
  /** The deliberation record (what was said and decided); the principal signs it. */
  minutes: string;
  actor: Actor;
}

export interface RegisterDocumentArgs {
  taskId: string;
  actor: Actor;
}

export interface RecordPublicationArgs {
  taskId: string;
  /** GAZETTE, WEBSITE, NEWSPAPER … */
  channel: string;
  /** URL or gazette issue. */
  reference: string;
  actor: Actor;
}

export type FilingEventKind = 'SUBMITTED' | 'CORRECTION_REQUESTED' | 'RESUBMITTED' | 'ACCEPTED';

export interface RecordFilingEventArgs {
  /** Which filing, when the document is filed with several recipients (absent: the first the event fits). */
  filingId?: string;
  event: FilingEventKind;
  note: string;
  actor: Actor;
}

export interface RepealDocumentArgs {
  reason: string;
  actor: Actor;
}

export const completeDraftingUpdate = defineUpdate<ProcedureSnapshot, [CompleteDraftingArgs]>('completeDrafting');
export const recordFairCompetitionReviewUpdate = defineUpdate<ProcedureSnapshot, [RecordFairCompetitionReviewArgs]>(
  'recordFairCompetitionReview',
);
export const openCommentWindowUpdate = defineUpdate<ProcedureSnapshot, [OpenCommentWindowArgs]>('openCommentWindow');
export const extendCommentWindowUpdate = defineUpdate<ProcedureSnapshot, [ExtendCommentWindowArgs]>(
  'extendCommentWindow',
);
/** Closing before the statutory minimum has run is refused; the window also closes by itself at its end. */
export const closeCommentWindowUpdate = defineUpdate<ProcedureSnapshot, [CloseCommentWindowArgs]>('closeCommentWindow');
export const answerCommentUpdate = defineUpdate<ProcedureSnapshot, [AnswerCommentArgs]>('answerComment');
/** Leaves public comment once every comment has been answered. */
export const completePublicCommentUpdate = defineUpdate<ProcedureSnapshot, [CompleteDraftingArgs]>(
  'completePublicComment',
);
export const submitForLegalityReviewUpdate = defineUpdate<ProcedureSnapshot, [SubmitForLegalityReviewArgs]>(
  'submitForLegalityReview',
);
export const checkMaterialsUpdate = defineUpdate<ProcedureSnapshot, [CheckMaterialsArgs]>('checkMaterials');
export const giveLegalityOpinionUpdate = defineUpdate<ProcedureSnapshot, [GiveLegalityOpinionArgs]>(
  'giveLegalityOpinion',
);
export const resubmitRevisionUpdate = defineUpdate<ProcedureSnapshot, [ResubmitRevisionArgs]>('resubmitRevision');
export const recordDeliberationUpdate = defineUpdate<ProcedureSnapshot, [RecordDeliberationArgs]>('recordDeliberation');
export const registerDocumentUpdate = defineUpdate<ProcedureSnapshot, [RegisterDocumentArgs]>('registerDocument');
export const recordPublicationUpdate = defineUpdate<ProcedureSnapshot, [RecordPublicationArgs]>('recordPublication');
export const recordFilingEventUpdate = defineUpdate<ProcedureSnapshot, [RecordFilingEventArgs]>('recordFilingEvent');
export const repealDocumentUpdate = defineUpdate<ProcedureSnapshot, [RepealDocumentArgs]>('repealDocument');

/** What a clean-up review (清理) decided about a document in force. */
export type CleanupDecision = 'KEEP' | 'AMEND' | 'REPEAL';

export interface CleanupDecisionArgs {
  campaignId: string;
  decision: CleanupDecision;
  reason: string;
  actor: Actor;
}

/**
 * The released path before `CLEANUP_DECISION_UPDATE_PATCH`: a signal from the clean-up review workflow. Only
 * documents whose workflows started before that patch still listen to it (their recorded histories replay with it);
 * a signal moves no legal state of a document started since.
 */
export const cleanupDecisionSignal = defineSignal<[CleanupDecisionArgs]>('cleanupDecision');

/**
 * A clean-up review's decision applied to the document in force, as a validated Workflow Update: the validator checks
 * the actor's claim (a legal-affairs officer), the stage (in force) and the decision's form; the handler checks the
 * campaign and its recorded decision in PostgreSQL (`verifyCleanupDecision`), signs the application into the ledger
 * and then REPEAL ends the document (废止), AMEND marks it for re-issue, KEEP changes nothing. Sent by the review
 * workflow through an activity and the procedure gateway (a workflow cannot send an update itself).
 */
export const applyCleanupDecisionUpdate = defineUpdate<ProcedureSnapshot, [CleanupDecisionArgs]>(
  'applyCleanupDecision',
);

/** The `patched()` id under which documents stop listening to `cleanupDecisionSignal`, and reviews send the update. */
export const CLEANUP_DECISION_UPDATE_PATCH = 'cleanup-decision-update';

/** Resolves once the procedure has settled after start (its first task is open), returning the snapshot. */
export const awaitSettledUpdate = defineUpdate<ProcedureSnapshot, []>(AWAIT_SETTLED_UPDATE);

/** Live state of the procedure. */
export const getProcedureStateQuery = defineQuery<ProcedureSnapshot>(PROCEDURE_STATE_QUERY);

/** Temporal workflow type of the normative-document procedure (a public API: never rename). */
export const NORMATIVE_DOCUMENT_WORKFLOW_TYPE = 'normativeDocumentWorkflow';

/** Signature of the workflow, for typed client calls without importing workflow code. */
export type NormativeDocumentWorkflow = (input: NormativeDocumentInput) => Promise<ProcedureSnapshot>;

export * from './normative-document-validity.contract';
