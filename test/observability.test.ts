import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { flushTracing, logger } from '@hub/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub, token } from './helpers.ts';

/** One span as OTLP/HTTP JSON carries it. */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: Record<string, unknown> }[];
}

// An in-process OTLP/HTTP receiver: collects every span the hub exports.
const spans: OtlpSpan[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let raw: Buffer = Buffer.concat(chunks);
    if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
    const body = JSON.parse(raw.toString('utf8')) as {
      resourceSpans?: { scopeSpans?: { spans?: OtlpSpan[] }[] }[];
    };
    for (const rs of body.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) spans.push(...(ss.spans ?? []));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

// The hub's log lines, as written to stdout.
const lines: Record<string, unknown>[] = [];
const write = process.stdout.write.bind(process.stdout);

let hub: TestHub;
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  logger.level = 'debug'; // subgraphs log each request at debug
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    for (const line of String(chunk).split('\n')) {
      if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  hub = await startTestHub(300);
});
afterAll(async () => {
  process.stdout.write = write;
  await hub?.stop();
  receiver.close();
});

const QUERY =
  'query CertificateIssuers($n: Int!) { certificates(first: $n) { edges { node { number issuer { name } } } } }';

async function post(headers: Record<string, string>) {
  const auth = await token({ role: 'province_center', sub: 'observer' });
  return fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}`, ...headers },
    body: JSON.stringify({ query: QUERY, variables: { n: 2 } }),
  });
}

describe('request ids and structured logs', () => {
  it('keeps a valid incoming x-request-id, returns it, and logs it at the gateway and in every subgraph called', async () => {
    const res = await post({ 'x-request-id': 'client-req.0001' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('client-req.0001');
    await res.json();
    const mine = lines.filter((l) => l.reqId === 'client-req.0001');
    const access = mine.filter((l) => l.service === 'gateway' && l.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ method: 'POST', operation: 'CertificateIssuers', status: 200, level: 30 });
    expect(access[0]?.role).toBe('province_center');
    expect(typeof access[0]?.ms).toBe('number');
    const subgraphs = new Set(mine.filter((l) => l.service !== 'gateway').map((l) => l.service));
    expect([...subgraphs].sort()).toEqual(['assessments', 'enterprises']);
    // Never the variables, the query text, the token or the caller's name.
    const text = JSON.stringify(mine);
    expect(text).not.toMatch(/variables|authorization|Bearer|observer|certificates\(/);
  });

  it('replaces a malformed x-request-id with one of its own', async () => {
    const res = await post({ 'x-request-id': 'two words; and more' });
    await res.json();
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((l) => l.reqId === id && l.service === 'gateway')).toBe(true);
  });
});

describe('OpenTelemetry traces', () => {
  it('exports one trace linking the gateway request, its subgraph fetches, the subgraph operations and their SQL', async () => {
    const res = await post({ 'x-request-id': 'traced-1' });
    expect(res.status).toBe(200);
    await res.json();
    await flushTracing();
    const gatewaySpan = spans.find((s) => s.name === 'gateway POST /graphql' && s.kind === 2);
    expect(gatewaySpan).toBeDefined();
    const trace = spans.filter((s) => s.traceId === gatewaySpan?.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const ancestors = (s: OtlpSpan) => {
      const chain: OtlpSpan[] = [];
      for (let p = s.parentSpanId && byId.get(s.parentSpanId); p; p = p.parentSpanId && byId.get(p.parentSpanId))
        chain.push(p);
      return chain;
    };
    const sql = trace.filter((s) => s.name.startsWith('sql '));
    expect(sql.length).toBeGreaterThan(0);
    // Each SQL span hangs under a subgraph's server span, under the gateway's fetch, under the gateway request.
    for (const statement of sql) {
      const chain = ancestors(statement).map((s) => s.name);
      expect(chain.some((n) => /^(assessments|enterprises) POST \/graphql$/.test(n))).toBe(true);
      expect(chain.some((n) => /^gateway fetch (assessments|enterprises)$/.test(n))).toBe(true);
      expect(chain.at(-1)).toBe('gateway POST /graphql');
    }
    const names = new Set(trace.map((s) => s.name));
    for (const n of [
      'gateway fetch assessments',
      'gateway fetch enterprises',
      'assessments POST /graphql',
      'enterprises POST /graphql',
    ])
      expect(names).toContain(n);
    // Statements are named, their parameters never exported.
    const attrs = JSON.stringify(sql.map((s) => s.attributes));
    expect(attrs).toContain('db.query.text');
    expect(attrs).not.toContain('observer');
  });
});
