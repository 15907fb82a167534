import type http from 'node:http';
import { LRUCache } from 'lru-cache';

/**
 * Pieces of the fast paths (快速通道) of the gateway (gateway/src/passthrough.ts) and the subgraphs
 * (jit.ts): a query text that Apollo Server's pipeline has accepted and answered with `data` alone
 * is remembered, and the same text sent again is answered without that pipeline. Whatever is
 * decided per document (parsing, validation, limits, the operation) was decided when it was learnt.
 */

/** An answer a fast path sends: `200`, these headers, this text. */
export interface FastAnswer {
  text: string;
  headers: Record<string, string>;
}

/** A fast path for serveGraphQL: an answer, or undefined to send the request through Apollo Server. */
export type FastPath<Ctx> = (
  req: http.IncomingMessage,
  body: unknown,
  context: () => Promise<Ctx>,
) => Promise<FastAnswer | undefined>;

/** A POST of JSON that asks for JSON (or anything): Apollo Server would answer it `application/json`. */
export function plainJsonRequest(req: http.IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (!type || !/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type)) return false;
  const accept = req.headers.accept;
  return (
    accept === undefined || accept === '*/*' || accept === 'application/json' || accept === 'application/json, */*'
  );
}

/** A single GraphQL request's body a fast path may take: a query text, perhaps a name and variables, no extensions. */
export function plainBody(
  body: unknown,
): { query: string; operationName: string | undefined; variables: Record<string, unknown> } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || extensions !== undefined) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  return {
    query,
    operationName: operationName ?? undefined,
    variables: (variables ?? {}) as Record<string, unknown>,
  };
}

/** Texts kept, at most, and their characters: a client sending ever new texts pushes out the least recently used. */
const MAX_TEXTS = 2_000;
const MAX_CHARS = 4_000_000;

/** Query texts (with operation names) learnt by a fast path, each with what it needs to answer it. */
export class KnownTexts<T> {
  private readonly entries = new LRUCache<string, { entry: T }>({
    max: MAX_TEXTS,
    maxSize: MAX_CHARS,
    sizeCalculation: (_value, key) => Math.max(1, key.length),
  });
  private key = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\u0000${query}`;

  get(query: string, operationName: string | null | undefined): T | undefined {
    return this.entries.get(this.key(query, operationName))?.entry;
  }

  has(query: string, operationName: string | null | undefined): boolean {
    return this.entries.has(this.key(query, operationName));
  }

  learn(query: string, operationName: string | null | undefined, entry: T) {
    const key = this.key(query, operationName);
    if (this.entries.has(key)) return;
    this.entries.set(key, { entry });
  }
}

/**
 * 合批 (batching): the gateway's fast path gathers its calls to one subgraph for the same caller
 * while the event loop turns and sends them as one POST whose body is a JSON array of requests
 * (at most MAX_BATCH), with their request ids, in order, in BATCH_IDS_HEADER. The subgraph answers
 * each by its own fast path, with one context for the whole batch (as Apollo Server does for its
 * batches), and streams the answers back as each is ready (BATCH_ANSWER_TYPE): one line per request,
 * `<index>\t<its answer's JSON text>` or `<index>\tnull` for one the fast path does not take (the
 * gateway sends that one again by itself). A slow request (a wide statistics table) holds up no
 * other; answers ready together go in one write. JSON text has no raw newline, so the gateway finds
 * each answer without parsing it.
 */
export const MAX_BATCH = 64;
export const BATCH_IDS_HEADER = 'x-hub-request-ids';
export const BATCH_ANSWER_TYPE = 'application/x-hub-batch; charset=utf-8';

/** One line of a batch's answer: the request's index and its answer's text (undefined: not answered). */
export function batchLine(index: number, text: string | undefined): string {
  return `${index}\t${text === undefined ? 'null' : text.trimEnd()}\n`;
}

/** A line of a batch's answer (without its newline) read back; undefined when it is not one. */
export function batchLineItem(line: string): { index: number; text: string | undefined } | undefined {
  const tab = line.indexOf('\t');
  const digits = line.slice(0, tab);
  const text = line.slice(tab + 1);
  if (tab < 1 || !/^\d{1,3}$/.test(digits) || text === '') return undefined;
  return { index: Number(digits), text: text === 'null' ? undefined : text };
}
