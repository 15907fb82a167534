import type http from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { AuthError, type Claims, claimsFromAuthorization, INTERNAL_HEADER, verifyInternalToken } from './auth.ts';
import { hubError } from './errors.ts';
import { type RouteHandler, type Served, serveGraphQL } from './http.ts';
import { logError } from './log.ts';
import { maskResidentId } from './rules/resident-id.ts';
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

/** Anything shaped like a resident ID (graphql-js quotes bad variable values back) leaves masked. */
const RESIDENT_ID_SHAPE = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const scrub = (message: string) => message.replace(RESIDENT_ID_SHAPE, (id) => maskResidentId(id));

/** Hides unexpected errors from clients: no stack, no SQL, no personal data; a stable code instead. */
export function formatHubError(service: string) {
  return (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = { ...raw, message: scrub(raw.message) };
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      // The gateway attaches a failed subgraph response (with internal URLs); clients get the code only.
      const { response: _response, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logError(service, unwrapResolverError(error));
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
  /** Builds the request context (loaders, db) for a verified caller. */
  context: (caller: Claims) => Ctx;
  standalone?: boolean;
  routes?: Record<string, RouteHandler>;
}

export async function startSubgraph<Ctx extends BaseContext>(opts: SubgraphOptions<Ctx>): Promise<Served> {
  const server = new ApolloServer<Ctx>({
    schema: opts.schema,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: false, // only the gateway calls a subgraph, with a signed header
    formatError: formatHubError(opts.name),
    // No ftv1 traces: nothing reads them here, and they cost time on every request.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  await startTracing();
  const standalone = opts.standalone ?? process.env.HUB_SUBGRAPH_STANDALONE === '1';
  return serveGraphQL({
    server,
    port: opts.port,
    name: opts.name,
    ...(opts.host ? { host: opts.host } : {}),
    routes: { '/health': async () => ({ status: 200, body: { status: 'ok', service: opts.name } }), ...opts.routes },
    context: async (req) => opts.context(await callerFromRequest(req, standalone)),
  });
}
