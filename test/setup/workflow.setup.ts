import { database, setUp, stepTestBundle, temporal, workflowBundle } from './run-resources';

/**
 * Workflow tier: the Temporal dev server, the prebuilt workflow bundle and the shared steps' test-workflow bundle, and a
 * database of the run's own for the specs that run a workflow against the real activities (registration numbering);
 * no compiled apps.
 */
export default async function workflowSetup(): Promise<void> {
  await setUp('workflow', [temporal, workflowBundle, stepTestBundle, database]);
}
