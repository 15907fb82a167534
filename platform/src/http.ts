import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { BATCH_ANSWER_TYPE, BATCH_IDS_HEADER, batchLine, type FastPath, MAX_BATCH } from './fast-path.ts';
import {
  accessLogger,
  inRequestScope,
  logError,
  REQUEST_ID_HEADER,
  type RequestScope,
  requestIdFrom,
  scrubResidentIds,
} from './log.ts';
import { contextFromHeaders, SpanKind, withSpan } from './tracing.ts';

/** A GET route: its answer is JSON, or with `contentType` the text `body` as it is (e.g. /metrics). */
export type RouteHandler = (
  req: http.IncomingMessage,
) => Promise<{ status: number; body: unknown; contentType?: string }>;
/** A POST route with a JSON body (the gateway's /admin/clock). */
export type ActionHandler = (req: http.IncomingMessage, body: unknown) => Promise<{ status: number; body: unknown }>;

/** The header naming the sandbox date on every answer while one is set (see `ServeOptions.sandbox`). */
export const SANDBOX_DATE_HEADER = 'x-hub-sandbox-date';

export interface ServeOptions<Ctx extends BaseContext> {
  server: ApolloServer<Ctx>;
  /** The request context; `body` is the parsed JSON body of a POST (the gateway's audit of refusals reads it). */
  context: (req: http.IncomingMessage, body: unknown) => Promise<Ctx>;
  port: number;
  host?: string;
  /** Extra GET routes, e.g. /health and /ready. */
  routes?: Record<string, RouteHandler>;
  /** Extra POST routes taking a JSON body, e.g. /admin/clock. */
  actions?: Record<string, ActionHandler>;
  /**
   * The sandbox date while an administrator has set one (gateway/src/sandbox-clock.ts): every
   * GraphQL answer then carries it in `extensions.sandboxClock` and the x-hub-sandbox-date header.
   */
  sandbox?: () => unknown;
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  /** Longest accepted query text, in characters. */
  maxQueryChars?: number;
  /** Service name in logs and traces (default `graphql`). */
  name?: string;
  /** Level of the one line logged per GraphQL request (default `debug`; the gateway's is `info`). */
  accessLogLevel?: 'info' | 'debug';
  /**
   * A shorter way to a POST's answer for query texts Apollo Server has answered before (fast-path.ts):
   * an answer, sent `200`, or undefined, and the request goes to Apollo Server. `context` is the
   * request's context, made once and shared with Apollo's path.
   */
  fastPath?: FastPath<Ctx>;
  /**
   * Accept the gateway's batches (合批, fast-path.ts): a POST of a JSON array, each request answered
   * by `fastPath` with one context. Subgraphs only: the gateway's own callers may not batch (its
   * rate limit counts requests).
   */
  batch?: boolean;
  /**
   * Runs once a request's GraphQL work is done, before its answer (or a batch's last line) is
   * sent, with the context it was given and its request id — e.g. the audit of personal data it
   * read (object-access.ts). Only for requests whose context was made.
   */
  beforeAnswer?: (ctx: Ctx, requestId: string) => Promise<void>;
  /**
   * Static pages for a GET or HEAD that no route took (the gateway's web front, gateway/src/web.ts):
   * true when it answered, false to fall through to the 404.
   */
  pages?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean>;
  /**
   * Requests of any method that no route, action or /graphql took, before `pages` (the gateway's
   * /templates/ and /uploads/, gateway/src/sheets/routes.ts): true when it answered.
   */
  requests?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean>;
}

export interface Served {
  url: string;
  port: number;
  httpServer: http.Server;
  /** Requests answered by the fast path (`ServeOptions.fastPath`), without Apollo Server's pipeline; batches received (`ServeOptions.batch`). */
  fastAnswers: { count: number; batches: number };
  /** Stops accepting connections, lets in-flight requests finish, then stops the GraphQL server. */
  close(): Promise<void>;
}

class BodyError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, message: string, code = 'BAD_REQUEST') {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Past this many bytes an oversized body is not even drained: the connection is cut. */
const DRAIN_LIMIT_FACTOR = 16;

/**
 * Reads the body up to `limit` bytes. A larger body is drained unread and then refused (413), so
 * the client gets its answer instead of a reset connection; one beyond 16 × the limit is cut off.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const tooLarge = () => new BodyError(413, `request body larger than ${limit} bytes`, 'BODY_TOO_LARGE');
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit * DRAIN_LIMIT_FACTOR) {
        reject(tooLarge());
        req.destroy();
        return;
      }
      if (size > limit) {
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The operation's name for the access log: the one asked for, else the first in the document. */
function operationNameOf(body: unknown, query: unknown): string | undefined {
  const named = (body as { operationName?: unknown } | undefined)?.operationName;
  // A name is the caller's text: anything shaped like a resident ID in it is masked.
  if (typeof named === 'string' && /^[_A-Za-z]\w{0,99}$/.test(named)) return scrubResidentIds(named);
  if (typeof query !== 'string') return undefined;
  const fromQuery = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w{0,99})/.exec(query)?.[1];
  return fromQuery === undefined ? undefined : scrubResidentIds(fromQuery);
}

