/** The task queue LawGate's worker polls unless `TEMPORAL_TASK_QUEUE` says otherwise. */
export const DEFAULT_TASK_QUEUE = 'lawgate-procedures';

/** Workflow ID prefixes: workflow IDs are business keys, `<prefix>:<department code>:<project code>`. */
export const WORKFLOW_ID_PREFIX = {
  normativeDocument: 'normative-document',
} as const;

export function normativeDocumentWorkflowId(departmentCode: string, projectCode: string): string {
  return `${WORKFLOW_ID_PREFIX.normativeDocument}:${departmentCode}:${projectCode}`;
}
