import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { type Claims, INTERNAL_HEADER } from '@hub/kit';
import { GraphQLError } from 'graphql';

export interface GatewayContext {
  caller: Claims;
  internalToken: string;
}

/** Extension keys a subgraph error may carry to the client; anything else stays inside. */
const PASSED_ON = ['code', 'reason', 'field'] as const;

/**
 * The gateway's call to one subgraph: sends the caller's verified claims,
 * signed (Apollo Gateway forwards no client headers), and, when a subgraph
 * refuses a whole request (e.g. a variable of the wrong shape: HTTP 400),
 * hands the client the subgraph's own words and code instead of "400: Bad Request".
 */
export class HubDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor({ url, timeoutMs }: { url: string; timeoutMs: number }) {
    super({
      url,
      // Node's own fetch (keep-alive pool), with a deadline: a hung subgraph fails its fields, not the request.
      fetcher: ((input, init) =>
        fetch(input, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) })) as Fetcher,
    });
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context.internalToken) request.http?.headers.set(INTERNAL_HEADER, context.internalToken);
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