/**
 * Serves an Apollo Server over node:http at /graphql, plus a few plain JSON
 * routes. Hand-written because Apollo's standalone server has no extra routes
 * and the Express integration would add a framework for two GET handlers.
 */
export async function serveGraphQL<Ctx extends BaseContext>(opts: ServeOptions<Ctx>): Promise<Served> {
  const { server, routes = {}, maxBodyBytes = 1_000_000 } = opts;
  const host = opts.host ?? '127.0.0.1';
  let stopping = false;

  const service = opts.name ?? 'graphql';
  const accessLog = accessLogger(service);
  const accessLogLevel = opts.accessLogLevel ?? 'debug';
  const fastAnswers = { count: 0, batches: 0 };

  /** `beforeAnswer` for a request whose context was made (a refused caller's was not: nothing ran). */
  const settle = async (context: () => Promise<Ctx>, scope: RequestScope) => {
    if (!opts.beforeAnswer) return;
    let ctx: Ctx;
    try {
      ctx = await context();
    } catch {
      return;
    }
    await opts.beforeAnswer(ctx, scope.requestId);
  };

  /** 合批: a batch of requests from the gateway (fast-path.ts), each answered by the fast path or `null`. */
  const answerBatch = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    items: unknown[],
    context: () => Promise<Ctx>,
    fastPath: FastPath<Ctx>,
    scope: RequestScope,
  ) => {
    if (items.length === 0 || items.length > MAX_BATCH) {
      throw new BodyError(400, `a batch holds 1 to ${MAX_BATCH} requests`, 'BAD_BATCH');
    }
    try {
      await context();
    } catch (err) {
      // A refused caller (no or a bad signed header): the whole batch is refused, as one request would be.
      if (!(err instanceof GraphQLError)) throw err;
      const { http: given, ...extensions } = err.extensions as { http?: { status?: number } };
      sendJson(res, given?.status ?? 400, { errors: [{ message: err.message, extensions }] });
      return;
    }
    const ids = String(req.headers[BATCH_IDS_HEADER] ?? '').split(',');
    fastAnswers.batches++;
    res.writeHead(200, { 'content-type': BATCH_ANSWER_TYPE });
    // Each answer as soon as it is ready; those ready in the same turn of the event loop in one write.
    let corked = false;
    const send = (line: string) => {
      if (!corked) {
        corked = true;
        res.cork();
        process.nextTick(() => {
          corked = false;
          res.uncork();
        });
      }
      res.write(line);
    };
    await Promise.all(
      items.map(async (item, i) => {
        const answer = await inRequestScope({ requestId: requestIdFrom(ids[i]) }, () =>
          fastPath(req, item, context),
        ).catch(() => undefined);
        if (answer) fastAnswers.count++;
        send(batchLine(i, answer?.text));
      }),
    );
    await settle(context, scope);
    res.end();
  };

  /** The answer with the sandbox date in its extensions, while one is set (rare: outside production only). */
  const withSandbox = (res: http.ServerResponse, text: string): string => {
    const sandbox = opts.sandbox?.();
    if (!sandbox) return text;
    const day = (sandbox as { today?: string }).today;
    if (day) res.setHeader(SANDBOX_DATE_HEADER, day);
    try {
      const answer = JSON.parse(text) as { extensions?: Record<string, unknown> };
      if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) return text;
      answer.extensions = { ...answer.extensions, sandboxClock: sandbox };
      const out = JSON.stringify(answer);
      res.removeHeader('content-length');
      return out;
    } catch {
      return text;
    }
  };

  /** A refused or failed request's answer: a BodyError's status and code, else 500 (logged). */
  const sendFailure = (res: http.ServerResponse, err: unknown) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (!(err instanceof BodyError)) logError(service, err);
    const status = err instanceof BodyError ? err.status : 500;
    const message = err instanceof BodyError ? err.message : 'internal error';
    const code = err instanceof BodyError ? err.code : 'INTERNAL_SERVER_ERROR';
    sendJson(res, status, { errors: [{ message, extensions: { code } }] });
  };

  const handleGraphQL = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL, scope: RequestScope) => {
    const started = performance.now();
    let operation: string | undefined;
    let batchSize: number | undefined;
    res.setHeader(REQUEST_ID_HEADER, scope.requestId);
    res.once('finish', () => {
      if (!accessLog.isLevelEnabled(accessLogLevel)) return;
      // Never the variables, the query text, tokens or anything else a caller sent.
      accessLog[accessLogLevel](
        {
          method: req.method,
          operation,
          ...(batchSize === undefined ? {} : { batch: batchSize }),
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          role: scope.role,
        },
        'request',
      );
    });
    await withSpan(
      `${service} ${req.method ?? 'GET'} /graphql`,
      { kind: SpanKind.SERVER, parent: contextFromHeaders(req.headers), attributes: { 'hub.service': service } },
      async (span) => {
        try {
          await handle();
        } catch (err) {
          // Answered here, inside the request's scope: its access log line carries its request id too.
          sendFailure(res, err);
        } finally {
          span?.setAttributes({
            'http.response.status_code': res.statusCode,
            ...(operation ? { 'graphql.operation.name': operation } : {}),
          });
        }
      },
    );

    async function handle() {
      let body: unknown;
      if (req.method === 'POST') {
        const text = await readBody(req, maxBodyBytes);
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          throw new BodyError(400, 'request body is not valid JSON');
        }
      }
      const query =
        req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
      operation =
        req.method === 'POST'
          ? operationNameOf(body, query)
          : operationNameOf({ operationName: url.searchParams.get('operationName') }, query);
      if (opts.maxQueryChars && typeof query === 'string' && query.length > opts.maxQueryChars) {
        throw new BodyError(413, `the query text is longer than ${opts.maxQueryChars} characters`, 'QUERY_TOO_LARGE');
      }
      // Made at most once: a request the fast path hands on to Apollo Server is not limited or audited twice.
      let context: Promise<Ctx> | undefined;
      const contextOnce = () => {
        context ??= opts.context(req, body);
        return context;
      };
      if (opts.batch && opts.fastPath && req.method === 'POST' && Array.isArray(body)) {
        batchSize = body.length;
        await answerBatch(req, res, body, contextOnce, opts.fastPath, scope);
        return;
      }
      if (opts.fastPath && req.method === 'POST') {
        const fast = await opts.fastPath(req, body, contextOnce);
        if (fast) {
          fastAnswers.count++;
          res.statusCode = 200;
          for (const [key, value] of Object.entries(fast.headers)) res.setHeader(key, value);
          await settle(contextOnce, scope);
          res.end(withSandbox(res, fast.text));
          return;
        }
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const request: HTTPGraphQLRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: url.search,
        body,
      };
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: request,
        context: contextOnce,
      });
      if (context) await settle(contextOnce, scope);
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(withSandbox(res, response.body.string));
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const httpServer = http.createServer(async (req, res) => {
    // A request that finishes while the server stops closes its connection, so no keep-alive holds the stop up.
    if (stopping) res.setHeader('connection', 'close');
    res.once('finish', () => {
      if (stopping) req.socket.end();
    });
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = routes[url.pathname];
      if (route && req.method === 'GET') {
        const { status, body, contentType } = await route(req);
        if (contentType && typeof body === 'string') {
          res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
          res.end(body);
        } else sendJson(res, status, body);
        return;
      }
      const action = opts.actions?.[url.pathname];
      if (action && req.method === 'POST') {
        const text = await readBody(req, 10_000);
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          throw new BodyError(400, 'request body is not valid JSON');
        }
        const { status, body: answer } = await action(req, body);
        sendJson(res, status, answer);
        return;
      }
      if (url.pathname !== '/graphql') {
        if (opts.requests && (await opts.requests(req, res, url))) return;
        if (opts.pages && (req.method === 'GET' || req.method === 'HEAD') && (await opts.pages(req, res, url))) return;
        sendJson(res, 404, { error: 'not found', graphql: '/graphql' });
        return;
      }
      const scope: RequestScope = { requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]) };
      await inRequestScope(scope, () => handleGraphQL(req, res, url, scope));
    } catch (err) {
      sendFailure(res, err);
    }
  });
  httpServer.keepAliveTimeout = 65_000;
  // Requests Node's parser refuses (headers too large, malformed) get a JSON error too, not a bare status line.
  httpServer.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const text = JSON.stringify({
      errors: [
        {
          message: tooLarge ? 'the request line or headers are too large' : 'malformed HTTP request',
          extensions: { code: tooLarge ? 'REQUEST_HEADERS_TOO_LARGE' : 'BAD_REQUEST' },
        },
      ],
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    // A deep accept queue: a burst of new connections (hundreds of clients at once) waits instead of being reset.
    httpServer.listen({ port: opts.port, host, backlog: 4096 }, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    httpServer,
    fastAnswers,
    close() {
      closing ??= (async () => {
        stopping = true;
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeIdleConnections();
        });
        await server.stop();
      })();
      return closing;
    },
  };
}
