import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
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
import { Agent, errors as undiciErrors } from 'undici';

export interface GatewayContext {
  caller: Claims;
  internalToken: string;
}

/** Extension keys a subgraph error may carry to the client; anything else stays inside. */
const PASSED_ON = ['code', 'reason', 'field'] as const;

/** One keep-alive connection pool per gateway process, shared by every subgraph (pipelining off). */
const pool = new Agent({ keepAliveTimeout: 30_000, connections: 64 });

/**
 * The gateway's call to one subgraph: sends the caller's verified claims, signed (Apollo Gateway
 * forwards no client headers), the request id and the trace context; answers a hung subgraph with
 * SUBGRAPH_TIMEOUT and an unreachable one with SUBGRAPH_UNAVAILABLE (its fields fail, never the
 * request); and, when a subgraph refuses a whole request (e.g. a variable of the wrong shape:
 * HTTP 400), hands the client the subgraph's own words and code instead of "400: Bad Request".
 *
 * Written against Apollo Gateway's `GraphQLDataSource` interface with undici's `request` rather
 * than by extending `RemoteGraphQLDataSource`: that class goes through WHATWG `fetch` and builds a
 * `Request` and `Headers` per call, which a CPU profile of the verification benchmark put at about
 * a quarter of the gateway's busy time. Nothing of it is lost here: no APQ to subgraphs, and the
 * subgraphs send no cache-control headers.
 */
export class HubDataSource implements GraphQLDataSource<GatewayContext> {
  readonly name: string;
  readonly url: string;
  private readonly timeoutMs: number;

  constructor({ name, url, timeoutMs }: { name: string; url: string; timeoutMs: number }) {
    this.name = name;
    this.url = url;
    this.timeoutMs = timeoutMs;
  }

  /** Where the requests go, split once from the URL (the first call: a bad URL fails its fields, not the start). */
  private get target(): { origin: string; path: string } {
    if (!this.split) {
      const u = new URL(this.url);
      this.split = { origin: u.origin, path: `${u.pathname}${u.search}` };
    }
    return this.split;
  }
  private split: { origin: string; path: string } | undefined;

  /** Identical subgraph queries in flight, by subgraph, document, variables and the caller's signed claims. */
  private readonly inFlight = new Map<string, Promise<SubgraphAnswer>>();

  /** Apollo Gateway's call: the subgraph's answer, parsed (each caller its own copy, which the gateway rewrites in place). */
  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    return parsed(await this.answer(options));
  }

  /**
   * The passthrough's call: when the subgraph answered `data` and nothing else, that `data` as the
   * subgraph's own JSON text, never parsed (it goes to the client as it came); else the parsed
   * answer, as `process` gives it.
   */
  async processRaw(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<{ dataText: string } | GatewayGraphQLResponse> {
    const answer = await this.answer(options);
    const dataText = dataOnly(answer);
    return dataText === undefined ? parsed(answer) : { dataText };
  }

  /**
   * Collapses identical in-flight queries into one subgraph call: many callers of a busy
   * dashboard or catalog page cost the subgraph one request. Only queries (never mutations),
   * only for the same caller claims. Waiters share the answer's text; each parses its own copy.
   */
  private answer(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphAnswer> {
    const { request } = options;
    const token = 'context' in options ? options.context.internalToken : undefined;
    const query = request.query ?? '';
    if (!token || !/^\s*(query\b|\{)/.test(query)) return this.fetchTraced(options);
    const key = `${query}\u0000${JSON.stringify(request.variables ?? {})}\u0000${token}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const leader = this.fetchTraced(options).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, leader);
    return leader;
  }

  /** One subgraph call, as a client span when tracing is on (the trace context goes along in the headers). */
  private fetchTraced(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    return withSpan(
      `gateway fetch ${this.name}`,
      { kind: SpanKind.CLIENT, attributes: { 'hub.subgraph': this.name, 'server.address': this.url } },
      () => this.send(options),
    );
  }

  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphAnswer> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = 'context' in options ? options.context?.internalToken : undefined;
    if (token) headers[INTERNAL_HEADER] = token;
    const scope = requestScope();
    if (scope) headers[REQUEST_ID_HEADER] = scope.requestId;
    injectTraceHeaders((k, v) => {
      headers[k] = v;
    });
    const body = JSON.stringify({
      query: request.query,
      ...(request.operationName ? { operationName: request.operationName } : {}),
      ...(request.variables ? { variables: request.variables } : {}),
      ...(request.extensions ? { extensions: request.extensions } : {}),
    });

    let status: number;
    let contentType: string;
    let text: string;
    try {
      const res = await pool.request({
        origin: this.target.origin,
        path: this.target.path,
        method: 'POST',
        headers,
        body,
        // A subgraph that takes longer than this to start or finish its answer fails its fields.
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      status = res.statusCode;
      const type = res.headers['content-type'];
      contentType = (Array.isArray(type) ? type[0] : type) ?? '';
      text = await res.body.text();
    } catch (err) {
      const timedOut = err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError;
      throw new GraphQLError(
        timedOut
          ? `a service behind the gateway did not answer within ${this.timeoutMs} ms`
          : 'a service behind the gateway is unavailable',
        { extensions: { code: timedOut ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE' } },
      );
    }
    return { status, json: /^application\/(graphql-response\+)?json/.test(contentType), text };
  }
}

/** A subgraph's HTTP answer as it came: status, whether it says it is JSON, and the body text. */
interface SubgraphAnswer {
  status: number;
  json: boolean;
  text: string;
}

/** The answer as a GraphQL response, or the error that stands for a refused or garbled one. */
function parsed({ status, json, text }: SubgraphAnswer): GatewayGraphQLResponse {
  const body = json ? parseJson(text) : undefined;
  if (status < 200 || status >= 300) throw errorFromResponse(status, body);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GraphQLError('a service behind the gateway answered something other than a GraphQL response', {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
    });
  }
  return body as GatewayGraphQLResponse;
}

/**
 * The JSON text of `data` when a successful answer is `{"data":{…}}` and nothing else; else
 * undefined. Subgraphs answer through Apollo Server, which writes `errors` before `data` and
 * `extensions` after it; the key names must not occur anywhere in the text (inside a string
 * value a quote would be escaped, so only a field or alias so named can match, and then the
 * answer is parsed as usual: slower, never wrong).
 */
function dataOnly({ status, json, text }: SubgraphAnswer): string | undefined {
  if (!json || status < 200 || status >= 300 || !text.startsWith('{"data":{')) return undefined;
  if (text.includes('"errors":') || text.includes('"extensions":')) return undefined;
  const end = text.trimEnd();
  return end.endsWith('}') ? end.slice('{"data":'.length, -1) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A refused call: the subgraph's own first error (message and code) when it gave one, else the status. */
function errorFromResponse(status: number, body: unknown): GraphQLError {
  const first = (body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | undefined)
    ?.errors?.[0];
  if (first && typeof first.message === 'string' && typeof first.extensions?.code === 'string') {
    const extensions = Object.fromEntries(
      PASSED_ON.filter((k) => first.extensions?.[k] != null).map((k) => [k, first.extensions?.[k]]),
    );
    return new GraphQLError(first.message, { extensions });
  }
  return new GraphQLError(`a service behind the gateway answered ${status}`, {
    extensions: { code: status >= 500 ? 'SUBGRAPH_UNAVAILABLE' : 'SUBGRAPH_REFUSED' },
  });
}
