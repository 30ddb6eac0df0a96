import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DocumentKind, DocumentVersionRef } from '../../documents';
import type { LegalBasis, Period } from '../../periods';
import { legalBasis } from '../../legal-bases';
import type { CatalogCadence } from './filing-catalog';
import { SUBMIT_DOCUMENT_VERSION_UPDATE, stageRange } from '../kernel/kernel.contract';
import type { Actor, SubmitDocumentVersionArgs } from '../kernel/kernel.contract';
import type { PreReviewDecision } from '../steps/pre-review.contract';

export type { Actor, SubmitDocumentVersionArgs };

/** Procedure type code, also the `LawGateProcedureType` search attribute value. */
export const FILING_REVIEW = 'FILING_REVIEW';

/** Temporal workflow type of the filing review on the receiving side (a public API: never rename). */
export const FILING_REVIEW_WORKFLOW_TYPE = 'filingReviewWorkflow';

/**
 * Workflow ID: a business key. A filing made inside LawGate is keyed by its filing (`filing-review:filing:<id>`, so the
 * same filing arrives once however often it is reported); a document filed from outside, or expected, by its
 * issuer and number (`filing-review:document:<unit code>:<number>`).
 */
export function filingReviewWorkflowId(source: 'filing' | 'document', key: string): string {
  return `filing-review:${source}:${key}`;
}

/**
 * Stages of the filing review (规范性文件备案审查, receiving side; domain reference §3.2, E1–E9), in statutory order,
 * the outcome stages after the timeline and the terminal stages last.
 */
export enum FilingReviewStage {
  /** E1/E8 待报备案: a published document is expected; a filing not made by its due date is followed up. */
  AwaitingFiling = 'AWAITING_FILING',
  /** E2 登记: the office registers the filing, refuses it with reasons, or defers it for missing materials. */
  Registration = 'FILING_REGISTRATION',
  /** E4–E5 审查: substantive review against the standards (§3.3), ending in an outcome (§3.4). */
  Review = 'FILING_REVIEW',
  /** E2 暂缓登记: the issuer supplements the materials within the period. */
  Supplement = 'FILING_SUPPLEMENT',
  /** E6 制定机关处理: the issuer corrects (agreed or on a written opinion) and reports within the period. */
  MakerResponse = 'MAKER_RESPONSE',
  /** E7 报请政府处理: the government changes or revokes the document. */
  GovernmentDecision = 'GOVERNMENT_DECISION',
  /** Terminal: filed and reviewed (通过, or technical problems for the issuer to fix); listed in the catalog. */
  Filed = 'FILED',
  /** Terminal: not registered (not a normative document, or out of scope). */
  NotRegistered = 'NOT_REGISTERED',
  /** Terminal: the issuer repealed the document itself. */
  Repealed = 'REPEALED_BY_ISSUER',
  /** Terminal: the government changed or revoked it. */
  Revoked = 'REVOKED_BY_GOVERNMENT',
}

export const FILING_REVIEW_TERMINAL_STAGES: readonly FilingReviewStage[] = stageRange(
  FilingReviewStage,
  FilingReviewStage.Filed,
  FilingReviewStage.Revoked,
);

/** Stages in which the issuer adds documents (the package, supplements, the corrected text, its report). */
export const FR_UPLOAD_STAGES: readonly FilingReviewStage[] = [
  FilingReviewStage.AwaitingFiling,
  FilingReviewStage.Supplement,
  FilingReviewStage.MakerResponse,
];

const A = legalBasis;

/** Legal basis of each stage (domain reference §3.2; the 2024 rule on filing review is the model read [V]). */
export const FILING_REVIEW_STAGE_BASIS: Record<FilingReviewStage, LegalBasis> = {
  [FilingReviewStage.AwaitingFiling]: A('FRR/23'),
  [FilingReviewStage.Registration]: A('FRR/9'),
  [FilingReviewStage.Review]: A('FRR/11', 'FRR/13'),
  [FilingReviewStage.Supplement]: A('FRR/9'),
  [FilingReviewStage.MakerResponse]: A('FRR/18', 'FRR/21'),
  [FilingReviewStage.GovernmentDecision]: A('LGO/73.3'),
  [FilingReviewStage.Filed]: A('FRR/3', 'FRR/10'),
  [FilingReviewStage.NotRegistered]: A('FRR/9'),
  [FilingReviewStage.Repealed]: A('FRR/21'),
  [FilingReviewStage.Revoked]: A('LGO/73.3'),
};

