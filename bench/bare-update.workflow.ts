import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** The baseline for the sign-off benchmark: an update that does nothing but answer. */
export const pingUpdate = defineUpdate<number, [number]>('ping');

export async function bareUpdateWorkflow(): Promise<void> {
  let done = false;
  setHandler(pingUpdate, (n: number) => {
    if (n < 0) done = true;
    return n;
  });
  await condition(() => done);
}
