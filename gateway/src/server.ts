import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  type AuditWriter,
  formatHubError,
  hubClockFromConfig,
  isProduction,
  logSandboxDate,
  type Served,
  serveGraphQL,
  startTracing,
} from '@hub/platform';
import { hubConfig, setLibraryDefault } from '@hub/platform/config';
import { readSupergraph, routingUrl, subgraphsOf } from '@hub/schema/supergraph';
import type { HubClock } from '@hub/vocabulary';
import { redisBudgetStore } from './budget-store.ts';
import { type GatewayContext, HubDataSource } from './datasource.ts';
import { demoSignIn } from './demo-sign-in.ts';
import { requestGate } from './gate.ts';
import { formatLimitError, type Limits, limitsOf } from './limits.ts';
import {
  type BudgetStore,
  LookupBudget,
  type LookupBudgetOptions,
  lookupBudgetOf,
  memoryBudgetStore,
} from './lookup-budget.ts';
import { paperworkRoutes } from './paperwork/routes.ts';
import { runAsCaller } from './paperwork/run.ts';
import { type PassthroughStats, stringifyResult, withPassthrough } from './passthrough.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import { readiness } from './readiness.ts';
import { clockRoutes } from './sandbox-clock.ts';
import { sheetRoutes } from './sheets/routes.ts';
import { operationRunner } from './sheets/uploads.ts';
import { webPages } from './web.ts';

export const DEFAULT_GATEWAY_PORT = 4000;

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Where each subgraph listens; default HUB_<NAME>_URL, else 127.0.0.1 on its default port. */
  subgraphUrls?: Partial<Record<string, string>>;
  /** The static supergraph; defaults to schema/supergraph.graphql. */
  supergraphSdl?: string;
  /** Database ping for /ready. */
  pingDb?: () => Promise<boolean>;
  /** Query limits; default from HUB_* variables. */
  limits?: Limits;
  /** Answer single-subgraph queries straight from the subgraph (passthrough.ts); default on unless HUB_PASSTHROUGH=0. */
  passthrough?: boolean;
  /** Answer known query texts without Apollo Server's request pipeline (passthrough.ts); default HUB_FAST_PATH. */
  fastPath?: boolean;
  /** The public rate limit (rate-limit.ts); default from HUB_PUBLIC_RATE, HUB_PUBLIC_BURST, HUB_TRUST_PROXY. */
  rateLimit?: RateLimitOptions;
  /** Send the fast path's calls to a subgraph in batches (合批, datasource.ts); default on unless HUB_SUBGRAPH_BATCH=0. */
  batch?: boolean;
  /** 审计日志 of mutations the gateway itself refuses as invalid (the subgraphs record the rest). */
  audit?: AuditWriter;
  /**
   * The hub's clock, shared with the subgraphs of an all-in-one hub: an admin may set its date
   * outside production (/admin/clock, sandbox-clock.ts). Without one the gateway serves no
   * /admin/clock (a gateway alone cannot move its subgraphs' date).
   */
  clock?: HubClock;
  /** Readiness details that never fail /ready (the official calendar's coverage). */
  details?: () => Promise<Record<string, unknown>>;
  /** 证书查询 budgets per lookup (lookup-budget.ts); default from HUB_LOOKUP_* and HUB_IDENTITY_* variables. */
  lookupBudget?: LookupBudgetOptions;
  /** Where the budgets and the public rate limit count; default Redis with REDIS_URL (budget-store.ts), else this process's memory. */
  lookupBudgetStore?: BudgetStore;
  /** The built web front (web/dist) served at /, /verify …; default beside the source; false serves none. */
  webRoot?: string | false;
}

/** The served gateway, with counts of the single-subgraph passthrough (see passthrough.ts) and of its calls to each subgraph. */
export type ServedGateway = Served & {
  passthrough: PassthroughStats;
  subgraphCalls: (name: string) => HubDataSource['sent'] | undefined;
};

