import type { PreReviewDecision } from '../steps/pre-review.contract';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DocumentKind, DocumentVersionRef } from '../../documents';
import { INSTRUMENTS, cite, legalBasis } from '../../legal-bases';
import type { LegalBasis, Period } from '../../periods';
import {
  SUBMIT_DOCUMENT_VERSION_UPDATE,
  stageRange,
  type Actor,
  type DiscretionRecord,
  type SubmitDocumentVersionArgs,
} from '../kernel/kernel.contract';
import type { CommentWindowState, RegistrationRecord } from '../steps/steps.contract';
import type {
  ChannelNotUsed,
  DecisionPublicationArgs,
  DecisionTaskArgs,
  EvaluationArgs,
  ExecutionReportArgs,
  PartyReportArgs,
  ReasonArgs,
} from './major-decision-after.contract';
import type { MajorDecisionPolicy } from './major-decision.policy';

export type { Actor, SubmitDocumentVersionArgs, CommentWindowState, RegistrationRecord };
export * from './major-decision-after.contract';

/** Procedure type code, also the `LawGateProcedureType` search attribute value. */
export const MAJOR_DECISION = 'MAJOR_DECISION';

/** Temporal workflow type of the major-decision procedure (a public API: never rename). */
export const MAJOR_DECISION_WORKFLOW_TYPE = 'majorDecisionWorkflow';

/** Workflow ID of a major decision: a business key, `major-decision:<unit code>:<matter code>`. */
export function majorDecisionWorkflowId(unitCode: string, matterCode: string): string {
  return `major-decision:${unitCode}:${matterCode}`;
}

/**
 * Stages of the major administrative decision procedure (重大行政决策), regulations.md §1.2 (A1–A16), under
 * 《重大行政决策程序暂行条例》(国务院令第713号). Conditional stages (public participation, experts, risk) are entered
 * only when the matter needs them; the gate that decides this is named with each.
 */
export enum MajorDecisionStage {
  /** G-A1 范围界定: the matter is classified in or out of Art 3; excluded kinds never get further. */
  ScopeClassification = 'SCOPE_CLASSIFICATION',
  /** A1–A2 决策启动: the proposal waits for the decision organ's launch decision naming the undertaking unit. */
  Launch = 'LAUNCH',
  /** A3 拟订决策草案: the undertaking unit drafts one or more options. */
  Drafting = 'DRAFTING',
  /** A4 协商: inter-agency consultation; a dispute memo goes to the organ when there is no consensus. */
  Consultation = 'CONSULTATION',
  /** A5 公众参与: open comment, hearings, every opinion answered. */
  PublicParticipation = 'PUBLIC_PARTICIPATION',
  /** A6 专家论证: for professional or technical matters. */
  ExpertArgumentation = 'EXPERT_ARGUMENTATION',
  /** A7 风险评估: for matters flagged as possibly affecting stability or public safety. */
  RiskAssessment = 'RISK_ASSESSMENT',
  /** A8 合法性审查: the hard gate before the meeting. */
  LegalityReview = 'LEGALITY_REVIEW',
  /** A9 提交审议材料: the meeting package, checked against Art 29. */
  MeetingPackage = 'MEETING_PACKAGE',
  /** A10 集体讨论决定: executive or plenary meeting; the head decides, speaking last. */
  CollectiveDiscussion = 'COLLECTIVE_DISCUSSION',
  /** A11 向同级党委请示报告. */
  PartyReport = 'PARTY_REPORT',
  /**
   * Dual track: a decision that is also a normative document is registered and numbered (B9) before it is published,
   * so that the published text carries its number.
   */
  Registration = 'REGISTRATION',
  /** A12 决策公布. */
  Publication = 'PUBLICATION',
  /** A13 决策档案: every step's records filed before the case goes on. */
  Archive = 'ARCHIVE',
  /** A14–A15 执行与后评估: execution reports, post-decision evaluation. */
  Execution = 'EXECUTION',
  /** A16 中止执行: the head suspended execution in an urgent situation. */
  Suspended = 'SUSPENDED',
  /** Terminal: the matter falls outside Art 3 (or a special procedure governs it). */
  OutOfScope = 'OUT_OF_SCOPE',
  /** Terminal: the decision organ decided not to launch the matter. */
  NotLaunched = 'NOT_LAUNCHED',
  /** Terminal: the meeting did not adopt the decision. */
  NotAdopted = 'NOT_ADOPTED',
  /** Terminal: execution ended and the case is closed. */
  Closed = 'CLOSED',
}

