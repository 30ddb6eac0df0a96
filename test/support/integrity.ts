/** A procedure's snapshot as the integrity tests read it from the API. */
export interface Snapshot {
  procedureId: string;
  workflowId: string;
  stage: string;
  openTaskId: string | null;
}

/** An integrity alert as the console lists it (`GET /api/admin/integrity/alerts`). */
export interface Alert {
  procedureId: string;
  workflowId: string;
  runId: string;
  kind: string;
  message: string;
  details: Record<string, unknown>;
}