/** `FILING_REGISTRATION（《法规规章备案审查条例》（2024） 第九条…）`. */
export function filingStageName(stage: FilingReviewStage): string {
  const basis = FILING_REVIEW_STAGE_BASIS[stage];
  return `${stage}（${basis.regulation} ${basis.article}）`;
}

/** The review standards (§3.3: the 2024 rule's Art 13 and the legality-review checklist of regulations.md §2.4). */
export const FILING_STANDARDS = [
  'MAKER_COMPETENT',
  'WITHIN_POWERS',
  'NO_CONFLICT_WITH_HIGHER_LAW',
  'NO_UNLAWFUL_LICENCE_PENALTY_COERCION_FEE',
  'NO_DUTIES_ADDED_OR_RIGHTS_CUT',
  'NO_POWERS_ADDED_OR_DUTIES_CUT',
  'CONSISTENT_WITH_POLICY_AND_OTHER_DOCUMENTS',
  'APPROPRIATE',
  'PROCEDURE_FOLLOWED',
  'DRAFTING_TECHNIQUE',
] as const;
export type FilingStandard = (typeof FILING_STANDARDS)[number];

export interface StandardEntry {
  item: FilingStandard;
  ok: boolean;
  note: string;
}

/** Outcomes of the substantive review (§3.4). */
export const FILING_OUTCOMES = ['PASSED', 'TECHNICAL', 'CORRECTION_AGREED', 'FORMAL_OPINION', 'ESCALATE'] as const;
export type FilingOutcome = (typeof FILING_OUTCOMES)[number];

