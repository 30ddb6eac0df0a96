import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DocumentKind, DocumentVersionRef } from '../../documents';
import type { LegalBasis, Period } from '../../periods';
import { SUBMIT_DOCUMENT_VERSION_UPDATE, type Actor, type SubmitDocumentVersionArgs } from '../kernel/kernel.contract';
import { legalBasis } from '../../legal-bases';

export type { Actor, SubmitDocumentVersionArgs };

/** Procedure type code, also the `LawGateProcedureType` search attribute value. */
export const CONTRACT_REVIEW = 'CONTRACT_REVIEW';
/** Temporal workflow type of the government contract legality review (a public API: never rename). */
export const CONTRACT_REVIEW_WORKFLOW_TYPE = 'contractReviewWorkflow';

export function contractReviewWorkflowId(unitCode: string, contractNumber: string): string {
  return `contract-review:${unitCode}:${contractNumber}`;
}

/** Stages of the government contract legality review (domain reference §2.3, D1–D10), statutory order first. */
export enum ContractReviewStage {
  /** D1–D4 送审: the contracting unit submits the draft with its basis, counterpart, amount and term. */
  Submission = 'SUBMISSION',
  /** D5 合法性审查: an adviser or the office reviews against the checklist (§2.4). */
  LegalityReview = 'CONTRACT_LEGALITY_REVIEW',
  /** D7 签订: only on a passed review, and only the text reviewed (SHA-256). */
  Signing = 'SIGNING',
  /** D8 备案: filed after signing within the policy period. */
  Filing = 'FILING',
  /** D9 履行: the register's milestones, payment deadlines (SME payment rule) and expiry reminders. */
  Performance = 'PERFORMANCE',
  /** D6 修改: the review asked for changes; the unit revises and resubmits. */
  Revision = 'CONTRACT_REVISION',
  /** Terminal: performed and closed. */
  Completed = 'CONTRACT_COMPLETED',
  /** Terminal: not signed (abandoned after review). */
  Abandoned = 'CONTRACT_ABANDONED',
}

export const CONTRACT_TERMINAL_STAGES: readonly ContractReviewStage[] = [
  ContractReviewStage.Completed,
  ContractReviewStage.Abandoned,
];
export const CR_UPLOAD_STAGES: readonly ContractReviewStage[] = [
  ContractReviewStage.Submission,
  ContractReviewStage.Revision,
  ContractReviewStage.Signing,
];

const A = legalBasis;

/** Legal basis of each stage; the review duty itself rests on the adviser regime and local rules (§2.1 [U]). */
export const CONTRACT_REVIEW_STAGE_BASIS: Record<ContractReviewStage, LegalBasis> = {
  [ContractReviewStage.Submission]: A('NT_CONTRACTS/4'),
  [ContractReviewStage.LegalityReview]: A('ADVISERS/contract-review'),
  [ContractReviewStage.Signing]: A('ADVISERS/no-signing'),
  [ContractReviewStage.Filing]: A('GPL/47'),
  [ContractReviewStage.Performance]: A('SME/8-13'),
  [ContractReviewStage.Revision]: A('ADVISERS/contract-review'),
  [ContractReviewStage.Completed]: A('SPC_AGREEMENTS/24', 'SPC_AGREEMENTS/25'),
  [ContractReviewStage.Abandoned]: A('ADVISERS/no-signing'),
};

export function contractStageName(stage: ContractReviewStage): string {
  const b = CONTRACT_REVIEW_STAGE_BASIS[stage];
  return `${stage}（${b.regulation} ${b.article}）`;
}

/** Contract kinds in scope lists (Nantong 2024 Art 4 and county rules, §2.2). */
export const CONTRACT_KINDS = [
  'STATE_ASSETS',
  'NATURAL_RESOURCES',
  'FRANCHISE_PPP',
  'EXPROPRIATION',
  'COMMISSIONED_SERVICES',
  'INVESTMENT_ATTRACTION',
  'INTERGOVERNMENTAL',
  'PROCUREMENT',
  'OTHER',
] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const CONTRACT_BASES = ['PROCUREMENT', 'TENDER', 'APPROVAL', 'NEGOTIATION'] as const;
export type ContractBasis = (typeof CONTRACT_BASES)[number];

