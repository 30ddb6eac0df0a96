import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@lawgate/domain';

/**
 * For an action that takes no parameters and no body (a sign-out, marking everything read): anything sent with it is
 * refused with a 400 before the action runs, as an unknown field in any other body is.
 */
export function refuseInput(request: FastifyRequest, what: string): void {
  const query = Object.keys((request.query as object | undefined) ?? {});
  const body = request.body === undefined || request.body === null ? [] : Object.keys(request.body);
  if (query.length > 0 || body.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, `${what} takes no parameters and no body.`, {
      fields: Object.fromEntries([...query, ...body].map((name) => [name, ['is not expected']])),
    });
  }
}
