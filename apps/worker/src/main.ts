import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../../libs/config/src/config';
import { jsonLogger } from '../../../libs/config/src/logging';
import { WorkerModule } from './worker.module';

/** The worker process: a Nest application context (no HTTP) that runs the Temporal worker. */
async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: jsonLogger('worker', config.LOG_LEVEL),
  });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