export const MAJOR_DECISION_TERMINAL_STAGES: readonly MajorDecisionStage[] = stageRange(
  MajorDecisionStage,
  MajorDecisionStage.OutOfScope,
  MajorDecisionStage.Closed,
);

/** The stages in statutory order, as a timeline and the catalog progress report show them. */
export const MAJOR_DECISION_STAGE_ORDER: readonly MajorDecisionStage[] = stageRange(
  MajorDecisionStage,
  MajorDecisionStage.ScopeClassification,
  MajorDecisionStage.Execution,
);

/** The stages in which the undertaking unit may add document versions (from drafting to the meeting package). */
export const MD_DOCUMENT_UPLOAD_STAGES: readonly MajorDecisionStage[] = stageRange(
  MajorDecisionStage,
  MajorDecisionStage.Drafting,
  MajorDecisionStage.MeetingPackage,
);

export const DECREE_713 = INSTRUMENTS.D713.title;

/** Legal basis of each stage (regulations.md §1.2, §1.6), from the table of legal bases (`legal-bases.ts`). */
export const MAJOR_DECISION_STAGE_BASIS: Record<MajorDecisionStage, LegalBasis> = {
  [MajorDecisionStage.ScopeClassification]: legalBasis('D713/3'),
  [MajorDecisionStage.Launch]: legalBasis('D713/10', 'D713/11'),
  [MajorDecisionStage.Drafting]: legalBasis('D713/12'),
  [MajorDecisionStage.Consultation]: legalBasis('D713/13'),
  [MajorDecisionStage.PublicParticipation]: legalBasis('D713/14-18'),
  [MajorDecisionStage.ExpertArgumentation]: legalBasis('D713/19-20'),
  [MajorDecisionStage.RiskAssessment]: legalBasis('D713/22-24'),
  [MajorDecisionStage.LegalityReview]: legalBasis('D713/25-28'),
  [MajorDecisionStage.MeetingPackage]: legalBasis('D713/29'),
  [MajorDecisionStage.CollectiveDiscussion]: legalBasis('D713/30'),
  [MajorDecisionStage.PartyReport]: legalBasis('D713/31'),
  [MajorDecisionStage.Publication]: legalBasis('D713/32'),
  [MajorDecisionStage.Registration]: legalBasis('GB37/registration'),
  [MajorDecisionStage.Archive]: legalBasis('D713/33'),
  [MajorDecisionStage.Execution]: legalBasis('D713/34-36'),
  [MajorDecisionStage.Suspended]: legalBasis('D713/35', 'D713/37'),
  [MajorDecisionStage.OutOfScope]: legalBasis('D713/3.2'),
  [MajorDecisionStage.NotLaunched]: legalBasis('D713/10'),
  [MajorDecisionStage.NotAdopted]: legalBasis('D713/30'),
  [MajorDecisionStage.Closed]: legalBasis('D713/33', 'D713/38'),
};

/** `LEGALITY_REVIEW（《重大行政决策程序暂行条例》（国务院令第713号） 第二十五条至第二十八条）`. */
export function majorStageName(stage: MajorDecisionStage): string {
  const basis = MAJOR_DECISION_STAGE_BASIS[stage];
  return `${stage}（${basis.regulation} ${basis.article}）`;
}

/** The Art 3 §1 kinds of matter (in scope). */
export const IN_SCOPE_KINDS = [
  'PUBLIC_POLICY',
  'DEVELOPMENT_PLAN',
  'NATURAL_CULTURAL_RESOURCES',
  'PUBLIC_CONSTRUCTION',
  'MAJOR_PUBLIC_INTEREST',
] as const;
/** The Art 3 §2 kinds excluded from this procedure (and matters whose own law sets a procedure). */
export const EXCLUDED_KINDS = ['MACRO_CONTROL', 'LEGISLATION', 'EMERGENCY_RESPONSE', 'SPECIAL_PROCEDURE'] as const;
export type MatterKind = (typeof IN_SCOPE_KINDS)[number] | (typeof EXCLUDED_KINDS)[number];
export const MATTER_KINDS: readonly MatterKind[] = [...IN_SCOPE_KINDS, ...EXCLUDED_KINDS];

