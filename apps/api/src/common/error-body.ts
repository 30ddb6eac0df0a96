import { ApiProperty } from '@nestjs/swagger';
import { ErrorCode } from '@lawgate/domain';

/** Codes of refusals made by the HTTP layer itself (a status without a domain error code). */
const HTTP_CODES = [
  'BAD_REQUEST',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_REQUESTS',
] as const;

/** The one shape of every error the API returns. */
export class ErrorBodyDto {
  @ApiProperty({ enum: [...Object.values(ErrorCode), ...HTTP_CODES], example: ErrorCode.ValidationFailed })
  code: string;

  @ApiProperty({ example: 'The request is not valid: title must be a string.' })
  message: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Structured details; for validation errors `fields` maps each field path to its messages',
    example: { fields: { title: ['title must be a string'] } },
  })
  details: Record<string, unknown>;
}

export const STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.DuplicateProcedure]: 409,
  [ErrorCode.WrongStage]: 409,
  [ErrorCode.TaskClosed]: 409,
  [ErrorCode.ProcedureBusy]: 409,
  [ErrorCode.StaleVersion]: 409,
  [ErrorCode.RuleViolation]: 422,
  [ErrorCode.CommentWindowNotOpen]: 409,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Unavailable]: 503,
  [ErrorCode.Internal]: 500,
};

const CODE_OF_STATUS: Record<number, ErrorCode | (typeof HTTP_CODES)[number]> = {
  400: 'BAD_REQUEST',
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: ErrorCode.RuleViolation,
  429: 'TOO_MANY_REQUESTS',
  503: ErrorCode.Unavailable,
};

export function codeOfStatus(status: number): string {
  return CODE_OF_STATUS[status] ?? (status >= 500 ? ErrorCode.Internal : 'BAD_REQUEST');
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (Object.values(ErrorCode) as string[]).includes(value);
}
