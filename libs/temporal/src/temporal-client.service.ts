import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { temporalConnectionOptions } from './connection-options';
import { ensureSearchAttributes } from './search-attributes.registrar';
import { BusyRetryInterceptor } from './busy-retry.interceptor';
import { lawgateDataConverter } from './codec';

/**
 * The API's handle on Temporal: a lazily connected `Client` (the API boots and reports "not ready" while Temporal
 * is down, instead of failing to start), closed on shutdown.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalClientService.name);
  private connecting?: Promise<Client>;
  private connection?: Connection;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get taskQueue(): string {
    return this.config.TEMPORAL_TASK_QUEUE;
  }

  get namespace(): string {
    return this.config.TEMPORAL_NAMESPACE;
  }

  /** The connected client; connects on first use and again after a failed attempt. */
  client(): Promise<Client> {
    this.connecting ??= this.connect().catch((err: unknown) => {
      this.connecting = undefined;
      throw err;
    });
    return this.connecting;
  }

  /** True when the Temporal frontend answers a health check. */
  async isHealthy(): Promise<boolean> {
    try {
      await this.client();
      const response = await this.connection!.healthService.check({});
      return Number(response.status) === 1; // SERVING
    } catch {
      return false;
    }
  }

  private async connect(): Promise<Client> {
    const connection = await Connection.connect({ ...temporalConnectionOptions(this.config), connectTimeout: '5s' });
    this.connection = connection;
    if (this.config.TEMPORAL_REGISTER_SEARCH_ATTRIBUTES) {
      const added = await ensureSearchAttributes(connection, this.config.TEMPORAL_NAMESPACE);
      if (added.length > 0) this.logger.log(`registered search attributes ${added.join(', ')}`);
    }
    return new Client({
      connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      dataConverter: lawgateDataConverter(this.config),
      interceptors: { workflow: [new BusyRetryInterceptor()] },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}
