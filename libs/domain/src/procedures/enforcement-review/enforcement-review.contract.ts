import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DocumentKind, DocumentVersionRef } from '../../documents';
import type { LegalBasis, Period } from '../../periods';
import { Role } from '../../roles';
import { legalBasis } from '../../legal-bases';
import {
  SUBMIT_DOCUMENT_VERSION_UPDATE,
  stageRange,
  type Actor,
  type SubmitDocumentVersionArgs,
} from '../kernel/kernel.contract';

export type { Actor, SubmitDocumentVersionArgs };

/** Procedure type code, also the `LawGateProcedureType` search attribute value. */
export const ENFORCEMENT_REVIEW = 'ENFORCEMENT_REVIEW';

/** Temporal workflow type of the major enforcement decision legal review (a public API: never rename). */
export const ENFORCEMENT_REVIEW_WORKFLOW_TYPE = 'enforcementReviewWorkflow';

/** Workflow ID: a business key, `enforcement-review:<department code>:<case number>`. */
export function enforcementReviewWorkflowId(unitCode: string, caseNumber: string): string {
  return `enforcement-review:${unitCode}:${caseNumber}`;
}

/**
 * Stages of the legal review of a major law-enforcement decision (重大执法决定法制审核, domain reference §1.3,
 * C1–C12), in statutory order, the outcome stages after the timeline and the terminal stages last.
 */
export enum EnforcementReviewStage {
  /** C1–C4 调查终结、送审: the case unit assembles the materials and submits them. */
  CasePreparation = 'CASE_PREPARATION',
  /** C5 接收审查: the review body checks the materials are complete; the review clock starts only then. */
  Intake = 'INTAKE',
  /** C6–C7 法制审核: written review against the checklist; 同意 / 存在问题 / 涉嫌犯罪移送. */
  LegalReview = 'LEGAL_REVIEW',
  /** C9 集体讨论: the agency's leaders discuss complex or serious cases (or every case, by sector policy). */
  CollectiveDiscussion = 'COLLECTIVE_DISCUSSION',
  /** C10 作出决定: only on a passed review of the version decided. */
  Decision = 'DECISION',
  /** C11 公示: the decision is disclosed within the statutory working days. */
  Disclosure = 'DISCLOSURE',
  /** C11–C12 已公示: the decision stands; it is archived, or withdrawn from disclosure when revoked. */
  Disclosed = 'DISCLOSED',
  /** C5 补充材料: materials are incomplete; the clock has not started (supplement time is not counted). */
  MaterialsSupplement = 'MATERIALS_SUPPLEMENT',
  /** C8 退回修改: the review found problems; the case unit reworks and resubmits a new version. */
  Rework = 'REWORK',
  /** C10a 移送审批: the head decides on the transfer of a suspected crime within 3 days. */
  CrimeTransfer = 'CRIME_TRANSFER',
  /** C10a 移送: an approved transfer is made to the public-security organ within 24 hours. */
  TransferExecution = 'TRANSFER_EXECUTION',
  /** C11 撤回公示: a revoked or changed decision is withdrawn from disclosure within 3 working days. */
  DisclosureWithdrawal = 'DISCLOSURE_WITHDRAWAL',
  /** Terminal: the case went to the judicial organs as a suspected crime. */
  Transferred = 'TRANSFERRED',
  /** Terminal: the decision was disclosed and the case file archived. */
  Closed = 'CLOSED',
  /** Terminal: the decision was revoked and its disclosure withdrawn. */
  Revoked = 'REVOKED',
}

export const ENFORCEMENT_REVIEW_TERMINAL_STAGES: readonly EnforcementReviewStage[] = stageRange(
  EnforcementReviewStage,
  EnforcementReviewStage.Transferred,
  EnforcementReviewStage.Revoked,
);

/** Stages in which the case unit adds document versions (the proposed decision, evidence, the hearing record). */
export const ER_DOCUMENT_UPLOAD_STAGES: readonly EnforcementReviewStage[] = [
  EnforcementReviewStage.CasePreparation,
  EnforcementReviewStage.MaterialsSupplement,
  EnforcementReviewStage.Rework,
  EnforcementReviewStage.CollectiveDiscussion,
  EnforcementReviewStage.Decision,
];

const A = legalBasis;