/** G-A1: why an excluded kind cannot enter, naming Art 3 §2; null for a kind in scope. */
export function scopeRefusal(kind: MatterKind): string | null {
  if ((IN_SCOPE_KINDS as readonly string[]).includes(kind)) return null;
  const what: Record<(typeof EXCLUDED_KINDS)[number], string> = {
    MACRO_CONTROL: '财政政策、货币政策等宏观调控决策',
    LEGISLATION: '政府立法决策',
    EMERGENCY_RESPONSE: '突发事件应急处置决策',
    SPECIAL_PROCEDURE: '法律、行政法规对决策程序另有规定的事项',
  };
  return (
    `A matter of kind ${kind} (${what[kind as (typeof EXCLUDED_KINDS)[number]]}) is outside the major-decision ` +
    `procedure: ${cite('D713/3.2')}.`
  );
}

export * from './major-decision.policy';

/** A1: the proposal (决策事项建议); departments and lower governments argue it fully (Art 10). */
export interface DecisionProposal {
  proposer: 'LEADER' | 'DEPARTMENT' | 'LOWER_GOVERNMENT' | 'DEPUTY_OR_MEMBER' | 'PUBLIC';
  problem: string;
  reasonsAndBasis: string;
  preliminarySolution: string;
  necessityAndFeasibility: string;
}

/** G-A1: the classification and the flags that decide which conditional stages run. */
export interface ScopeClassification {
  kind: MatterKind;
  reason: string;
  /** Expert argumentation is required (Art 19). */
  professional: boolean;
  /** Risk assessment is required (Art 22). */
  riskFlagged: boolean;
  /** Matters of wide public concern: publication explains how opinions were used (Art 32). */
  wideConcern: boolean;
  /** The draft touches market actors' economic activity: the package needs a fair-competition review (Art 29). */
  touchesMarket: boolean;
  /** An exploratory reform with no clear national rule: may pass legality review with the legal risk stated. */
  exploratoryReform: boolean;
  /** Dual track: the decision is also an administrative normative document. */
  alsoNormativeDocument: boolean;
}

export interface MajorDecisionInput {
  procedureId: string;
  matterCode: string;
  title: string;
  /** The proposing unit (the read model's department until the launch decision names the undertaking unit). */
  departmentId: string;
  departmentCode: string;
  /** The decision organ, in whose name a dual-track document is numbered. */
  governmentUnitId: string;
  /** The catalog item the matter runs for, if any (决策事项目录). */
  catalogItemId?: string | null;
  proposer: Actor;
  proposal: DecisionProposal;
  classification: ScopeClassification;
  /** The policy version the decision starts under (`POLICY_VERSIONS`): its periods come from code, never the input. */
  policyVersion?: string;
  /** Decisions started before policy versions only: the policy they were started with. Refused in a new start. */
  policy?: MajorDecisionPolicy;
}

export interface ExpertRecord {
  name: string;
  affiliation: string;
  /** Declared a direct interest in the matter: such an expert is excluded (Art 20). */
  declaredInterest: boolean;
  /** Invited as holding a dissenting view (Art 20 "注重选择持不同意见的"). */
  dissenting: boolean;
  opinion: string;
  /** SHA-256 of the signed or sealed written opinion. */
  signedSha256: string;
}

export interface RiskReport {
  riskPoints: string;
  measures: string;
  contingencyPlan: string;
  /** e.g. HIGH / MEDIUM / LOW; the method or standard says what it means (§1.8: not hard-coded). */
  level: string;
  method: string;
  controllable: boolean;
  /** The draft version the assessment rated. */
  draftSha256: string;
}

export type LegalityConclusion = 'LAWFUL' | 'MUST_AMEND' | 'UNLAWFUL' | 'NO_CLEAR_RULE';

export interface LegalityOpinion {
  round: number;
  taskId: string;
  conclusion: LegalityConclusion;
  reasons: string;
  reviewerId: string;
  reviewerName: string;
  reviewedSha256: string;
  givenAt: string;
  /** Exploratory reform exception: the legal risk stated explicitly. */
  legalRisk: string | null;
  /** Who signed it: the legal-affairs office (Art 28), or, in procedures started before, a routed legal adviser. */
  reviewerRole?: 'LEGAL_AFFAIRS_OFFICER' | 'LEGAL_ADVISER';
  /** The advisers' opinions (their task ids) the office cites. */
  citedAdviserOpinions?: string[];
}

