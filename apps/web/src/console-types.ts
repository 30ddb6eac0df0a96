/** What the legal-affairs office's console reads from the API (apps/api/src/oversight, decisions, cleanup). */

export interface OverdueTask {
  id: string;
  procedureId: string;
  procedureTitle: string;
  procedureType: string;
  departmentName: string;
  stage: string;
  kind: string;
  title: string;
  legalBasis: string;
  dueAt: string;
  assigneeUserId: string | null;
  assigneeName: string | null;
  assigneeUnitName: string;
  escalatedAt: string | null;
}

export interface Rate {
  total: number;
  count: number;
  rate: number | null;
}

export interface MonthlyRate extends Rate {
  month: string;
}

export interface Statistics {
  fromMonth: string;
  toMonth: string;
  onTime: Rate;
  onTimeByMonth: MonthlyRate[];
  openOverdue: number;
  legalityReturn: Rate;
  legalityReturnByMonth: MonthlyRate[];
  commentAdoption: Rate;
  commentAdoptionByMonth: MonthlyRate[];
  commentAnswers: Record<string, number>;
  commentsUnanswered: number;
  proceduresByStage: { type: string; stage: string; count: number }[];
  nearingExpiry: { within30: number; within90: number; within365: number };
}

export interface CatalogItemProgress {
  itemKey: string;
  title: string;
  procedureId: string | null;
  stage: string;
  status: string | null;
  stepsDone: { stage: string; decision: string; actor: string; at: string }[];
  stepsOverdue: { stage: string; kind: string; dueAt: string; open: boolean; legalBasis: string }[];
}

export interface CatalogProgress {
  year: number;
  version: number;
  items: CatalogItemProgress[];
}

export interface CatalogVersion {
  version: number;
  status: string;
  partyConsent: { by: string; reference: string; at: string } | null;
  publishedAt: string | null;
  items: { itemKey: string; title: string; kind: string; description: string; procedureId: string | null }[];
  acts: { act: string; itemKey: string | null; reason: string; actorId: string; recordedAt: string }[];
}

export interface CleanupCampaign {
  id: string;
  title: string;
  /** RUNNING (starting reviews), STARTED_ALL (every review started), DONE. */
  status: string;
  startedAt: string;
  totalInForce: number;
  reviewsStarted: number;
  finishedAt: string | null;
}

export interface CleanupProgress extends CleanupCampaign {
  reviews: number;
  decided: { total: number; kept: number; amended: number; repealed: number };
  undecided: number;
}

export interface CleanupListEntry {
  registerEntryId: string;
  procedureId: string;
  number: string;
  title: string;
  reason?: string | null;
  decidedAt?: string | null;
  validUntil?: string;
  expiredAt?: string | null;
}

export interface CleanupLists {
  campaignId: string;
  status: string;
  kept: CleanupListEntry[];
  amended: CleanupListEntry[];
  repealed: CleanupListEntry[];
  expired: CleanupListEntry[];
}