export const CONTRACT_CHECKLIST = [
  'COUNTERPART_QUALIFIED',
  'OWN_AUTHORITY',
  'TERMS_LAWFUL',
  'NO_ULTRA_VIRES_PROMISE',
  'NO_GOVERNMENT_GUARANTEE',
  'DISPUTE_CLAUSE_VALID',
  'APPROVAL_BEFORE_EFFECT',
  'AWARD_METHOD',
  'SME_PAYMENT_TERMS',
  'PROCUREMENT_RULES',
] as const;
export type ContractChecklistItem = (typeof CONTRACT_CHECKLIST)[number];
export interface ContractChecklistEntry {
  item: ContractChecklistItem;
  ok: boolean;
  note: string;
}

/** Versioned policy: scope thresholds and kinds, and periods; every default is a locality's choice (§5 items 5–6). */
export interface ContractReviewPolicy {
  version: string;
  reminderLeadSeconds: number;
  /** Contracts of at least this amount (yuan) must be reviewed. [U] */
  mustReviewFromYuan: number;
  /** Kinds that must be reviewed whatever the amount. [U] */
  mustReviewKinds: readonly ContractKind[];
  unitStepPeriod: Period;
  /** Review period (example 5wd, Analog S19). [U] */
  reviewPeriod: Period;
  /** Filing after signing (example 5wd, Analog S19). [U] */
  filingPeriod: Period;
  /** Procurement contracts go to the finance department within 7 working days (政府采购法 Art 47). [V] */
  procurementFilingPeriod: Period;
  /** SMEs are paid within 30 days of acceptance, at most 60 if agreed (SME payment rule Art 9). [V] */
  smePaymentPeriod: Period;
  smePaymentMaxAgreed: Period;
  /** How long before expiry the register reminds the unit (a task due at expiry). [U] */
  expiryReminder: Period;
  unverified: readonly string[];
}

export const DEFAULT_CONTRACT_REVIEW_POLICY: ContractReviewPolicy = {
  version: 'cr-2026.1',
  reminderLeadSeconds: 24 * 3600,
  mustReviewFromYuan: 500000,
  mustReviewKinds: ['NATURAL_RESOURCES', 'FRANCHISE_PPP', 'EXPROPRIATION', 'INVESTMENT_ATTRACTION', 'STATE_ASSETS'],
  unitStepPeriod: { amount: 10, unit: 'WORKING_DAYS' },
  reviewPeriod: { amount: 5, unit: 'WORKING_DAYS' },
  filingPeriod: { amount: 5, unit: 'WORKING_DAYS' },
  procurementFilingPeriod: { amount: 7, unit: 'WORKING_DAYS' },
  smePaymentPeriod: { amount: 30, unit: 'CALENDAR_DAYS' },
  smePaymentMaxAgreed: { amount: 60, unit: 'CALENDAR_DAYS' },
  expiryReminder: { amount: 30, unit: 'CALENDAR_DAYS' },
  unverified: [
    'mustReviewFromYuan',
    'mustReviewKinds',
    'unitStepPeriod',
    'reviewPeriod',
    'filingPeriod',
    'expiryReminder',
  ],
};

export const DEMO_CONTRACT_REVIEW_POLICY: ContractReviewPolicy = {
  ...DEFAULT_CONTRACT_REVIEW_POLICY,
  version: 'cr-2026.1-demo',
  reminderLeadSeconds: 60,
  unitStepPeriod: { amount: 600, unit: 'SECONDS' },
  reviewPeriod: { amount: 20, unit: 'SECONDS' },
  filingPeriod: { amount: 600, unit: 'SECONDS' },
  procurementFilingPeriod: { amount: 600, unit: 'SECONDS' },
  smePaymentPeriod: { amount: 600, unit: 'SECONDS' },
  smePaymentMaxAgreed: { amount: 1200, unit: 'SECONDS' },
  expiryReminder: { amount: 600, unit: 'SECONDS' },
};

export interface ContractFacts {
  kind: ContractKind;
  /** An administrative agreement (行政协议): an arbitration clause is void (SPC rule Art 26). */
  administrativeAgreement: boolean;
  basis: ContractBasis;
  counterpart: string;
  /** The counterpart is a small or medium-sized enterprise (SME payment rule). */
  counterpartSme: boolean;
  amountYuan: number;
  termStart: string;
  termEnd: string;
  /** Why it is reviewed: the threshold or kind it meets (or a voluntary review). */
  scopeReason: string;
  /**
   * G-D6: the major administrative decision (Procedure A) this contract is itself part of, named at submission;
   * signing waits until that decision is adopted and neither suspended nor closed. Absent: no such link.
   */
  majorDecision?: { procedureId: string; title: string } | null;
}

