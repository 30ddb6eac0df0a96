import type { Period } from '../../periods';
import type { ValidityPolicy } from './normative-document-validity.contract';

/**
 * Versioned policy a procedure starts under; tests pass periods in seconds. Fields added after the first release are
 * optional, and the workflow falls back to `DEFAULT_NORMATIVE_DOCUMENT_POLICY` for procedures started without them.
 * Rules the domain reference marks unverified are here, as data, rather than hard-coded.
 */
export interface NormativeDocumentPolicy extends ValidityPolicy {
  /** Identifier of this policy version, recorded with the procedure. */
  version: string;
  /** How long the legal-affairs office has to decide on project approval (an SLA, not a statutory minimum). */
  projectApprovalPeriod: Period;
  /** How long before a task's due time its holder is reminded (absent in procedures started before reminders). */
  reminderLeadSeconds?: number;
  /** How long a legal adviser has to give an opinion on a draft (absent in procedures started before opinions). */
  adviserOpinionPeriod?: Period;
  /** G-B4: minimum comment window in general (≥7 working days). */
  generalCommentPeriod?: Period;
  /** G-B4: minimum comment window for documents that concern market actors (≥30 calendar days). */
  businessCommentPeriod?: Period;
  /** Time the drafting unit has for a step of its own (fair-competition review, answers, own legality check). */
  drafterStepPeriod?: Period;
  /** G-B5: time the reviewing body has to check the materials. */
  materialsCheckPeriod?: Period;
  /** G-B6: the reviewer is left at least this long (a minimum: an opinion before it is refused, except emergencies). */
  legalityReviewMinimum?: Period;
  /** G-B6: the review is due within this (a maximum: breaching it is reminded and escalated). */
  legalityReviewMaximum?: Period;
  /** Time the leadership has to deliberate once the package is complete. */
  deliberationPeriod?: Period;
  /** Time the legal-affairs office has to register and to publish. */
  registrationPeriod?: Period;
  /** G-B11: filing with the higher authority is due this long after publication (Jiangsu value unverified). */
  filingPeriod?: Period;
  /** Authority the document is filed with (procedures started before recipients followed the issuer). */
  filingRecipient?: string;
  /** G-B12: validity in years (default 5), and for 暂行/试行 documents (default 2). */
  defaultValidityYears?: number;
  provisionalValidityYears?: number;
  /** G-B12: an evaluation task opens this long before expiry (default about 6 months). */
  evaluationLead?: Period;
  /**
   * Tests only: validity counted in seconds instead of years, from the effective date (from publication in documents
   * published before validity ran from the effective date).
   */
  validitySeconds?: number;
  /** The document series numbers are allocated in. */
  numberSeries?: string;
  /**
   * 公平竞争审查条例 Art 14: the code of the same-level market regulation department (市场监管局), which reviews a
   * document issued in the government's name after the drafting unit's own review.
   */
  marketRegulationUnitCode?: string;
  /** Time the market regulation department has for its fair-competition review. */
  marketRegulationReviewPeriod?: Period;
}

