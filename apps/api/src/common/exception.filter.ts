import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@lawgate/domain';
import { STATUS_OF, codeOfStatus } from './error-body';

/** Plain words for framework errors whose own message is only the status text. */
const PLAIN_MESSAGE: Record<number, string> = {
  413: 'The request body is larger than allowed.',
  415: 'This content type is not accepted here; JSON endpoints take application/json.',
};

export interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** Maps any thrown value to a status and the API's error body. */
export function toErrorBody(exception: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (exception instanceof DomainError) {
    return {
      status: STATUS_OF[exception.code],
      body: { code: exception.code, message: exception.message, details: exception.details ?? {} },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : exception.message;
    return { status, body: { code: codeOfStatus(status), message: PLAIN_MESSAGE[status] ?? message, details: {} } };
  }
  const fastifyError = exception as { statusCode?: unknown; message?: unknown; code?: unknown };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    if (fastifyError.code === 'FST_LAWGATE_REFUSED' && typeof fastifyError.message === 'string') {
      return { status, body: { code: codeOfStatus(status), message: fastifyError.message, details: {} } };
    }
    const message =
      fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'This content type is not accepted here; JSON endpoints take application/json.'
        : fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'The body is larger than allowed.'
          : typeof fastifyError.message === 'string'
            ? fastifyError.message
            : 'Bad request';
    return {
      status,
      body: { code: codeOfStatus(status), message: `The request could not be read: ${message}`, details: {} },
    };
  }
  return {
    status: 500,
    body: {
      code: ErrorCode.Internal,
      message: 'Something went wrong on our side; nothing was changed. Quote the request id when reporting it.',
      details: { requestId },
    },
  };
}

/** The one exception filter: every error leaves the API as `{ code, message, details }`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const { status, body } = toErrorBody(exception, String(request.id));
    if (status >= 500) {
      this.logger.error(
        JSON.stringify({ requestId: request.id, error: (exception as Error)?.stack ?? String(exception) }),
      );
    }
    sendError(reply, status, body);
  }
}

/** Sends an error body; a 429 or 503 that says how long to wait also says it in Retry-After. */
export function sendError(reply: FastifyReply, status: number, body: ErrorBody): void {
  const wait = body.details.retryAfterSeconds;
  if ((status === 429 || status === 503) && typeof wait === 'number') void reply.header('retry-after', String(wait));
  void reply.status(status).send(body);
}
