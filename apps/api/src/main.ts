import 'reflect-metadata';
import { loadConfig } from '@lawgate/config';
import { createApiApp } from './app.factory';

/** The API process: NestJS on Fastify. */
async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env, 'api');
  const app = await createApiApp(config);
  await app.listen({ port: config.API_PORT, host: config.API_HOST });
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
