import { parsePayloadKeys } from './payload-keys';
import { ALL_ROLES } from '@lawgate/domain';

/**
 * LawGate's configuration: every environment variable the API and the worker read, validated once at boot.
 * The same table feeds docs/configuration.md (a unit test checks that it lists every variable) and the
 * docker-compose test (every variable compose sets must be known here).
 */
/** The processes that read configuration: the API, the worker, the migration runner, and `npm start`. */
export type LawGateProcess = 'api' | 'worker' | 'migrate' | 'start';

export interface ConfigVar {
  description: string;
  default?: string;
  /** Which processes read it. */
  usedBy: ReadonlyArray<LawGateProcess>;
  parse: (raw: string) => unknown;
  /** Required in production (NODE_ENV=production) even though it has a development default. */
  requiredInProduction?: boolean;
}

const str = (raw: string): string => {
  if (raw.trim() === '') throw new Error('must not be empty');
  return raw;
};
const int =
  (min: number, max: number) =>
  (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`must be an integer between ${min} and ${max}`);
    return n;
  };
const oneOf =
  (...values: string[]) =>
  (raw: string): string => {
    if (!values.includes(raw)) throw new Error(`must be one of ${values.join(', ')}`);
    return raw;
  };
const url =
  (protocols: string[]) =>
  (raw: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error('must be a URL');
    }
    if (!protocols.includes(parsed.protocol)) throw new Error(`must start with ${protocols.join(' or ')}`);
    return raw;
  };
const bool = (raw: string): boolean => {
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new Error('must be true or false');
};
const hostPort = (raw: string): string => {
  if (!/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/.test(raw)) throw new Error('must be host:port');
  return raw;
};