/** Legal basis of each stage (domain reference §1.3; every one read in the primary text [V]). */
export const ENFORCEMENT_REVIEW_STAGE_BASIS: Record<EnforcementReviewStage, LegalBasis> = {
  [EnforcementReviewStage.CasePreparation]: A('G118/14'),
  [EnforcementReviewStage.Intake]: A('G118/14'),
  [EnforcementReviewStage.LegalReview]: A('APL/58'),
  [EnforcementReviewStage.CollectiveDiscussion]: A('APL/57.2'),
  [EnforcementReviewStage.Decision]: A('APL/57', 'APL/58'),
  [EnforcementReviewStage.Disclosure]: A('APL/48'),
  [EnforcementReviewStage.Disclosed]: A('APL/47', 'APL/48'),
  [EnforcementReviewStage.MaterialsSupplement]: A('G118/14'),
  [EnforcementReviewStage.Rework]: A('G118/13'),
  [EnforcementReviewStage.CrimeTransfer]: A('TRANSFER/5'),
  [EnforcementReviewStage.TransferExecution]: A('TRANSFER/5', 'TRANSFER/6'),
  [EnforcementReviewStage.DisclosureWithdrawal]: A('APL/48.2'),
  [EnforcementReviewStage.Transferred]: A('TRANSFER/3', 'TRANSFER/11'),
  [EnforcementReviewStage.Closed]: A('APL/47'),
  [EnforcementReviewStage.Revoked]: A('APL/48.2'),
};

/** `LEGAL_REVIEW（《中华人民共和国行政处罚法》（2021） 第五十八条）`. */
export function enforcementStageName(stage: EnforcementReviewStage): string {
  const basis = ENFORCEMENT_REVIEW_STAGE_BASIS[stage];
  return `${stage}（${basis.regulation} ${basis.article}）`;
}

/** The kind of enforcement decision (118号 (十二): any type, not only penalties). */
export const DECISION_KINDS = ['PENALTY', 'PERMIT', 'COERCION', 'INSPECTION', 'LEVY', 'OTHER'] as const;
export type EnforcementDecisionKind = (typeof DECISION_KINDS)[number];

/** The measure decided (the catalog lists items by measure: a large fine, a licence revoked, premises sealed …). */
export const MEASURES = [
  'FINE',
  'CONFISCATION',
  'LICENCE_REVOCATION',
  'SUSPENSION_OR_CLOSURE',
  'SEIZURE_OR_SEALING',
  'PERMIT',
  'LEVY',
  'OTHER',
] as const;
export type EnforcementMeasure = (typeof MEASURES)[number];

/** Statutory grounds that make a decision major without a catalog item (118号 (十二); 处罚法 Art 58). */
export const STATUTORY_GROUNDS = [
  'MAJOR_PUBLIC_INTEREST',
  'MAJOR_SOCIAL_IMPACT',
  'MAJOR_RIGHTS_AFTER_HEARING',
  'COMPLEX_SEVERAL_RELATIONS',
  'OTHER_BY_LAW',
] as const;
export type StatutoryGround = (typeof STATUTORY_GROUNDS)[number];