/**
 * A legal adviser's or government lawyer's opinion the legality-review office requested (Art 28: the office organises
 * their opinions): an input it reads and may cite, not the review itself.
 */
export interface AdviserInputRecord {
  taskId: string;
  question: string;
  expertise: string[];
  requestedBy: string;
  requestedAt: string;
  /** The draft version the opinion was asked on. */
  requestedOnSha256: string;
  adviserId: string | null;
  adviserName: string | null;
  conclusion: 'LAWFUL' | 'MUST_AMEND' | 'UNLAWFUL' | null;
  opinion: string | null;
  reviewedSha256: string | null;
  givenAt: string | null;
}

export type MemberPosition = 'FOR' | 'AGAINST' | 'ABSTAIN';

export interface MemberPositionRecord {
  memberId: string;
  name: string;
  position: MemberPosition;
  /** What the member said; for dissent, verbatim. */
  statement: string;
}

export interface MeetingMinutes {
  meetingType: 'EXECUTIVE' | 'PLENARY';
  meeting: string;
  meetingDate: string;
  /** In speaking order; the head's position is last. */
  positions: MemberPositionRecord[];
  headId: string;
  decision: 'ADOPTED' | 'NOT_ADOPTED';
  headReason: string | null;
  /** The members present and how many the meeting has, with the quorum it met (absent in minutes before). */
  attendees?: MeetingAttendee[];
  membersTotal?: number;
  quorum?: string;
  signedBy: string;
  signedAt: string;
  ledgerHash: string;
}

export interface HearingRecord {
  materialsDeliveredAt: string;
  participantListPublishedAt: string;
  heldAt: string;
  participants: string[];
  signedRecordSha256: string;
}

export interface PublicationRecord {
  channels: string[];
  reference: string;
  opinionsExplanation: string | null;
  publishedAt: string;
  /** Art 32 channels not used, each with its reason. */
  channelsNotUsed?: ChannelNotUsed[];
  /** The registration number the published text carries (a decision that is also a normative document). */
  documentNumber?: string | null;
}

export interface StepRecord {
  stage: MajorDecisionStage;
  round: number;
  decision: string;
  actorName: string;
  at: string;
}

/** What a client sees of a running major decision. */
export interface MajorDecisionSnapshot {
  procedureId: string;
  workflowId: string;
  stage: MajorDecisionStage;
  status: 'ACTIVE' | 'ENDED' | 'SUSPENDED';
  /** The open task the procedure waits for, if any. */
  openTaskId: string | null;
  dueAt: string | null;
  overdue: boolean;
  /** Adjustment round: 1 for the original decision, +1 for each adjustment that re-ran the steps. */
  round: number;
  classification: ScopeClassification;
  /** The launching leader's confirmation of the classification flags (absent in decisions started before). */
  classificationConfirmation?: ClassificationConfirmation | null;
  undertakingUnitId: string | null;
  leadUnitId: string | null;
  documents: Partial<Record<DocumentKind, DocumentVersionRef>>;
  options: { label: string; sha256: string }[];
  consultation: { consulted: string[]; consensus: boolean; disputeMemo: string | null } | null;
  commentWindow: CommentWindowState | null;
  hearing: HearingRecord | null;
  experts: ExpertRecord[];
  risk: RiskReport | null;
  legalityOpinions: LegalityOpinion[];
  /** Advisers' opinions the office requested during the review (absent in procedures started before). */
  adviserOpinions?: AdviserInputRecord[];
  /** Who gives the legality-review opinion in this procedure: the office (Art 28), or a routed adviser (before). */
  legalityReviewBy?: 'OFFICE' | 'ADVISER';
  reviewMinimumEndsAt: string | null;
  minutes: MeetingMinutes | null;
  partyReport: { reportedTo: string; reference: string; at: string } | null;
  publication: PublicationRecord | null;
  registration: RegistrationRecord | null;
  archived: boolean;
  executionReports: { kind: 'PROGRESS' | 'PROBLEM'; text: string; at: string }[];
  evaluations: { evaluator: string; result: string; at: string }[];
  suspension: { reason: string; at: string } | null;
  /** Steps completed, oldest first (the catalog progress report uses them). */
  steps: StepRecord[];
  /** "一般"/"可以" rules not followed, each decided with its reason (who decided, why). */
  discretions?: DiscretionRecord[];
  /** Soft rules ("一般", "注重") that were not met: recorded, not blocking. */
  warnings: string[];
  waitingFor: string | null;
}

