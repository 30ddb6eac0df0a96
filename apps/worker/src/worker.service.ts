import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { ACTIVITY_CLASSES } from '../../../activities/activities.module';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { temporalConnectionOptions, ensureSearchAttributes, lawgateDataConverter } from '@lawgate/temporal';

/** Binds every public method of each activity provider into Temporal's activities object. */
export function bindActivities(moduleRef: ModuleRef): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const activities: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const cls of ACTIVITY_CLASSES) {
    const instance: Record<string, unknown> = moduleRef.get<object>(cls, { strict: false }) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(cls.prototype)) {
      const member = instance[name];
      if (name === 'constructor' || typeof member !== 'function') continue;
      if (activities[name]) throw new Error(`Activity name ${name} is defined twice`);
      activities[name] = (member as (...args: unknown[]) => Promise<unknown>).bind(instance);
    }
  }
  return activities;
}

/** Where the workflow code comes from: a prebuilt bundle when there is one, else `workflows/` bundled at start. */
export function workflowSource(config: AppConfig): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  const prebuilt = config.WORKFLOW_BUNDLE_PATH;
  if (prebuilt) {
    if (!existsSync(prebuilt)) throw new Error(`WORKFLOW_BUNDLE_PATH ${prebuilt} does not exist`);
    return { workflowBundle: { codePath: prebuilt } };
  }
  return { workflowsPath: require.resolve(join(__dirname, '..', '..', '..', 'workflows')) };
}

/** The workflow interceptors (payload authentication); a prebuilt bundle has them built in. */
export function workflowInterceptorModules(config: AppConfig): string[] {
  if (config.WORKFLOW_BUNDLE_PATH) return [];
  return [require.resolve(join(__dirname, '..', '..', '..', 'workflows', 'interceptors'))];
}

/**
 * Runs the Temporal worker inside the Nest application context: starts polling once the app has booted, and on
 * shutdown stops polling, lets running activities finish (up to the grace period), then closes the connection.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const config = this.config;
    this.connection = await NativeConnection.connect(temporalConnectionOptions(config)).catch((err: unknown) => {
      throw new Error(
        `Cannot reach Temporal at ${config.TEMPORAL_ADDRESS} (namespace ${config.TEMPORAL_NAMESPACE}): ` +
          `${(err as Error).message}. Is the server running? TEMPORAL_ADDRESS says where it is.`,
      );
    });
    if (config.TEMPORAL_REGISTER_SEARCH_ATTRIBUTES) {
      const added = await ensureSearchAttributes(this.connection, config.TEMPORAL_NAMESPACE);
      if (added.length > 0) this.logger.log(`registered search attributes ${added.join(', ')}`);
    }
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      ...workflowSource(config),
      interceptors: { workflowModules: workflowInterceptorModules(config) },
      dataConverter: lawgateDataConverter(config),
      activities: bindActivities(this.moduleRef),
      shutdownGraceTime: `${config.WORKER_SHUTDOWN_GRACE_SECONDS} seconds`,
      maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    });
    if (!config.TEMPORAL_PAYLOAD_KEYS) {
      this.logger.warn(
        'TEMPORAL_PAYLOAD_KEYS is not set: payloads travel unsealed and anyone on the Temporal network can drive procedures',
      );
    } else if (config.TEMPORAL_PAYLOAD_PLAINTEXT === 'accept') {
      this.logger.warn('TEMPORAL_PAYLOAD_PLAINTEXT=accept: plaintext payloads count as authentic (migration window)');
    }
    this.running = this.worker.run();
    this.running.catch((err: unknown) => {
      this.logger.error(`worker stopped with an error: ${(err as Error).stack ?? String(err)}`);
      process.exitCode = 1;
    });
    this.logger.log(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    this.logger.log('worker drained and stopped');
  }
}
