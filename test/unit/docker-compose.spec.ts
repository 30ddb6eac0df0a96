import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import * as ts from 'typescript';
import { parse } from 'yaml';
import { isKnownConfigVar, loadConfig } from '@lawgate/config';
import { LAWGATE_SEARCH_ATTRIBUTES, SEARCH_ATTRIBUTE_CLI_TYPE } from '@lawgate/domain';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS helper shared with npm start
const { workerRuntimeEnv } = require('../../scripts/lib/worker-runtime.cjs') as {
  workerRuntimeEnv: (env: Record<string, string>) => Record<string, string>;
};

const ROOT = join(__dirname, '..', '..');
/** What `${VAR:?message}` (a variable the operator must set, such as the JWT secret) stands for in these tests. */
const REQUIRED_VALUE = 'required-value-set-by-the-operator-0123456789';
/** Required variables whose value has a form of its own. */
const REQUIRED_VALUES: Record<string, string> = {
  LAWGATE_TEMPORAL_PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  LAWGATE_SIGNING_KEY_PATH: './signing-key.pem',
};

type Scalar = string | number | boolean | null;
interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, Scalar> | string[];
  ports?: (string | number | { target: number; published?: string | number; host_ip?: string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: (string | { type?: string; source?: string; target: string })[];
  healthcheck?: { test?: string | string[] };
  networks?: string[] | Record<string, unknown>;
  secrets?: (string | { source: string; target?: string })[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { internal?: boolean } | null>;
  secrets?: Record<string, { file?: string }>;
}

interface Interpolation {
  value: unknown;
  /** Variables referenced with `${VAR:?msg}` / `${VAR?msg}`. */
  required: Set<string>;
  /** Variables referenced without any default (`$VAR`, `${VAR}`): compose would silently use an empty string. */
  undefaulted: Set<string>;
}

/** Resolves compose interpolation as `docker compose config` does with none of the variables set. */
function interpolate(value: unknown): Interpolation {
  const required = new Set<string>();
  const undefaulted = new Set<string>();
  const pattern = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  const resolveString = (text: string): string =>
    text.replace(pattern, (_m, dollar?: string, braced?: string, op?: string, arg?: string, bare?: string) => {
      if (dollar) return '$';
      const name = (braced ?? bare)!;
      switch ((op ?? '').replace(':', '')) {
        case '-':
          return resolveString(arg ?? '');
        case '?':
          required.add(name);
          return REQUIRED_VALUES[name] ?? REQUIRED_VALUE;
        case '+':
          return '';
        default:
          undefaulted.add(name);
          return '';
      }
    });
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return resolveString(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    }
    return node;
  };
  return { value: walk(value), required, undefaulted };
}

const composeText = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
/** The file as written (merge keys applied, nothing interpolated). */
const raw = parse(composeText, { merge: true }) as ComposeFile;
const resolved = interpolate(raw);
const compose = resolved.value as ComposeFile;

const APP_SERVICES = ['lawgate-migrate', 'lawgate-api', 'lawgate-worker'];

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

function environment(svc: ComposeService): Record<string, string | undefined> {
  const env = svc.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const eq = entry.indexOf('=');
        return eq < 0 ? [entry, undefined] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? undefined : String(v)]));
}

interface PublishedPort {
  hostIp?: string;
  published: number;
  target: number;
}

function publishedPorts(svc: ComposeService): PublishedPort[] {
  return (svc.ports ?? []).map((port) => {
    if (typeof port === 'object') {
      return { hostIp: port.host_ip, published: Number(port.published ?? port.target), target: Number(port.target) };
    }
    const parts = String(port)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    const target = Number(parts.pop());
    const published = parts.length > 0 ? Number(parts.pop()) : target;
    return { hostIp: parts.length > 0 ? parts.join(':') : undefined, published, target };
  });
}

function networksOf(svc: ComposeService): string[] {
  const networks = svc.networks ?? ['default'];
  return Array.isArray(networks) ? networks : Object.keys(networks);
}

function dependencyCondition(svc: ComposeService, on: string): string | undefined {
  const deps = svc.depends_on ?? {};
  if (Array.isArray(deps)) return deps.includes(on) ? 'service_started' : undefined;
  const dep = deps[on];
  return dep ? (dep.condition ?? 'service_started') : undefined;
}

function argv(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : value.split(/\s+/).filter(Boolean);
}

