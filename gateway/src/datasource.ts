import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  BATCH_ANSWER_TYPE,
  BATCH_IDS_HEADER,
  batchLineItem,
  type Claims,
  INTERNAL_HEADER,
  injectTraceHeaders,
  MAX_BATCH,
  REQUEST_ID_HEADER,
  requestScope,
  SpanKind,
  withSpan,
} from '@hub/platform';
import { GraphQLError } from 'graphql';
import { Agent, type Dispatcher, errors as undiciErrors } from 'undici';
import { dataOnlyText, incomingOperation } from './apollo-adapter.ts';

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
  private readonly batching: boolean;
  /** Calls to this subgraph: HTTP requests sent, and of those, batches (合批) with the requests they carried. */
  readonly sent = { requests: 0, batches: 0, batched: 0 };

  constructor({
    name,
    url,
    timeoutMs,
    batch = true,
  }: { name: string; url: string; timeoutMs: number; batch?: boolean }) {
    this.name = name;
    this.url = url;
    this.timeoutMs = timeoutMs;
    this.batching = batch;
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
   * The fast path's call (passthrough.ts): the subgraph's `data` as its JSON text when it answered
   * `data` alone, else undefined (the request then goes the ordinary way). 合批: calls for the same
   * caller token made while the event loop turns (every request read in one pass of it) go as one
   * batch (fast-path.ts), up to MAX_BATCH, sent once that pass is over; a lone call goes by itself.
   * Under load this turns many small HTTP exchanges, each a write and a wake-up on both sides and a
   * request through the subgraph's HTTP server, into one.
   */
  fastFetch(request: SubgraphRequest, token: string): Promise<string | undefined> {
    if (!this.batching) return this.alone(request, token);
    // The same query, variables and caller already on its way (a busy dashboard): one answer for all.
    return collapsed(this.fastInFlight, inFlightKey(request.query, request.variables, token), () =>
      this.gather(request, token),
    );
  }

  /** Fast-path calls on their way, by query, variables and caller token (collapsed as `answer` does). */
  private readonly fastInFlight = new Map<string, Promise<string | undefined>>();

  /** Adds a call to the batch being gathered for its caller token, opening one if none is. */
  private gather(request: SubgraphRequest, token: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      let batch = this.gathering.get(token);
      if (!batch) {
        const opened: Batch = { waiting: [], sent: false };
        this.gathering.set(token, opened);
        setImmediate(() => this.flush(token, opened));
        batch = opened;
      }
      batch.waiting.push({ request, requestId: requestScope()?.requestId, resolve });
      if (batch.waiting.length >= MAX_BATCH) this.flush(token, batch);
    });
  }

  /** Batches being gathered, by caller token. */
  private readonly gathering = new Map<string, Batch>();

  private flush(token: string, batch: Batch) {
    if (this.gathering.get(token) === batch) this.gathering.delete(token);
    if (batch.sent) return;
    batch.sent = true;
    const { waiting } = batch;
    if (waiting.length === 1) {
      const [one] = waiting as [Waiting];
      void this.alone(one.request, token).then(one.resolve);
      return;
    }
    // Every waiting call is answered once the batch is over, at the latest (undefined: the ordinary way).
    void this.sendBatch(waiting, token)
      .catch(() => undefined)
      .then(() => {
        for (const w of waiting) w.resolve(undefined);
      });
  }

  /** One fast-path call by itself, through the in-flight collapsing of `answer`. */
  private async alone(request: SubgraphRequest, token: string): Promise<string | undefined> {
    try {
      const answer = await this.answer(
        incomingOperation({ request, context: { internalToken: token } as GatewayContext }),
      );
      return dataOnly(answer);
    } catch {
      return undefined;
    }
  }

  /**
   * One batch: each call is answered as its line arrives (fast-path.ts), with the subgraph's `data`
   * text, or undefined for one not answered with `data` alone; calls left unanswered when the
   * answer ends (or fails) are answered undefined by `flush`.
   */
  private sendBatch(waiting: Waiting[], token: string): Promise<void> {
    return withSpan(
      `gateway fetch ${this.name} (batch)`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'hub.subgraph': this.name, 'server.address': this.url, 'hub.batch': waiting.length },
      },
      async () => {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          [INTERNAL_HEADER]: token,
          [BATCH_IDS_HEADER]: waiting.map((w) => w.requestId ?? '').join(','),
        };
        injectTraceHeaders((k, v) => {
          headers[k] = v;
        });
        this.sent.batches++;
        this.sent.batched += waiting.length;
        const res = await this.open(headers, `[${waiting.map((w) => JSON.stringify(w.request)).join(',')}]`);
        const type = res.headers['content-type'];
        if (res.statusCode !== 200 || (Array.isArray(type) ? type[0] : type) !== BATCH_ANSWER_TYPE) {
          await res.body.dump();
          return;
        }
        res.body.setEncoding('utf8');
        let rest = '';
        for await (const chunk of res.body as AsyncIterable<string>) {
          rest += chunk;
          for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n')) {
            const item = batchLineItem(rest.slice(0, end));
            rest = rest.slice(end + 1);
            const text = item?.text;
            waiting[item?.index ?? -1]?.resolve(
              text === undefined ? undefined : dataOnly({ status: 200, json: true, text }),
            );
          }
        }
      },
    );
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
    return collapsed(this.inFlight, inFlightKey(query, request.variables, token), () => this.fetchTraced(options));
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
    return this.post(headers, body);
  }

  /** One POST to the subgraph, its answer read whole. */
  private async post(headers: Record<string, string>, body: string): Promise<SubgraphAnswer> {
    const res = await this.open(headers, body);
    const type = res.headers['content-type'];
    const contentType = (Array.isArray(type) ? type[0] : type) ?? '';
    let text: string;
    try {
      text = await res.body.text();
    } catch (err) {
      throw this.failure(err);
    }
    return { status: res.statusCode, json: /^application\/(graphql-response\+)?json/.test(contentType), text };
  }

  /** One POST to the subgraph, its answer not yet read; a hung or unreachable subgraph is SUBGRAPH_TIMEOUT or SUBGRAPH_UNAVAILABLE. */
  private async open(headers: Record<string, string>, body: string): Promise<Dispatcher.ResponseData> {
    this.sent.requests++;
    try {
      return await pool.request({
        origin: this.target.origin,
        path: this.target.path,
        method: 'POST',
        headers,
        body,
        // A subgraph that takes longer than this to start or finish its answer fails its fields.
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
    } catch (err) {
      throw this.failure(err);
    }
  }

  private failure(err: unknown): GraphQLError {
    const timedOut = err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError;
    return new GraphQLError(
      timedOut
        ? `a service behind the gateway did not answer within ${this.timeoutMs} ms`
        : 'a service behind the gateway is unavailable',
      { extensions: { code: timedOut ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE' } },
    );
  }
}

/** The key of a query on its way to a subgraph: its text, its variables and the caller's signed claims. */
const inFlightKey = (query: string, variables: Record<string, unknown> | undefined, token: string) =>
  `${query}\u0000${JSON.stringify(variables ?? {})}\u0000${token}`;

/** The promise already under `key` in `pending`, else `start()`'s, kept there until it settles. */
function collapsed<T>(pending: Map<string, Promise<T>>, key: string, start: () => Promise<T>): Promise<T> {
  const known = pending.get(key);
  if (known) return known;
  const leader = start().finally(() => pending.delete(key));
  pending.set(key, leader);
  return leader;
}

/** A request the fast path sends a subgraph (the query the planner would send, with the variables it uses). */
export interface SubgraphRequest {
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
}

/** A fast-path call waiting for its batch to be sent, and where its answer goes. */
interface Waiting {
  request: SubgraphRequest;
  requestId: string | undefined;
  resolve: (dataText: string | undefined) => void;
}

interface Batch {
  waiting: Waiting[];
  sent: boolean;
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

/** The JSON text of `data` when a successful answer is `{"data":{…}}` and nothing else (apollo-adapter.ts). */
function dataOnly({ status, json, text }: SubgraphAnswer): string | undefined {
  if (!json || status < 200 || status >= 300) return undefined;
  return dataOnlyText(text);
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
