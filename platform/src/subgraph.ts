import type http from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Clock } from '@hub/vocabulary';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { type AuditWriter, auditPlugin } from './audit.ts';
import { AuthError, type Claims, claimsFromAuthorization, INTERNAL_HEADER, verifyInternalToken } from './auth.ts';
import { hubClockFromConfig } from './clock.ts';
import { hubConfig } from './config.ts';
import { hubError } from './errors.ts';
import { type RouteHandler, type Served, serveGraphQL } from './http.ts';
import { jitExecutor } from './jit.ts';
import { logError, scrubResidentIds } from './log.ts';
import { objectAccessOf } from './object-access.ts';
import { startTracing } from './tracing.ts';

/**
 * Subgraphs trust only claims signed by the gateway. With `standalone` (dev
 * only), a subgraph also accepts a caller's own bearer token, so it can be
 * queried on its own.
 */
export async function callerFromRequest(req: http.IncomingMessage, standalone: boolean): Promise<Claims> {
  const internal = req.headers[INTERNAL_HEADER];
  try {
    if (typeof internal === 'string') return await verifyInternalToken(internal);
    if (standalone) return await claimsFromAuthorization(req.headers.authorization);
  } catch (err) {
    throw hubError(
      'UNAUTHENTICATED',
      err instanceof AuthError ? err.message : 'unauthenticated',
      { reason: err instanceof AuthError ? err.code : 'TOKEN_INVALID' },
      401,
    );
  }
  throw hubError(
    'UNAUTHENTICATED',
    'calls to a subgraph must come through the gateway',
    { reason: 'TOKEN_MISSING' },
    401,
  );
}

/** The SQLSTATE of a database error, also when wrapped (drizzle puts the driver's error in `cause`). */
function sqlStateOf(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** Hides unexpected errors from clients: no stack, no SQL, no personal data; a stable code instead. */
export function formatHubError(service: string) {
  const format = formatter(service);
  // Should the formatting itself fail, Apollo Server would answer "Internal server error" and log
  // nothing: log it here and answer as for any unexpected error.
  return (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      return format(raw, error);
    } catch (err) {
      logError(service, err);
      return { message: 'internal error; the hub has logged it', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  };
}

function formatter(service: string) {
  return (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Anything shaped like a resident ID (graphql-js quotes bad variable values back) leaves masked.
    const formatted = { ...raw, message: scrubResidentIds(raw.message) };
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      // The gateway attaches a failed subgraph response (with internal URLs); clients get the code only.
      const { response: _response, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const cause = unwrapResolverError(error);
    if (sqlStateOf(cause)?.startsWith('22')) {
      // A data exception (SQLSTATE class 22: a malformed id, a value out of range) is the caller's input, not a fault.
      return {
        message: 'a value is malformed or out of range (for instance an id or cursor this hub never issued)',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    logError(service, cause); // logError masks resident-ID shapes in the message and its cause
    return {
      message: 'internal error; the hub has logged it',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

export interface SubgraphOptions<Ctx extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  /** Builds the request context (loaders, db) for a verified caller, on the hub's clock. */
  context: (caller: Claims, clock: Clock) => Ctx;
  /** The hub's clock; default this process's (hubClockFromConfig). */
  clock?: Clock;
  standalone?: boolean;
  routes?: Record<string, RouteHandler>;
  /** 审计日志: where each mutation's audit events go (a writer from @hub/db); see audit.ts. */
  audit?: AuditWriter;
  /**
   * Admits hr_partner callers and legal-person tokens (enterprise with `creditCode`) on every
   * request: a partner credential revoked, expired or unknown is a 401 CREDENTIAL_REVOKED, else
   * the claims get `canWrite` from the credential; a credit code is resolved to its enterprise's
   * id (`callerAdmission` in @hub/db). Without it, hr_partner callers stay read-only.
   */
  admit?: (caller: Claims) => Promise<Claims>;
  /** Largest request body in bytes (default serveGraphQL's 1 MB); the assessments subgraph takes bulk imports. */
  maxBodyBytes?: number;
}

export async function startSubgraph<Ctx extends BaseContext>(opts: SubgraphOptions<Ctx>): Promise<Served> {
  // graphql-jit executes (jit.ts) unless HUB_JIT=0, which keeps graphql-js's own execute (and no fast path).
  const config = hubConfig();
  const jit = !config.jit ? undefined : jitExecutor<Ctx>(opts.schema);
  const server = new ApolloServer<Ctx>({
    ...(jit ? { gateway: jit } : { schema: opts.schema }),
    // The hub's own handlers (runUntilSignal, `pnpm hub start`) drain and close on SIGTERM/SIGINT.
    // Apollo's would stop this server alone and then re-raise the signal, killing the process
    // before the others finish their requests in flight.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: false, // only the gateway calls a subgraph, with a signed header
    formatError: formatHubError(opts.name),
    // No ftv1 traces and no cache-control hints: nothing reads them here, and both hook every field
    // of every request (a 1,722-row statistics answer spent ~11 ms in cache-control alone).
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      // Only the gateway calls a subgraph: no Sandbox page (scripts from a CDN) in any environment.
      ApolloServerPluginLandingPageDisabled(),
      auditPlugin<Ctx>({
        service: opts.name,
        write: opts.audit,
        callerOf: (ctx) => (ctx as { caller?: Claims }).caller,
      }),
    ],
  });
  await server.start();
  await startTracing();
  const standalone = opts.standalone ?? config.subgraphStandalone;
  const clock = opts.clock ?? hubClockFromConfig();
  const objects = objectAccessOf(opts.schema);
  const audit = opts.audit;
  /** 审计 of reads: the personal data a request read in full, one event per request (object-access.ts). */
  const auditReads =
    objects && audit
      ? async (ctx: Ctx, requestId: string) => {
          const caller = (ctx as { caller?: Claims }).caller;
          if (!caller) return;
          const event = objects.takeReads(
            { caller },
            {
              service: opts.name,
              operationName: null,
              role: caller.role,
              sub: caller.sub ?? null,
              enterpriseId: caller.enterpriseId ?? null,
              prefecture: caller.prefecture ?? null,
              credentialId: caller.credentialId ?? null,
              requestId: requestId.slice(0, 100),
            },
          );
          if (!event) return;
          try {
            await audit([event]).catch(() => audit([event]));
          } catch (err) {
            logError(`${opts.name} audit`, err);
          }
        }
      : undefined;
  return serveGraphQL({
    server,
    port: opts.port,
    name: opts.name,
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}),
    routes: { '/health': async () => ({ status: 200, body: { status: 'ok', service: opts.name } }), ...opts.routes },
    ...(jit && config.fastPath ? { fastPath: jit.fastPath, batch: true } : {}),
    ...(auditReads ? { beforeAnswer: auditReads } : {}),
    context: async (req) => {
      const caller = await callerFromRequest(req, standalone);
      const admitted = opts.admit && (caller.role === 'hr_partner' || caller.creditCode);
      return opts.context(admitted ? await (opts.admit as NonNullable<typeof opts.admit>)(caller) : caller, clock);
    },
  });
}