export const REGISTRATION_DECISIONS = ['REGISTER', 'REFUSE', 'DEFER'] as const;
export type RegistrationDecision = (typeof REGISTRATION_DECISIONS)[number];
/** Why a filing is not registered (E2: not a normative document, or not within the office's scope). */
export const REFUSAL_GROUNDS = ['NOT_NORMATIVE', 'OUT_OF_SCOPE'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** The follow-up of a late or missing filing (E8): notice with a deadline → 通报 → order to correct. */
export const FOLLOW_UP_ACTIONS = ['NOTICE', 'CIRCULAR', 'ORDER'] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

/**
 * Versioned policy. Jiangsu's filing deadline, review period, outcome wording and catalog cadence were not read
 * (domain reference §5 item 8): those defaults are listed in `unverified` and shown as such.
 */
export interface FilingReviewPolicy {
  version: string;
  reminderLeadSeconds: number;
  /** The organ that receives filings in this installation: a filing addressed to it arrives as a case. [U] */
  receivingOrgan: string;
  /** A document is filed within this period of publication (national 15d, Shandong 30d; Jiangsu not read). [U] */
  filingPeriod: Period;
  /** The office registers (or refuses, or defers) a filing within this (Beijing model: 10 days). [U] */
  registrationPeriod: Period;
  /** The issuer supplements missing materials within this (the 2024 rule's model: 15 days). [U] */
  supplementPeriod: Period;
  /** The substantive review is due within this (model: 2 months; local rules: 30 days). [U] */
  reviewPeriod: Period;
  /** The issuer reports on a written review opinion within 30 days (2024 rule Art 21). [V] */
  makerResponsePeriod: Period;
  /** The government decides on an escalated document within this (example: 60 days). [U] */
  governmentDecisionPeriod: Period;
  /** Each follow-up of a missing filing gives the issuer this long (E8). [U] */
  followUpPeriod: Period;
  /** How often the catalog of filed documents is published (model: monthly; local rules: quarterly). [U] */
  catalogCadence: CatalogCadence;
  /**
   * Demonstration only: editions cover windows of this many seconds instead of the cadence's calendar periods, so a
   * demonstration (and the end-to-end test) sees editions published on their schedule. Null in statutory versions.
   */
  catalogDemoPeriod?: Period | null;
  unverified: readonly string[];
}

export const DEFAULT_FILING_REVIEW_POLICY: FilingReviewPolicy = {
  version: 'fr-2026.1',
  reminderLeadSeconds: 24 * 3600,
  receivingOrgan: '金坛区人民政府（区司法局）',
  filingPeriod: { amount: 30, unit: 'CALENDAR_DAYS' },
  registrationPeriod: { amount: 10, unit: 'WORKING_DAYS' },
  supplementPeriod: { amount: 15, unit: 'CALENDAR_DAYS' },
  reviewPeriod: { amount: 30, unit: 'CALENDAR_DAYS' },
  makerResponsePeriod: { amount: 30, unit: 'CALENDAR_DAYS' },
  governmentDecisionPeriod: { amount: 60, unit: 'CALENDAR_DAYS' },
  followUpPeriod: { amount: 10, unit: 'WORKING_DAYS' },
  catalogCadence: 'QUARTERLY',
  unverified: [
    'receivingOrgan',
    'filingPeriod',
    'registrationPeriod',
    'supplementPeriod',
    'reviewPeriod',
    'governmentDecisionPeriod',
    'followUpPeriod',
    'catalogCadence',
  ],
};

/** Periods of seconds for demonstrations and end-to-end tests (`PROCEDURE_PERIODS=demo`). Never used in production. */
export const DEMO_FILING_REVIEW_POLICY: FilingReviewPolicy = {
  ...DEFAULT_FILING_REVIEW_POLICY,
  version: 'fr-2026.1-demo',
  reminderLeadSeconds: 60,
  // Short enough that a demonstration (and the end-to-end test) sees a missing filing followed up.
  filingPeriod: { amount: 5, unit: 'SECONDS' },
  registrationPeriod: { amount: 600, unit: 'SECONDS' },
  supplementPeriod: { amount: 600, unit: 'SECONDS' },
  reviewPeriod: { amount: 600, unit: 'SECONDS' },
  makerResponsePeriod: { amount: 600, unit: 'SECONDS' },
  governmentDecisionPeriod: { amount: 600, unit: 'SECONDS' },
  followUpPeriod: { amount: 600, unit: 'SECONDS' },
  catalogDemoPeriod: { amount: 10, unit: 'SECONDS' },
};

/** One item of a filing package (E1): a stored file, by SHA-256. */
export interface FiledItem {
  kind: DocumentKind;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
}

/** The filed document: who issued it, its number and when it was published. */
export interface FiledDocument {
  title: string;
  /** The issuing organ's unit (a department, town or street office). */
  issuerUnitId: string;
  issuerUnitCode: string;
  issuerName: string;
  /** The document number (文号), e.g. 坛教规〔2026〕1号. */
  documentNumber: string;
  /** Publication date (YYYY-MM-DD): the filing period runs from it. */
  publishedOn: string;
}

export interface FilingReviewInput {
  procedureId: string;
  document: FiledDocument;
  /** How the case began: a filing made inside LawGate, a package uploaded, or a filing expected (E8). */
  source: 'LAWGATE' | 'UPLOAD' | 'EXPECTED';
  /** The LawGate procedure and filing the case came from (source LAWGATE). */
  origin: { procedureId: string; filingId: string } | null;
  /** The package filed with the case (empty while a filing is only expected). */
  package: FiledItem[];
  /** Who filed (or, for an expected filing, the officer who recorded it). */
  filedBy: Actor;
  policyVersion?: string;
  /** Refused in a start: periods come from the policy version. */
  policy?: FilingReviewPolicy;
}

export interface FilingRegistrationRecord {
  decision: RegistrationDecision;
  ground: RefusalGround | null;
  reasons: string;
  missing: string[];
  at: string;
}

export interface FilingReviewOpinion {
  round: number;
  taskId: string;
  outcome: FilingOutcome;
  reasons: string;
  standards: StandardEntry[];
  reviewerId: string;
  reviewerName: string;
  reviewedSha256: string;
  /** CORRECTION_AGREED: the issuer's commitment; FORMAL_OPINION: what must be revised or repealed. */
  request: string | null;
  givenAt: string;
}

export interface FilingReviewSnapshot {
  procedureId: string;
  workflowId: string;
  stage: FilingReviewStage;
  status: 'ACTIVE' | 'ENDED' | 'IN_FORCE';
  openTaskId: string | null;
  dueAt: string | null;
  overdue: boolean;
  documents: Partial<Record<DocumentKind, DocumentVersionRef>>;
  document: FiledDocument;
  source: FilingReviewInput['source'];
  origin: FilingReviewInput['origin'];
  /** When the filing was due (publication + the policy's filing period), and when it was made. */
  filingDueAt: string | null;
  filedAt: string | null;
  late: boolean;
  followUps: { action: FollowUpAction; note: string; at: string }[];
  registrations: FilingRegistrationRecord[];
  opinions: FilingReviewOpinion[];
  reports: { revised: boolean; note: string; sha256: string | null; at: string }[];
  governmentDecision: { decision: 'CHANGE' | 'REVOKE'; reference: string; at: string } | null;
  steps: { stage: string; round: number; decision: string; actorName: string; at: string }[];
  waitingFor: string | null;
}

export interface FrFileArgs {
  note: string;
  actor: Actor;
}
export interface FrFollowUpArgs {
  taskId: string;
  action: FollowUpAction;
  note: string;
  actor: Actor;
}
export interface FrRegisterArgs {
  taskId: string;
  decision: RegistrationDecision;
  ground?: RefusalGround;
  reasons: string;
  missing?: string[];
  actor: Actor;
}
export interface FrSupplementArgs {
  note: string;
  actor: Actor;
}
export interface FrReviewArgs {
  taskId: string;
  outcome: FilingOutcome;
  reasons: string;
  standards: StandardEntry[];
  reviewedSha256: string;
  request?: string;
  /** The reviewer's decision on each finding of the pre-review of the text reviewed (joined by the API). */
  preReview?: PreReviewDecision[];
  actor: Actor;
}
export interface FrReportArgs {
  /** true: the corrected text (a new DRAFT version) is re-filed; false: the document was repealed. */
  revised: boolean;
  note: string;
  actor: Actor;
}
export interface FrEscalateArgs {
  reason: string;
  actor: Actor;
}
export interface FrGovernmentArgs {
  taskId: string;
  decision: 'CHANGE' | 'REVOKE';
  reference: string;
  reasons: string;
  actor: Actor;
}

const u = <A>(name: string) => defineUpdate<FilingReviewSnapshot, [A]>(`fr.${name}`);

export const frSubmitDocumentVersionUpdate = defineUpdate<FilingReviewSnapshot, [SubmitDocumentVersionArgs]>(
  SUBMIT_DOCUMENT_VERSION_UPDATE,
);
export const frFileUpdate = u<FrFileArgs>('file');
export const frFollowUpUpdate = u<FrFollowUpArgs>('followUp');
export const frRegisterUpdate = u<FrRegisterArgs>('register');
export const frSupplementUpdate = u<FrSupplementArgs>('supplement');
export const frReviewUpdate = u<FrReviewArgs>('review');
export const frReportUpdate = u<FrReportArgs>('report');
export const frEscalateUpdate = u<FrEscalateArgs>('escalate');
export const frGovernmentDecisionUpdate = u<FrGovernmentArgs>('governmentDecision');
/** Resolves once the procedure has settled after start, returning the snapshot. */
export const frAwaitSettledUpdate = defineUpdate<FilingReviewSnapshot, []>('fr.awaitSettled');

/** Live state of the case. */
export const getFilingReviewStateQuery = defineQuery<FilingReviewSnapshot>('getFilingReviewState');

export type FilingReviewWorkflow = (input: FilingReviewInput) => Promise<FilingReviewSnapshot>;
