import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { type AppConfig, jsonLogger } from '@lawgate/config';
import { AppModule } from './app.module';
import { createOpenApiDocument } from './openapi';
import { ApiExceptionFilter, sendError, toErrorBody } from './common/exception.filter';
import { createValidationPipe } from './common/validation';
import { installEdgeChecks, installLingeringRefusals } from './common/edge';
import { installSecurityHeaders } from './common/security-headers';
import { installRequestRateLimit } from './common/rate-limit/request-rate-limit';
import { PgRateCounter } from './common/rate-limit/rate-counter';
import { MetricsService } from './metrics/metrics';
import { DOCUMENT_MEDIA_TYPES } from '@lawgate/domain';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
/** The largest JSON body the API reads (documents have their own limit, DOCUMENT_MAX_BYTES). */
const JSON_BODY_LIMIT = 1024 * 1024;

/** Builds the API application (used by `main.ts` and by the tests), not yet listening. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    // Honour a caller's X-Request-Id (from a proxy) when it is sane, else mint one; it is in every log line.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.API_TRUST_PROXY,
    // The router's own refusals (a malformed percent-escape in a path, an over-long parameter) in the error shape too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const { status, body } = toErrorBody(error, String(request.id));
      sendError(reply, status, body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: jsonLogger('api', config.LOG_LEVEL),
    bufferLogs: false,
    // The JSON body parser is LawGate's own (common/edge.ts): limits and checks before anything reads the body.
    bodyParser: false,
  });
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);

  const fastify = app.getHttpAdapter().getInstance();
  // Before any route exists: the edge checks (their refusals reach ApiExceptionFilter through Nest's error handler), the security headers and the shared request rate limit.
  installEdgeChecks(fastify, JSON_BODY_LIMIT);
  await installSecurityHeaders(app);
  await installRequestRateLimit(app, app.get(PgRateCounter), config.API_RATE_LIMIT_PER_MINUTE);
  // Document uploads arrive as the file itself; their size limit is the documents' own, not the JSON one.
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addContentTypeParser(
    Object.keys(DOCUMENT_MEDIA_TYPES),
    { parseAs: 'buffer', bodyLimit: config.DOCUMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
  // A refused body of up to twice the largest accepted one is read to its end, so its client hears the refusal.
  installLingeringRefusals(fastify, 2 * Math.max(JSON_BODY_LIMIT, config.DOCUMENT_MAX_BYTES));
  const metrics = app.get(MetricsService);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', useGlobalPrefix: false });
  await serveWebApp(app);
  return app;
}

/** Where `npm run build:web` puts the web app: dist/web, seen from the compiled API or from its source. */
export function webAppDirectory(): string | null {
  const candidates = [join(__dirname, '..', '..', '..', 'web'), join(__dirname, '..', '..', '..', 'dist', 'web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the built web app at `/` when it exists: its files as they are, and index.html for any other GET that is
 * not under /api (the app's own routes, such as /inbox or /procedures/:id). Unknown /api paths stay JSON 404s.
 */
async function serveWebApp(app: NestFastifyApplication): Promise<void> {
  const root = webAppDirectory();
  if (!root) return;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const spa = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/metrics')) {
      return reply.callNotFound();
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  fastify.get('/', spa);
  fastify.get('/*', spa);
}