/** The review checklist (§1.4: union of the national and sector lists). */
export const CHECKLIST_ITEMS = [
  'BODY_AND_CREDENTIALS',
  'JURISDICTION',
  'WITHIN_POWERS',
  'PROCEDURE',
  'FACTS_AND_EVIDENCE',
  'CHARACTERISATION',
  'LAW_AND_DISCRETION',
  'OUTCOME_APPROPRIATE',
  'DOCUMENTS_STANDARD',
  'NO_SUSPECTED_CRIME',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export interface ChecklistEntry {
  item: ChecklistItem;
  ok: boolean;
  note: string;
}

/**
 * Versioned policy a review starts under. Periods the domain reference verified carry their article; the rest are
 * defaults a locality sets (listed in `unverified`, shown as such): Jiangsu's own review period was not found (§1.6).
 */
export interface EnforcementReviewPolicy {
  version: string;
  reminderLeadSeconds: number;
  /** The case unit's own steps (submission, supplement, rework, disclosure record): an SLA. [U] */
  caseUnitStepPeriod: Period;
  /** The intake check of the review body: an SLA. [U] */
  intakePeriod: Period;
  /** Time the case unit has to supplement materials; it does not count toward the review period (S7 Art 31). [U] */
  supplementPeriod: Period;
  /** The review period from complete materials (Guangdong and Inner Mongolia: 5wd; Jiangsu not found). [U] */
  reviewPeriod: Period;
  /** One extension of the review period (Guangdong +3wd, Inner Mongolia +5wd). [U] */
  reviewExtension: Period;
  /** Who approves an extension (Guangdong: the deputy head; Inner Mongolia: the leader in charge). [U] */
  extensionApprover: Role;
  /** Sector rule on collective discussion: every reviewed case (SAMR Art 60) or complex/serious ones (Art 57 §2). */
  collectiveDiscussion: 'ALL' | 'COMPLEX_OR_SERIOUS';
  /** The head's own steps (decision, collective discussion): an SLA. [U] */
  decisionPeriod: Period;
  /** The head decides on a transfer within 3 days (S9 Art 5). [V] */
  transferDecisionPeriod: Period;
  /** An approved transfer is made within 24 hours (S9 Art 5). [V] */
  transferExecutionPeriod: Period;
  /** Permit and penalty decisions are disclosed within 7 working days (处罚法 Arts 48, 85; 118号 (六)). [V] */
  disclosurePeriod: Period;
  /** Other enforcement decisions within 20 working days (118号 (六)). [V] */
  otherDisclosurePeriod: Period;
  /** A changed or annulled decision is withdrawn from disclosure within 3 working days (处罚法 Art 48 §2). [V] */
  withdrawalPeriod: Period;
  /** Whose review needs the legal-profession qualification: penalty reviews (Art 58 §2) or all (S7 Art 28). */
  qualifiedReviewersFor: 'PENALTY' | 'ALL';
  /** The keys above whose defaults are unverified (a locality's rule sets them). */
  unverified: readonly string[];
}

export const DEFAULT_ENFORCEMENT_REVIEW_POLICY: EnforcementReviewPolicy = {
  version: 'er-2026.1',
  reminderLeadSeconds: 24 * 3600,
  caseUnitStepPeriod: { amount: 10, unit: 'WORKING_DAYS' },
  intakePeriod: { amount: 2, unit: 'WORKING_DAYS' },
  supplementPeriod: { amount: 5, unit: 'WORKING_DAYS' },
  reviewPeriod: { amount: 5, unit: 'WORKING_DAYS' },
  reviewExtension: { amount: 5, unit: 'WORKING_DAYS' },
  extensionApprover: Role.Leader,
  collectiveDiscussion: 'COMPLEX_OR_SERIOUS',
  decisionPeriod: { amount: 10, unit: 'WORKING_DAYS' },
  transferDecisionPeriod: { amount: 3, unit: 'CALENDAR_DAYS' },
  transferExecutionPeriod: { amount: 24, unit: 'HOURS' },
  disclosurePeriod: { amount: 7, unit: 'WORKING_DAYS' },
  otherDisclosurePeriod: { amount: 20, unit: 'WORKING_DAYS' },
  withdrawalPeriod: { amount: 3, unit: 'WORKING_DAYS' },
  qualifiedReviewersFor: 'PENALTY',
  unverified: [
    'caseUnitStepPeriod',
    'intakePeriod',
    'supplementPeriod',
    'reviewPeriod',
    'reviewExtension',
    'extensionApprover',
    'collectiveDiscussion',
    'decisionPeriod',
  ],
};

/** Periods of seconds for demonstrations and end-to-end tests (`PROCEDURE_PERIODS=demo`). Never used in production. */
export const DEMO_ENFORCEMENT_REVIEW_POLICY: EnforcementReviewPolicy = {
  ...DEFAULT_ENFORCEMENT_REVIEW_POLICY,
  version: 'er-2026.1-demo',
  reminderLeadSeconds: 60,
  caseUnitStepPeriod: { amount: 600, unit: 'SECONDS' },
  intakePeriod: { amount: 600, unit: 'SECONDS' },
  supplementPeriod: { amount: 600, unit: 'SECONDS' },
  // Short enough that a demonstration (and the end-to-end test) sees a review fall overdue and escalate.
  reviewPeriod: { amount: 20, unit: 'SECONDS' },
  reviewExtension: { amount: 600, unit: 'SECONDS' },
  decisionPeriod: { amount: 600, unit: 'SECONDS' },
  transferDecisionPeriod: { amount: 600, unit: 'SECONDS' },
  transferExecutionPeriod: { amount: 600, unit: 'SECONDS' },
  disclosurePeriod: { amount: 600, unit: 'SECONDS' },
  otherDisclosurePeriod: { amount: 600, unit: 'SECONDS' },
  withdrawalPeriod: { amount: 600, unit: 'SECONDS' },
};

/** Why the case is major: the catalog item matched (with its catalog version) and/or the statutory grounds. */
export interface MajorClassification {
  decisionKind: EnforcementDecisionKind;
  measure: EnforcementMeasure;
  /** Field of enforcement (e.g. 市场监管), matched against the catalog. */
  field: string;
  /** Amount of the fine, confiscation or levy, in yuan (0 when none). */
  amountYuan: number;
  statutoryGrounds: StatutoryGround[];
  /** The department's catalog version the case was classified under. */
  catalogVersion: string;
  /** The catalog item matched, if any. */
  catalogItemKey: string | null;
  /** Why, in words (the item's title, the grounds). */
  reason: string;
  /** Complex or serious case (处罚法 Art 57 §2): collective discussion is required. */
  complexOrSerious: boolean;
}

export interface EnforcementReviewInput {
  procedureId: string;
  caseNumber: string;
  title: string;
  /** The enforcement department (the case unit's agency). */
  departmentId: string;
  departmentCode: string;
  /** The review body: the department's own legal review unit, or the legal-affairs office where it has none. */
  reviewUnitId: string;
  reviewBody: 'DEPARTMENT' | 'OFFICE';
  /** Who submitted the case. */
  submitter: Actor;
  /** Every case handler on the case (at least two officers): none of them may review it (G-C2). */
  caseHandlerIds: string[];
  classification: MajorClassification;
  policyVersion?: string;
  /** Refused in a start: periods come from the policy version. */
  policy?: EnforcementReviewPolicy;
}

/** One evidence item; its file is an uploaded EVIDENCE document version, named by SHA-256. */
export interface EvidenceItem {
  title: string;
  source: string;
  fileSha256: string;
}

/** The materials submitted for review (C4). The proposed decision's text is the DRAFT document. */
export interface CaseMaterials {
  facts: string;
  evidence: EvidenceItem[];
  provisions: string[];
  discretionStandard: string;
  proposedDecision: string;
  /** A hearing was held: its record is an uploaded HEARING_RECORD version (the review follows the hearing). */
  hearingHeld: boolean;
  hearingRecordSha256: string | null;
}

/** A submitted version of the case: every resubmission is a new version; earlier versions and opinions stay. */
export interface CaseVersion {
  version: number;
  materials: CaseMaterials;
  /** SHA-256 of the proposed decision text (DRAFT) this version submitted. */
  draftSha256: string;
  submittedBy: string;
  submittedAt: string;
}

export type ReviewConclusion = 'AGREE' | 'PROBLEMS' | 'TRANSFER';

export interface ReviewOpinion {
  /** The case version reviewed. */
  caseVersion: number;
  round: number;
  taskId: string;
  conclusion: ReviewConclusion;
  reasons: string;
  checklist: ChecklistEntry[];
  reviewerId: string;
  reviewerName: string;
  reviewedSha256: string;
  givenAt: string;
}

export interface MaterialsRequest {
  missing: string[];
  requestedAt: string;
  supplementedAt: string | null;
}

export interface CollectiveRecord {
  meetingDate: string;
  participants: string[];
  conclusion: string;
  dissent: string | null;
  caseVersion: number;
}

export interface DecisionRecord {
  outcome: 'PENALTY' | 'NO_PENALTY' | 'FACTS_NOT_ESTABLISHED' | 'GRANTED' | 'REFUSED' | 'OTHER';
  decisionNumber: string;
  summary: string;
  caseVersion: number;
  decidedSha256: string;
  decidedAt: string;
}

export interface TransferRecord {
  approved: boolean | null;
  reasons: string | null;
  receivingOrgan: string | null;
  letterReference: string | null;
  materials: string[];
  decidedAt: string | null;
  transferredAt: string | null;
}

/** What a client sees of a running review. */
export interface EnforcementReviewSnapshot {
  procedureId: string;
  workflowId: string;
  stage: EnforcementReviewStage;
  status: 'ACTIVE' | 'ENDED' | 'IN_FORCE';
  openTaskId: string | null;
  dueAt: string | null;
  overdue: boolean;
  documents: Partial<Record<DocumentKind, DocumentVersionRef>>;
  classification: MajorClassification;
  reviewBody: 'DEPARTMENT' | 'OFFICE';
  /** SHA-256 of every evidence file uploaded. */
  evidenceFiles: string[];
  versions: CaseVersion[];
  /** Every opinion, of every version, oldest first: never rewritten. */
  opinions: ReviewOpinion[];
  materialsRequests: MaterialsRequest[];
  /** When the review clock started for the version under review (complete materials). */
  reviewClockStartedAt: string | null;
  extension: { requestedBy: string; reason: string; approved: boolean | null } | null;
  collectiveRequired: boolean;
  collective: CollectiveRecord | null;
  decision: DecisionRecord | null;
  transfer: TransferRecord | null;
  disclosure: { channel: string; reference: string; at: string } | null;
  withdrawal: { reason: string; reportedAt: string; reference: string | null; at: string | null } | null;
  steps: { stage: string; round: number; decision: string; actorName: string; at: string }[];
  waitingFor: string | null;
}

export interface SubmitCaseArgs {
  materials: CaseMaterials;
  actor: Actor;
}
export interface ErActorArgs {
  actor: Actor;
}
export interface RequestMaterialsArgs {
  taskId: string;
  missing: string[];
  actor: Actor;
}
export interface AcceptMaterialsArgs {
  taskId: string;
  actor: Actor;
}
export interface ReviewConclusionArgs {
  taskId: string;
  conclusion: ReviewConclusion;
  reasons: string;
  checklist: ChecklistEntry[];
  reviewedSha256: string;
  /** The reviewer declares no interest in the case (recusal declaration, G-C2). */
  noConflictDeclared: boolean;
  actor: Actor;
}
export interface RequestExtensionArgs {
  taskId: string;
  reason: string;
  actor: Actor;
}
export interface DecideExtensionArgs {
  approve: boolean;
  reason: string;
  actor: Actor;
}
export interface DecideTransferArgs {
  taskId: string;
  approve: boolean;
  reasons: string;
  actor: Actor;
}
export interface RecordTransferArgs {
  taskId: string;
  receivingOrgan: string;
  letterReference: string;
  materials: string[];
  actor: Actor;
}
export interface CollectiveArgs {
  taskId: string;
  meetingDate: string;
  participants: string[];
  conclusion: string;
  dissent?: string;
  actor: Actor;
}
export interface RecordDecisionArgs {
  taskId: string;
  outcome: DecisionRecord['outcome'];
  decisionNumber: string;
  summary: string;
  decidedSha256: string;
  actor: Actor;
}
export interface DisclosureArgs {
  taskId: string;
  channel: string;
  reference: string;
  actor: Actor;
}
export interface ErReasonArgs {
  reason: string;
  actor: Actor;
}
export interface WithdrawDisclosureArgs {
  taskId: string;
  reference: string;
  actor: Actor;
}
export interface ArchiveCaseArgs {
  note: string;
  actor: Actor;
}

const u = <A>(name: string) => defineUpdate<EnforcementReviewSnapshot, [A]>(`er.${name}`);

export const erSubmitDocumentVersionUpdate = defineUpdate<EnforcementReviewSnapshot, [SubmitDocumentVersionArgs]>(
  SUBMIT_DOCUMENT_VERSION_UPDATE,
);
export const erSubmitCaseUpdate = u<SubmitCaseArgs>('submitCase');
export const erRequestMaterialsUpdate = u<RequestMaterialsArgs>('requestMaterials');
export const erAcceptMaterialsUpdate = u<AcceptMaterialsArgs>('acceptMaterials');
export const erGiveConclusionUpdate = u<ReviewConclusionArgs>('giveConclusion');
export const erRequestExtensionUpdate = u<RequestExtensionArgs>('requestExtension');
export const erDecideExtensionUpdate = u<DecideExtensionArgs>('decideExtension');
export const erDecideTransferUpdate = u<DecideTransferArgs>('decideTransfer');
export const erRecordTransferUpdate = u<RecordTransferArgs>('recordTransfer');
export const erRecordCollectiveUpdate = u<CollectiveArgs>('recordCollective');
export const erRecordDecisionUpdate = u<RecordDecisionArgs>('recordDecision');
export const erRecordDisclosureUpdate = u<DisclosureArgs>('recordDisclosure');
export const erReportRevocationUpdate = u<ErReasonArgs>('reportRevocation');
export const erWithdrawDisclosureUpdate = u<WithdrawDisclosureArgs>('withdrawDisclosure');
export const erArchiveCaseUpdate = u<ArchiveCaseArgs>('archiveCase');
/** Resolves once the procedure has settled after start, returning the snapshot. */
export const erAwaitSettledUpdate = defineUpdate<EnforcementReviewSnapshot, []>('er.awaitSettled');

/** Live state of the review. */
export const getEnforcementReviewStateQuery = defineQuery<EnforcementReviewSnapshot>('getEnforcementReviewState');

export type EnforcementReviewWorkflow = (input: EnforcementReviewInput) => Promise<EnforcementReviewSnapshot>;