/** The file on this machine that a bind mount puts at `containerPath` inside the service's container. */
function hostPathOf(svc: ComposeService, containerPath: string): string | undefined {
  for (const volume of svc.volumes ?? []) {
    const [source, target] =
      typeof volume === 'string' ? volume.split(':') : [volume.source ?? '', volume.target ?? ''];
    if (!source || !target || !source.startsWith('.')) continue;
    if (containerPath === target) return join(ROOT, source);
    if (containerPath.startsWith(`${target}/`)) return join(ROOT, source, posix.relative(target, containerPath));
  }
  return undefined;
}

describe('docker-compose.yml', () => {
  it('should define PostgreSQL, the Temporal services and the LawGate services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        'postgresql',
        'temporal-admin-tools',
        'temporal',
        'temporal-create-namespace',
        'temporal-ui',
        ...APP_SERVICES,
      ].sort(),
    );
    expect(service('postgresql').image).toMatch(/^postgres:16(\.|$)/);
    expect(service('temporal').image).toMatch(/^temporalio\/server:1\.29\.\d+$/);
    expect(service('temporal-admin-tools').image).toMatch(/^temporalio\/admin-tools:1\.29\.\d+/);
    expect(service('temporal-ui').image).toMatch(/^temporalio\/ui:\d+\.\d+\.\d+$/);
  });

  it('should build every LawGate service from the Dockerfile into one image', () => {
    const images = new Set(APP_SERVICES.map((name) => service(name).image));
    expect(images.size).toBe(1);
    expect([...images][0]).toMatch(/\S/);
    for (const name of APP_SERVICES) {
      const build = service(name).build;
      const context = typeof build === 'string' ? build : build?.context;
      expect({ name, context }).toEqual({ name, context: '.' });
    }
  });

  it('should publish the API on 3000, the Temporal UI and PostgreSQL on the loopback interface only, and Temporal not at all', () => {
    expect(publishedPorts(service('lawgate-api'))).toContainEqual(expect.objectContaining({ published: 3000 }));
    const internal: [string, number][] = [
      ['temporal-ui', 8080],
      ['postgresql', 5432],
    ];
    for (const [name, port] of internal) {
      expect({ name, ports: publishedPorts(service(name)) }).toEqual({
        name,
        ports: [{ hostIp: '127.0.0.1', published: port, target: port }],
      });
    }
    for (const name of [
      'temporal',
      'temporal-admin-tools',
      'temporal-create-namespace',
      'lawgate-migrate',
      'lawgate-worker',
    ]) {
      expect({ name, ports: publishedPorts(service(name)) }).toEqual({ name, ports: [] });
    }
  });

  it('should keep the Temporal frontend on an internal network only, shared by the processes that talk to it', () => {
    const temporalNetworks = networksOf(service('temporal'));
    expect(temporalNetworks.length).toBeGreaterThan(0);
    for (const network of temporalNetworks) {
      expect({ network, internal: compose.networks?.[network]?.internal }).toEqual({ network, internal: true });
    }
    for (const name of ['lawgate-api', 'lawgate-worker', 'temporal-ui', 'temporal-create-namespace']) {
      const shared = networksOf(service(name)).filter((n) => temporalNetworks.includes(n));
      expect({ name, shared: shared.length > 0 }).toEqual({ name, shared: true });
    }
  });

  it("should turn the Temporal UI's write actions off and give it no codec endpoint (sealed payloads shown as such)", () => {
    const ui = environment(service('temporal-ui'));
    expect(ui.TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
    expect(ui.TEMPORAL_CODEC_ENDPOINT).toBeUndefined();
  });

  it('should seal Temporal payloads and sign evidence in every LawGate process, with keys the operator provides', () => {
    for (const name of ['lawgate-api', 'lawgate-worker']) {
      const env = environment(raw.services[name]);
      expect({ name, keys: env.TEMPORAL_PAYLOAD_KEYS }).toEqual({
        name,
        keys: expect.stringMatching(/^\$\{LAWGATE_TEMPORAL_PAYLOAD_KEYS:\?.+\}$/),
      });
      const signingKey = environment(service(name)).LAWGATE_SIGNING_KEY_FILE;
      expect(signingKey).toBe('/run/secrets/lawgate-signing-key');
      expect(service(name).secrets).toContain('lawgate-signing-key');
    }
    expect(raw.secrets?.['lawgate-signing-key']?.file).toMatch(/^\$\{LAWGATE_SIGNING_KEY_PATH:\?.+\}$/);
  });

  it('should run the API and the worker as a database role that is not the owner the migrations run as', () => {
    const owner = new URL(loadConfig(environment(service('lawgate-migrate'))).DATABASE_URL).username;
    for (const name of ['lawgate-api', 'lawgate-worker']) {
      const user = new URL(loadConfig(environment(service(name))).DATABASE_URL).username;
      expect({ name, user }).toEqual({ name, user: 'lawgate_runtime' });
      expect(user).not.toBe(owner);
    }
    const init = readFileSync(join(ROOT, 'deploy', 'postgres', 'init-databases.sh'), 'utf8');
    expect(init).toMatch(/CREATE ROLE lawgate_evidence NOLOGIN;/);
    expect(init).toMatch(
      /CREATE ROLE lawgate_runtime WITH LOGIN PASSWORD :'lawgate_app_password' IN ROLE lawgate_app;/,
    );
    expect(init).toMatch(new RegExp(`GRANT lawgate_evidence TO ${owner};`));
  });

  it('should fix NUM_HISTORY_SHARDS to a positive integer that no variable can change', () => {
    const written = environment(raw.services.temporal).NUM_HISTORY_SHARDS;
    expect(written).toBeDefined();
    expect(written).not.toContain('$');
    const shards = Number(written);
    expect(Number.isInteger(shards) && shards > 0).toBe(true);
    expect(environment(service('temporal'))).toEqual(
      expect.objectContaining({ DB: 'postgres12', BIND_ON_IP: '0.0.0.0', POSTGRES_SEEDS: 'postgresql' }),
    );
  });

  it('should start Temporal only after the schema setup has completed successfully', () => {
    expect(dependencyCondition(service('temporal'), 'temporal-admin-tools')).toBe('service_completed_successfully');
    expect(dependencyCondition(service('temporal-admin-tools'), 'postgresql')).toBe('service_healthy');

    const admin = service('temporal-admin-tools');
    const script = [...argv(admin.entrypoint), ...argv(admin.command)].find((arg) => arg.endsWith('.sh'));
    expect(script).toBeDefined();
    const scriptPath = hostPathOf(admin, script!);
    expect(scriptPath && existsSync(scriptPath)).toBe(true);
    const text = readFileSync(scriptPath!, 'utf8');
    expect(text).toContain('--plugin postgres12');
    expect(text).toMatch(/setup-schema -v 0\.0/);
    expect(text).toContain('postgresql/v12/temporal/versioned');
    expect(text).toContain('postgresql/v12/visibility/versioned');

    const adminEnv = environment(admin);
    const temporalEnv = environment(service('temporal'));
    for (const key of ['POSTGRES_SEEDS', 'POSTGRES_USER', 'POSTGRES_PWD', 'DBNAME', 'VISIBILITY_DBNAME']) {
      expect({ key, value: adminEnv[key] }).toEqual({ key, value: temporalEnv[key] });
    }
  });

  it('should create the temporal, temporal_visibility and lawgate databases when PostgreSQL first starts', () => {
    const postgres = service('postgresql');
    const initMount = (postgres.volumes ?? [])
      .map((v) => (typeof v === 'string' ? v.split(':')[1] : v.target))
      .find((target) => target?.startsWith('/docker-entrypoint-initdb.d/'));
    expect(initMount).toBeDefined();
    const initPath = hostPathOf(postgres, initMount!);
    expect(initPath && existsSync(initPath)).toBe(true);
    expect(relative(ROOT, initPath!).split(/[\\/]/)[0]).toBe('deploy');
    const sql = readFileSync(initPath!, 'utf8');
    for (const db of ['temporal', 'temporal_visibility', 'lawgate']) {
      expect(sql).toMatch(new RegExp(`CREATE DATABASE "?${db}"?[\\s;]`));
    }
    expect(dependencyCondition(service('lawgate-migrate'), 'postgresql')).toBe('service_healthy');
    expect(postgres.healthcheck?.test).toEqual(expect.arrayContaining(['pg_isready']));
  });

  it("should register every LawGate search attribute with the Temporal CLI's type name", () => {
    const ns = service('temporal-create-namespace');
    expect(dependencyCondition(ns, 'temporal')).toBe('service_healthy');
    const script = [...argv(ns.entrypoint), ...argv(ns.command)].find((arg) => arg.endsWith('.sh'));
    const scriptPath = script ? hostPathOf(ns, script) : undefined;
    expect(scriptPath && existsSync(scriptPath)).toBe(true);
    const text = readFileSync(scriptPath!, 'utf8');
    expect(text).toMatch(/temporal operator namespace create/);
    expect(LAWGATE_SEARCH_ATTRIBUTES.length).toBeGreaterThan(0);
    for (const key of LAWGATE_SEARCH_ATTRIBUTES) {
      expect(text).toMatch(new RegExp(`--name ${key.name} --type ${SEARCH_ATTRIBUTE_CLI_TYPE[key.type]}\\b`));
    }
    expect(environment(ns).NAMESPACE).toBe(environment(service('lawgate-worker')).TEMPORAL_NAMESPACE);
  });

  it('should use a default for every interpolated variable except the secrets the operator must provide', () => {
    expect([...resolved.undefaulted]).toEqual([]);
    expect([...resolved.required].sort()).toEqual(
      ['LAWGATE_JWT_SECRET', 'LAWGATE_SIGNING_KEY_PATH', 'LAWGATE_TEMPORAL_PAYLOAD_KEYS'].sort(),
    );
    expect(environment(raw.services['lawgate-api']).JWT_SECRET).toMatch(/^\$\{LAWGATE_JWT_SECRET:\?.+\}$/);
  });

  it.each(APP_SERVICES)('should set only configuration variables that LawGate knows on %s', (name) => {
    const names = Object.keys(environment(service(name)));
    expect(names.length).toBeGreaterThan(0);
    // The worker's runtime settings are Node's and glibc's, not LawGate's configuration.
    const runtime = name === 'lawgate-worker' ? Object.keys(workerRuntimeEnv({})) : [];
    expect(names.filter((key) => !isKnownConfigVar(key) && !runtime.includes(key))).toEqual([]);
  });

  it('should start the worker with the memory settings every other start of it uses', () => {
    const env = environment(service('lawgate-worker'));
    expect({ NODE_OPTIONS: env.NODE_OPTIONS, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX }).toEqual(workerRuntimeEnv({}));
  });

  it.each(APP_SERVICES)('should give %s an environment that loadConfig accepts in production', (name) => {
    const env = environment(service(name));
    expect(env.NODE_ENV).toBe('production');
    expect(() => loadConfig(env)).not.toThrow();
    const config = loadConfig(env);
    const temporalHost = config.TEMPORAL_ADDRESS.split(':')[0];
    expect(compose.services[temporalHost]).toBeDefined();
    expect(networksOf(service(name)).some((n) => networksOf(service(temporalHost)).includes(n))).toBe(true);
    const db = new URL(config.DATABASE_URL);
    expect({ host: db.hostname, database: db.pathname }).toEqual({ host: 'postgresql', database: '/lawgate' });
    const passwordVar = name === 'lawgate-migrate' ? 'LAWGATE_DB_PASSWORD' : 'LAWGATE_APP_DB_PASSWORD';
    expect(decodeURIComponent(db.password)).toBe(environment(service('postgresql'))[passwordVar]);
  });

  it('should make the API listen on all interfaces on the port it publishes and health-checks', () => {
    const api = service('lawgate-api');
    const config = loadConfig(environment(api));
    expect(config.API_HOST).toBe('0.0.0.0');
    expect(publishedPorts(api).map((p) => p.target)).toContain(config.API_PORT);
    const probe = argv(api.healthcheck?.test).join(' ');
    expect(probe).toContain(`:${config.API_PORT}/api/health/live`);
  });

  it('should start the API and the worker after migrations and namespace setup have completed', () => {
    for (const name of ['lawgate-api', 'lawgate-worker']) {
      const svc = service(name);
      expect({ name, on: dependencyCondition(svc, 'lawgate-migrate') }).toEqual({
        name,
        on: 'service_completed_successfully',
      });
      expect({ name, on: dependencyCondition(svc, 'temporal-create-namespace') }).toEqual({
        name,
        on: 'service_completed_successfully',
      });
    }
    expect(environment(service('lawgate-worker')).WORKFLOW_BUNDLE_PATH).toBe('/app/dist/workflow-bundle.js');
  });
});