export const DEFAULT_NORMATIVE_DOCUMENT_POLICY: Required<Omit<NormativeDocumentPolicy, 'validitySeconds'>> &
  Pick<NormativeDocumentPolicy, 'validitySeconds'> = {
  version: 'nd-2026.3',
  projectApprovalPeriod: { amount: 10, unit: 'WORKING_DAYS' },
  reminderLeadSeconds: 24 * 3600,
  adviserOpinionPeriod: { amount: 5, unit: 'WORKING_DAYS' },
  generalCommentPeriod: { amount: 7, unit: 'WORKING_DAYS' },
  businessCommentPeriod: { amount: 30, unit: 'CALENDAR_DAYS' },
  drafterStepPeriod: { amount: 10, unit: 'WORKING_DAYS' },
  materialsCheckPeriod: { amount: 3, unit: 'WORKING_DAYS' },
  legalityReviewMinimum: { amount: 5, unit: 'WORKING_DAYS' },
  legalityReviewMaximum: { amount: 15, unit: 'WORKING_DAYS' },
  deliberationPeriod: { amount: 20, unit: 'WORKING_DAYS' },
  registrationPeriod: { amount: 3, unit: 'WORKING_DAYS' },
  filingPeriod: { amount: 30, unit: 'CALENDAR_DAYS' },
  filingRecipient: '常州市人民政府（市司法局）',
  defaultValidityYears: 5,
  provisionalValidityYears: 2,
  evaluationLead: { amount: 183, unit: 'CALENDAR_DAYS' },
  validitySeconds: undefined,
  numberSeries: 'NORMATIVE',
  marketRegulationUnitCode: 'JT-MKT',
  marketRegulationReviewPeriod: { amount: 15, unit: 'WORKING_DAYS' },
  // 施行日期 at the earliest 30 days after publication, unless a reason is recorded (GB37/effective-date, unverified).
  earliestEffectiveAfter: { amount: 30, unit: 'CALENDAR_DAYS' },
  maxValidityYears: 5,
  // JS158 备案 (unverified wording; enforcement-contracts-filing.md §3.1): a government document with the city
  // government and the district people's congress standing committee, a department's with the district government.
  filingRecipients: {
    GOVERNMENT: ['常州市人民政府（市司法局）', '金坛区人民代表大会常务委员会'],
    DEPARTMENT: ['金坛区人民政府（区司法局）'],
  },
};

/**
 * Periods of a few seconds, for demonstrations and end-to-end tests (`PROCEDURE_PERIODS=demo`): the real workflow
 * runs every stage, its minimums and its timers, only faster. Never used in production.
 */
export const DEMO_NORMATIVE_DOCUMENT_POLICY: NormativeDocumentPolicy = {
  ...DEFAULT_NORMATIVE_DOCUMENT_POLICY,
  version: 'nd-2026.3-demo',
  projectApprovalPeriod: { amount: 600, unit: 'SECONDS' },
  reminderLeadSeconds: 60,
  adviserOpinionPeriod: { amount: 600, unit: 'SECONDS' },
  generalCommentPeriod: { amount: 3, unit: 'SECONDS' },
  businessCommentPeriod: { amount: 5, unit: 'SECONDS' },
  drafterStepPeriod: { amount: 600, unit: 'SECONDS' },
  materialsCheckPeriod: { amount: 600, unit: 'SECONDS' },
  legalityReviewMinimum: { amount: 2, unit: 'SECONDS' },
  legalityReviewMaximum: { amount: 600, unit: 'SECONDS' },
  deliberationPeriod: { amount: 600, unit: 'SECONDS' },
  registrationPeriod: { amount: 600, unit: 'SECONDS' },
  filingPeriod: { amount: 600, unit: 'SECONDS' },
  evaluationLead: { amount: 1, unit: 'CALENDAR_DAYS' },
  marketRegulationReviewPeriod: { amount: 600, unit: 'SECONDS' },
  earliestEffectiveAfter: { amount: 2, unit: 'SECONDS' },
};

/**
 * Earlier versions, still resolvable under their ids: they lack the validity and issuer-filing values, so procedures
 * started under them fall back to the defaults for those.
 */
export const PREVIOUS_NORMATIVE_DOCUMENT_POLICIES: { policy: NormativeDocumentPolicy; demo: boolean }[] = [
  { policy: withoutValidityValues(DEFAULT_NORMATIVE_DOCUMENT_POLICY, 'nd-2026.2'), demo: false },
  { policy: withoutValidityValues(DEMO_NORMATIVE_DOCUMENT_POLICY, 'nd-2026.2-demo'), demo: true },
];

function withoutValidityValues(policy: NormativeDocumentPolicy, version: string): NormativeDocumentPolicy {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { earliestEffectiveAfter, maxValidityYears, filingRecipients, ...rest } = policy;
  return { ...rest, version };
}
