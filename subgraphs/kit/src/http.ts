import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';

export type RouteHandler = (req: http.IncomingMessage) => Promise<{ status: number; body: unknown }>;

export interface ServeOptions<Ctx extends BaseContext> {
  server: ApolloServer<Ctx>;
  context: (req: http.IncomingMessage) => Promise<Ctx>;
  port: number;
  host?: string;
  /** Extra GET routes, e.g. /health and /ready. */
  routes?: Record<string, RouteHandler>;
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
}

export interface Served {
  url: string;
  port: number;
  httpServer: http.Server;
  /** Stops accepting connections, lets in-flight requests finish, then stops the GraphQL server. */
  close(): Promise<void>;
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyError(413, `request body larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
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

/**
 * Serves an Apollo Server over node:http at /graphql, plus a few plain JSON
 * routes. Hand-written because Apollo's standalone server has no extra routes
 * and the Express integration would add a framework for two GET handlers.
 */
export async function serveGraphQL<Ctx extends BaseContext>(opts: ServeOptions<Ctx>): Promise<Served> {
  const { server, routes = {}, maxBodyBytes = 1_000_000 } = opts;
  const host = opts.host ?? '127.0.0.1';

  const httpServer = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = routes[url.pathname];
      if (route && req.method === 'GET') {
        const { status, body } = await route(req);
        sendJson(res, status, body);
        return;
      }
      if (url.pathname !== '/graphql') {
        sendJson(res, 404, { error: 'not found', graphql: '/graphql' });
        return;
      }
      let body: unknown;
      if (req.method === 'POST') {
        const text = await readBody(req, maxBodyBytes);
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          throw new BodyError(400, 'request body is not valid JSON');
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
        context: () => opts.context(req),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const status = err instanceof BodyError ? err.status : 500;
      const message = err instanceof BodyError ? err.message : 'internal error';
      sendJson(res, status, {
        errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }],
      });
    }
  });
  httpServer.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    httpServer,
    close() {
      closing ??= (async () => {
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