export const CONFIG_VARS = {
  NODE_ENV: {
    description: 'development, test or production',
    default: 'development',
    usedBy: ['api', 'worker', 'start', 'migrate'],
    parse: oneOf('development', 'test', 'production'),
  },
  DATABASE_URL: {
    description: 'PostgreSQL connection URL',
    default: 'postgres://postgres@127.0.0.1:5432/lawgate',
    usedBy: ['api', 'worker', 'start', 'migrate'],
    parse: url(['postgres:', 'postgresql:']),
    requiredInProduction: true,
  },
  DATABASE_POOL_SIZE: {
    description: 'Connections per process in the PostgreSQL pool',
    default: '10',
    usedBy: ['api', 'worker'],
    parse: int(1, 200),
  },
  DATABASE_SSL: {
    description: 'Use TLS to PostgreSQL',
    default: 'false',
    usedBy: ['api', 'worker', 'migrate'],
    parse: bool,
  },
  TEMPORAL_ADDRESS: {
    description: 'Temporal frontend host:port',
    default: '127.0.0.1:7233',
    usedBy: ['api', 'worker', 'start'],
    parse: hostPort,
  },
  TEMPORAL_NAMESPACE: {
    description: 'Temporal namespace',
    default: 'default',
    usedBy: ['api', 'worker', 'start'],
    parse: str,
  },
  TEMPORAL_TASK_QUEUE: {
    description: 'Task queue the worker polls and the API starts workflows on',
    default: 'lawgate-procedures',
    usedBy: ['api', 'worker'],
    parse: str,
  },
  TEMPORAL_TLS: {
    description: 'Connect to Temporal over TLS (system CAs)',
    default: 'false',
    usedBy: ['api', 'worker'],
    parse: bool,
  },
  TEMPORAL_API_KEY: {
    description: 'API key for Temporal Cloud or a cluster that requires one (implies TLS)',
    usedBy: ['api', 'worker'],
    parse: str,
  },
  TEMPORAL_REGISTER_SEARCH_ATTRIBUTES: {
    description: "Register LawGate's search attributes on the server at boot (needs operator rights)",
    default: 'true',
    usedBy: ['api', 'worker'],
    parse: bool,
  },
  TEMPORAL_PAYLOAD_KEYS: {
    description:
      'Keys that seal every Temporal payload (AES-256-GCM), comma-separated id:base64key, newest first: the first ' +
      'encrypts, all decrypt. API and worker must share them. Unset outside production: payloads travel unsealed',
    usedBy: ['api', 'worker'],
    parse: (raw: string) => {
      parsePayloadKeys(raw);
      return raw;
    },
    requiredInProduction: true,
  },
  TEMPORAL_PAYLOAD_PLAINTEXT: {
    description:
      'refuse: a payload that is not sealed with a configured key has no effect; accept: plaintext payloads count as ' +
      'authentic (only for the migration window of histories written before payloads were sealed)',
    default: 'refuse',
    usedBy: ['api', 'worker'],
    parse: oneOf('refuse', 'accept'),
  },
  LAWGATE_SIGNING_KEY_FILE: {
    description:
      'Ed25519 private key (PKCS#8 PEM) that signs ledger checkpoints and archive manifests; kept outside the database',
    usedBy: ['api', 'worker', 'migrate', 'start'],
    parse: str,
    requiredInProduction: true,
  },
  TEMPORAL_UI_URL: {
    description: 'Base URL of the Temporal Web UI, for links to procedures',
    default: 'http://127.0.0.1:8233',
    usedBy: ['api', 'start'],
    parse: url(['http:', 'https:']),
  },
  WORKFLOW_BUNDLE_PATH: {
    description: 'Prebuilt workflow bundle; when unset the worker bundles workflows/ at start',
    usedBy: ['worker'],
    parse: str,
  },
  WORKER_SHUTDOWN_GRACE_SECONDS: {
    description: 'How long the worker lets running activities finish on shutdown',
    default: '20',
    usedBy: ['worker'],
    parse: int(0, 3600),
  },
  WORKER_MAX_CACHED_WORKFLOWS: {
    description:
      "Workflows the worker keeps in memory between their tasks (Temporal's sticky cache); more are replayed from " +
      'their history when they next move. Bounds the resident set: see docs/benchmarks.md (worker memory)',
    default: '100',
    usedBy: ['worker'],
    parse: int(0, 100000),
  },
  RECONCILIATION_SECONDS: {
    description:
      "How often the worker reconciles the procedures' read models and ledger with their workflows' status and " +
      'history, raising integrity alerts for resets and terminations done outside LawGate (0: never)',
    default: '300',
    usedBy: ['worker'],
    parse: int(0, 86400),
  },
  FILING_CATALOG_SECONDS: {
    description:
      "How often the worker checks whether a period of the filed-documents catalog (the filing-review policy's " +
      'cadence) has closed and publishes its edition, once per period (0: never)',
    default: '600',
    usedBy: ['worker'],
    parse: int(0, 86400),
  },
  LEDGER_CHECKPOINT_SECONDS: {
    description:
      'How often the worker checks whether the ledger or the audit trail moved and signs a checkpoint of their heads ' +
      '(and at least once a day)',
    default: '30',
    usedBy: ['worker'],
    parse: int(1, 86400),
  },
  API_HOST: {
    description: 'Interface the API listens on',
    default: '127.0.0.1',
    usedBy: ['api', 'start'],
    parse: str,
  },
  API_PORT: {
    description: 'Port the API listens on',
    default: '3000',
    usedBy: ['api', 'start'],
    parse: int(0, 65535),
  },
  DOCUMENT_MAX_BYTES: {
    description: 'Largest document version accepted for upload, in bytes',
    default: String(10 * 1024 * 1024),
    usedBy: ['api'],
    parse: int(1024, 200 * 1024 * 1024),
  },
  PROCEDURE_PERIODS: {
    description:
      'statutory: periods as the law and policy state them; demo: every period a few seconds, so a demonstration ' +
      'or an end-to-end test can walk a procedure through all its stages (refused in production)',
    default: 'statutory',
    usedBy: ['api', 'worker'],
    parse: oneOf('statutory', 'demo'),
  },
  PROCEDURE_DEMO_POLICY_ALLOWED: {
    description:
      'true: this installation may run procedures under the demonstration policy versions (periods of seconds), ' +
      'which PROCEDURE_PERIODS=demo starts; the worker refuses such a start otherwise (never allowed in production)',
    default: 'false',
    usedBy: ['api', 'worker'],
    parse: bool,
  },
  COMMENT_RATE_PER_MINUTE: {
    description: 'Public comments one client may send to one comment window per minute (then 429 with Retry-After)',
    default: '5',
    usedBy: ['api'],
    parse: int(1, 10000),
  },
  COMMENT_RATE_PER_DAY: {
    description: 'Public comments one client may send to one comment window per 24 hours',
    default: '50',
    usedBy: ['api'],
    parse: int(1, 100000),
  },
  API_RATE_LIMIT_PER_MINUTE: {
    description:
      'Requests one client address may send to the API per minute (then 429 with Retry-After), counted in PostgreSQL ' +
      'so that every API replica counts the same; loopback callers are not limited',
    default: '600',
    usedBy: ['api'],
    parse: int(10, 10_000_000),
  },
  API_TRUST_PROXY: {
    description:
      "Take the client's address from X-Forwarded-For (set it when the API runs behind a reverse proxy, so that " +
      'rate limits and the sign-in throttle count each client, not the proxy)',
    default: 'false',
    usedBy: ['api'],
    parse: bool,
  },
  SIGN_IN_MAX_FAILURES: {
    description: 'Wrong passwords in a row after which an account is locked (an administrator can unlock it)',
    default: '10',
    usedBy: ['api'],
    parse: int(3, 1000),
  },
  SIGN_IN_LOCKOUT_MINUTES: {
    description: 'How long a locked account stays locked unless an administrator unlocks it sooner',
    default: '15',
    usedBy: ['api'],
    parse: int(1, 7 * 24 * 60),
  },
  SIGN_IN_FAILURES_PER_ADDRESS: {
    description: 'Failed sign-ins one client address may make in 15 minutes, over all accounts (then 429)',
    default: '30',
    usedBy: ['api'],
    parse: int(3, 100_000),
  },
  JWT_SECRET: {
    description: 'Secret that signs access tokens (at least 16 characters; use 32 or more random ones)',
    default: 'lawgate-development-secret-change-me',
    usedBy: ['api'],
    parse: (raw: string) => {
      if (raw.length < 16) throw new Error('must be at least 16 characters');
      return raw;
    },
    requiredInProduction: true,
  },
  JWT_TTL_SECONDS: {
    description: 'Lifetime of an access token',
    default: '28800',
    usedBy: ['api'],
    parse: int(60, 7 * 24 * 3600),
  },
  OIDC_ISSUER: {
    description:
      "Issuer URL of the government's OpenID Connect provider; set, the sign-in page offers it (authorization code " +
      'with PKCE); unset: local passwords only. Must be https in production',
    usedBy: ['api'],
    parse: url(['http:', 'https:']),
  },
  OIDC_CLIENT_ID: {
    description: 'Client id LawGate is registered under at the OpenID Connect provider (required with OIDC_ISSUER)',
    usedBy: ['api'],
    parse: str,
  },
  OIDC_CLIENT_SECRET: {
    description: 'Client secret (client_secret_basic); unset: LawGate signs in as a public client, with PKCE only',
    usedBy: ['api'],
    parse: str,
  },
  OIDC_REDIRECT_URI: {
    description:
      'Redirect URI registered at the provider; unset: the address the sign-in was started from, followed by ' +
      '/api/auth/oidc/callback',
    usedBy: ['api'],
    parse: url(['http:', 'https:']),
  },
  OIDC_SCOPES: {
    description: 'Scopes asked of the provider',
    default: 'openid profile email',
    usedBy: ['api'],
    parse: (raw: string) => {
      if (!raw.split(/\s+/).includes('openid')) throw new Error('must include openid');
      return raw;
    },
  },
  OIDC_USER_CLAIM: {
    description: 'Claim of the ID token that names the LawGate user (its value is compared with OIDC_USER_FIELD)',
    default: 'preferred_username',
    usedBy: ['api'],
    parse: str,
  },
  OIDC_USER_FIELD: {
    description: 'The LawGate account field the claim is matched with: username or email',
    default: 'username',
    usedBy: ['api'],
    parse: oneOf('username', 'email'),
  },
  OIDC_UNKNOWN_USERS: {
    description:
      'What happens when the claim names no LawGate account: refuse (the administrator creates accounts) or ' +
      'provision (an account is created in OIDC_PROVISION_UNIT with OIDC_PROVISION_ROLES, audited)',
    default: 'refuse',
    usedBy: ['api'],
    parse: oneOf('refuse', 'provision'),
  },
  OIDC_PROVISION_UNIT: {
    description: 'Code of the unit a provisioned account is placed in (required with OIDC_UNKNOWN_USERS=provision)',
    usedBy: ['api'],
    parse: str,
  },
  OIDC_PROVISION_ROLES: {
    description: 'Roles of a provisioned account, comma-separated',
    default: 'DRAFTER',
    usedBy: ['api'],
    parse: (raw: string) => {
      const roles = raw.split(',').map((r) => r.trim());
      const unknown = roles.filter((r) => !(ALL_ROLES as readonly string[]).includes(r));
      if (unknown.length > 0) throw new Error(`names unknown roles ${unknown.join(', ')}`);
      return roles;
    },
  },
  OIDC_LABEL: {
    description: "Text of the sign-in page's button for the provider",
    default: '统一身份认证 / Government sign-in',
    usedBy: ['api'],
    parse: str,
  },
  SMTP_URL: {
    description:
      'Mail server for e-mail notifications, e.g. smtp://user:pass@mail.example.gov.cn:587 (smtps:// for TLS); unset: ' +
      'e-mail deliveries wait in the outbox',
    usedBy: ['worker'],
    parse: url(['smtp:', 'smtps:']),
  },
  MAIL_FROM: {
    description: 'Sender of notification e-mails',
    default: 'LawGate <lawgate@localhost>',
    usedBy: ['worker'],
    parse: str,
  },
  NOTIFY_WEBHOOK_URL: {
    description: 'Outgoing webhook (a government messaging platform) that receives notifications as signed JSON',
    usedBy: ['worker'],
    parse: url(['http:', 'https:']),
  },
  NOTIFY_WEBHOOK_SECRET: {
    description: 'Key of the HMAC-SHA256 signature in X-LawGate-Signature (at least 16 characters)',
    usedBy: ['worker'],
    parse: (raw: string) => {
      if (raw.length < 16) throw new Error('must be at least 16 characters');
      return raw;
    },
  },
  NOTIFY_POLL_MS: {
    description: 'How often the worker looks for notifications to deliver',
    default: '2000',
    usedBy: ['worker'],
    parse: int(100, 600000),
  },
  NOTIFY_RETRY_BASE_MS: {
    description: 'First retry delay of a failed delivery; doubled each attempt, at most one hour',
    default: '30000',
    usedBy: ['worker'],
    parse: int(100, 3600000),
  },
  NOTIFY_MAX_ATTEMPTS: {
    description: 'Attempts before a delivery is given up (it stays in the outbox as FAILED)',
    default: '20',
    usedBy: ['worker'],
    parse: int(1, 1000),
  },
  PUBLIC_BASE_URL: {
    description: 'Address of the web app, for links in e-mails',
    default: 'http://127.0.0.1:3000',
    usedBy: ['worker'],
    parse: url(['http:', 'https:']),
  },
  LOG_LEVEL: {
    description: 'fatal, error, warn, info, debug or trace',
    default: 'info',
    usedBy: ['api', 'worker'],
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
} satisfies Record<string, ConfigVar>;

export type ConfigKey = keyof typeof CONFIG_VARS;

type Parsed<K extends ConfigKey> = (typeof CONFIG_VARS)[K] extends { parse: (raw: string) => infer T } ? T : never;
type HasDefault<K extends ConfigKey> = (typeof CONFIG_VARS)[K] extends { default: string } ? true : false;

export type AppConfig = {
  [K in ConfigKey]: HasDefault<K> extends true ? Parsed<K> : Parsed<K> | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration; throws a `ConfigError` listing every problem at once. With `forProcess`,
 * only the variables that process reads are required in production (the worker needs no JWT secret).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, forProcess?: LawGateProcess): AppConfig {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  const production = env.NODE_ENV === 'production';
  for (const [name, spec] of Object.entries(CONFIG_VARS) as [ConfigKey, ConfigVar][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if (production && spec.requiredInProduction && (!forProcess || spec.usedBy.includes(forProcess))) {
        problems.push(`${name} is required in production (${spec.description})`);
        continue;
      }
      out[name] = spec.default === undefined ? undefined : spec.parse(spec.default);
      continue;
    }
    try {
      out[name] = spec.parse(raw);
    } catch (err) {
      problems.push(`${name} ${(err as Error).message} (${spec.description}); got "${raw}"`);
    }
  }
  if (production && out.PROCEDURE_PERIODS === 'demo') {
    problems.push('PROCEDURE_PERIODS=demo shortens statutory periods to seconds and is refused in production');
  }
  if (production && out.PROCEDURE_DEMO_POLICY_ALLOWED === true) {
    problems.push('PROCEDURE_DEMO_POLICY_ALLOWED=true allows periods of seconds and is refused in production');
  }
  if (!production && out.PROCEDURE_PERIODS === 'demo' && out.PROCEDURE_DEMO_POLICY_ALLOWED !== true) {
    problems.push(
      'PROCEDURE_PERIODS=demo starts procedures under the demonstration policy, which this installation does not ' +
        'allow: set PROCEDURE_DEMO_POLICY_ALLOWED=true where demonstration periods are meant',
    );
  }
  if (out.OIDC_ISSUER !== undefined) {
    if (out.OIDC_CLIENT_ID === undefined) problems.push('OIDC_CLIENT_ID is required with OIDC_ISSUER');
    if (production && !(out.OIDC_ISSUER as string).startsWith('https:')) {
      problems.push('OIDC_ISSUER must be an https URL in production');
    }
    if (out.OIDC_UNKNOWN_USERS === 'provision' && out.OIDC_PROVISION_UNIT === undefined) {
      problems.push('OIDC_PROVISION_UNIT is required with OIDC_UNKNOWN_USERS=provision');
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as AppConfig;
}

export function isKnownConfigVar(name: string): name is ConfigKey {
  return Object.prototype.hasOwnProperty.call(CONFIG_VARS, name);
}
