import type { Period } from '../../periods';

/**
 * Versioned policy a major decision starts under. Decree 713's minimums are here as data (with their article) so
 * that tests can run the real workflow with periods of seconds; Jiangsu-specific periods are unknown (§1.5 [U]).
 */
export interface MajorDecisionPolicy {
  version: string;
  reminderLeadSeconds: number;
  /** How long the decision organ has to decide whether to launch (an SLA). */
  launchPeriod: Period;
  /** Time the undertaking unit has for a step of its own. */
  undertakerStepPeriod: Period;
  /** G-A4: open consultation lasts at least this, "一般" 30 calendar days (Art 15). */
  commentMinimum: Period;
  /** G-A5: hearing materials reach participants at least this long before the hearing (Art 16). */
  hearingNotice: Period;
  /** G-A10: the reviewer is left at least this, "一般" 7 working days (Art 26); less is warned. */
  legalityReviewMinimum: Period;
  /** Time the legality reviewer has (an SLA; no national maximum). */
  legalityReviewPeriod: Period;
  /** Time the organ has for the meeting, the Party report, publication and archiving (SLAs). */
  organStepPeriod: Period;
  /** Dual track: the series and validity a registered normative document gets. */
  numberSeries: string;
  validityYears: number;
  /**
   * The quorum of an executive or plenary meeting: more than this share of its members present (the government's
   * work rules, unverified; default more than half). Absent in policies of decisions started before it was checked.
   */
  meetingQuorum?: { moreThanShare: number };
}

export const DEFAULT_MAJOR_DECISION_POLICY: MajorDecisionPolicy = {
  version: 'md-2026.1',
  reminderLeadSeconds: 24 * 3600,
  launchPeriod: { amount: 20, unit: 'WORKING_DAYS' },
  undertakerStepPeriod: { amount: 20, unit: 'WORKING_DAYS' },
  commentMinimum: { amount: 30, unit: 'CALENDAR_DAYS' },
  hearingNotice: { amount: 7, unit: 'CALENDAR_DAYS' },
  legalityReviewMinimum: { amount: 7, unit: 'WORKING_DAYS' },
  legalityReviewPeriod: { amount: 15, unit: 'WORKING_DAYS' },
  organStepPeriod: { amount: 20, unit: 'WORKING_DAYS' },
  numberSeries: 'NORMATIVE',
  validityYears: 5,
  meetingQuorum: { moreThanShare: 0.5 },
};

/** Periods of seconds for demonstrations and end-to-end tests (`PROCEDURE_PERIODS=demo`). Never used in production. */
export const DEMO_MAJOR_DECISION_POLICY: MajorDecisionPolicy = {
  ...DEFAULT_MAJOR_DECISION_POLICY,
  version: 'md-2026.1-demo',
  reminderLeadSeconds: 60,
  launchPeriod: { amount: 600, unit: 'SECONDS' },
  undertakerStepPeriod: { amount: 600, unit: 'SECONDS' },
  commentMinimum: { amount: 3, unit: 'SECONDS' },
  hearingNotice: { amount: 7, unit: 'SECONDS' },
  legalityReviewMinimum: { amount: 2, unit: 'SECONDS' },
  legalityReviewPeriod: { amount: 600, unit: 'SECONDS' },
  organStepPeriod: { amount: 600, unit: 'SECONDS' },
};