export interface ContractReviewInput {
  procedureId: string;
  contractNumber: string;
  title: string;
  departmentId: string;
  departmentCode: string;
  drafter: Actor;
  facts: ContractFacts;
  policyVersion?: string;
  policy?: ContractReviewPolicy;
}

export type ContractConclusion = 'PASS' | 'REVISE';
export interface ContractOpinion {
  round: number;
  taskId: string;
  conclusion: ContractConclusion;
  reasons: string;
  checklist: ContractChecklistEntry[];
  reviewerId: string;
  reviewerName: string;
  reviewedSha256: string;
  givenAt: string;
}

export interface Milestone {
  title: string;
  dueDate: string;
  doneAt: string | null;
}
export interface PaymentDeadline {
  item: string;
  acceptedAt: string;
  dueAt: string;
  paidAt: string | null;
}

export interface ContractReviewSnapshot {
  procedureId: string;
  workflowId: string;
  stage: ContractReviewStage;
  status: 'ACTIVE' | 'ENDED' | 'IN_FORCE';
  openTaskId: string | null;
  dueAt: string | null;
  overdue: boolean;
  documents: Partial<Record<DocumentKind, DocumentVersionRef>>;
  facts: ContractFacts;
  opinions: ContractOpinion[];
  signing: { signedSha256: string; signedAt: string; signatory: string } | null;
  filing: { filedWith: string[]; reference: string; at: string } | null;
  milestones: Milestone[];
  payments: PaymentDeadline[];
  warnings: { kind: string; text: string; at: string }[];
  expiryReminded: boolean;
  steps: { stage: string; round: number; decision: string; actorName: string; at: string }[];
  waitingFor: string | null;
}

export interface CrActorArgs {
  actor: Actor;
}
export interface CrSubmitArgs {
  note: string;
  actor: Actor;
}
export interface CrOpinionArgs {
  taskId: string;
  conclusion: ContractConclusion;
  reasons: string;
  checklist: ContractChecklistEntry[];
  reviewedSha256: string;
  actor: Actor;
}
export interface CrSignArgs {
  signedSha256: string;
  signatory: string;
  actor: Actor;
}
export interface CrFilingArgs {
  taskId: string;
  filedWith: string[];
  reference: string;
  actor: Actor;
}
export interface CrMilestoneArgs {
  title: string;
  dueDate: string;
  actor: Actor;
}
export interface CrItemArgs {
  item: string;
  actor: Actor;
}
export interface CrAcceptanceArgs {
  item: string;
  /** Payment period agreed in the contract, days (at most 60: SME payment rule Art 9). */
  agreedDays?: number;
  actor: Actor;
}
export interface CrWarningArgs {
  kind: string;
  text: string;
  actor: Actor;
}
export interface CrReasonArgs {
  reason: string;
  actor: Actor;
}

const upd = <A>(name: string) => defineUpdate<ContractReviewSnapshot, [A]>(`cr.${name}`);
export const crSubmitDocumentVersionUpdate = defineUpdate<ContractReviewSnapshot, [SubmitDocumentVersionArgs]>(
  SUBMIT_DOCUMENT_VERSION_UPDATE,
);
export const crSubmitUpdate = upd<CrSubmitArgs>('submit');
export const crGiveOpinionUpdate = upd<CrOpinionArgs>('giveOpinion');
export const crSignUpdate = upd<CrSignArgs>('sign');
export const crAbandonUpdate = upd<CrReasonArgs>('abandon');
export const crFileUpdate = upd<CrFilingArgs>('file');
export const crAddMilestoneUpdate = upd<CrMilestoneArgs>('addMilestone');
export const crCompleteMilestoneUpdate = upd<CrItemArgs>('completeMilestone');
export const crRecordAcceptanceUpdate = upd<CrAcceptanceArgs>('recordAcceptance');
export const crRecordPaymentUpdate = upd<CrItemArgs>('recordPayment');
export const crReportWarningUpdate = upd<CrWarningArgs>('reportWarning');
export const crCloseUpdate = upd<CrReasonArgs>('close');
export const crAwaitSettledUpdate = defineUpdate<ContractReviewSnapshot, []>('cr.awaitSettled');
export const getContractReviewStateQuery = defineQuery<ContractReviewSnapshot>('getContractReviewState');
export type ContractReviewWorkflow = (input: ContractReviewInput) => Promise<ContractReviewSnapshot>;