/** The classification flags that decide whether expert argumentation (Art 19) and risk assessment (Art 22) run. */
export interface ClassificationFlags {
  professional: boolean;
  riskFlagged: boolean;
}

export interface DecideLaunchArgs {
  taskId: string;
  launch: boolean;
  undertakingUnitId?: string;
  leadUnitId?: string;
  reason: string;
  /**
   * The launching leader's word on the drafter's flags: absent, the launch confirms them as declared; different
   * values change them and need `classificationReason`. Decisions started before the leader confirmed ignore it.
   */
  classification?: ClassificationFlags;
  classificationReason?: string;
  actor: Actor;
}

/** The flags as the proposer declared them and as the launching leader confirmed (or changed) them. */
export interface ClassificationConfirmation {
  declared: ClassificationFlags;
  confirmed: ClassificationFlags;
  confirmedBy: string;
  /** Why the leader changed the declared flags (null when confirmed as declared). */
  reason: string | null;
  at: string;
}

/** A member present at the meeting (出席人员). */
export interface MeetingAttendee {
  memberId: string;
  name: string;
}
export interface DraftOptionsArgs {
  /** One or more options (Art 12: two or more allowed where views diverge widely); each a stored DRAFT version. */
  options: { label: string; sha256: string }[];
  lawInventory: string;
  costBenefit?: string;
  actor: Actor;
}
export interface ConsultationArgs {
  /** The departments consulted; none when the matter touches no other department's duties (then say why). */
  consulted: string[];
  /** Art 13 applies where other departments' duties are involved: why none is (a recorded decision). */
  noDepartmentInvolvedReason?: string;
  consensus: boolean;
  /** Required without consensus: the issues, each side's view, the undertaker's view with reasons and basis. */
  disputeMemo?: string;
  actor: Actor;
}
export interface OpenDecisionCommentArgs {
  period?: Period;
  shortenedReason?: string;
  actor: Actor;
}
export interface DecisionActorArgs {
  actor: Actor;
}
export interface CompleteParticipationArgs {
  /**
   * Art 14 lets the undertaking unit choose how to hear opinions (open consultation is one way) and exempts matters
   * that may not be disclosed: without an open consultation, say which applies and why (a recorded decision).
   */
  withoutOpenConsultation?: {
    /** The matter may not be disclosed by law (Art 14 ¶1). */
    exempt: boolean;
    /** The other ways opinions were heard (forums, site visits, written consultation, …), when not exempt. */
    methods?: string[];
    reason: string;
  };
  actor: Actor;
}
export interface AnswerDecisionCommentArgs {
  commentId: string;
  answer: 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED';
  reason: string;
  actor: Actor;
}
export interface HearingArgs extends Omit<HearingRecord, never> {
  actor: Actor;
}
export interface ExpertOpinionArgs {
  expert: ExpertRecord;
  actor: Actor;
}
export interface CompleteExpertsArgs {
  /** How the experts' opinions were adopted (goes into the meeting package, Art 29 (3)). */
  adoption: string;
  /** Whether a dissenting expert was invited (a warning when not). */
  dissentingInvited: boolean;
  actor: Actor;
}
export interface RiskAssessmentArgs extends Omit<RiskReport, 'draftSha256'> {
  actor: Actor;
}
export interface SubmitLegalityArgs {
  basisStatement: string;
  proceduresPerformed: string;
  actor: Actor;
}
export interface DecisionLegalityOpinionArgs {
  taskId: string;
  conclusion: LegalityConclusion;
  reasons: string;
  reviewedSha256: string;
  legalRisk?: string;
  /** Task ids of advisers' opinions (requested in this review) that the office's opinion relies on. */
  citedAdviserOpinions?: string[];
  /** The automatic pre-review's findings on that version, each confirmed or dismissed (the API adds them). */
  preReview?: PreReviewDecision[];
  actor: Actor;
}
export interface RequestLegalAdviceArgs {
  /** What the adviser should look at. */
  question: string;
  /** Areas of expertise the opinion needs (used to route it). */
  expertise: string[];
  actor: Actor;
}
export interface GiveLegalAdviceArgs {
  taskId: string;
  conclusion: 'LAWFUL' | 'MUST_AMEND' | 'UNLAWFUL';
  opinion: string;
  /** SHA-256 of the draft version the adviser read: refused unless it is the current version. */
  reviewedSha256: string;
  actor: Actor;
}
export interface MeetingPackageArgs {
  fairCompetitionReview?: string;
  note: string;
  actor: Actor;
}
export interface RecordMeetingArgs {
  taskId: string;
  meetingType: string;
  meeting: string;
  meetingDate: string;
  positions: MemberPositionRecord[];
  headId: string;
  decision: 'ADOPTED' | 'NOT_ADOPTED';
  headReason?: string;
  /** How many members the meeting has (组成人员), for the quorum; required in decisions that check it. */
  membersTotal?: number;
  /** The members present; every member whose position is recorded is among them. */
  attendees?: MeetingAttendee[];
  actor: Actor;
}
const u = <A>(name: string) => defineUpdate<MajorDecisionSnapshot, [A]>(`md.${name}`);

