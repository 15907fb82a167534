import type http from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Claims } from '@hub/platform';
import type { GatewayContext } from '../datasource.ts';

/** One error of a GraphQL answer, as the gateway sends it. */
export interface AnswerError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface Answer<T> {
  /** The HTTP status Apollo Server chose (401 for a bad token, 429 for the rate limit …). */
  status: number;
  data: T | null;
  errors: AnswerError[];
  /** Who asked, when the token verified. */
  caller: Claims | undefined;
}

/** Runs one operation as the caller of `req`. */
export type RunAs = <T>(
  req: http.IncomingMessage,
  query: string,
  variables?: Record<string, unknown>,
) => Promise<Answer<T>>;

/**
 * The paperwork's only way to data: a GraphQL operation through the gateway's own Apollo Server,
 * with the caller's own headers (their bearer token) and the request gate's context — so the same
 * authentication, rate limit, cost limit, door (access matrix), object rules, audit and subgraph
 * calls apply as to any client's request. Nothing is read around the API.
 */
export function runAsCaller(
  server: ApolloServer<GatewayContext>,
  context: (req: http.IncomingMessage, body: unknown) => Promise<GatewayContext>,
): RunAs {
  return async <T>(req: http.IncomingMessage, query: string, variables: Record<string, unknown> = {}) => {
    const body = { query, variables };
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value === undefined || key === 'content-length' || key === 'content-type' || key === 'accept-encoding')
        continue;
      headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    headers.set('content-type', 'application/json');
    let caller: Claims | undefined;
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: async () => {
        const made = await context(req, body);
        caller = made.caller;
        return made;
      },
    });
    let text = '';
    if (response.body.kind === 'complete') text = response.body.string;
    else for await (const chunk of response.body.asyncIterator) text += chunk;
    const parsed = (text ? JSON.parse(text) : {}) as { data?: T | null; errors?: AnswerError[] };
    return { status: response.status ?? 200, data: parsed.data ?? null, errors: parsed.errors ?? [], caller };
  };
}

/** A Relay connection as the paperwork's queries select it. */
export interface Connection<N> {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: N }[];
}

export interface Paged<T, N> {
  /** The first page's answer (the fields around the connection), or the answer that failed. */
  answer: Answer<T>;
  nodes: N[];
  /** More nodes than `max` were there: the file says so. */
  truncated: boolean;
}

/**
 * Every node of one connection, page after page (the query takes `$after: String`), up to `max`:
 * each page is its own request through the gate, so the cost limit holds per page. A page that
 * fails ends the walk with its answer.
 */
export async function allPages<T, N>(
  run: RunAs,
  req: http.IncomingMessage,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: T) => Connection<N> | null | undefined,
  max = 10_000,
): Promise<Paged<T, N>> {
  const first = await run<T>(req, query, { ...variables, after: null });
  const nodes: N[] = [];
  let page = first.data ? pick(first.data) : null;
  if (first.errors.length || !page) return { answer: first, nodes, truncated: false };
  for (;;) {
    for (const e of page.edges) nodes.push(e.node);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return { answer: first, nodes, truncated: false };
    if (nodes.length >= max) return { answer: first, nodes: nodes.slice(0, max), truncated: true };
    const next: Answer<T> = await run<T>(req, query, { ...variables, after: page.pageInfo.endCursor });
    page = next.data ? pick(next.data) : null;
    if (next.errors.length || !page) return { answer: next, nodes, truncated: false };
  }
}
