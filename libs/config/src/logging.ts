import { ConsoleLogger, type LogLevel } from '@nestjs/common';

const NEST_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const CUT: Record<string, number> = { silent: -1, fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };

/** Nest log levels enabled by a `LOG_LEVEL` value. */
export function nestLogLevels(level: string): LogLevel[] {
  return NEST_LEVELS.slice(0, (CUT[level] ?? 3) + 1);
}

/** JSON lines on stdout, one object per log record, for the API and the worker alike. */
export function jsonLogger(context: string, level: string): ConsoleLogger {
  return new ConsoleLogger(context, { json: true, logLevels: nestLogLevels(level) });
}
