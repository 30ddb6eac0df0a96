import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import type { Actor, Role } from '@lawgate/domain';
import { NativeConnection, Worker } from '@temporalio/worker';
import { fakeActivities, type Calls } from '../support/fake-activities';
import { testEnv, uniqueSuffix } from '../support/test-env';
import { BusyRetryInterceptor } from '@lawgate/temporal';
import { ActivityHolds } from './support/activity-holds';

/** What a workflow test works with: a client, a worker on its own task queue, and the faked activities' records. */
export interface WorkflowHarness {
  taskQueue: string;
  client: Client;
  calls: Calls;
  /** Which public comments each procedure's comment window receives. */
  comments: Map<string, string[]>;
  /**
   * Registers a test policy (periods of seconds) as a policy version the faked configuration allows, and returns its
   * id: a start names the version, never periods of its own.
   */
  policyVersion: (policy: { version: string }) => string;
  /** A start input whose test policy is registered as a version: the input names the version, without periods. */
  versioned: <I extends { policy?: { version: string } }>(input: I) => Omit<I, 'policy'> & { policyVersion: string };
  /** Holds the first call of an activity that matches, until the test releases it (`support/activity-holds.ts`). */
  hold: ActivityHolds['hold'];
}

/**
 * The one workflow-test harness: a worker running the real workflow bundle (or another prebuilt bundle: `bundlePath`,
 * read when the worker starts) against activities faked at the boundary (`test/support/fake-activities.ts`), started
 * before the file's tests and shut down after them.
 */
export function useWorkflowHarness(prefix: string, o: { bundlePath?: () => string } = {}): WorkflowHarness {
  const harness = { taskQueue: `wf-${prefix}-${uniqueSuffix()}` } as WorkflowHarness;
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let holds: ActivityHolds | undefined;

  beforeAll(async () => {
    const env = testEnv();
    const fakes = fakeActivities();
    const held = (holds = new ActivityHolds());
    harness.hold = (name, match) => held.hold(name, match);
    harness.calls = fakes.calls;
    harness.comments = fakes.comments;
    harness.policyVersion = (policy) => {
      const version = `test:${policy.version}:${uniqueSuffix()}`;
      fakes.policies.set(version, { ...policy, version });
      return version;
    };
    harness.versioned = (input) => {
      const { policy, ...rest } = input;
      return { ...rest, policyVersion: harness.policyVersion(policy!) };
    };
    connection = await Connection.connect({ address: env.temporalAddress });
    // The product's client sends an update again while the procedure still records its previous action; so does this one.
    harness.client = new Client({ connection, interceptors: { workflow: [new BusyRetryInterceptor()] } });
    nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    worker = await Worker.create({
      connection: nativeConnection,
      taskQueue: harness.taskQueue,
      workflowBundle: { codePath: o.bundlePath?.() ?? env.workflowBundlePath },
      activities: held.wrap(fakes.activities),
    });
    running = worker.run();
  }, 120000);

  afterAll(async () => {
    holds?.releaseAll();
    worker?.shutdown();
    await running;
    await nativeConnection?.close();
    await connection?.close();
  });

  return harness;
}

/**
 * With RECORD_HISTORY_FILE set, writes the workflow's history in the CLI's JSON form, which the replay tier reads
 * (test/fixtures/histories); pick the test with `-t`. With RECORD_HISTORY_DIR set instead, every test that names its
 * history (`name`) writes `<dir>/<name>.json`, so one run records several. The CLI is TEMPORAL_CLI_PATH.
 */
export function recordHistory(workflowId: string, name?: string): void {
  const dir = process.env.RECORD_HISTORY_DIR;
  const file = dir && name ? join(dir, `${name}.json`) : process.env.RECORD_HISTORY_FILE;
  if (!file) return;
  const json = execFileSync(process.env.TEMPORAL_CLI_PATH!, [
    'workflow',
    'show',
    '--workflow-id',
    workflowId,
    '--address',
    testEnv().temporalAddress,
    '--output',
    'json',
  ]);
  writeFileSync(file, json);
}

/** A signed-in person with the given roles in the given unit; the name is both username and display name. */
export const person = (roles: Role[], unitId: string, name: string): Actor => ({
  userId: randomUUID(),
  username: name,
  displayName: name,
  roles,
  unitId,
});

/** A distinct, well-formed SHA-256 hex digest for document version `n`. */
export const sha = (n: number) => n.toString(16).padStart(64, '0');

/** The application failure with which the workflow refused an update (through an activity's failure if need be). */
export async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  let cause = (err as WorkflowUpdateFailedError).cause;
  if (cause instanceof ActivityFailure) cause = cause.cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}
