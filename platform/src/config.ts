import os from 'node:os';

/**
 * The hub's configuration, read from the environment in one place and checked once. Every process
 * (the gateway, each subgraph, the CLI, `pnpm hub start`) reads its settings through `hubConfig()`;
 * nothing else reads `process.env`. A bad value is refused at start with every problem named
 * (`ConfigError`), not discovered at the first request. The table in docs/operations.md is rendered
 * from SETTINGS (`pnpm --filter @hub/platform run config-table`) and a test keeps it in step.
 */

export type Env = Readonly<Record<string, string | undefined>>;

interface Setting<T> {
  /** The environment variable. */
  readonly variable: string;
  /** The default as the docs state it. */
  readonly shown: string;
  /** What it does, for the operator. */
  readonly doc: string;
  readonly parse: (raw: string | undefined) => T;
}

class Problem extends Error {}

const unset = (raw: string | undefined): raw is undefined => raw === undefined || raw.trim() === '';

function whole(variable: string, min: number, max: number, fallback: number, doc: string, shown = String(fallback)) {
  return optionalWhole(variable, min, max, doc, shown, fallback) as Setting<number>;
}

function optionalWhole(
  variable: string,
  min: number,
  max: number,
  doc: string,
  shown = 'unset',
  fallback?: number,
): Setting<number | undefined> {
  return {
    variable,
    shown,
    doc,
    parse(raw) {
      if (unset(raw)) return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max)
        throw new Problem(`${variable} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return n;
    },
  };
}

/** On unless `0`: the switches of optional machinery. */
function on(variable: string, doc: string): Setting<boolean> {
  return {
    variable,
    shown: 'on',
    doc,
    parse(raw) {
      if (unset(raw) || raw === '1') return true;
      if (raw === '0') return false;
      throw new Problem(`${variable} must be 0 or 1 (got "${raw}")`);
    },
  };
}

/** Off unless `1`. */
function flag(variable: string, doc: string): Setting<boolean> {
  return {
    variable,
    shown: 'unset',
    doc,
    parse(raw) {
      if (unset(raw) || raw === '0') return false;
      if (raw === '1') return true;
      throw new Problem(`${variable} must be 0 or 1 (got "${raw}")`);
    },
  };
}

function text(variable: string, doc: string, shown = 'unset'): Setting<string | undefined> {
  return { variable, shown, doc, parse: (raw) => (unset(raw) ? undefined : raw) };
}

function oneOf<const T extends string>(variable: string, values: readonly T[], fallback: T, doc: string): Setting<T> {
  return {
    variable,
    shown: `\`${fallback}\``,
    doc,
    parse(raw) {
      if (unset(raw)) return fallback;
      if ((values as readonly string[]).includes(raw)) return raw as T;
      throw new Problem(`${variable} must be one of ${values.join(', ')} (got "${raw}")`);
    },
  };
}

const subgraphPort = (name: string, port: number) =>
  optionalWhole(
    `HUB_${name.toUpperCase()}_PORT`,
    0,
    65_535,
    `port of the ${name} subgraph under \`pnpm hub start\` (\`0\` = any free port)`,
    String(port),
    port,
  );
const subgraphUrl = (name: string) =>
  text(
    `HUB_${name.toUpperCase()}_URL`,
    `where the standalone gateway finds the ${name} subgraph`,
    "the supergraph's routing URL",
  );

/** Every setting of the hub, grouped as the docs show them. */
export const SETTINGS = {
  // Where things run
  env: {
    variable: 'HUB_ENV',
    shown: '`development`',
    doc: '`production` fails closed: strong secrets and keys required, introspection, "did you mean" hints and the sandbox clock off',
    parse: (raw: string | undefined) => (unset(raw) ? 'development' : raw),
  } satisfies Setting<string>,
  nodeEnv: text('NODE_ENV', '`production` counts as `HUB_ENV=production` (tooling sets it)'),
  port: whole('HUB_PORT', 0, 65_535, 4000, 'gateway port'),
  enterprisesPort: subgraphPort('enterprises', 4001),
  occupationsPort: subgraphPort('occupations', 4002),
  assessmentsPort: subgraphPort('assessments', 4003),
  supervisionPort: subgraphPort('supervision', 4004),
  subgraphPort: optionalWhole(
    'PORT',
    0,
    65_535,
    'a subgraph run alone (`node subgraphs/<name>/src/main.ts`): its port',
    'its default port',
  ),
  enterprisesUrl: subgraphUrl('enterprises'),
  occupationsUrl: subgraphUrl('occupations'),
  assessmentsUrl: subgraphUrl('assessments'),
  supervisionUrl: subgraphUrl('supervision'),
  supergraph: text('HUB_SUPERGRAPH', 'the supergraph file the gateway serves', '`schema/supergraph.graphql`'),
  publicOrigin: {
    variable: 'HUB_PUBLIC_ORIGIN',
    shown: 'the address a request came to',
    doc: 'the hub’s public address (`https://host[:port]`), printed in the QR codes of certificate PDFs',
    parse(raw: string | undefined): string | undefined {
      if (unset(raw)) return undefined;
      let url: URL | undefined;
      try {
        url = new URL(raw);
      } catch {
        url = undefined;
      }
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== raw.replace(/\/+$/, ''))
        throw new Problem(
          `HUB_PUBLIC_ORIGIN must be an http(s) origin such as https://skills.example.cn (got "${raw}")`,
        );
      return url.origin;
    },
  } satisfies Setting<string | undefined>,
  gatewayWorkers: {
    variable: 'HUB_GATEWAY_WORKERS',
    shown: '1',
    doc: 'gateway worker processes (node:cluster) on one port; `auto` = one per core',
    parse(raw: string | undefined): number | undefined {
      if (unset(raw)) return undefined;
      if (raw === 'auto') return os.availableParallelism();
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > 64)
        throw new Problem(`HUB_GATEWAY_WORKERS must be a whole number from 1 to 64, or "auto" (got "${raw}")`);
      return n;
    },
  } satisfies Setting<number | undefined>,
  subgraphStandalone: flag(
    'HUB_SUBGRAPH_STANDALONE',
    '`1` lets a subgraph run alone and accept a caller’s bearer token (development only)',
  ),

  // Data
  databaseUrl: text('DATABASE_URL', 'PostgreSQL connection URL; unset = the embedded PGlite'),
  pgliteDir: text(
    'HUB_PGLITE_DIR',
    'PGlite data folder when `DATABASE_URL` is unset; `memory` keeps it in memory',
    '`.data/pglite`',
  ),
  dbPool: optionalWhole(
    'HUB_DB_POOL',
    1,
    100,
    'PostgreSQL connections of a process’s pool (postgres.js)',
    '5 (a subgraph alone), 10 (`pnpm hub start`)',
  ),
  dbLookupPool: optionalWhole(
    'HUB_DB_LOOKUP_POOL',
    1,
    100,
    'PostgreSQL connections of their own for the public 证书查询 lookups',
    '1',
  ),
  databaseReplicaUrl: text(
    'DATABASE_REPLICA_URL',
    'a streaming replica of `DATABASE_URL`: 证书查询 and the statistics read from it (docs/operations.md, "Read replica")',
  ),
  replicaMaxLag: whole(
    'HUB_REPLICA_MAX_LAG',
    0,
    3_600,
    10,
    'seconds a replica may lag before its reads go back to the primary',
  ),

  // Domain rules
  refileWaitingDays: whole(
    'HUB_REFILE_WAITING_DAYS',
    0,
    3_650,
    0,
    'days a revoked enterprise waits, from the revocation day, before it may file again (取消备案资质后重新备案); 0 = none',
  ),

  nationalUploadDays: whole(
    'HUB_NATIONAL_UPLOAD_DAYS',
    1,
    365,
    30,
    '证书数据上报期限: calendar days after issue by which a certificate is uploaded to the national query system (全国证书查询系统)',
  ),

  complaintHandlingDays: whole(
    'HUB_COMPLAINT_HANDLING_DAYS',
    1,
    365,
    30,
    '投诉办理期限: calendar days from receipt by which a complaint is dismissed or turned into a case',
  ),

  // Change feed webhooks (变更推送)
  webhookWorker: on(
    'HUB_WEBHOOK_WORKER',
    '`0`: this process delivers no webhooks (another assessments process does; any number may, each claims its own)',
  ),
  webhookPollMs: whole(
    'HUB_WEBHOOK_POLL_MS',
    10,
    3_600_000,
    1_000,
    'how often a delivery worker looks for due webhook deliveries when it has none in hand (ms)',
  ),
  webhookTimeoutMs: whole(
    'HUB_WEBHOOK_TIMEOUT_MS',
    100,
    120_000,
    10_000,
    'how long a partner endpoint has to answer one delivery before it counts as failed (ms)',
  ),
  webhookBackoffBaseMs: whole(
    'HUB_WEBHOOK_BACKOFF_BASE_MS',
    1,
    86_400_000,
    30_000,
    'wait after a failed delivery before the retry (ms); it doubles with each failure in a row',
  ),
  webhookBackoffMaxMs: whole(
    'HUB_WEBHOOK_BACKOFF_MAX_MS',
    1,
    604_800_000,
    21_600_000,
    'the longest wait between two retries (ms; default 6 h)',
  ),
  webhookPauseAfter: whole(
    'HUB_WEBHOOK_PAUSE_AFTER',
    1,
    1_000,
    16,
    'failed deliveries in a row (the first try and its retries) after which a webhook pauses until the partner resumes it',
  ),
  webhookLogDays: whole(
    'HUB_WEBHOOK_LOG_DAYS',
    1,
    3_650,
    90,
    'days a webhook delivery attempt stays in its delivery log (推送记录); older ones are deleted (the feed itself is kept)',
  ),

  // Secrets and keys
  jwtSecret: text('HUB_JWT_SECRET', 'HS256 secret of caller tokens (≥ 32 bytes in production)', 'dev secret'),
  internalSecret: text(
    'HUB_INTERNAL_SECRET',
    'secret of the gateway → subgraph claims token (≥ 32 bytes, not the JWT secret)',
    'dev secret',
  ),
  piiKeys: text(
    'HUB_PII_KEYS',
    'encryption keys of resident IDs, `id:base64` comma-separated, the current first',
    'dev keys',
  ),
  piiHmacKey: text('HUB_PII_HMAC_KEY', 'lookup-hash key of resident IDs (base64)', 'dev key'),
  piiHmacPreviousKeys: text('HUB_PII_HMAC_PREVIOUS_KEYS', 'earlier lookup-hash keys, still matched during a rotation'),
  tokenMaxLifetime: text(
    'HUB_TOKEN_MAX_LIFETIME',
    'the longest a caller token may live, per role (`admin=1h,dashboard=24h`; units s, m, h, d)',
    '12 h for people, 7 d for `dashboard`, 5 × 366 d for `hr_partner`',
  ),

  // Gateway limits
  introspection: {
    variable: 'HUB_INTROSPECTION',
    shown: 'on in development',
    doc: '`1` / `0` forces introspection on or off',
    parse(raw: string | undefined): boolean | undefined {
      if (unset(raw)) return undefined;
      if (raw === '1' || raw === '0') return raw === '1';
      throw new Problem(`HUB_INTROSPECTION must be 0 or 1 (got "${raw}")`);
    },
  } satisfies Setting<boolean | undefined>,
  maxDepth: whole('HUB_MAX_DEPTH', 1, 1000, 12, 'query depth limit'),
  maxAliases: whole('HUB_MAX_ALIASES', 1, 1000, 15, 'aliases per query'),
  maxDirectives: whole('HUB_MAX_DIRECTIVES', 1, 1000, 10, 'directives per query'),
  maxRootFields: whole('HUB_MAX_ROOT_FIELDS', 1, 1000, 10, 'root fields per operation'),
  maxCost: whole(
    'HUB_MAX_COST',
    1,
    100_000_000,
    50_000,
    'estimated rows × fields (a connection counts `first` rows, default 20)',
  ),
  maxTokens: whole('HUB_MAX_TOKENS', 1, 1_000_000, 2_000, 'tokens of a query document'),
  maxQueryChars: whole('HUB_MAX_QUERY_CHARS', 1, 10_000_000, 20_000, 'characters of a query text'),
  subgraphTimeoutMs: whole(
    'HUB_SUBGRAPH_TIMEOUT_MS',
    1,
    3_600_000,
    10_000,
    'the gateway’s deadline for one subgraph call (ms)',
  ),
  publicRate: whole(
    'HUB_PUBLIC_RATE',
    0,
    1_000_000,
    600,
    'requests per minute per address for callers without a token (`0` = no limit)',
  ),
  publicBurst: optionalWhole('HUB_PUBLIC_BURST', 1, 1_000_000, 'burst of the public rate limit', 'the rate'),
  trustProxy: flag(
    'HUB_TRUST_PROXY',
    '`1` keys the public rate limit and the lookup budgets on the left-most `X-Forwarded-For`',
  ),
  lookupBudget: whole(
    'HUB_LOOKUP_BUDGET',
    0,
    1_000_000,
    300,
    'verification lookups per client per window (`0` turns every lookup budget off)',
  ),
  lookupWindow: whole('HUB_LOOKUP_WINDOW', 1, 31_622_400, 600, 'window of the lookup budget (s)'),
  identityBudget: whole('HUB_IDENTITY_BUDGET', 1, 1_000_000, 20, 'resident-ID lookups per client per window'),
  identityNameBudget: whole(
    'HUB_IDENTITY_NAME_BUDGET',
    1,
    1_000_000,
    30,
    'resident-ID lookups per holder name per window',
  ),
  identityWindow: whole('HUB_IDENTITY_WINDOW', 1, 31_622_400, 3_600, 'window of the resident-ID budgets (s)'),
  lookupMisses: whole('HUB_LOOKUP_MISSES', 1, 1_000_000, 5, 'misses for one target that lock it'),
  lookupMissWindow: whole('HUB_LOOKUP_MISS_WINDOW', 1, 31_622_400, 86_400, 'window the misses are counted in (s)'),
  lookupLockout: whole('HUB_LOOKUP_LOCKOUT', 1, 31_622_400, 86_400, 'how long a locked target stays locked (s)'),

  // Shared state of the gateway processes
  redisUrl: text(
    'REDIS_URL',
    'Redis that keeps the lookup budgets and the public rate limit, one count for every gateway process (`redis://host:6379/0`); unset: each process counts alone, in memory',
  ),
  redisPrefix: text('HUB_REDIS_PREFIX', 'prefix of the hub’s keys in that Redis (one per hub sharing it)', '`hub`'),
  redisFailure: oneOf(
    'HUB_REDIS_FAILURE',
    ['closed', 'open'],
    'closed',
    'when Redis cannot be reached: `closed` refuses 证书查询 lookups and public requests (HTTP 503, `RATE_LIMIT_UNAVAILABLE`), `open` lets them through uncounted',
  ),

  // Execution paths
  passthrough: on('HUB_PASSTHROUGH', '`0` sends every query through Apollo Gateway’s plan execution'),
  fastPath: on(
    'HUB_FAST_PATH',
    '`0` sends every request through Apollo Server’s pipeline, in the gateway and the subgraphs',
  ),
  subgraphBatch: on(
    'HUB_SUBGRAPH_BATCH',
    '`0` makes the gateway’s fast path call a subgraph once per request instead of in batches',
  ),
  jit: on('HUB_JIT', '`0` makes the subgraphs execute with graphql-js instead of graphql-jit'),

  // Observability
  logLevel: oneOf(
    'HUB_LOG_LEVEL',
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    'info',
    'pino level of the JSON log lines on stdout',
  ),
  otel: flag('HUB_OTEL', '`1` exports OpenTelemetry traces to `http://localhost:4318`'),
  otlpEndpoint: text('OTEL_EXPORTER_OTLP_ENDPOINT', 'export OpenTelemetry traces over OTLP/HTTP to this endpoint'),
  otlpTracesEndpoint: text('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'the traces endpoint itself (the SDK reads it too)'),
  otelServiceName: text('OTEL_SERVICE_NAME', 'service name on the traces', '`skill-hub`'),
} as const;

