import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { EdgeRefusal } from '../edge';
import { rateLimitStoreFor } from './fastify-store';
import type { RateCounter } from './rate-counter';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The request rate limit (`@fastify/rate-limit`): `perMinute` requests per client address and minute, counted in the
 * shared store so that replicas add up. Callers on this machine (loopback: health checks, the tests' own processes)
 * are not counted; behind a reverse proxy set API_TRUST_PROXY so that `request.ip` is the client's address.
 */
export async function installRequestRateLimit(
  app: NestFastifyApplication,
  counter: RateCounter,
  perMinute: number,
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    store: rateLimitStoreFor(counter),
    keyGenerator: (request: FastifyRequest) => request.ip,
    allowList: (request: FastifyRequest) => LOOPBACK.test(request.ip),
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      new EdgeRefusal(`Too many requests from your address; try again in ${context.after}.`, 429),
  });
}
