import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime, type LogEntry, type LogLevel } from '@temporalio/worker';
import { loadConfig, jsonLogger } from '@lawgate/config';
import { WorkerModule } from './worker.module';

/** The worker process: a Nest application context (no HTTP) that runs the Temporal worker. */
async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  // The SDK's own log lines (worker state, activity failures) in the same JSON-lines shape as the rest.
  Runtime.install({ logger: new DefaultLogger(sdkLevel(config.LOG_LEVEL), writeJson) });
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: jsonLogger('worker', config.LOG_LEVEL),
  });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
}

function sdkLevel(level: string): LogLevel {
  const levels: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN' };
  return levels[level] ?? 'ERROR';
}

function writeJson(entry: LogEntry): void {
  const line = {
    level: entry.level.toLowerCase(),
    timestamp: Number(entry.timestampNanos / 1_000_000n),
    context: 'temporal',
    message: entry.message,
    ...entry.meta,
  };
  process.stdout.write(`${JSON.stringify(line, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