type Settings = typeof SETTINGS;
export type HubConfig = { readonly [K in keyof Settings]: ReturnType<Settings[K]['parse']> };

/** A configuration that cannot serve: every problem, one sentence each. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`configuration refused:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and checks every setting of `env`; throws ConfigError naming every bad one. */
export function loadConfig(env: Env): HubConfig {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, setting] of Object.entries(SETTINGS) as [string, Setting<unknown>][]) {
    try {
      out[key] = setting.parse(env[setting.variable]);
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      problems.push(err.message);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(out) as HubConfig;
}

const VARIABLES = Object.values(SETTINGS).map((s) => s.variable);
let current: { source: string; config: HubConfig } | undefined;

/**
 * This process's configuration. Parsed once and kept while the environment stays as it was (a test
 * that sets a variable before starting a hub gets a fresh parse).
 */
export function hubConfig(): HubConfig {
  const env = process.env;
  const source = VARIABLES.map((v) => env[v] ?? '\u0000').join('\u0001');
  if (current?.source !== source) current = { source, config: loadConfig(env) };
  return current.config;
}

/** The environment as it is, for a child process started with it (plus the given overrides). */
export function childEnv(overrides: Env = {}): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}

/** A value for a setting outside this process's control (libraries that read the environment themselves). */
export function setLibraryDefault(variable: string, value: string): void {
  process.env[variable] ??= value;
}

/** Production: `HUB_ENV=production`, or `NODE_ENV=production` (which tooling sets). */
export const isProductionConfig = (config: HubConfig) => config.env === 'production' || config.nodeEnv === 'production';

/** The configuration table of docs/operations.md, rendered from SETTINGS. */
export const CONFIG_TABLE_START =
  '<!-- config-table:start (generated: pnpm --filter @hub/platform run config-table) -->';
export const CONFIG_TABLE_END = '<!-- config-table:end -->';

export function renderConfigTable(): string {
  const rows = Object.values(SETTINGS).map(
    (s: Setting<unknown>) => `| \`${s.variable}\` | ${s.shown} | ${s.doc.replaceAll('|', '\\|')} |`,
  );
  return ['| variable | default | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}
