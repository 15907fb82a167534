import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { type Claims, formatHubError, INTERNAL_HEADER, serveGraphQL } from '@hub/kit';
import { defaultUrl, readSupergraph, SUBGRAPHS, type SubgraphName } from '@hub/schema';
import { internalTokenFor, verifyCaller } from './auth.ts';
import { readiness } from './readiness.ts';

export const DEFAULT_GATEWAY_PORT = 4000;

interface GatewayContext {
  caller: Claims;
  internalToken: string;
}

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Where each subgraph listens; default HUB_<NAME>_URL, else 127.0.0.1 on its default port. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** The static supergraph; defaults to schema/supergraph.graphql. */
  supergraphSdl?: string;
  /** Database ping for /ready. */
  pingDb?: () => Promise<boolean>;
}

/** Apollo Gateway over the static supergraph, on one endpoint, with /health and /ready. */
export async function startGateway(opts: GatewayOptions = {}) {
  const urls = Object.fromEntries(
    SUBGRAPHS.map((s) => [s.name, opts.subgraphUrls?.[s.name] ?? defaultUrl(s.name, s.port)]),
  ) as Record<SubgraphName, string>;

  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl ?? readSupergraph(),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: urls[name as SubgraphName] ?? url,
        // Apollo Gateway forwards no client headers; the subgraph gets the verified claims, signed.
        willSendRequest({ request, context }) {
          if (context.internalToken) request.http?.headers.set(INTERNAL_HEADER, context.internalToken);
        },
      }),
  });

  const server = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.HUB_INTROSPECTION !== '0',
    formatError: formatHubError('gateway'),
  });
  await server.start();

  return serveGraphQL({
    server,
    port: opts.port ?? Number(process.env.HUB_PORT ?? DEFAULT_GATEWAY_PORT),
    ...(opts.host ? { host: opts.host } : {}),
    routes: {
      '/health': async () => ({ status: 200, body: { status: 'ok', service: 'gateway' } }),
      '/ready': () => readiness(urls, opts.pingDb),
    },
    context: async (req) => {
      const caller = await verifyCaller(req);
      return { caller, internalToken: await internalTokenFor(caller) };
    },
  });
}
