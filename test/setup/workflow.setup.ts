import { setUp, temporal, workflowBundle } from './run-resources';

/** Workflow tier: the Temporal dev server and the prebuilt workflow bundle; no database, no compiled apps. */
export default async function workflowSetup(): Promise<void> {
  await setUp('workflow', [temporal, workflowBundle]);
}