export const mdDecideLaunchUpdate = u<DecideLaunchArgs>('decideLaunch');
/** Same name as the normative procedure's update, so that the document upload endpoint serves both. */
export const mdSubmitDocumentVersionUpdate = defineUpdate<MajorDecisionSnapshot, [SubmitDocumentVersionArgs]>(
  SUBMIT_DOCUMENT_VERSION_UPDATE,
);
export const mdSubmitDraftOptionsUpdate = u<DraftOptionsArgs>('submitDraftOptions');
export const mdRecordConsultationUpdate = u<ConsultationArgs>('recordConsultation');
export const mdOpenCommentWindowUpdate = u<OpenDecisionCommentArgs>('openCommentWindow');
export const mdCloseCommentWindowUpdate = u<DecisionActorArgs>('closeCommentWindow');
export const mdAnswerCommentUpdate = u<AnswerDecisionCommentArgs>('answerComment');
export const mdRecordHearingUpdate = u<HearingArgs>('recordHearing');
export const mdCompletePublicParticipationUpdate = u<CompleteParticipationArgs>('completePublicParticipation');
export const mdAddExpertOpinionUpdate = u<ExpertOpinionArgs>('addExpertOpinion');
export const mdCompleteExpertsUpdate = u<CompleteExpertsArgs>('completeExperts');
export const mdRecordRiskAssessmentUpdate = u<RiskAssessmentArgs>('recordRiskAssessment');
export const mdSubmitForLegalityReviewUpdate = u<SubmitLegalityArgs>('submitForLegalityReview');
export const mdGiveLegalityOpinionUpdate = u<DecisionLegalityOpinionArgs>('giveLegalityOpinion');
/** The legality-review office asks a legal adviser or government lawyer for a legal opinion (Art 28). */
export const mdRequestAdviserOpinionUpdate = u<RequestLegalAdviceArgs>('requestAdviserOpinion');
/** The adviser signs the requested opinion on the current draft. */
export const mdGiveAdviserOpinionUpdate = u<GiveLegalAdviceArgs>('giveAdviserOpinion');
export const mdSubmitMeetingPackageUpdate = u<MeetingPackageArgs>('submitMeetingPackage');
export const mdRecordMeetingUpdate = u<RecordMeetingArgs>('recordMeeting');
export const mdRecordPartyReportUpdate = u<PartyReportArgs>('recordPartyReport');
export const mdRecordPublicationUpdate = u<DecisionPublicationArgs>('recordPublication');
export const mdRegisterDocumentUpdate = u<DecisionTaskArgs>('registerDocument');
export const mdArchiveUpdate = u<DecisionTaskArgs>('archive');
export const mdRecordExecutionReportUpdate = u<ExecutionReportArgs>('recordExecutionReport');
export const mdRecordEvaluationUpdate = u<EvaluationArgs>('recordEvaluation');
export const mdSuspendExecutionUpdate = u<ReasonArgs>('suspendExecution');
export const mdResumeExecutionUpdate = u<ReasonArgs>('resumeExecution');
export const mdStartAdjustmentUpdate = u<ReasonArgs>('startAdjustment');
export const mdCloseDecisionUpdate = u<ReasonArgs>('closeDecision');
/** Resolves once the procedure has settled after start, returning the snapshot. */
export const mdAwaitSettledUpdate = defineUpdate<MajorDecisionSnapshot, []>('md.awaitSettled');

/** Live state of the procedure. */
export const getMajorDecisionStateQuery = defineQuery<MajorDecisionSnapshot>('getMajorDecisionState');

export type MajorDecisionWorkflow = (input: MajorDecisionInput) => Promise<MajorDecisionSnapshot>;
