import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The Content-Security-Policy of every response: scripts, fonts, connections and frames only from LawGate itself;
 * styles also inline (antd and Swagger UI write their styles into the page at run time); images also as data: and
 * blob: URLs (icons, previews). No page may be framed (`frame-ancestors 'none'`, and X-Frame-Options DENY for old
 * browsers).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameSrc: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  upgradeInsecureRequests: null,
};

/**
 * Security headers on every response (`@fastify/helmet`): the CSP above, `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: same-origin`, `X-Frame-Options: DENY`, and helmet's other defaults. HSTS is left to the TLS
 * terminator in front of LawGate (the API itself speaks plain HTTP on the internal network).
 */
export async function installSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}
