import { setUp, workflowBundle } from './run-resources';

/** Replay tier: the prebuilt workflow bundle, which the replayer runs the recorded histories against. */
export default async function replaySetup(): Promise<void> {
  await setUp('replay', [workflowBundle]);
}
