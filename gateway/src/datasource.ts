import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import {
  type Claims,
  INTERNAL_HEADER,
  injectTraceHeaders,
  REQUEST_ID_HEADER,
  requestScope,
  SpanKind,
  withSpan,
} from '@hub/kit';
import { GraphQLError } from 'graphql';

export interface GatewayContext {
  caller: Claims;
  internalToken: string;
}

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Extension keys a subgraph error may carry to the client; anything else stays inside. */
const PASSED_ON = ['code', 'reason', 'field'] as const;

/**
 * The gateway's call to one subgraph: sends the caller's verified claims,
 * signed (Apollo Gateway forwards no client headers), and, when a subgraph
 * refuses a whole request (e.g. a variable of the wrong shape: HTTP 400),
 * hands the client the subgraph's own words and code instead of "400: Bad Request".
 */
export class HubDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly name: string;

  constructor({ name, url, timeoutMs }: { name: string; url: string; timeoutMs: number }) {
    super({
      url,
      // Node's own fetch (keep-alive pool), with a deadline: a hung subgraph fails its fields, not the request.
      // A subgraph that does not answer costs its fields a coded error (SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE), never the request.
      fetcher: (async (input, init) => {
        try {
          return await fetch(input, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) });
        } catch (err) {
          const timedOut = (err as Error)?.name === 'TimeoutError';
          throw new GraphQLError(
            timedOut
              ? `a service behind the gateway did not answer within ${timeoutMs} ms`
              : 'a service behind the gateway is unavailable',
            { extensions: { code: timedOut ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE' } },
          );
        }
      }) as Fetcher,
    });
    this.name = name;
  }

  /** Identical subgraph queries in flight, by subgraph, document, variables and the caller's signed claims. */
  private readonly inFlight = new Map<string, Promise<GatewayGraphQLResponse>>();

  /**
   * Collapses identical in-flight queries into one subgraph call: many callers of a busy
   * dashboard or catalog page cost the subgraph one request. Only queries (never mutations),
   * only for the same caller claims, and each waiter gets its own copy of the answer.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const token = 'context' in options ? options.context.internalToken : undefined;
    const query = request.query ?? '';
    if (!token || !/^\s*(query\b|\{)/.test(query)) return this.fetchTraced(options);
    const key = `${query}\u0000${JSON.stringify(request.variables ?? {})}\u0000${token}`;
    const pending = this.inFlight.get(key);
    if (pending) return structuredClone(await pending);
    const leader = this.fetchTraced(options).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, leader);
    return leader;
  }

  /** One subgraph call, as a client span when tracing is on (the trace context goes along in willSendRequest). */
  private fetchTraced(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    return withSpan(
      `gateway fetch ${this.name}`,
      { kind: SpanKind.CLIENT, attributes: { 'hub.subgraph': this.name, 'server.address': this.url ?? '' } },
      () => super.process(options),
    );
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.internalToken) headers.set(INTERNAL_HEADER, context.internalToken);
    const scope = requestScope();
    if (scope) headers.set(REQUEST_ID_HEADER, scope.requestId);
    injectTraceHeaders((k, v) => headers.set(k, v));
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => null);
    const first = (body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | null)
      ?.errors?.[0];
    if (first && typeof first.message === 'string' && typeof first.extensions?.code === 'string') {
      const extensions = Object.fromEntries(
        PASSED_ON.filter((k) => first.extensions?.[k] != null).map((k) => [k, first.extensions?.[k]]),
      );
      return new GraphQLError(first.message, { extensions });
    }
    return new GraphQLError(`a service behind the gateway answered ${response.status}`, {
      extensions: { code: response.status >= 500 ? 'SUBGRAPH_UNAVAILABLE' : 'SUBGRAPH_REFUSED' },
    });
  }
}