interface Instruction {
  keyword: string;
  args: string;
}

/** Splits a Dockerfile into build stages of instructions (comments dropped, continuation lines joined). */
function dockerfileStages(text: string): { from: string; name?: string; instructions: Instruction[] }[] {
  const globalArgs: Record<string, string> = {};
  const stages: { from: string; name?: string; instructions: Instruction[] }[] = [];
  const lines = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  for (const line of lines) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [image = '', as, name] = args
        .replace(/--platform=\S+\s+/, '')
        .replace(/\$\{(\w+)\}/g, (_m, n: string) => globalArgs[n] ?? '')
        .split(/\s+/);
      stages.push({ from: image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0 && upper === 'ARG') {
      const [n = '', v = ''] = args.split('=');
      globalArgs[n] = v;
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword: upper, args });
    }
  }
  return stages;
}

/** Files `npm run build` produces, relative to the repository root: tsc's outputs plus the workflow bundle. */
function buildOutputs(): Set<string> {
  const configPath = join(ROOT, 'tsconfig.build.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('tsconfig.build.json could not be read');
  const { outDir, rootDir } = parsed.options;
  expect(outDir).toBeDefined();
  const outputs = parsed.fileNames
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => relative(ROOT, join(outDir!, relative(rootDir ?? ROOT, file))).replace(/\.ts$/, '.js'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const bundler = readFileSync(join(ROOT, 'scripts', 'build-workflow-bundle.mjs'), 'utf8');
  if (pkg.scripts.build?.includes('scripts/build-workflow-bundle.mjs') && bundler.includes("'workflow-bundle.js'")) {
    outputs.push('dist/workflow-bundle.js');
  }
  return new Set(outputs.map((file) => file.split(/[\\/]/).join('/')));
}

/** Whether a path (relative to the root, `/`-separated) is left out of the build context by .dockerignore. */
function dockerIgnored(path: string, patterns: string[]): boolean {
  return patterns.some((pattern) => {
    const source = pattern
      .replace(/^\/+|\/+$/g, '')
      .split(/(\*\*\/|\*\*|\*|\?)/)
      .map((part) => {
        if (part === '**/') return '(?:.*/)?';
        if (part === '**') return '.*';
        if (part === '*') return '[^/]*';
        if (part === '?') return '[^/]';
        return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    return new RegExp(`^${source}(?:/.*)?$`).test(path);
  });
}

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfileStages(dockerfile);
  const runtime = stages[stages.length - 1];
  const all = (stage: { instructions: Instruction[] }, keyword: string): string[] =>
    stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

  it('should build with npm ci and npm run build and ship production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toBe('node:20-bookworm-slim');
    const buildStage = stages.find((s) => all(s, 'RUN').some((r) => r.includes('npm run build')));
    expect(buildStage).toBeDefined();
    expect(all(buildStage!, 'RUN').some((r) => /npm ci(?!.*--omit=dev)/.test(r))).toBe(true);

    const copies = all(runtime, 'COPY');
    const modulesFrom = copies.find((c) => /\bnode_modules\b/.test(c))?.match(/--from=(\S+)/)?.[1];
    const modulesStage = stages.find((s) => s.name === modulesFrom);
    expect(modulesStage).toBeDefined();
    expect(all(modulesStage!, 'RUN').some((r) => /npm ci\b.*--omit=dev/.test(r))).toBe(true);
    expect(copies.some((c) => c.includes(`--from=${buildStage!.name}`) && /\bdist\b/.test(c))).toBe(true);
  });

  it('should run as a non-root user', () => {
    const users = all(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
  });

  it('should start entry points that tsconfig.build.json and the build produce', () => {
    const outputs = buildOutputs();
    expect(outputs.has('dist/apps/api/src/main.js')).toBe(true);

    const workdir = all(runtime, 'WORKDIR').pop();
    expect(workdir).toBe('/app');
    const cmd = JSON.parse(all(runtime, 'CMD').pop() ?? 'null') as string[] | null;
    expect(cmd).toEqual(['node', expect.stringMatching(/^dist\/.+\.js$/)]);

    const started = new Set<string>([cmd![1]]);
    for (const name of APP_SERVICES) {
      const args = argv(service(name).command);
      expect({ name, program: args[0] }).toEqual({ name, program: 'node' });
      started.add(args[1]);
    }
    expect([...started].sort()).toEqual(
      ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js', 'dist/scripts/migrate.js'].sort(),
    );
    for (const file of started) expect({ file, built: outputs.has(file) }).toEqual({ file, built: true });

    const bundle = environment(service('lawgate-worker')).WORKFLOW_BUNDLE_PATH!;
    expect(bundle.startsWith(`${workdir}/`)).toBe(true);
    expect(outputs.has(posix.relative(workdir!, bundle))).toBe(true);
  });

  it('should keep everything the build needs in the Docker build context', () => {
    const patterns = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(patterns.filter((p) => p.startsWith('!'))).toEqual([]);
    expect(dockerIgnored('node_modules/typescript/package.json', patterns)).toBe(true);
    expect(dockerIgnored('dist/workflow-bundle.js', patterns)).toBe(true);

    const configPath = join(ROOT, 'tsconfig.build.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    });
    const needed = [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'scripts/build-workflow-bundle.mjs',
      'workflows/index.ts',
      ...(parsed?.fileNames ?? []).map((file) => relative(ROOT, file).split(/[\\/]/).join('/')),
    ];
    expect(needed.length).toBeGreaterThan(6);
    expect(needed.filter((file) => dockerIgnored(file, patterns))).toEqual([]);
  });
});