/** Apollo Gateway over the static supergraph, on one endpoint, with /health and /ready. */
export async function startGateway(opts: GatewayOptions = {}): Promise<ServedGateway> {
  // Apollo Gateway otherwise sends usage metrics to Apollo and, to label them, probes the
  // AWS/GCP/Azure/Alibaba metadata endpoints: traffic off this machine that the hub never wants.
  setLibraryDefault('APOLLO_TELEMETRY_DISABLED', 'true');
  const config = hubConfig();
  await startTracing();
  const supergraphSdl = opts.supergraphSdl ?? readSupergraph();
  const urls: Record<string, string> = Object.fromEntries(
    subgraphsOf(supergraphSdl).map((s) => [s.name, opts.subgraphUrls?.[s.name] ?? routingUrl(s.name, s.url)]),
  );

  const dataSources = new Map<string, HubDataSource>();
  const apollo = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const source = new HubDataSource({
        name,
        url: urls[name] ?? url ?? '',
        timeoutMs: config.subgraphTimeoutMs,
        batch: opts.batch ?? config.subgraphBatch,
      });
      dataSources.set(name, source);
      return source;
    },
  });
  const {
    gateway,
    stats: passthrough,
    fastPath,
  } = withPassthrough(apollo, {
    supergraphSdl,
    dataSources,
    enabled: opts.passthrough ?? config.passthrough,
  });

  // The budgets' store: one count for every gateway process with REDIS_URL, else this process's.
  const redis =
    opts.lookupBudgetStore || !config.redisUrl
      ? undefined
      : redisBudgetStore({
          url: config.redisUrl,
          prefix: config.redisPrefix ?? 'hub',
          onFailure: config.redisFailure,
        });
  await redis?.firstAttempt();
  const budgetStore = opts.lookupBudgetStore ?? redis ?? memoryBudgetStore;
  const budgetsAt = () =>
    redis ? (redis.ready() ? 'redis' : 'redis unavailable') : opts.lookupBudgetStore ? 'given store' : 'this process';

  const limits = opts.limits ?? limitsOf(config);
  // Size and shape limits, authentication, rate limit, cost, lookups, audit of refusals: one
  // ordered pipeline (gate.ts) in front of every executor, the fast path's included.
  const gate = requestGate({
    limits,
    rateLimit: opts.rateLimit,
    rateLimitStore: budgetStore,
    lookupBudget: new LookupBudget(opts.lookupBudget ?? lookupBudgetOf(config), budgetStore),
    audit: opts.audit,
    // No Apollo Sandbox in production: it loads its scripts from Apollo's CDN into the hub's origin.
    // A GET page only: nothing of a POST's answer, which is all the fast path takes.
    extra: isProduction(config)
      ? [{ name: 'no landing page', plugin: ApolloServerPluginLandingPageDisabled(), fastPath: 'http' as const }]
      : [],
  });
  // The fast path behind the gate's counterpart of every step (none if a step has none).
  const gatedFastPath = (opts.fastPath ?? config.fastPath) ? gate.fastPath(fastPath) : undefined;
  const formatError = formatHubError('gateway');
  const server = new ApolloServer<GatewayContext>({
    gateway,
    // The hub's own handlers (runUntilSignal, `pnpm hub start`) drain and close on SIGTERM/SIGINT.
    // Apollo's would stop this server alone and then re-raise the signal, killing the process
    // before the others finish their requests in flight.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    introspection: limits.introspection,
    validationRules: gate.validationRules,
    parseOptions: { maxTokens: gate.maxTokens },
    plugins: gate.plugins,
    formatError: (formatted, error) => formatError(formatLimitError(limits, formatted, error), error),
    stringifyResult,
  });
  await server.start();

  const hubClock = opts.clock;
  const clock = hubClock ? clockRoutes(hubClock, opts.audit) : undefined;
  // 演示登录 for the web front: outside production with the development secrets only (demo-sign-in.ts).
  const signIn = demoSignIn(config);
  if (hubClock) logSandboxDate(() => hubClock.sandbox()?.today ?? null);
  // 文书: certificate PDFs and workbooks, each made from GraphQL operations run as the caller
  // through this very server and gate (paperwork/run.ts); then the web front's pages.
  const paperwork = paperworkRoutes({
    run: runAsCaller(server, gate.context),
    clock: hubClock ?? hubClockFromConfig(),
    publicOrigin: config.publicOrigin,
    trustProxy: opts.rateLimit?.trustProxy ?? config.trustProxy,
  });
  const web = opts.webRoot === false ? undefined : webPages(opts.webRoot);
  const served = await serveGraphQL({
    server,
    port: opts.port ?? config.port ?? DEFAULT_GATEWAY_PORT,
    ...(opts.host ? { host: opts.host } : {}),
    maxQueryChars: gate.maxQueryChars,
    name: 'gateway',
    accessLogLevel: 'info',
    ...(gatedFastPath ? { fastPath: gatedFastPath } : {}),
    routes: {
      '/health': async () => ({ status: 200, body: { status: 'ok', service: 'gateway' } }),
      '/ready': () =>
        readiness(urls, opts.pingDb, async () => ({
          ...(await opts.details?.()),
          lookupBudgets: budgetsAt(),
        })),
      ...(clock ? { '/admin/clock': clock.read } : {}),
    },
    actions: {
      ...(clock ? { '/admin/clock': clock.change } : {}),
      ...(signIn ? { '/demo/sign-in': signIn } : {}),
    },
    ...(hubClock ? { sandbox: () => hubClock.sandbox() } : {}),
    pages: async (req, res, url) => (await paperwork(req, res, url)) || (web ? web(req, res, url) : false),
    // Excel 导入: /templates/<kind>.xlsx and POST /uploads/<kind> (sheets/routes.ts).
    requests: sheetRoutes(operationRunner(server, gate.context)),
    context: gate.context,
  });
  return {
    ...served,
    async close() {
      await served.close();
      await redis?.close();
    },
    passthrough,
    subgraphCalls: (name) => dataSources.get(name)?.sent,
  };
}
